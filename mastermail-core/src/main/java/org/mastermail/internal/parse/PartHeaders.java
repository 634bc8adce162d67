package org.mastermail.internal.parse;

import java.util.Locale;
import org.apache.james.mime4j.stream.Field;
import org.jspecify.annotations.Nullable;

/** The Content-* headers of one MIME entity, as far as choosing bodies and describing attachments needs them. */
final class PartHeaders {
  private static final int MAX_FILENAME_CHARS = 255;

  private @Nullable String contentType;
  private @Nullable String disposition;
  private @Nullable String contentId;
  private @Nullable MimeParams typeParams;
  private @Nullable MimeParams dispositionParams;

  /** Keeps the first of each Content-* header that matters, as mime4j does for Content-Type. */
  void accept(Field field) {
    String name = field.getName().strip().toLowerCase(Locale.ROOT);
    switch (name) {
      case "content-type" -> {
        if (contentType == null) {
          contentType = HeaderDecoder.rawValue(field);
        }
      }
      case "content-disposition" -> {
        if (disposition == null) {
          disposition = HeaderDecoder.rawValue(field);
        }
      }
      case "content-id" -> {
        if (contentId == null) {
          contentId = HeaderDecoder.rawValue(field);
        }
      }
      default -> {
        // other headers do not affect how the part is read
      }
    }
  }

  /** The declared type/subtype in lower case, or null when absent or not of that form. */
  @Nullable String declaredType() {
    String value = type().value().replaceAll("\\s+", "");
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1) {
      return null;
    }
    return value;
  }

  /** Whether mime4j will read this entity as a multipart, which needs a boundary. */
  boolean isMultipart() {
    String type = declaredType();
    return type != null && type.startsWith("multipart/") && type().get("boundary") != null;
  }

  @Nullable String charset() {
    return type().get("charset");
  }

  /** Whether the disposition says attachment; unknown dispositions count as attachment (RFC 2183 section 2.8). */
  boolean isAttachment() {
    String value = disposition().value();
    return !value.isEmpty() && !value.equals("inline");
  }

  /** Inline by disposition, or, without one, because a Content-ID lets html refer to it. */
  boolean isInline() {
    String value = disposition().value();
    return value.equals("inline") || (value.isEmpty() && contentId() != null);
  }

  /** The Content-ID without angle brackets and whitespace, or null. */
  @Nullable String contentId() {
    if (contentId == null) {
      return null;
    }
    String id = contentId.replaceAll("\\s+", "");
    if (id.startsWith("<")) {
      id = id.substring(1);
    }
    int close = id.indexOf('>');
    if (close >= 0) {
      id = id.substring(0, close);
    }
    return id.isEmpty() ? null : id;
  }

  /** The file name from the disposition, else from the type's name parameter, decoded and without directories. */
  @Nullable String filename(HeaderDecoder decoder) {
    String name = disposition().get("filename");
    if (name == null || name.isBlank()) {
      name = type().get("name");
    }
    if (name == null) {
      return null;
    }
    return sanitiseFilename(decoder.decode(name, "Content-Disposition"));
  }

  /** Keeps the last path component, without control characters, at most 255 characters; null when nothing is left. */
  static @Nullable String sanitiseFilename(String name) {
    String clean = HeaderDecoder.clean(name);
    int slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
    clean = clean.substring(slash + 1).strip();
    if (clean.length() > MAX_FILENAME_CHARS) {
      int end = MAX_FILENAME_CHARS;
      if (Character.isHighSurrogate(clean.charAt(end - 1))) {
        end--;
      }
      clean = clean.substring(0, end);
    }
    return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
  }

  private MimeParams type() {
    if (typeParams == null) {
      typeParams = MimeParams.parse(contentType == null ? "" : contentType);
    }
    return typeParams;
  }

  private MimeParams disposition() {
    if (dispositionParams == null) {
      dispositionParams = MimeParams.parse(disposition == null ? "" : disposition);
    }
    return dispositionParams;
  }
}
