package org.mastermail.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.MimeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Walks a message with mime4j's token stream, one stream per message: attached messages are not left to mime4j's
 * recursion but read as a body, so their bytes can be hashed, and parsed by a stream of their own stacked on top.
 * The walk is a loop over that stack, so no depth of nesting can overflow the Java stack.
 */
final class MessageWalker {
  // mime4j's limit on one physical header line; the top-level block is folded well below it, see
  // HeaderRepairInputStream. Only a part header line of this length ends the parse, with a problem.
  private static final int MAX_LINE_BYTES = 1024 * 1024;
  // An encoded word spends up to 12 bytes on a character: the raw field may be that much longer than its value.
  private static final int RAW_BYTES_PER_CHAR = 12;

  private final ParseLimits limits;
  private final Problems problems;
  private final HeaderDecoder decoder;
  private final Envelope envelope;
  private final Bodies bodies;
  private final MimeConfig config;
  private final int maxFieldBytes;
  private final List<PendingAttachment> attachments = new ArrayList<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final KnownBodyMatcher known;

  MessageWalker(ParseLimits limits, Problems problems, HeaderDecoder decoder, Envelope envelope, Bodies bodies,
      KnownBodies known) {
    this.known = new KnownBodyMatcher(known, problems);
    this.limits = limits;
    this.problems = problems;
    this.decoder = decoder;
    this.envelope = envelope;
    this.bodies = bodies;
    this.maxFieldBytes = (int) Math.min(Integer.MAX_VALUE - 1024L,
        (long) limits.maxHeaderValueChars() * RAW_BYTES_PER_CHAR + 1024);
    this.config = MimeConfig.custom()
        .setStrictParsing(false)
        .setMalformedHeaderStartsBody(true)
        .setMaxLineLen(MAX_LINE_BYTES)
        .setMaxHeaderCount(-1)
        .setMaxHeaderLen(-1)
        .setMaxContentLen(-1)
        .build();
  }

  /** Walks the whole message; content problems are recorded, only I/O failures of {@code in} escape. */
  void walk(InputStream in) throws IOException {
    frames.push(open(in, "", 0, null, null));
    while (!frames.isEmpty()) {
      Frame frame = frames.peek();
      problems.at(frame.where());
      EntityState state;
      try {
        state = frame.advance();
      } catch (MimeException e) {
        problems.add(describe(e) + " in " + frame.where() + ", the rest of it skipped");
        state = EntityState.T_END_OF_STREAM;
      }
      if (state == EntityState.T_END_OF_STREAM) {
        close(frames.pop());
      } else {
        handle(frame, state);
      }
    }
  }

  private static String describe(MimeException e) {
    if (e.getCause() instanceof MaxLineLimitException) {
      return "header line longer than " + MAX_LINE_BYTES + " bytes";
    }
    return "unreadable MIME structure (" + Problems.excerpt(String.valueOf(e.getMessage())) + ")";
  }

  List<AttachmentInfo> attachments() {
    return attachments.stream().map(PendingAttachment::toInfo).toList();
  }

  private Frame open(InputStream in, String basePath, int baseDepth, @Nullable DigestingInputStream source,
      @Nullable PendingAttachment attachment) {
    CappedFieldBuilder fields = new CappedFieldBuilder(maxFieldBytes);
    MimeTokenStream stream = new MimeTokenStream(config, problems, fields, null);
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    String where = basePath.isEmpty() ? "the message" : "part " + basePath;
    stream.parse(new HeaderRepairInputStream(in, problems, where));
    return new Frame(stream, fields, basePath, baseDepth, source, attachment);
  }

  private void close(Frame frame) throws IOException {
    if (frame.source != null && frame.attachment != null) {
      frame.source.drain();
      frame.attachment.complete(frame.source.count(), frame.source.sha256Hex(), frame.subject);
    }
  }

