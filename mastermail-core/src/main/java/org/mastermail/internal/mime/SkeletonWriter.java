package org.mastermail.internal.mime;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import org.mastermail.blob.BlobId;

/** Writes a skeleton in the {@link SkeletonFormat} layout, merging consecutive literal bytes into few segments. */
final class SkeletonWriter {
  private final DataOutputStream out;
  private final byte[] literal = new byte[SkeletonFormat.MAX_LITERAL];
  private int literalSize;

  SkeletonWriter(OutputStream out) throws IOException {
    this.out = new DataOutputStream(new BufferedOutputStream(out, 8 * 1024));
    this.out.write(SkeletonFormat.MAGIC);
    this.out.writeByte(SkeletonFormat.VERSION);
  }

  void literal(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, literal.length - literalSize);
      System.arraycopy(b, off, literal, literalSize, n);
      literalSize += n;
      off += n;
      len -= n;
      if (literalSize == literal.length) {
        flushLiteral();
      }
    }
  }

  /** Copies {@code length} bytes of {@code in} as literal bytes. */
  void literal(InputStream in, long length) throws IOException {
    byte[] chunk = new byte[8 * 1024];
    while (length > 0) {
      int n = in.read(chunk, 0, (int) Math.min(chunk.length, length));
      if (n < 0) {
        throw new IOException("spooled body ended " + length + " bytes early");
      }
      literal(chunk, 0, n);
      length -= n;
    }
  }

  void base64(BlobId blob, long decodedSize, int lineLength, boolean crlf, boolean finalLineEnding)
      throws IOException {
    flushLiteral();
    out.writeByte(SkeletonFormat.BASE64);
    out.write(digest(blob));
    out.writeLong(decodedSize);
    out.writeInt(lineLength);
    out.writeByte(crlf ? 2 : 1);
    out.writeByte(finalLineEnding ? 1 : 0);
  }

  void identity(BlobId blob, long size) throws IOException {
    flushLiteral();
    out.writeByte(SkeletonFormat.IDENTITY);
    out.write(digest(blob));
    out.writeLong(size);
  }

  /** Ends the skeleton and flushes it; nothing may be written afterwards. */
  void finish(long rawSize, BlobId rawSha256) throws IOException {
    flushLiteral();
    out.writeByte(SkeletonFormat.END);
    out.writeLong(rawSize);
    out.write(digest(rawSha256));
    out.flush();
  }

  private void flushLiteral() throws IOException {
    if (literalSize > 0) {
      out.writeByte(SkeletonFormat.LITERAL);
      out.writeInt(literalSize);
      out.write(literal, 0, literalSize);
      literalSize = 0;
    }
  }

  private static byte[] digest(BlobId id) {
    return HexFormat.of().parseHex(id.sha256());
  }
}
