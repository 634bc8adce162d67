package org.mastermail.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides which leaf parts are the message's text and html bodies and accumulates them up to their caps. The first
 * text/plain and the first text/html that are not attachments become the bodies; inside one multipart/alternative
 * the other representations are skipped; outside, further inline text parts are appended, as Apple Mail splits a
 * body around inline images.
 */
final class Bodies {
  /** What to do with a leaf part. */
  enum Role {
    /** Decode it into the text or html body. */
    BODY,
    /** List it as an attachment. */
    ATTACHMENT,
    /** Read past it: another representation of a body already taken, or a body of an attached message. */
    SKIP
  }

  /** The bodies already taken inside one multipart/alternative. */
  static final class Alternative {
    private boolean text;
    private boolean html;
  }

  private final Problems problems;
  private final int maxTextChars;
  private final int maxHtmlChars;
  private final StringBuilder text = new StringBuilder();
  private @Nullable StringBuilder html;
  private boolean hasText;
  private boolean textTruncated;
  private boolean htmlTruncated;

  Bodies(Problems problems, int maxTextChars, int maxHtmlChars) {
    this.problems = problems;
    this.maxTextChars = maxTextChars;
    this.maxHtmlChars = maxHtmlChars;
  }

  Role role(String mimeType, PartHeaders headers, @Nullable String filename, @Nullable Alternative group,
      boolean insideAttachedMessage) {
    boolean plain = mimeType.equals("text/plain");
    boolean candidate = (plain || mimeType.equals("text/html")) && !headers.isAttachment() && filename == null;
    if (!candidate) {
      return Role.ATTACHMENT;
    }
    if (insideAttachedMessage) {
      return Role.SKIP;
    }
    if (group != null && (plain ? group.text : group.html)) {
      return headers.contentId() != null ? Role.ATTACHMENT : Role.SKIP;
    }
    boolean taken = plain ? hasText : html != null;
    if (taken && headers.contentId() != null) {
      return Role.ATTACHMENT;
    }
    if (group != null) {
      if (plain) {
        group.text = true;
      } else {
        group.html = true;
      }
    }
    return Role.BODY;
  }

  /** Decodes a part that {@link #role} made a body into the text or the html. */
  void read(String mimeType, InputStream in, @Nullable String charsetLabel, String path) throws IOException {
    boolean plain = mimeType.equals("text/plain");
    StringBuilder target = plain ? text : html == null ? (html = new StringBuilder()) : html;
    if (plain) {
      hasText = true;
    }
    int max = plain ? maxTextChars : maxHtmlChars;
    int room = max - target.length();
    if (room <= 0) {
      markTruncated(plain);
      return;
    }
    Charset charset = CharsetResolver.resolve(charsetLabel);
    if (CharsetResolver.isUnknown(charsetLabel)) {
      problems.add("unknown charset " + charsetLabel + " in part " + path
          + ", decoded as windows-1252 (UTF-8 where valid)");
    }
    if (plain && target.length() > 0 && target.charAt(target.length() - 1) != '\n') {
      target.append('\n');
      room--;
    }
    TextDecoder.Result result = TextDecoder.decode(in, charset, Math.max(room, 0), plain);
    target.append(result.text());
    if (result.truncated()) {
      markTruncated(plain);
    }
    if (result.badInput() > 0) {
      if (charset == null) {
        problems.add("bytes that are not UTF-8 in part " + path + ", which declares no charset, read as windows-1252");
      } else {
        problems.add("invalid " + charset.name().toLowerCase(Locale.ROOT) + " bytes in part " + path + " replaced");
      }
    }
  }

  /** Whether a text/plain body has been taken. */
  boolean hasText() {
    return hasText;
  }

  /** Takes already decoded text as the text body, when the message offered nothing better. */
  void takeText(String decoded, boolean truncated) {
    hasText = true;
    int room = maxTextChars - text.length();
    text.append(decoded, 0, Math.min(decoded.length(), Math.max(room, 0)));
    if (truncated || decoded.length() > room) {
      textTruncated = true;
    }
  }

  private void markTruncated(boolean plain) {
    if (plain) {
      textTruncated = true;
    } else {
      htmlTruncated = true;
    }
  }

  String text() {
    return text.toString();
  }

  @Nullable String html() {
    return html == null ? null : html.toString();
  }

  boolean textTruncated() {
    return textTruncated;
  }

  boolean htmlTruncated() {
    return htmlTruncated;
  }
}
