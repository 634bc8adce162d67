package org.mastermail.testkit.storage;

import org.mastermail.storage.Storage;

/**
 * Every contract a {@link Storage} must pass. A back end proves itself with one test class:
 *
 * <pre>{@code
 * class MyStorageContractTest implements StorageContract {
 *   static final MyStorage STORAGE = MyStorage.open(...);
 *
 *   @AfterAll
 *   static void close() {
 *     STORAGE.close();
 *   }
 *
 *   @Override
 *   public Storage storage() {
 *     return STORAGE;
 *   }
 * }
 * }</pre>
 *
 * <p>Each test creates its own tenants with random ids, so one storage may serve the whole class; it must hold no
 * other rows that a test could mistake for its own, and times are stored at least to the millisecond. The outbound
 * queue is shared by every tenant, so no other tests may use the storage while the class runs (see
 * {@link OutboundQueueContract}).
 */
public interface StorageContract extends TransactionContract, DirectoryStorageContract, MailboxStorageContract,
    StatusStorageContract, PermissionStorageContract, ConversationStorageContract, ConversationQueryContract,
    MessageStorageContract, EventStorageContract, RuleStorageContract, OutboundStorageContract, OutboundQueueContract,
    BlobStoreContract {
  @Override
  Storage storage();
}
