package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;
import org.mastermail.storage.StorageSession;

/**
 * Blobs in the database, in chunks of {@link #CHUNK} bytes. A put first spools the content to a temporary file while
 * hashing it (the address is known only at the end), then writes the chunks and last the {@code blobs} row that
 * makes the blob visible, unless the address is stored already. Reads fetch one chunk at a time, so neither side holds a large
 * blob in memory.
 *
 * <p>On PostgreSQL the transactions that write blobs commit without waiting for their WAL to reach disk
 * ({@code synchronous_commit = off}): a blob is only ever used by rows committed after it (the archived message, the
 * draft), and PostgreSQL's WAL is written in order, so the synchronous commit of those rows makes the blob durable
 * too; a crash before them loses at most blobs nothing refers to. This saves a disk flush per blob, which is most of
 * an archived message's cost.
 */
public final class JdbcBlobStore implements BlobStore {
  /** 256 KiB: few round trips, yet small pages for H2, which ran out of a 64 MiB heap writing 1 MiB values. */
  static final int CHUNK = 256 * 1024;
  /** 1 MiB per transaction: few commits, and what a database holds uncommitted stays small. */
  static final int CHUNKS_PER_TRANSACTION = 4;
  /** Blobs below this size are hashed in memory and written in one transaction. */
  static final int IN_ONE_TRANSACTION = CHUNK * CHUNKS_PER_TRANSACTION;
  /** Blobs of {@link #readSmall} per query: short enough for any database's limit on parameters. */
  private static final int READ_SMALL_GROUP = 500;

  private final Jdbi jdbi;
  private final boolean lazyCommit;
  /** PostgreSQL: {@code ON CONFLICT DO NOTHING}; H2 knows it only in its PostgreSQL mode. */
  private final boolean onConflictDoNothing;

  public JdbcBlobStore(Jdbi jdbi) {
    this(jdbi, Dialect.H2);
  }

