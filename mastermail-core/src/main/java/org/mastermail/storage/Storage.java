package org.mastermail.storage;

import java.util.Optional;
import org.mastermail.blob.BlobStore;

/**
 * Transactional persistence: everything one unit of work writes (message, conversation, events, cursor) commits
 * together or not at all. Implementations: {@code JdbcStorage} (H2, PostgreSQL) in {@code mastermail-jdbc} and the
 * in-memory one in {@code mastermail-testkit}; hosts may bring their own and prove it with the testkit's contract
 * tests.
 *
 * <p>Every repository method takes the tenant; implementations never return or touch another tenant's rows.
 */
public interface Storage extends AutoCloseable {
  /**
   * Runs {@code work} in one transaction and returns its result. If it throws, everything it wrote is rolled back and
   * the exception reaches the caller unchanged. Write-write collisions are reported by the repositories (for example
   * {@link ConversationRepository#update}), never by silently overwriting.
   */
  <R, X extends Exception> R inTransaction(UnitOfWork<R, X> work) throws X;

  /**
   * Runs {@code work}, which only reads, and returns its result. Implementations may run each read on its own (for
   * example in auto-commit mode, saving the round trips of a transaction); the default runs it in a transaction.
   * Writing from {@code work} is a programming error whose effect is undefined.
   */
  default <R, X extends Exception> R read(UnitOfWork<R, X> work) throws X {
    return inTransaction(work);
  }

  /** Runs {@code work} in one transaction, returning nothing. */
  default <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
    inTransaction(session -> {
      work.accept(session);
      return null;
    });
  }

  /**
   * The blob store that keeps its blobs alongside this storage ({@code JdbcStorage}: in the database), used when the
   * host installs none of its own; empty when this storage has none.
   */
  default Optional<BlobStore> blobStore() {
    return Optional.empty();
  }

  /** Releases connections and other resources. */
  @Override
  default void close() {}

  /** The body of a transaction. */
  @FunctionalInterface
  interface UnitOfWork<R, X extends Exception> {
    R run(StorageSession session) throws X;
  }

  /** The body of a transaction that returns nothing. */
  @FunctionalInterface
  interface SessionConsumer<X extends Exception> {
    void accept(StorageSession session) throws X;
  }
}
