package org.mastermail.internal.mime;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.blob.BlobId;

/**
 * Reads a skeleton segment by segment and rejects anything that is not a well-formed {@link SkeletonFormat} version 1
 * skeleton with a {@link MasterMailException} naming the skeleton and what is wrong.
 */
final class SkeletonReader implements Closeable {
  sealed interface Segment permits Literal, Base64Part, IdentityPart, End {}

  /** {@code length} literal bytes follow; read them with {@link #readLiteral} or {@link #skipLiteral}. */
  record Literal(int length) implements Segment {}

  record Base64Part(BlobId blob, long decodedSize, int lineLength, boolean crlf, boolean finalLineEnding)
      implements Segment {
    long encodedLength() {
      return SkeletonFormat.encodedLength(decodedSize, lineLength, crlf, finalLineEnding);
    }
  }

  record IdentityPart(BlobId blob, long size) implements Segment {}

  record End(long rawSize, BlobId rawSha256) implements Segment {}

  private final BlobId id;
  private final DataInputStream in;

  SkeletonReader(BlobId id, InputStream in) throws IOException {
    this.id = id;
    this.in = new DataInputStream(new BufferedInputStream(in, 8 * 1024));
    byte[] magic = new byte[SkeletonFormat.MAGIC.length];
    int n = this.in.readNBytes(magic, 0, magic.length);
    if (n < magic.length || !Arrays.equals(magic, SkeletonFormat.MAGIC)) {
      throw corrupt("it does not start with the skeleton magic");
    }
    int version = this.in.read();
    if (version != SkeletonFormat.VERSION) {
      throw corrupt("version " + version + " is not supported, only " + SkeletonFormat.VERSION);
    }
  }

  /** The next segment; after {@link End} there is none. */
  Segment next() throws IOException {
    try {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case SkeletonFormat.LITERAL -> {
          int length = in.readInt();
          if (length < 1 || length > SkeletonFormat.MAX_LITERAL) {
            throw corrupt("a literal segment has length " + length);
          }
          return new Literal(length);
        }
        case SkeletonFormat.BASE64 -> {
          BlobId blob = readDigest();
          long decodedSize = in.readLong();
          int lineLength = in.readInt();
          int lineEnding = in.readUnsignedByte();
          int finalLineEnding = in.readUnsignedByte();
          if (decodedSize < 1 || lineLength < 1 || (lineEnding != 1 && lineEnding != 2)
              || (finalLineEnding != 0 && finalLineEnding != 1)) {
            throw corrupt("a base64 segment has decoded size " + decodedSize + ", line length " + lineLength
                + ", line ending " + lineEnding + ", final line ending " + finalLineEnding);
          }
          return new Base64Part(blob, decodedSize, lineLength, lineEnding == 2, finalLineEnding == 1);
        }
        case SkeletonFormat.IDENTITY -> {
          BlobId blob = readDigest();
          long size = in.readLong();
          if (size < 1) {
            throw corrupt("a stored part has size " + size);
          }
          return new IdentityPart(blob, size);
        }
        case SkeletonFormat.END -> {
          long rawSize = in.readLong();
          if (rawSize < 0) {
            throw corrupt("the message size is " + rawSize);
          }
          return new End(rawSize, readDigest());
        }
        default -> throw corrupt("unknown segment tag 0x" + Integer.toHexString(tag));
      }
    } catch (EOFException e) {
      throw corrupt("it is truncated", e);
    }
  }

  /** Reads up to {@code len} bytes of the current literal segment; fewer than one means the skeleton is cut short. */
  int readLiteral(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 1) {
      throw corrupt("it is truncated inside a literal segment");
    }
    return n;
  }

  void skipLiteral(int length) throws IOException {
    try {
      in.skipNBytes(length);
    } catch (EOFException e) {
      throw corrupt("it is truncated inside a literal segment", e);
    }
  }

  /** Fails unless the skeleton ends here. */
  void requireEnd() throws IOException {
    if (in.read() >= 0) {
      throw corrupt("bytes follow its end record");
    }
  }

  private BlobId readDigest() throws IOException {
    byte[] digest = new byte[SkeletonFormat.DIGEST_LENGTH];
    in.readFully(digest);
    return BlobId.ofDigest(digest);
  }

  MasterMailException corrupt(String why) {
    return corrupt(why, null);
  }

  private MasterMailException corrupt(String why, @Nullable Throwable cause) {
    return new MasterMailException("skeleton " + id + " is corrupt: " + why, cause);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
