package org.mastermail.internal.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.mastermail.internal.io.RangeInput;

/**
 * Gives the decoded size and SHA-256 of a base64 attachment body: taken from a {@link KnownBodies.Body} when the
 * body's encoded bytes are that body's bytes (apart from line endings after the last character, which decode to
 * nothing), else by decoding as mime4j would. A known body is canonical base64, which every decoder reads the same way
 * and without complaint, so taking its digest changes nothing but the time spent.
 *
 * <p>The encoded bytes are compared as they stream past; at the first difference the bytes read so far are replayed
 * into the decoder, so any body, however it differs, is decoded exactly as before.
 */
final class KnownBodyMatcher {
  private static final int CHUNK = 16 * 1024;
  /** Bytes compared to pick the known body a part starts like. */
  private static final int PREFIX = 256;
  /** Line endings after a known body's end beyond which the part is decoded after all (memory stays bounded). */
  private static final int MAX_AFTER = 64 * 1024;

  /** A decoded size and SHA-256 (lower-case hex). */
  record Digest(long size, String sha256) {}

  private final KnownBodies known;
  private final List<KnownBodies.Body> bodies;
  private final DecodeMonitor monitor;
  private int next;
  private byte[] buffer = new byte[0];
  private byte[] reference = new byte[0];

  KnownBodyMatcher(KnownBodies known, DecodeMonitor monitor) {
    this.known = known;
    this.bodies = known.bodies();
    this.monitor = monitor;
  }

  /** Whether any known body is left to match. */
  boolean hasCandidates() {
    return next < bodies.size();
  }

  /** The digest of {@code encoded}, a base64 body as it stands in the message; reads it to its end. */
  Digest digest(InputStream encoded) throws IOException {
    if (buffer.length == 0) {
      buffer = new byte[CHUNK];
      reference = new byte[CHUNK];
    }
    int n = encoded.readNBytes(buffer, 0, CHUNK);
    int index = candidate(n);
    if (index < 0) {
      return decoded(new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(buffer, n)), encoded));
    }
    KnownBodies.Body body = bodies.get(index);
    long compared = 0;
    // line endings read after the known body's end: kept (up to a bound) so that they can be replayed exactly
    ByteArrayOutputStream after = new ByteArrayOutputStream();
    while (n > 0) {
      if (after.size() > MAX_AFTER || !sameAsKnown(body, compared, n)) {
        InputStream before = new SequenceInputStream(new RangeInput(known::read, body.offset(), Math.min(compared,
            body.length())), new ByteArrayInputStream(after.toByteArray()));
        InputStream chunk = new ByteArrayInputStream(Arrays.copyOf(buffer, n));
        return decoded(new SequenceInputStream(new SequenceInputStream(before, chunk), encoded));
      }
      int within = (int) Math.max(0, Math.min(n, body.length() - compared));
      after.write(buffer, within, n - within);
      compared += n;
      n = encoded.readNBytes(buffer, 0, CHUNK);
    }
    if (compared < body.length() && !lineEndingsOnly(body, compared)) {
      return decoded(new RangeInput(known::read, body.offset(), compared));
    }
    next = index + 1;
    return new Digest(body.decodedSize(), body.sha256());
  }

  /** The first known body from {@link #next} on whose first bytes are the first {@code n} bytes in the buffer; -1. */
  private int candidate(int n) throws IOException {
    if (n == 0) {
      return -1;
    }
    for (int i = next; i < bodies.size(); i++) {
      KnownBodies.Body body = bodies.get(i);
      int length = (int) Math.min(Math.min(n, PREFIX), body.length());
      if (readKnown(body.offset(), length) && Arrays.equals(buffer, 0, length, reference, 0, length)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the {@code n} bytes in the buffer, which follow {@code compared} equal bytes, go on as the known body does;
   * bytes beyond its end must all be line endings.
   */
  private boolean sameAsKnown(KnownBodies.Body body, long compared, int n) throws IOException {
    int common = (int) Math.max(0, Math.min(n, body.length() - compared));
    if (!readKnown(body.offset() + compared, common) || !Arrays.equals(buffer, 0, common, reference, 0, common)) {
      return false;
    }
    for (int i = common; i < n; i++) {
      if (buffer[i] != '\r' && buffer[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Whether the known body's bytes from {@code from} to its end are all line endings. */
  private boolean lineEndingsOnly(KnownBodies.Body body, long from) throws IOException {
    long left = body.length() - from;
    if (left > CHUNK || !readKnown(body.offset() + from, (int) left)) {
      return false;
    }
    for (int i = 0; i < left; i++) {
      if (reference[i] != '\r' && reference[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Reads {@code length} bytes of the raw message into {@link #reference}; false when it ends before. */
  private boolean readKnown(long position, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int r = known.read(position + done, reference, done, length - done);
      if (r < 0) {
        return false;
      }
      done += r;
    }
    return true;
  }

  private Digest decoded(InputStream encoded) throws IOException {
    DigestingInputStream hashed = DigestingInputStream.drained(new Base64InputStream(encoded, monitor));
    return new Digest(hashed.count(), hashed.sha256Hex());
  }
}
