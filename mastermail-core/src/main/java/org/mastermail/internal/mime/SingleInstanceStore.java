package org.mastermail.internal.mime;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;
import org.mastermail.internal.mime.SkeletonReader.Base64Part;
import org.mastermail.internal.mime.SkeletonReader.End;
import org.mastermail.internal.mime.SkeletonReader.IdentityPart;
import org.mastermail.internal.mime.SkeletonReader.Literal;
import org.mastermail.internal.mime.SkeletonReader.Segment;

/**
 * Stores raw messages the way Dovecot's single-instance attachment storage does: each attachment body is stored once,
 * decoded, under the SHA-256 of the file, and the message itself as a small skeleton (the raw bytes with each
 * extracted body replaced by a reference) from which {@link #open} rebuilds the original byte for byte.
 *
 * <p>A base64 body is extracted only when encoding its decoded bytes again reproduces it exactly (one line length, one
 * line ending, whether the last line has one); other large attachment bodies are stored as they are; everything else,
 * including whatever the scanner does not understand, stays inline in the skeleton. Both directions stream: neither a
 * whole message nor a whole part is ever held in memory, so messages may be far larger than the heap.
 *
 * <pre>{@code
 * SingleInstanceStore store = new SingleInstanceStore(blobs, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
 * Archived archived = store.store(rawMessage);
 * try (InputStream in = store.open(archived.skeleton())) { ... the original bytes ... }
 * }</pre>
 *
 * <p>Thread-safe when the blob store is.
 */
public final class SingleInstanceStore {
  /** Bodies that decode to fewer bytes than this stay inline: a reference would save little. */
  public static final int DEFAULT_MIN_EXTRACT_BYTES = 4096;
  /** Skeletons up to this size are read into memory once when opened. */
  private static final int SMALL_SKELETON = 64 * 1024;

  /**
   * A stored message.
   *
   * @param skeleton the blob to pass to {@link #open}
   * @param rawSha256 the SHA-256 of the original bytes, the message's content hash (no blob has this id)
   * @param rawSize the number of original bytes
   * @param parts the bodies stored as blobs of their own, in message order
   * @param held the blobs (skeleton, small bodies) not yet stored, which the caller must store with
   *     {@link BlobStore#putAll} before or with the rows that refer to this message; empty from {@link #store}
   * @param base64Bodies the base64 bodies among {@code parts}, with where their encoded bytes lie in the original, so
   *     that a parser reading the same bytes can take their decoded size and digest instead of decoding them again
   */
  public record Archived(BlobId skeleton, BlobId rawSha256, long rawSize, List<ExtractedPart> parts,
      List<BlobStore.Known> held, List<Base64Body> base64Bodies) {
    public Archived {
      requireNonNull(skeleton, "skeleton");
      requireNonNull(rawSha256, "rawSha256");
      parts = List.copyOf(parts);
      held = List.copyOf(held);
      base64Bodies = List.copyOf(base64Bodies);
      if (rawSize < 0) {
        throw new InvalidInputException("rawSize must not be negative, was " + rawSize);
      }
    }
  }

  /**
   * A body stored as a blob of its own.
   *
   * @param blob the blob; for base64 bodies the SHA-256 of the decoded attachment
   * @param decodedSize the blob's size: the decoded attachment for base64, the body as it was otherwise
   * @param contentTransferEncoding "base64" when the blob holds the decoded bytes, otherwise the part's transfer
   *     encoding (lower case, "7bit" when it had none), the blob holding the body in that encoding
   */
  public record ExtractedPart(BlobId blob, long decodedSize, String contentTransferEncoding) {
    public ExtractedPart {
      requireNonNull(blob, "blob");
      requireNonNull(contentTransferEncoding, "contentTransferEncoding");
      if (decodedSize < 0) {
        throw new InvalidInputException("decodedSize must not be negative, was " + decodedSize);
      }
    }
  }

