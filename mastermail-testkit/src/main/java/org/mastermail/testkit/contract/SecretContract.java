package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.secret.SecretInfo;
import org.mastermail.secret.SecretKeys;
import org.mastermail.storage.StoredSecret;

/** Stored passwords of sources and transports: encrypted with the host's keys, never shown, rotated. */
public interface SecretContract extends EngineFixture {
  private static byte[] key(int seed) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) seed);
    k[0] = (byte) (seed * 7);
    return k;
  }

  /** Another engine on the same storage and clock, with {@code keys}: a node the host gave its keys to. */
  private MasterMail withKeys(SecretKeys keys) {
    return MasterMail.builder().storage(masterMail().storage()).clock(clock()).secrets(keys).build();
  }

  @Test
  default void aStoredSecretShouldBeReadBackOnlyThroughItsReader() {
    Office o = newOffice();
    MasterMail mm = withKeys(SecretKeys.current("k1", key(1)));

    mm.secrets().put("imap:info", "Hasło-ęą-123", o.admin);

    Supplier<String> reader = mm.secrets().reader(o.setup.tenant().id(), "imap:info");
    assertThat(reader.get()).isEqualTo("Hasło-ęą-123");
    assertThat(reader.toString()).doesNotContain("Hasło");
    assertThat(mm.secrets().list(o.admin)).extracting(SecretInfo::name, SecretInfo::keyId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("imap:info", "k1"));
  }

  @Test
  default void theDatabaseShouldHoldOnlyCiphertext() {
    Office o = newOffice();
    MasterMail mm = withKeys(SecretKeys.current("k1", key(1)));
    mm.secrets().put("smtp:info", "plain-text-password", o.admin);

    StoredSecret row = masterMail().storage().read(s -> s.secrets().find(o.setup.tenant().id(), "smtp:info"))
        .orElseThrow();

    String stored = new String(row.ciphertext(), StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain("plain-text-password");
    assertThat(row.nonce()).hasSize(12);
    assertThat(row.keyId()).isEqualTo("k1");
  }

  @Test
  default void onlyMailboxManagersShouldStoreOrListSecrets() {
    Office o = newOffice();
    MasterMail mm = withKeys(SecretKeys.current("k1", key(1)));

    assertThatThrownBy(() -> mm.secrets().put("imap:info", "x", o.alice))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> mm.secrets().list(o.alice)).isInstanceOf(PermissionDeniedException.class);
    assertThat(mm.secrets().list(o.admin)).isEmpty();
  }

  @Test
  default void aCiphertextCopiedToAnotherNameShouldNotDecrypt() {
    Office o = newOffice();
    MasterMail mm = withKeys(SecretKeys.current("k1", key(1)));
    mm.secrets().put("imap:info", "secret-a", o.admin);
    masterMail().storage().useTransaction(s -> {
      StoredSecret a = s.secrets().find(o.setup.tenant().id(), "imap:info").orElseThrow();
      s.secrets().save(new StoredSecret(a.tenant(), "imap:other", a.keyId(), a.nonce(), a.ciphertext(),
          a.updatedAt()));
    });

    assertThatThrownBy(() -> mm.secrets().reader(o.setup.tenant().id(), "imap:other").get())
        .isInstanceOf(MasterMailException.class).hasMessageContaining("does not decrypt");
  }

  @Test
  default void aNewKeyShouldReadOldSecretsAndReencryptThem() {
    Office o = newOffice();
    withKeys(SecretKeys.current("k1", key(1))).secrets().put("imap:info", "rotate-me", o.admin);
    MasterMail rotated = withKeys(SecretKeys.current("k2", key(2)).withOlder("k1", key(1)));

    assertThat(rotated.secrets().reader(o.setup.tenant().id(), "imap:info").get()).isEqualTo("rotate-me");
    assertThat(rotated.secrets().reencrypt(o.admin)).isEqualTo(1);
    assertThat(rotated.secrets().list(o.admin)).extracting(SecretInfo::keyId).containsExactly("k2");

    MasterMail newOnly = withKeys(SecretKeys.current("k2", key(2)));
    assertThat(newOnly.secrets().reader(o.setup.tenant().id(), "imap:info").get()).isEqualTo("rotate-me");
    MasterMail oldOnly = withKeys(SecretKeys.current("k1", key(1)));
    assertThatThrownBy(() -> oldOnly.secrets().reader(o.setup.tenant().id(), "imap:info").get())
        .isInstanceOf(MasterMailException.class).hasMessageContaining("'k2'");
  }

  @Test
  default void aWrongKeyUnderTheSameIdShouldBeReportedNotReturnGarbage() {
    Office o = newOffice();
    withKeys(SecretKeys.current("k1", key(1))).secrets().put("imap:info", "x-y-z", o.admin);

    assertThatThrownBy(() -> withKeys(SecretKeys.current("k1", key(9))).secrets()
        .reader(o.setup.tenant().id(), "imap:info").get())
        .isInstanceOf(MasterMailException.class).hasMessageContaining("does not decrypt");
  }

  @Test
  default void withoutKeysNothingShouldBeStored() {
    Office o = newOffice();

    assertThatThrownBy(() -> masterMail().secrets().put("imap:info", "x", o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("secrets(");
  }

  @Test
  default void anotherTenantsSecretShouldNotBeFound() {
    Office o = newOffice();
    Office other = newOffice();
    MasterMail mm = withKeys(SecretKeys.current("k1", key(1)));
    mm.secrets().put("imap:info", "mine", o.admin);

    assertThatThrownBy(() -> mm.secrets().reader(other.setup.tenant().id(), "imap:info").get())
        .isInstanceOf(NotFoundException.class);
    assertThat(mm.secrets().list(other.admin)).isEmpty();
    assertThat(mm.secrets().delete("imap:info", other.admin)).isFalse();
    assertThat(mm.secrets().delete("imap:info", o.admin)).isTrue();
  }

  @Test
  default void aKeyOfTheWrongSizeShouldBeRefused() {
    assertThatThrownBy(() -> SecretKeys.current("k1", new byte[16])).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("32 bytes");
  }
}
