package org.mastermail.internal;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.event.EventType;
import org.mastermail.permission.Permission;
import org.mastermail.secret.SecretInfo;
import org.mastermail.secret.SecretKeys;
import org.mastermail.secret.SecretService;
import org.mastermail.storage.StoredSecret;
import org.mastermail.tenant.TenantId;

/** Secrets encrypted with the host's keys before they reach storage, decrypted only by {@link #reader}. */
public final class DefaultSecrets implements SecretService {
  private static final int MAX_NAME = 200;
  private static final int MAX_VALUE = 16 * 1024;

  private final Engine engine;
  private final @Nullable SecretKeys keys;

  public DefaultSecrets(Engine engine, @Nullable SecretKeys keys) {
    this.engine = engine;
    this.keys = keys;
  }

  @Override
  public void put(String name, String value, Actor actor) {
    String n = name(name);
    if (value == null || value.isEmpty() || value.length() > MAX_VALUE) {
      throw new InvalidInputException("the value of secret '" + n + "' must be 1 to " + MAX_VALUE + " characters");
    }
    SecretKeys k = requireKeys();
    engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "store passwords of sources and transports");
      SecretKeys.Sealed sealed = k.seal(value, context(actor.tenant(), n));
      w.s().secrets().save(new StoredSecret(actor.tenant(), n, sealed.keyId(), sealed.nonce(), sealed.ciphertext(),
          w.now()));
      w.event(actor.tenant(), EventType.SECRET_CHANGED, null, actor.user(), null, n, 0);
      return null;
    });
  }

  @Override
  public boolean delete(String name, Actor actor) {
    String n = name(name);
    return engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "delete passwords of sources and transports");
      boolean deleted = w.s().secrets().delete(actor.tenant(), n);
      if (deleted) {
        w.event(actor.tenant(), EventType.SECRET_CHANGED, null, actor.user(), n, null, 0);
      }
      return deleted;
    });
  }

  @Override
  public List<SecretInfo> list(Actor actor) {
    return engine.read(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "list passwords of sources and transports");
      return w.s().secrets().list(actor.tenant()).stream()
          .map(s -> new SecretInfo(s.name(), s.keyId(), s.updatedAt())).toList();
    });
  }

  @Override
  public Supplier<String> reader(TenantId tenant, String name) {
    Check.present("tenant", tenant);
    String n = name(name);
    SecretKeys k = requireKeys();
    return new Supplier<>() {
      @Override
      public String get() {
        StoredSecret s = engine.storage().read(session -> session.secrets().find(tenant, n))
            .orElseThrow(() -> new NotFoundException("no secret '" + n + "' is stored for tenant " + tenant));
        return k.open(s.keyId(), s.nonce(), s.ciphertext(), context(tenant, n));
      }

      @Override
      public String toString() {
        return "secret '" + n + "'"; // never the value
      }
    };
  }

  @Override
  public int reencrypt(Actor actor) {
    SecretKeys k = requireKeys();
    return engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "re-encrypt passwords of sources and transports");
      int count = 0;
      for (StoredSecret s : w.s().secrets().list(actor.tenant())) {
        if (s.keyId().equals(k.currentId())) {
          continue;
        }
        String context = context(actor.tenant(), s.name());
        SecretKeys.Sealed sealed = k.seal(k.open(s.keyId(), s.nonce(), s.ciphertext(), context), context);
        w.s().secrets().save(new StoredSecret(actor.tenant(), s.name(), sealed.keyId(), sealed.nonce(),
            sealed.ciphertext(), w.now()));
        w.event(actor.tenant(), EventType.SECRET_CHANGED, null, actor.user(), s.keyId(), s.name(), 0);
        count++;
      }
      return count;
    });
  }

  private SecretKeys requireKeys() {
    if (keys == null) {
      throw new InvalidInputException("storing secrets needs the host's key: MasterMail.builder().secrets("
          + "SecretKeys.current(id, key32bytes))");
    }
    return keys;
  }

  private static String context(TenantId tenant, String name) {
    return "mastermail-secret:" + tenant + ":" + name;
  }

  private static String name(@Nullable String name) {
    String n = Check.name("secret name", name);
    if (n.length() > MAX_NAME) {
      throw new InvalidInputException("secret name must be at most " + MAX_NAME + " characters");
    }
    return n;
  }
}
