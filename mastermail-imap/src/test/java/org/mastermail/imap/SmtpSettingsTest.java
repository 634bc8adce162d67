package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;

class SmtpSettingsTest {
  private static final String SECRET = "correct-horse-battery-staple";

  @Test
  void defaultsShouldBeRequiredStarttlsWithoutLoginAndRfcTimeouts() {
    SmtpSettings s = SmtpSettings.builder("smtp.acme.example", 587).build();

    assertThat(s.security()).isEqualTo(Security.STARTTLS);
    assertThat(s.username()).isNull();
    assertThat(s.credentials()).isNull();
    assertThat(s.trust()).isSameAs(Trust.system());
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.writeTimeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(s.ehloName()).isNull();
    assertThat(s.maxIdleConnections()).isEqualTo(4);
    assertThat(s.maxIdleTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.maxMessagesPerConnection()).isEqualTo(100);
  }

  @Test
  void toBuilderShouldKeepEverySetting() {
    SmtpSettings s = SmtpSettings.builder("smtp.acme.example", 465).ssl()
        .credentials("info@acme.example", Credentials.password(SECRET)).trust(Trust.anyCertificate())
        .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2)).writeTimeout(Duration.ofSeconds(3))
        .ehloName("[192.0.2.1]").maxIdleConnections(0).maxIdleTime(Duration.ofSeconds(4)).maxMessagesPerConnection(5)
        .build();

    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void secretsShouldNeverAppearInToStringOfSettingsOrTransport() {
    SmtpSettings s = SmtpSettings.builder("smtp.acme.example", 587)
        .credentials("info@acme.example", Credentials.password(SECRET)).build();

    try (SmtpTransport smtp = SmtpTransport.of(s)) {
      assertThat(s.toString()).doesNotContain(SECRET).contains("smtp.acme.example").contains("info@acme.example");
      assertThat(smtp.toString()).doesNotContain(SECRET);
    }
    assertThat(SmtpSettings.builder("smtp.acme.example", 587)
        .credentials("info@acme.example", Credentials.oauth2(() -> SECRET)).build().toString()).doesNotContain(SECRET);
  }

  @Test
  void settingsShouldRefuseWhatCannotWorkNamingTheSetting() {
    SmtpSettings ok = SmtpSettings.builder("smtp.acme.example", 587).build();

    assertRefused(() -> SmtpSettings.builder("smtp acme", 587).build(), "host");
    assertRefused(() -> SmtpSettings.builder("smtp.acme.example", 0).build(), "port");
    assertRefused(() -> SmtpSettings.builder("smtp.acme.example", 65_536).build(), "port");
    assertRefused(() -> ok.toBuilder().credentials("", Credentials.password("p")).build(), "username");
    assertRefused(() -> ok.toBuilder().readTimeout(Duration.ZERO).build(), "readTimeout");
    assertRefused(() -> ok.toBuilder().connectTimeout(Duration.ofSeconds(-1)).build(), "connectTimeout");
    assertRefused(() -> ok.toBuilder().writeTimeout(Duration.ofDays(30)).build(), "writeTimeout");
    assertRefused(() -> ok.toBuilder().ehloName("client host").build(), "ehloName");
    assertRefused(() -> ok.toBuilder().maxIdleConnections(-1).build(), "maxIdleConnections");
    assertRefused(() -> ok.toBuilder().maxIdleTime(Duration.ZERO).build(), "maxIdleTime");
    assertRefused(() -> ok.toBuilder().maxMessagesPerConnection(0).build(), "maxMessagesPerConnection");
    assertRefused(() -> new SmtpSettings("smtp.acme.example", 587, Security.STARTTLS, "info@acme.example", null,
        Trust.system(), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), null, 1,
        Duration.ofSeconds(1), 1), "credentials");
  }

  @Test
  void trustedCertificatesShouldNeedAKeyStoreWithACertificate() throws Exception {
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);

    assertRefused(() -> Trust.certificates(empty), "trust");
    assertRefused(() -> Trust.certificates(KeyStore.getInstance("PKCS12")), "trust"); // not loaded
  }

  private static void assertRefused(ThrowingCallable build, String setting) {
    assertThatThrownBy(build).isInstanceOf(InvalidInputException.class).hasMessageContaining(setting);
  }
}