  private void handle(Frame frame, EntityState state) throws IOException {
    switch (state) {
      case T_START_MESSAGE -> frame.entity = new Entity(frame.basePath, frame.baseDepth, true);
      case T_START_BODYPART -> {
        Multipart parent = frame.multiparts.peek();
        if (parent == null) {
          throw new IllegalStateException("mime4j started a body part outside a multipart");
        }
        int index = ++parent.children;
        String path = parent.path.isEmpty() ? Integer.toString(index) : parent.path + "." + index;
        frame.entity = new Entity(path, parent.depth + 1, false);
      }
      case T_FIELD -> field(frame, frame.stream.getField());
      case T_END_HEADER -> {
        Entity entity = frame.entity();
        if (entity.headers.isMultipart() && entity.depth >= limits.maxDepth()) {
          problems.add("nesting deeper than " + limits.maxDepth() + " levels truncated at " + entity.where());
          frame.stream.setRecursionMode(RecursionMode.M_FLAT);
          entity.flattened = true;
        }
      }
      case T_START_MULTIPART -> {
        Entity entity = frame.entity();
        Multipart parent = frame.multiparts.peek();
        boolean alternative = frame.stream.getBodyDescriptor().getMimeType().equalsIgnoreCase("multipart/alternative");
        Bodies.Alternative group = alternative ? new Bodies.Alternative() : parent == null ? null : parent.group;
        frame.multiparts.push(new Multipart(entity.path, entity.depth, group));
      }
      case T_PREAMBLE -> preamble(frame);
      case T_END_MULTIPART -> {
        Multipart multipart = frame.multiparts.poll();
        if (multipart != null && multipart.children == 0 && multipart.preamble != null
            && !multipart.preamble.text().isBlank() && !bodies.hasText()) {
          problems.add("no body part found in the multipart at "
              + (multipart.path.isEmpty() ? "the message" : "part " + multipart.path)
              + " (boundary missing or wrong), its content read as text");
          bodies.takeText(multipart.preamble.text(), multipart.preamble.truncated());
        }
      }
      case T_BODY -> {
        Entity entity = frame.entity();
        if (entity.flattened) {
          frame.stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        } else {
          leaf(frame, entity);
        }
      }
      default -> {
        // epilogues and end events carry nothing we keep; mime4j skips their bytes
      }
    }
  }

  // Kept, up to the text cap, in case no boundary ever follows: mime4j then sees only a preamble, and for a
  // message whose boundary is missing or misspelt that preamble is the whole text.
  private void preamble(Frame frame) throws IOException {
    Multipart multipart = frame.multiparts.peek();
    if (multipart != null && frame.source == null && !bodies.hasText()) {
      multipart.preamble = TextDecoder.decode(frame.stream.getInputStream(), null, limits.maxTextChars(), true);
    }
  }

  private void field(Frame frame, Field field) {
    Entity entity = frame.entity();
    if (frame.fields.truncated()) {
      problems.add("header " + field.getName().strip() + " longer than " + maxFieldBytes + " bytes truncated in "
          + entity.where());
    }
    entity.headers.accept(field);
    if (!entity.root) {
      return;
    }
    if (frame.source == null) {
      envelope.accept(field);
    } else if (frame.subject == null && field.getName().strip().equalsIgnoreCase("subject")) {
      frame.subject = decoder.value(field);
    }
  }

