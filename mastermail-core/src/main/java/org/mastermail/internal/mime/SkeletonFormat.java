package org.mastermail.internal.mime;

/**
 * The skeleton's binary layout, version 1 (all integers big-endian):
 *
 * <pre>
 * skeleton := "MMSK" version:u8=1 segment* end
 * segment  := 'L' length:i32 byte[length]                 literal bytes, 1..65536 of them
 *           | 'B' sha256:byte[32] decodedSize:i64 lineLength:i32 lineEnding:u8 finalLineEnding:u8
 *                                                          a base64 body: the blob's bytes re-encoded with lines of
 *                                                          lineLength characters, lineEnding 1 = LF, 2 = CRLF,
 *                                                          finalLineEnding 1 when the last line has one
 *           | 'I' sha256:byte[32] size:i64                 a body stored as it was
 * end      := 'E' rawSize:i64 rawSha256:byte[32]           nothing may follow
 * </pre>
 *
 * <p>The end record lets a reader tell a truncated skeleton from a whole one and check what it rebuilt.
 */
final class SkeletonFormat {
  static final byte[] MAGIC = {'M', 'M', 'S', 'K'};
  static final int VERSION = 1;
  static final int LITERAL = 'L';
  static final int BASE64 = 'B';
  static final int IDENTITY = 'I';
  static final int END = 'E';
  static final int MAX_LITERAL = 64 * 1024;
  static final int DIGEST_LENGTH = 32;

  private SkeletonFormat() {}

  /** The length of the base64 text that a decoded body of {@code decodedSize} bytes re-encodes to. */
  static long encodedLength(long decodedSize, int lineLength, boolean crlf, boolean finalLineEnding) {
    long chars = Math.multiplyExact(Math.addExact(decodedSize, 2) / 3, 4L);
    long lines = (chars + lineLength - 1) / lineLength;
    long endings = lines - 1 + (finalLineEnding ? 1 : 0);
    return Math.addExact(chars, Math.multiplyExact(endings, crlf ? 2L : 1L));
  }
}
