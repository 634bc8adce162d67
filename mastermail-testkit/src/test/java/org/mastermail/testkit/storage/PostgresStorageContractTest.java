package org.mastermail.testkit.storage;

import org.junit.jupiter.api.AfterAll;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.storage.Storage;
import org.mastermail.testkit.TestPostgres;

class PostgresStorageContractTest implements StorageContract {
  private static final JdbcStorage STORAGE = JdbcStorage.postgres(TestPostgres.freshDatabase());

  @AfterAll
  static void close() {
    STORAGE.close();
  }

  @Override
  public Storage storage() {
    return STORAGE;
  }
}