  private void leaf(Frame frame, Entity entity) throws IOException {
    String mimeType = frame.stream.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT);
    String path = entity.root ? (frame.basePath.isEmpty() ? "1" : frame.basePath + ".1") : entity.path;
    PartHeaders headers = entity.headers;
    String declared = headers.declaredType();
    if (declared != null && declared.startsWith("multipart/") && !mimeType.startsWith("multipart/")) {
      problems.add(declared + " in part " + path + " has no boundary, read as " + mimeType);
    }
    String filename = headers.filename(decoder);
    String contentType = declared != null || mimeType.equals("message/rfc822") ? mimeType : "application/octet-stream";
    PendingAttachment attachment = new PendingAttachment(path, filename, contentType, headers.contentId(),
        headers.isInline());
    if (mimeType.equals("message/rfc822") || mimeType.equals("message/global")) {
      attachments.add(attachment);
      DigestingInputStream source = new DigestingInputStream(frame.stream.getDecodedInputStream(), true);
      if (entity.depth >= limits.maxDepth()) {
        problems.add("nesting deeper than " + limits.maxDepth() + " levels truncated at part " + path);
        source.drain();
        attachment.complete(source.count(), source.sha256Hex(), null);
      } else {
        frames.push(open(source, path, entity.depth + 1, source, attachment));
      }
      return;
    }
    Multipart parent = frame.multiparts.peek();
    Bodies.Role role = bodies.role(mimeType, headers, filename, parent == null ? null : parent.group,
        frame.source != null);
    switch (role) {
      case BODY -> bodies.read(mimeType, frame.stream.getDecodedInputStream(), headers.charset(), path);
      case ATTACHMENT -> {
        KnownBodyMatcher.Digest digest = digest(frame);
        attachment.complete(digest.size(), digest.sha256(), null);
        attachments.add(attachment);
      }
      case SKIP -> {
        // mime4j reads past the part on the next event
      }
    }
  }

  /** The decoded size and SHA-256 of an attachment body; a base64 one the store has just decoded is only compared. */
  private KnownBodyMatcher.Digest digest(Frame frame) throws IOException {
    if (known.hasCandidates() && MimeUtil.isBase64Encoding(frame.stream.getBodyDescriptor().getTransferEncoding())) {
      return known.digest(frame.stream.getInputStream());
    }
    DigestingInputStream hashed = DigestingInputStream.drained(frame.stream.getDecodedInputStream());
    return new KnownBodyMatcher.Digest(hashed.count(), hashed.sha256Hex());
  }

  /** One mime4j token stream: the outer message, or an attached message stacked on it. */
  private static final class Frame {
    final MimeTokenStream stream;
    final CappedFieldBuilder fields;
    final String basePath;
    final int baseDepth;
    final @Nullable DigestingInputStream source;
    final @Nullable PendingAttachment attachment;
    final Deque<Multipart> multiparts = new ArrayDeque<>();
    @Nullable Entity entity;
    @Nullable String subject;
    private boolean started;

    Frame(MimeTokenStream stream, CappedFieldBuilder fields, String basePath, int baseDepth,
        @Nullable DigestingInputStream source, @Nullable PendingAttachment attachment) {
      this.stream = stream;
      this.fields = fields;
      this.basePath = basePath;
      this.baseDepth = baseDepth;
      this.source = source;
      this.attachment = attachment;
    }

    EntityState advance() throws IOException, MimeException {
      if (!started) {
        started = true;
        return stream.getState();
      }
      return stream.next();
    }

    Entity entity() {
      if (entity == null) {
        throw new IllegalStateException("mime4j gave an entity event before starting an entity");
      }
      return entity;
    }

    String where() {
      return entity == null ? (basePath.isEmpty() ? "the message" : "part " + basePath) : entity.where();
    }
  }

  /** The entity (message or body part) whose events are arriving. */
  private static final class Entity {
    final String path;
    final int depth;
    final boolean root;
    final PartHeaders headers = new PartHeaders();
    boolean flattened;

    Entity(String path, int depth, boolean root) {
      this.path = path;
      this.depth = depth;
      this.root = root;
    }

    String where() {
      return path.isEmpty() ? "the message" : "part " + path;
    }
  }

  private static final class Multipart {
    final String path;
    final int depth;
    final Bodies.@Nullable Alternative group;
    int children;
    TextDecoder.@Nullable Result preamble;

    Multipart(String path, int depth, Bodies.@Nullable Alternative group) {
      this.path = path;
      this.depth = depth;
      this.group = group;
    }
  }
}
