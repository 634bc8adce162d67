package org.mastermail.internal.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts, and optionally SHA-256 hashes, every byte read through it; skipped bytes are read, so they count too. */
final class DigestingInputStream extends FilterInputStream {
  private static final int DRAIN_BUFFER = 16 * 1024;

  private final MessageDigest digest;
  private final boolean hashing;
  private long count;
  private boolean failed;

  DigestingInputStream(InputStream in, boolean hashing) {
    super(in);
    this.hashing = hashing;
    this.digest = sha256();
  }

  @Override
  public int read() throws IOException {
    int b = guarded(() -> super.read());
    if (b >= 0) {
      count++;
      if (hashing) {
        digest.update((byte) b);
      }
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = guarded(() -> super.read(buffer, offset, length));
    if (n > 0) {
      count += n;
      if (hashing) {
        digest.update(buffer, offset, n);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(DRAIN_BUFFER, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // the parser owns neither the caller's stream nor mime4j's part streams
  }

  /** Reads to the end, so that the count and hash cover every byte. */
  void drain() throws IOException {
    byte[] buffer = new byte[DRAIN_BUFFER];
    while (read(buffer, 0, buffer.length) >= 0) {
      // reading is the point
    }
  }

  long count() {
    return count;
  }

  /** Lowercase hex SHA-256 of the bytes read so far; call once, at the end. */
  String sha256Hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Whether the underlying stream itself failed, as opposed to a failure in what was built on top of it. */
  boolean failed() {
    return failed;
  }

  /** Hashes a whole stream: its decoded size and SHA-256. */
  static DigestingInputStream drained(InputStream in) throws IOException {
    DigestingInputStream d = new DigestingInputStream(in, true);
    d.drain();
    return d;
  }

  private interface Read {
    int read() throws IOException;
  }

  private int guarded(Read read) throws IOException {
    try {
      return read.read();
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
