package org.mastermail.testkit.storage;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.storage.Storage;

class H2StorageContractTest implements StorageContract {
  private static final JdbcStorage STORAGE = JdbcStorage.h2InMemory("storage-contract-" + UUID.randomUUID());

  @AfterAll
  static void close() {
    STORAGE.close();
  }

  @Override
  public Storage storage() {
    return STORAGE;
  }
}
