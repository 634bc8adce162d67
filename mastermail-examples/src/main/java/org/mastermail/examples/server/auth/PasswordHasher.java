package org.mastermail.examples.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.jspecify.annotations.Nullable;

/**
 * Hashes and checks passwords with Argon2id (password4j). The stored form is the PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which names its own parameters: hashes made with older settings
 * still check after the settings change.
 */
public final class PasswordHasher {
  /** OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
  public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);
  /** Cheap parameters for tests only: a login then costs well under a millisecond of hashing. */
  public static final PasswordHasher FOR_TESTS = new PasswordHasher(64, 1, 1);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Argon2Function argon2;
  /**
   * Checked against when the login is unknown, so that an unknown address costs as long as a wrong password; made on
   * first need, not at start-up.
   */
  private volatile @Nullable String decoy;

  public PasswordHasher(int memoryKib, int iterations, int parallelism) {
    if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException("Argon2 needs at least 8 KiB per lane and one iteration");
    }
    this.argon2 = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
  }

  /** A new salted hash of {@code password}. */
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
  }

  /** Whether {@code password} matches {@code stored}; false for a stored value that is no Argon2 hash. */
  public boolean check(String password, String stored) {
    try {
      return Argon2Function.getInstanceFromHash(stored).check(password, stored);
    } catch (RuntimeException e) {
      return false; // a malformed hash in the table matches nothing
    }
  }

  /** Spends the time of one {@link #check} on nothing, for logins that do not exist. */
  public void checkDecoy(String password) {
    String d = decoy;
    if (d == null) {
      d = hash("decoy password that never matches");
      decoy = d;
    }
    check(password, d);
  }
}
