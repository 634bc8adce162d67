package org.mastermail.testkit.storage;

import org.junit.jupiter.api.AfterAll;
import org.mastermail.storage.Storage;
import org.mastermail.testkit.InMemoryStorage;

class InMemoryStorageContractTest implements StorageContract {
  private static final InMemoryStorage STORAGE = new InMemoryStorage();

  @AfterAll
  static void close() {
    STORAGE.close();
  }

  @Override
  public Storage storage() {
    return STORAGE;
  }

  /** Units of work run one at a time. */
  @Override
  public boolean transactionsOverlap() {
    return false;
  }
}
