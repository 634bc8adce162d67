package org.mastermail.internal.mime;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.internal.mime.SkeletonReader.Base64Part;
import org.mastermail.internal.mime.SkeletonReader.End;
import org.mastermail.internal.mime.SkeletonReader.IdentityPart;
import org.mastermail.internal.mime.SkeletonReader.Literal;
import org.mastermail.internal.mime.SkeletonReader.Segment;

/**
 * Streams a message back from its skeleton: literal bytes as they are, referenced parts from the blob store (base64
 * ones re-encoded). At the end it checks the size and SHA-256 recorded in the skeleton, so that a damaged blob is
 * reported as an {@link IOException} instead of silently yielding different bytes.
 */
final class ReassemblingInputStream extends InputStream {
  private final BlobStore blobs;
  private final SkeletonReader skeleton;
  private final MessageDigest digest = Sha256.newDigest();
  private long produced;
  private int literalRemaining;
  private @Nullable InputStream part;
  private boolean done;

  ReassemblingInputStream(BlobStore blobs, SkeletonReader skeleton) {
    this.blobs = blobs;
    this.skeleton = skeleton;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    try {
      while (!done) {
        int n = 0;
        InputStream current = part;
        if (literalRemaining > 0) {
          n = skeleton.readLiteral(b, off, Math.min(len, literalRemaining));
          literalRemaining -= n;
        } else if (current != null) {
          n = current.read(b, off, len);
          if (n < 0) {
            part = null;
            current.close();
            continue;
          }
        } else {
          advance();
          continue;
        }
        digest.update(b, off, n);
        produced += n;
        return n;
      }
      return -1;
    } catch (MasterMailException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private void advance() throws IOException {
    Segment segment = skeleton.next();
    if (segment instanceof Literal literal) {
      literalRemaining = literal.length();
    } else if (segment instanceof Base64Part base64) {
      part = new Base64Reencoder(blobs.open(base64.blob()), base64.decodedSize(), base64.lineLength(), base64.crlf(),
          base64.finalLineEnding());
    } else if (segment instanceof IdentityPart identity) {
      part = blobs.open(identity.blob());
    } else if (segment instanceof End end) {
      done = true;
      BlobId rebuilt = BlobId.ofDigest(digest.digest());
      if (produced != end.rawSize() || !rebuilt.equals(end.rawSha256())) {
        throw new IOException("rebuilt message (" + produced + " bytes, SHA-256 " + rebuilt + ") differs from the"
            + " original (" + end.rawSize() + " bytes, SHA-256 " + end.rawSha256() + ")");
      }
    }
  }

  @Override
  public void close() throws IOException {
    InputStream current = part;
    part = null;
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      skeleton.close();
    }
  }
}
