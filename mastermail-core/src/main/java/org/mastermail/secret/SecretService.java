package org.mastermail.secret;

import java.util.List;
import java.util.function.Supplier;
import org.mastermail.Actor;
import org.mastermail.tenant.TenantId;

/**
 * A tenant's stored passwords and tokens for sources and transports (for example {@code "imap:info"}), encrypted with
 * the host's {@link SecretKeys}. Setting and listing need MANAGE_MAILBOXES; no call returns a value to an actor.
 *
 * <pre>{@code
 * mm.secrets().put("imap:info", password, admin);
 * ImapSettings imap = ImapSettings.builder("imap.acme.example", "info@acme.example",
 *     Credentials.password(mm.secrets().reader(tenant, "imap:info"))).build();
 * }</pre>
 */
public interface SecretService {
  /** Stores (or replaces) the secret called {@code name}, encrypted with the current key. */
  void put(String name, String value, Actor actor);

  /** Returns whether a secret was deleted. */
  boolean delete(String name, Actor actor);

  /** The tenant's secrets by name, without their values. */
  List<SecretInfo> list(Actor actor);

  /**
   * A reader of the secret's current value, for the adapter that logs in with it (read and decrypted at each call, so a
   * changed password applies at the next login). A host operation: give it to a source or transport, never to a user.
   *
   * @throws org.mastermail.NotFoundException from {@code get()} when no such secret is stored
   */
  Supplier<String> reader(TenantId tenant, String name);

  /** Encrypts every secret of the tenant again with the current key (after a key change); returns how many. */
  int reencrypt(Actor actor);
}
