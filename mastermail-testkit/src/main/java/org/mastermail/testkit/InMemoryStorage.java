package org.mastermail.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.mastermail.blob.BlobStore;
import org.mastermail.storage.Storage;
import org.mastermail.testkit.internal.MemorySession;
import org.mastermail.testkit.internal.MemoryState;

/**
 * A {@link Storage} held in memory, for unit tests of the engine and of hosts. It keeps the same promises as
 * {@code JdbcStorage} and passes the same {@link org.mastermail.testkit.storage.StorageContract}: a unit of work sees
 * its own writes, and one that throws leaves nothing behind.
 *
 * <p>Units of work run one at a time (a fair lock), each on a copy-on-write view of the last committed state that
 * replaces it on success. So there are no write-write collisions to detect between transactions, only the stale
 * versions that {@link org.mastermail.storage.ConversationRepository#update} reports. Transactions do not nest: calling
 * {@code inTransaction} from inside a unit of work throws {@link IllegalStateException}, where a database would open a
 * second, independent transaction.
 *
 * <pre>{@code
 * Storage storage = new InMemoryStorage();
 * MasterMail mail = MasterMail.builder().storage(storage).build();
 * }</pre>
 */
public final class InMemoryStorage implements Storage {
  private final ReentrantLock lock = new ReentrantLock(true);
  private MemoryState committed = MemoryState.empty();
  private boolean closed;
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();

  /** An empty storage. */
  public InMemoryStorage() {}

  @Override
  public <R, X extends Exception> R inTransaction(UnitOfWork<R, X> work) throws X {
    requireNonNull(work, "work");
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("InMemoryStorage does not nest transactions: use the session already open");
    }
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("this InMemoryStorage is closed");
      }
      MemorySession session = new MemorySession(committed);
      try {
        R result = work.run(session);
        committed = session.commit();
        return result;
      } finally {
        session.close();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Blobs in memory, alongside the rows. */
  @Override
  public Optional<BlobStore> blobStore() {
    return Optional.of(blobs);
  }

  /** Forgets everything; later transactions fail. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      committed = MemoryState.empty();
    } finally {
      lock.unlock();
    }
  }
}
