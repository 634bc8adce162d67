package org.mastermail.internal.parse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.mastermail.MasterMailException;

/**
 * Reads a raw RFC 5322 message into a {@link ParsedMessage}, leniently and in one streaming pass: whatever the
 * content, it returns a result and lists what was wrong in {@link ParsedMessage#problems()}; only a failure of the
 * stream itself is thrown. Memory stays bounded whatever the message size: bodies are decoded only up to the
 * {@link ParseLimits}, attachments are hashed as they stream past and not kept.
 *
 * <pre>{@code
 * MessageParser parser = new MessageParser(ParseLimits.DEFAULTS);
 * try (InputStream in = Files.newInputStream(eml)) {
 *   ParsedMessage message = parser.parse(in);
 *   message.attachments().forEach(a -> blobs.link(a.sha256(), a.filename()));
 * }
 * }</pre>
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class MessageParser {
  private final ParseLimits limits;

  public MessageParser(ParseLimits limits) {
    this.limits = requireNonNull(limits, "limits");
  }

  /**
   * Parses the message; reads {@code raw} to its end and does not close it.
   *
   * @throws MasterMailException when reading {@code raw} fails
   */
  public ParsedMessage parse(InputStream raw) {
    return parse(raw, KnownBodies.NONE);
  }

  /**
   * As {@link #parse(InputStream)}, taking the decoded size and SHA-256 of base64 attachments whose encoded bytes are
   * those of a known body instead of decoding them (the result is the same).
   */
  public ParsedMessage parse(InputStream raw, KnownBodies known) {
    requireNonNull(raw, "raw");
    requireNonNull(known, "known");
    DigestingInputStream counted = new DigestingInputStream(raw, false);
    Problems problems = new Problems();
    HeaderDecoder decoder = new HeaderDecoder(problems, limits.maxHeaderValueChars());
    Envelope envelope = new Envelope(problems, decoder, new Addresses(problems, decoder), limits.maxHeaders());
    Bodies bodies = new Bodies(problems, limits.maxTextChars(), limits.maxHtmlChars());
    MessageWalker walker = new MessageWalker(limits, problems, decoder, envelope, bodies, known);
    try {
      try {
        walker.walk(counted);
      } catch (IOException | RuntimeException e) {
        if (counted.failed()) {
          throw e;
        }
        // a bug or a mime4j failure on hostile content: keep what was read, say so, and finish reading
        problems.add("parsing stopped early: " + e);
      }
      counted.drain();
    } catch (IOException e) {
      throw new MasterMailException("could not read the message: " + e.getMessage(), e);
    }
    List<String> problemList = counted.count() == 0 ? List.of("the message is empty") : problems.toList();
    return new ParsedMessage(envelope.messageId, envelope.inReplyTo, envelope.references(), envelope.subject,
        envelope.from, envelope.sender, envelope.replyTo, envelope.to, envelope.cc, envelope.deliveredTo(),
        envelope.date, envelope.returnPath, envelope.headers, bodies.text(), bodies.textTruncated(), bodies.html(),
        bodies.htmlTruncated(), walker.attachments(), problemList, counted.count());
  }
}
