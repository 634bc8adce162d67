package org.mastermail.internal.mime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.blob.StoredBlob;
import org.mastermail.internal.mime.SingleInstanceStore.Base64Body;
import org.mastermail.internal.mime.SingleInstanceStore.ExtractedPart;

/**
 * Holds one leaf body at a time while it streams past (in a {@link Spool}, or as a range of the message when that can
 * be read again), then either stores it as a blob and writes
 * a reference into the skeleton, or writes it into the skeleton as literal bytes. A base64 body is stored decoded, and
 * only when {@link Base64Checker} vouches that it re-encodes to the same bytes; any other body is stored as it is.
 */
final class PartExtractor implements Closeable {
  static final int MEMORY_LIMIT = 1024 * 1024;

  private final BlobSink blobs;
  private final int minExtractBytes;
  private final @Nullable Path spoolDirectory;
  private final SkeletonWriter out;
  private final List<ExtractedPart> parts = new ArrayList<>();
  private final List<Base64Body> base64Bodies = new ArrayList<>();
  private long bodyOffset;
  private final @Nullable PositionalBytes source;
  private @Nullable HeldBody spool;
  private @Nullable Base64Checker checker;
  private String encoding = "";
  private int lastLineEnding;

  /** @param source the message, readable again: bodies are then read back from it, not copied (null: copied) */
  PartExtractor(BlobSink blobs, int minExtractBytes, @Nullable Path spoolDirectory, SkeletonWriter out,
      @Nullable PositionalBytes source) {
    this.source = source;
    this.blobs = blobs;
    this.minExtractBytes = minExtractBytes;
    this.spoolDirectory = spoolDirectory;
    this.out = out;
  }

  /** Starts holding the body of a part with these headers, which starts {@code offset} bytes into the message. */
  void begin(PartHeaders headers, long offset) {
    bodyOffset = offset;
    PositionalBytes bytes = source;
    spool = bytes != null ? new RangeBody(bytes, offset) : new Spool(spoolDirectory, MEMORY_LIMIT);
    checker = headers.isBase64() ? new Base64Checker() : null;
    encoding = headers.encoding();
    lastLineEnding = 0;
  }

  boolean active() {
    return spool != null;
  }

  void accept(byte[] b, int start, int contentEnd, int end, boolean lineEnd) throws IOException {
    HeldBody held = requireSpool();
    held.write(b, start, end - start);
    Base64Checker base64 = checker;
    if (base64 != null) {
      base64.accept(b, start, contentEnd, end, lineEnd);
    }
    lastLineEnding = lineEnd ? end - contentEnd : 0;
  }

  /** The body is complete, {@code endOffset} bytes into the message: extracts it or writes it inline. */
  void end(long endOffset) throws IOException {
    HeldBody held = requireSpool();
    if (bodyOffset + held.size() != endOffset) {
      held.close();
      spool = null;
      // every byte between a part's headers and its end reaches accept, so this is a bug, never a message's doing
      throw new IllegalStateException("part body from " + bodyOffset + " took " + held.size() + " bytes but ended at "
          + endOffset);
    }
    Base64Checker base64 = checker;
    spool = null;
    checker = null;
    try {
      boolean extracted = base64 != null ? extractBase64(held, base64) : extractAsIs(held);
      if (!extracted) {
        copyLiteral(held, 0);
      }
    } finally {
      held.close();
    }
  }

  private boolean extractBase64(HeldBody held, Base64Checker base64) throws IOException {
    Base64Checker.Canonical canonical = base64.finish();
    if (canonical == null || canonical.decodedSize() < minExtractBytes) {
      return false;
    }
    StoredBlob blob;
    try (InputStream in = held.openInput()) {
      blob = blobs.put(new Base64DecodingInputStream(in, canonical.extractedLength()));
    }
    if (blob.size() != canonical.decodedSize()) {
      // Cannot happen for a body the checker accepted; should it ever, the inline copy still rebuilds the message.
      return false;
    }
    out.base64(blob.id(), canonical.decodedSize(), canonical.lineLength(), canonical.crlf(),
        canonical.finalLineEnding());
    copyLiteral(held, canonical.extractedLength());
    parts.add(new ExtractedPart(blob.id(), canonical.decodedSize(), "base64"));
    base64Bodies.add(new Base64Body(bodyOffset, canonical.extractedLength(), blob.id(), canonical.decodedSize()));
    return true;
  }

  private boolean extractAsIs(HeldBody held) throws IOException {
    // The line ending before the next boundary belongs to the delimiter, not to the file, so it stays in the skeleton.
    long length = held.size() - lastLineEnding;
    if (length < minExtractBytes) {
      return false;
    }
    StoredBlob blob;
    try (InputStream in = held.openInput()) {
      blob = blobs.put(new BoundedInputStream(in, length));
    }
    if (blob.size() != length) {
      return false;
    }
    out.identity(blob.id(), length);
    copyLiteral(held, length);
    parts.add(new ExtractedPart(blob.id(), length, encoding));
    return true;
  }

  private void copyLiteral(HeldBody held, long from) throws IOException {
    try (InputStream in = held.openInput()) {
      in.skipNBytes(from);
      out.literal(in, held.size() - from);
    }
  }

  private HeldBody requireSpool() {
    HeldBody held = spool;
    if (held == null) {
      throw new IllegalStateException("no part body is being held");
    }
    return held;
  }

  /** The base64 parts extracted so far, in message order, with where their encoded bytes lie. */
  List<Base64Body> base64Bodies() {
    return base64Bodies;
  }

  /** The parts extracted so far, in message order. */
  List<ExtractedPart> parts() {
    return parts;
  }

  @Override
  public void close() throws IOException {
    HeldBody held = spool;
    spool = null;
    if (held != null) {
      held.close();
    }
  }

  /** The first bytes of a stream, leaving the rest unread. */
  private static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedInputStream(InputStream in, long length) {
      this.in = in;
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }
}