  /** @param dialect on PostgreSQL, blob transactions commit without flushing (see the class comment) */
  public JdbcBlobStore(Jdbi jdbi, Dialect dialect) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.lazyCommit = requireNonNull(dialect, "dialect") == Dialect.POSTGRESQL;
    this.onConflictDoNothing = dialect == Dialect.POSTGRESQL;
  }

  /** Lets this transaction commit without waiting for the disk: the rows that use its blob will. */
  private void commitLazily(Handle h) {
    if (lazyCommit) {
      h.execute("SET LOCAL synchronous_commit TO OFF");
    }
  }

  @Override
  public StoredBlob put(InputStream content) {
    requireNonNull(content, "content");
    Path spool = null;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      DigestInputStream in = new DigestInputStream(content, sha);
      byte[] first = in.readNBytes(IN_ONE_TRANSACTION);
      long size = first.length;
      if (first.length < IN_ONE_TRANSACTION) {
        // most attachments: no temporary file, one transaction for the chunks and the row
        BlobId id = BlobId.ofDigest(sha.digest());
        writeSmall(id, first);
        return new StoredBlob(id, size);
      }
      spool = Files.createTempFile("mastermail-blob-", ".bin");
      try (OutputStream out = Files.newOutputStream(spool)) {
        out.write(first);
        size += in.transferTo(out);
      }
      BlobId id = BlobId.ofDigest(sha.digest());
      if (!contains(id)) {
        write(id, size, first, spool);
      }
      return new StoredBlob(id, size);
    } catch (IOException e) {
      throw new MasterMailException("cannot store a blob: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  /**
   * Writes the blobs in the transaction of {@code session} when that is a transaction on this store's database (one
   * query for those present, one batch for the chunks, one for the rows; visible when it commits); otherwise, and for
   * blobs of {@link #IN_ONE_TRANSACTION} or more, stores them as {@link BlobStore#putAll} does.
   */
  @Override
  public void putAll(List<Known> blobs, StorageSession session) {
    requireNonNull(blobs, "blobs");
    if (blobs.isEmpty()) {
      return;
    }
    if (!(session instanceof JdbcSession jdbc) || jdbc.handle().getJdbi() != jdbi) {
      BlobStore.super.putAll(blobs, session);
      return;
    }
    Map<String, Known> wanted = new LinkedHashMap<>();
    for (Known blob : blobs) {
      if (blob.content().length >= IN_ONE_TRANSACTION) {
        BlobStore.super.putAll(List.of(blob), session); // chunked in transactions of its own, as put does
      } else {
        wanted.putIfAbsent(blob.id().sha256(), blob);
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    Handle h = jdbc.handle();
    new Sql().append("SELECT sha256 FROM blobs WHERE sha256 IN ").list(List.copyOf(wanted.keySet())).query(h)
        .mapTo(String.class).forEach(wanted::remove);
    if (wanted.isEmpty()) {
      return;
    }
    // The row first: a concurrent transaction storing the same blob waits for this one on the primary key, then
    // PostgreSQL skips the row (and this code its chunks); on H2 the second one fails with a duplicate key and the
    // archiving is retried, finding the blob stored.
    PreparedBatch rows = h.prepareBatch("INSERT INTO blobs (sha256, size_bytes, chunks) VALUES (:sha, :size, :chunks)"
        + (onConflictDoNothing ? " ON CONFLICT (sha256) DO NOTHING" : ""));
    List<Known> order = List.copyOf(wanted.values());
    for (Known blob : order) {
      rows.bind("sha", blob.id().sha256()).bind("size", (long) blob.content().length)
          .bind("chunks", chunks(blob.content().length)).add();
    }
    int[] inserted = rows.execute();
    PreparedBatch chunks = h.prepareBatch("INSERT INTO blob_chunks (sha256, seq, data) VALUES (:sha, :seq, :data)");
    boolean any = false;
    for (int i = 0; i < order.size(); i++) {
      if (i < inserted.length && inserted[i] == 0) {
        continue; // stored by a concurrent transaction that committed first
      }
      byte[] content = order.get(i).content();
      for (int seq = 0; seq < chunks(content.length); seq++) {
        int from = seq * CHUNK;
        chunks.bind("sha", order.get(i).id().sha256()).bind("seq", seq)
            .bind("data", from == 0 && content.length <= CHUNK ? content
                : Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK)))
            .add();
        any = true;
      }
    }
    if (any) {
      chunks.execute();
    }
  }

  private static int chunks(int size) {
    return (size + CHUNK - 1) / CHUNK;
  }

  /** Stores a blob smaller than {@link #IN_ONE_TRANSACTION} in one transaction, unless it is stored already. */
  private void writeSmall(BlobId id, byte[] content) {
    int chunks = (content.length + CHUNK - 1) / CHUNK;
    try {
      jdbi.useTransaction(h -> {
        if (exists(h, id)) {
          return;
        }
        commitLazily(h);
        if (chunks > 0) {
          PreparedBatch batch = h.prepareBatch("INSERT INTO blob_chunks (sha256, seq, data) VALUES (:sha, :seq, :data)");
          for (int seq = 0; seq < chunks; seq++) {
            int from = seq * CHUNK;
            batch.bind("sha", id.sha256()).bind("seq", seq)
                .bind("data", Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK))).add();
          }
          batch.execute();
        }
        h.createUpdate("INSERT INTO blobs (sha256, size_bytes, chunks) VALUES (:sha, :size, :chunks)")
            .bind("sha", id.sha256()).bind("size", (long) content.length).bind("chunks", chunks).execute();
      });
    } catch (JdbiException e) {
      if (!contains(id)) { // else a concurrent put of the same content committed first
        throw new MasterMailException("cannot store blob " + id + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes the chunks one by one, each committed on its own (a database need not hold a large blob in one
   * transaction), then the {@code blobs} row that makes the blob visible. The address is known before the first chunk,
   * so a chunk stored by a concurrent or an interrupted earlier put of the same content is identical and skipped.
   */
  private void write(BlobId id, long size, byte[] first, @Nullable Path spool) throws IOException {
    int chunks = (int) ((size + CHUNK - 1) / CHUNK);
    try (InputStream source = spool == null ? new ByteArrayInputStream(first) : Files.newInputStream(spool)) {
      int seq = 0;
      while (seq < chunks) {
        List<byte[]> group = new ArrayList<>();
        for (int i = 0; i < CHUNKS_PER_TRANSACTION && seq + i < chunks; i++) {
          group.add(readChunk(source));
        }
        writeChunks(id, seq, group);
        seq += group.size();
      }
      insertUnlessPresent(
          h -> h.createQuery("SELECT COUNT(*) FROM blobs WHERE sha256 = :sha").bind("sha", id.sha256()),
          h -> h.createUpdate("INSERT INTO blobs (sha256, size_bytes, chunks) VALUES (:sha, :size, :chunks)")
              .bind("sha", id.sha256()).bind("size", size).bind("chunks", chunks));
    } catch (JdbiException e) {
      throw new MasterMailException("cannot store blob " + id + ": " + e.getMessage(), e);
    }
  }

  /** Inserts chunks {@code first...} in one transaction; where some exist already, inserts only the missing ones. */
  private void writeChunks(BlobId id, int first, List<byte[]> group) {
    try {
      jdbi.useTransaction(h -> {
        commitLazily(h);
        PreparedBatch batch = h.prepareBatch("INSERT INTO blob_chunks (sha256, seq, data) VALUES (:sha, :seq, :data)");
        for (int i = 0; i < group.size(); i++) {
          batch.bind("sha", id.sha256()).bind("seq", first + i).bind("data", group.get(i)).add();
        }
        batch.execute();
      });
    } catch (JdbiException e) {
      // an interrupted or concurrent put of the same content left some of these chunks: same address, same bytes
      for (int i = 0; i < group.size(); i++) {
        int index = first + i;
        byte[] data = group.get(i);
        insertUnlessPresent(
            h -> h.createQuery("SELECT COUNT(*) FROM blob_chunks WHERE sha256 = :sha AND seq = :seq")
                .bind("sha", id.sha256()).bind("seq", index),
            h -> h.createUpdate("INSERT INTO blob_chunks (sha256, seq, data) VALUES (:sha, :seq, :data)")
                .bind("sha", id.sha256()).bind("seq", index).bind("data", data));
      }
    }
  }

  private void insertUnlessPresent(Function<Handle, Query> check, Function<Handle, Update> insert) {
    jdbi.useHandle(h -> {
      if (check.apply(h).mapTo(Long.class).one() > 0) {
        return;
      }
      try {
        insert.apply(h).execute();
      } catch (JdbiException e) {
        // a concurrent put of the same content inserted the same row first: same address, same bytes
        if (check.apply(h).mapTo(Long.class).one() == 0) {
          throw e;
        }
      }
    });
  }

  private static byte[] readChunk(InputStream source) throws IOException {
    return source.readNBytes(CHUNK);
  }

  @Override
  public InputStream open(BlobId id) {
    requireNonNull(id, "id");
    // the first chunk comes with the count: a blob of one chunk (most skeletons) costs one query
    ChunkStream stream = jdbi.withHandle(h -> h.createQuery("SELECT b.chunks, c.data FROM blobs b "
            + "LEFT JOIN blob_chunks c ON c.sha256 = b.sha256 AND c.seq = 0 WHERE b.sha256 = :sha")
            .bind("sha", id.sha256())
            .map((rs, ctx) -> new ChunkStream(id, rs.getInt("chunks"), rs.getBytes("data")))
            .findOne())
        .orElseThrow(() -> new NotFoundException("blob " + id + " not found"));
    return stream;
  }

  /**
   * One query per {@link #READ_SMALL_GROUP} ids: the blobs' rows with all their chunks, in order. A blob whose chunks
   * do not add up to its size is left out, for {@link #open} to report.
   */
  @Override
  public Map<BlobId, byte[]> readSmall(Collection<BlobId> ids, int maxBytes) {
    requireNonNull(ids, "ids");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
    }
    Map<String, BlobId> wanted = new LinkedHashMap<>();
    for (BlobId id : ids) {
      wanted.putIfAbsent(requireNonNull(id, "id").sha256(), id);
    }
    Map<BlobId, byte[]> result = new LinkedHashMap<>();
    List<String> keys = List.copyOf(wanted.keySet());
    try {
      for (int from = 0; from < keys.size(); from += READ_SMALL_GROUP) {
        List<String> group = keys.subList(from, Math.min(keys.size(), from + READ_SMALL_GROUP));
        SmallBlobs found = new SmallBlobs();
        jdbi.useHandle(h -> new Sql().append("SELECT b.sha256, b.size_bytes, c.data FROM blobs b "
                + "LEFT JOIN blob_chunks c ON c.sha256 = b.sha256 WHERE b.size_bytes <= ").param((long) maxBytes)
            .append(" AND b.sha256 IN ").list(group).append(" ORDER BY b.sha256, c.seq").query(h)
            .map((rs, ctx) -> new ChunkRow(rs.getString("sha256"), rs.getLong("size_bytes"), rs.getBytes("data")))
            .forEach(found::add));
        found.finish(wanted, result);
      }
    } catch (JdbiException e) {
      throw new MasterMailException("cannot read " + keys.size() + " blobs: " + e.getMessage(), e);
    }
    return result;
  }

  /** A chunk as {@link #readSmall} reads it; {@code data} is null for a blob of no bytes (it has no chunk). */
  private record ChunkRow(String sha256, long size, byte @Nullable [] data) {}

  /** Chunks as {@link #readSmall} reads them, a blob's in a row, assembled. */
  private static final class SmallBlobs {
    private final Map<String, ByteArrayOutputStream> bytes = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();

    void add(ChunkRow row) {
      ByteArrayOutputStream out = bytes.computeIfAbsent(row.sha256(), k -> new ByteArrayOutputStream((int) row.size()));
      sizes.put(row.sha256(), row.size());
      if (row.data() != null) {
        out.writeBytes(row.data());
      }
    }

    void finish(Map<String, BlobId> ids, Map<BlobId, byte[]> into) {
      bytes.forEach((sha256, out) -> {
        if (out.size() == sizes.get(sha256)) {
          into.put(ids.get(sha256), out.toByteArray());
        }
      });
    }
  }

  @Override
  public boolean contains(BlobId id) {
    return jdbi.withHandle(h -> exists(h, requireNonNull(id, "id")));
  }

  @Override
  public long size(BlobId id) {
    requireNonNull(id, "id");
    Optional<Long> size = jdbi.withHandle(h -> h.createQuery("SELECT size_bytes FROM blobs WHERE sha256 = :sha")
        .bind("sha", id.sha256()).mapTo(Long.class).findOne());
    return size.orElse(-1L);
  }

  private static boolean exists(Handle handle, BlobId id) {
    return handle.createQuery("SELECT COUNT(*) FROM blobs WHERE sha256 = :sha").bind("sha", id.sha256())
        .mapTo(Long.class).one() > 0;
  }

  /** Reads a blob chunk by chunk, each on a short-lived connection. */
  private final class ChunkStream extends InputStream {
    private final BlobId id;
    private final int chunks;
    private int next;
    private byte[] current = new byte[0];
    private int position;

    /** @param first the first chunk if already read, else null */
    ChunkStream(BlobId id, int chunks, byte @Nullable [] first) {
      this.id = id;
      this.chunks = chunks;
      if (first != null && chunks > 0) {
        current = first;
        next = 1;
      }
    }

    private boolean fill() throws IOException {
      while (position >= current.length) {
        if (next >= chunks) {
          return false;
        }
        int seq = next++;
        try {
          current = jdbi.withHandle(h -> h.createQuery(
                  "SELECT data FROM blob_chunks WHERE sha256 = :sha AND seq = :seq")
              .bind("sha", id.sha256()).bind("seq", seq).mapTo(byte[].class).findOne())
              .orElseThrow(() -> new IOException("blob " + id + " lacks chunk " + seq));
        } catch (JdbiException e) {
          throw new IOException("cannot read blob " + id + ": " + e.getMessage(), e);
        }
        position = 0;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? current[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}
