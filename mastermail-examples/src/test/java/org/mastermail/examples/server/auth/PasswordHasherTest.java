package org.mastermail.examples.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void aHashShouldBeSaltedArgon2idThatChecksOnlyItsPassword() {
    String a = PasswordHasher.FOR_TESTS.hash("correct horse battery");
    String b = PasswordHasher.FOR_TESTS.hash("correct horse battery");

    assertThat(a).startsWith("$argon2id$v=19$m=64,t=1,p=1$").isNotEqualTo(b);
    assertThat(PasswordHasher.FOR_TESTS.check("correct horse battery", a)).isTrue();
    assertThat(PasswordHasher.FOR_TESTS.check("correct horse batterY", a)).isFalse();
  }

  @Test
  void aHashShouldCheckUnderOtherSettingsBecauseItNamesItsOwn() {
    String strong = PasswordHasher.DEFAULT.hash("correct horse battery");

    assertThat(strong).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHasher.FOR_TESTS.check("correct horse battery", strong)).isTrue();
  }

  @Test
  void aMalformedStoredValueShouldMatchNothing() {
    assertThat(PasswordHasher.FOR_TESTS.check("x", "not a hash")).isFalse();
    assertThat(PasswordHasher.FOR_TESTS.check("x", "$argon2id$broken")).isFalse();
  }
}
