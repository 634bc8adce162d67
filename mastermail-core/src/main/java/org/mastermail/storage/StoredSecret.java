package org.mastermail.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.mastermail.tenant.TenantId;

/**
 * An encrypted secret as stored: the id of the key, the GCM nonce and the ciphertext (with its tag). Storage never
 * sees the value.
 */
public record StoredSecret(TenantId tenant, String name, String keyId, byte[] nonce, byte[] ciphertext,
    Instant updatedAt) {
  public StoredSecret {
    requireNonNull(tenant, "tenant");
    requireNonNull(name, "name");
    requireNonNull(keyId, "keyId");
    nonce = requireNonNull(nonce, "nonce").clone();
    ciphertext = requireNonNull(ciphertext, "ciphertext").clone();
    requireNonNull(updatedAt, "updatedAt");
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredSecret s && tenant.equals(s.tenant) && name.equals(s.name) && keyId.equals(s.keyId)
        && java.util.Arrays.equals(nonce, s.nonce) && java.util.Arrays.equals(ciphertext, s.ciphertext)
        && updatedAt.equals(s.updatedAt);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(tenant, name, keyId, java.util.Arrays.hashCode(nonce),
        java.util.Arrays.hashCode(ciphertext), updatedAt);
  }

  @Override
  public String toString() {
    return "StoredSecret[" + tenant + ", " + name + ", key " + keyId + "]";
  }
}