  /**
   * A base64 body stored decoded: its encoded bytes are {@code length} bytes from {@code offset} of the original (all
   * base64 characters and line endings, as {@link Base64Checker} accepted them), and they decode to the blob.
   *
   * @param offset where the body starts, counted from the first byte {@link #store} read
   * @param length the encoded bytes that were decoded into the blob (line endings included, blank lines after them not)
   * @param blob the decoded attachment's blob, named by its SHA-256
   * @param decodedSize the blob's size
   */
  public record Base64Body(long offset, long length, BlobId blob, long decodedSize) {
    public Base64Body {
      requireNonNull(blob, "blob");
      if (offset < 0 || length < 0 || decodedSize < 0) {
        throw new InvalidInputException("offset, length and decodedSize must not be negative, were " + offset + ", "
            + length + ", " + decodedSize);
      }
    }
  }

  /** The skeleton of ordinary mail is a few hundred bytes; only mail that is mostly inline text goes to a file. */
  private static final int SKELETON_MEMORY_LIMIT = 256 * 1024;

  private final BlobStore blobs;
  private final int minExtractBytes;
  private final @Nullable Path spoolDirectory;

  /**
   * @param blobs where skeletons and extracted bodies go
   * @param minExtractBytes the smallest body, in decoded bytes, that is stored as a blob of its own; at least 1
   */
  public SingleInstanceStore(BlobStore blobs, int minExtractBytes) {
    this(blobs, minExtractBytes, null);
  }

  /** As the public constructor, with temporary files in {@code spoolDirectory} (null: the platform's default). */
  SingleInstanceStore(BlobStore blobs, int minExtractBytes, @Nullable Path spoolDirectory) {
    this.blobs = requireNonNull(blobs, "blobs");
    if (minExtractBytes < 1) {
      throw new InvalidInputException("minExtractBytes must be at least 1, was " + minExtractBytes);
    }
    this.minExtractBytes = minExtractBytes;
    this.spoolDirectory = spoolDirectory;
  }

  /**
   * Reads {@code raw} to its end (without closing it) and stores it. Any bytes at all are accepted: what cannot be
   * parsed is kept inline.
   *
   * @throws MasterMailException only when reading {@code raw}, spooling, or the blob store fails
   */
  public Archived store(InputStream raw) {
    return store(raw, false, null);
  }

  /**
   * As {@link #store}, reading part bodies back from {@code source} (the same bytes as {@code raw}, readable at any
   * position) instead of copying them aside, in memory or a temporary file, while they stream past.
   */
  public Archived store(InputStream raw, PositionalBytes source) {
    return store(raw, false, requireNonNull(source, "source"));
  }

  /**
   * As {@link #store}, but holds the skeleton and the small bodies in memory, up to a few MiB per message, instead of
   * storing them: the caller stores {@link Archived#held()} with {@link BlobStore#putAll} in the transaction that
   * archives the message (one round trip for them all, and nothing visible unless the message commits).
   */
  public Archived storeHoldingSmallBlobs(InputStream raw) {
    return store(raw, true, null);
  }

  /** As {@link #storeHoldingSmallBlobs(InputStream)}, reading part bodies back from {@code source}, see above. */
  public Archived storeHoldingSmallBlobs(InputStream raw, PositionalBytes source) {
    return store(raw, true, requireNonNull(source, "source"));
  }

