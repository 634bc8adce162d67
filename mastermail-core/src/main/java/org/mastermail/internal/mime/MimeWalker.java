package org.mastermail.internal.mime;

import java.io.IOException;

/**
 * Walks a message's MIME structure at the byte level and writes it into a skeleton: every byte goes out exactly once,
 * either as a literal or inside a leaf body handed to the {@link PartExtractor}. Because nothing is ever dropped or
 * rewritten, a structure it misreads (broken boundaries, missing blank lines, garbage headers) costs only
 * deduplication, never the byte-for-byte copy.
 *
 * <p>It knows headers (ending at the first empty line), multiparts (a stack of boundaries, preamble and epilogue kept
 * inline), parts in multipart/digest defaulting to message/rfc822, and encapsulated messages, read as messages of their
 * own. Nesting deeper than {@link #MAX_DEPTH} is kept inline.
 */
final class MimeWalker {
  static final int MAX_DEPTH = 64;

  private enum State { HEADERS, BODY, INLINE }

  private final LineReader lines;
  private final SkeletonWriter out;
  private final PartExtractor extractor;
  private final BoundaryStack boundaries = new BoundaryStack();
  private final HeaderCollector headers = new HeaderCollector();
  private State state = State.HEADERS;
  private int depth;
  private boolean digestParent;

  MimeWalker(LineReader lines, SkeletonWriter out, PartExtractor extractor) {
    this.lines = lines;
    this.out = out;
    this.extractor = extractor;
  }

  /** Reads the whole message. */
  void walk() throws IOException {
    while (lines.next()) {
      byte[] b = lines.buffer();
      int start = lines.start();
      int contentEnd = lines.contentEnd();
      int end = lines.end();
      if (lines.wholeLine()) {
        int frame = boundaries.match(b, start, contentEnd);
        if (frame >= 0) {
          delimiter(frame, boundaries.closing());
          out.literal(b, start, end - start);
          continue;
        }
      }
      switch (state) {
        case HEADERS -> {
          out.literal(b, start, end - start);
          if (lines.wholeLine() && contentEnd == start) {
            headersEnd();
          } else {
            headers.accept(b, start, contentEnd, lines.lineStart());
          }
        }
        case BODY -> extractor.accept(b, start, contentEnd, end, lines.lineEnd());
        case INLINE -> out.literal(b, start, end - start);
      }
    }
    endBody(lines.bytesRead());
  }

  private void delimiter(int index, boolean closing) throws IOException {
    endBody(lines.startOffset());
    BoundaryStack.Frame frame = boundaries.unwindTo(index, closing);
    if (closing) {
      state = State.INLINE;
    } else {
      startHeaders(frame.depth() + 1, frame.digest());
    }
  }

  private void startHeaders(int partDepth, boolean digest) {
    state = State.HEADERS;
    depth = partDepth;
    digestParent = digest;
    headers.reset();
  }

  private void headersEnd() {
    PartHeaders part = headers.finish(digestParent);
    String boundary = part.boundary();
    if (depth >= MAX_DEPTH) {
      state = State.INLINE;
    } else if (boundary != null && part.isMultipart()) {
      boundaries.push(boundary, depth, part.isDigest());
      state = State.INLINE;
    } else if (part.isReadableMessage()) {
      startHeaders(depth + 1, false);
    } else if (part.isBase64() || part.isAttachmentLike()) {
      extractor.begin(part, lines.endOffset());
      state = State.BODY;
    } else {
      state = State.INLINE;
    }
  }

  /** Ends the body under way, if any, which ran up to {@code endOffset} bytes into the message. */
  private void endBody(long endOffset) throws IOException {
    if (state == State.BODY) {
      extractor.end(endOffset);
      state = State.INLINE;
    }
  }
}
