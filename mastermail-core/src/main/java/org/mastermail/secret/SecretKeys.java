package org.mastermail.secret;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;

/**
 * The keys secrets are encrypted with, supplied by the host (from its vault, an environment variable, a KMS…): the
 * current one encrypts, every one decrypts, so a key can be replaced by adding the new one as current, calling
 * {@link SecretService#reencrypt}, and dropping the old one later. Keys are 32 bytes (AES-256).
 *
 * <pre>{@code
 * SecretKeys keys = SecretKeys.current("2026-11", Base64.getDecoder().decode(System.getenv("MASTERMAIL_KEY")));
 * MasterMail mm = MasterMail.builder().storage(storage).secrets(keys).build();
 * }</pre>
 */
public final class SecretKeys {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private SecretKeys(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Map.copyOf(keys);
  }

  /** Keys with {@code key} (32 bytes) as the current one, called {@code id} in stored secrets. */
  public static SecretKeys current(String id, byte[] key) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    keys.put(checkedId(id), aes(id, key));
    return new SecretKeys(id, keys);
  }

  /** These keys plus an older one, still used to decrypt what it encrypted. */
  public SecretKeys withOlder(String id, byte[] key) {
    if (keys.containsKey(checkedId(id))) {
      throw new InvalidInputException("key id '" + id + "' is given twice");
    }
    Map<String, SecretKey> more = new LinkedHashMap<>(keys);
    more.put(id, aes(id, key));
    return new SecretKeys(currentId, more);
  }

  /** The id of the key that encrypts. */
  public String currentId() {
    return currentId;
  }

  /** A value encrypted with the current key: the key's id, a fresh nonce, the ciphertext with its tag. */
  public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    public Sealed {
      requireNonNull(keyId, "keyId");
      nonce = nonce.clone();
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }
  }

  /**
   * Encrypts {@code value} with the current key (AES-256-GCM, 96-bit random nonce), bound to {@code context} (the
   * secret's tenant and name), so that a ciphertext copied to another row does not decrypt there.
   */
  public Sealed seal(String value, String context) {
    requireNonNull(value, "value");
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new Sealed(currentId, nonce, cipher.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
  }

  /**
   * Decrypts what {@link #seal} made.
   *
   * @throws MasterMailException naming the key when it was not supplied, or when the ciphertext does not authenticate
   *     (another key under the same id, a changed row, another context)
   */
  public String open(String keyId, byte[] nonce, byte[] ciphertext, String context) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new MasterMailException("a secret was encrypted with key '" + keyId + "', which is not among the keys "
          + keys.keySet() + " given to MasterMail");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new MasterMailException("a secret does not decrypt with key '" + keyId + "': the key is not the one it was"
          + " encrypted with, or the stored row was changed", e);
    } catch (GeneralSecurityException e) {
      throw new MasterMailException("a secret cannot be decrypted: " + e.getMessage(), e);
    }
  }

  /** Never shows a key. */
  @Override
  public String toString() {
    return "SecretKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
  }

  private static String checkedId(String id) {
    requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new InvalidInputException("a key id is 1 to 40 letters, digits, '.', '_' or '-', was '" + id + "'");
    }
    return id;
  }

  private static SecretKey aes(String id, byte[] key) {
    requireNonNull(key, "key");
    if (key.length != 32) {
      throw new InvalidInputException("key '" + id + "' must be 32 bytes (AES-256), was " + key.length);
    }
    return new SecretKeySpec(key.clone(), "AES");
  }
}