  private Archived store(InputStream raw, boolean hold, @Nullable PositionalBytes source) {
    requireNonNull(raw, "raw");
    BlobSink sink = new BlobSink(blobs, hold);
    MessageDigest digest = Sha256.newDigest();
    try (Spool skeleton = new Spool(spoolDirectory, SKELETON_MEMORY_LIMIT)) {
      SkeletonWriter out = new SkeletonWriter(skeleton);
      LineReader lines = new LineReader(new DigestInputStream(raw, digest), LineReader.DEFAULT_CAPACITY);
      List<ExtractedPart> parts;
      List<Base64Body> base64Bodies;
      try (PartExtractor extractor = new PartExtractor(sink, minExtractBytes, spoolDirectory, out, source)) {
        new MimeWalker(lines, out, extractor).walk();
        parts = extractor.parts();
        base64Bodies = extractor.base64Bodies();
      }
      BlobId rawSha256 = BlobId.ofDigest(digest.digest());
      out.finish(lines.bytesRead(), rawSha256);
      StoredBlob stored;
      try (InputStream in = skeleton.openInput()) {
        stored = skeleton.size() <= SKELETON_MEMORY_LIMIT ? sink.put(in.readAllBytes()) : sink.put(in);
      }
      return new Archived(stored.id(), rawSha256, lines.bytesRead(), parts, sink.held(), base64Bodies);
    } catch (IOException | UncheckedIOException e) {
      throw new MasterMailException("cannot store message: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the original bytes of a stored message for streaming; the caller closes the stream. The skeleton and the
   * presence and size of every blob it references are checked before this returns.
   *
   * @throws NotFoundException when the skeleton or a blob it references is missing
   * @throws MasterMailException when the skeleton is corrupt
   */
  public InputStream open(BlobId skeleton) {
    requireNonNull(skeleton, "skeleton");
    byte[] small = readIfSmall(skeleton);
    if (small != null) {
      verify(skeleton, () -> new ByteArrayInputStream(small));
      try {
        return new ReassemblingInputStream(blobs, new SkeletonReader(skeleton, new ByteArrayInputStream(small)));
      } catch (IOException e) {
        throw new MasterMailException("cannot read skeleton " + skeleton + ": " + e.getMessage(), e);
      }
    }
    verify(skeleton, () -> blobs.open(skeleton));
    InputStream in = blobs.open(skeleton);
    try {
      return new ReassemblingInputStream(blobs, new SkeletonReader(skeleton, in));
    } catch (IOException | RuntimeException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof RuntimeException runtime ? runtime
          : new MasterMailException("cannot read skeleton " + skeleton + ": " + e.getMessage(), e);
    }
  }

  /**
   * The skeleton's bytes when it has at most {@link #SMALL_SKELETON} (most messages: text, small parts inline), so that
   * it is read from the store once, not once to check it and once to send it; null when it is larger.
   */
  private byte @Nullable [] readIfSmall(BlobId skeleton) {
    try (InputStream in = blobs.open(skeleton)) {
      byte[] head = in.readNBytes(SMALL_SKELETON + 1);
      return head.length <= SMALL_SKELETON ? head : null;
    } catch (IOException e) {
      throw new MasterMailException("cannot read skeleton " + skeleton + ": " + e.getMessage(), e);
    }
  }

  private void verify(BlobId skeleton, Supplier<InputStream> source) {
    try (SkeletonReader reader = new SkeletonReader(skeleton, source.get())) {
      long total = 0;
      while (true) {
        Segment segment = reader.next();
        if (segment instanceof Literal literal) {
          reader.skipLiteral(literal.length());
          total += literal.length();
        } else if (segment instanceof Base64Part base64) {
          requireBlob(reader, skeleton, base64.blob(), base64.decodedSize());
          total = addLength(reader, total, encodedLength(reader, base64));
        } else if (segment instanceof IdentityPart identity) {
          requireBlob(reader, skeleton, identity.blob(), identity.size());
          total = addLength(reader, total, identity.size());
        } else if (segment instanceof End end) {
          if (total != end.rawSize()) {
            throw reader.corrupt("its segments add up to " + total + " bytes, its end record says " + end.rawSize());
          }
          reader.requireEnd();
          return;
        }
      }
    } catch (IOException e) {
      throw new MasterMailException("cannot read skeleton " + skeleton + ": " + e.getMessage(), e);
    }
  }

  private void requireBlob(SkeletonReader reader, BlobId skeleton, BlobId blob, long size) {
    long stored = blobs.size(blob);
    if (stored < 0) {
      throw new NotFoundException("blob " + blob + " referenced by skeleton " + skeleton + " is missing");
    }
    if (stored != size) {
      throw reader.corrupt("it expects blob " + blob + " to have " + size + " bytes, the store has " + stored);
    }
  }

  private static long encodedLength(SkeletonReader reader, Base64Part base64) {
    try {
      return base64.encodedLength();
    } catch (ArithmeticException e) {
      throw reader.corrupt("a base64 segment of " + base64.decodedSize() + " bytes cannot be encoded");
    }
  }

  private static long addLength(SkeletonReader reader, long total, long length) {
    try {
      return Math.addExact(total, length);
    } catch (ArithmeticException e) {
      throw reader.corrupt("its segments add up to more than " + Long.MAX_VALUE + " bytes");
    }
  }
}
