package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.examples.server.auth.LoginThrottle;

/** Logging in and out: passwords, the session cookie, CSRF tokens, expiry and rate limits. */
class LoginTest {
  private ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void healthShouldAnswerWithoutALogin() {
    Client.Response r = fx.anonymous().get("/api/health");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void loginShouldSetAnHttpOnlyStrictCookieAndReturnTheUserAndACsrfToken() {
    Client.Response r = fx.anonymous().login(ServerFixture.email(fx.office, "alice"), ServerFixture.PASSWORD);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Set-Cookie")).startsWith("mm_session=").contains("HttpOnly", "SameSite=Strict", "Path=/")
        .doesNotContain("Secure");
    assertThat(r.json().get("user").get("email").asText()).isEqualTo(ServerFixture.email(fx.office, "alice"));
    assertThat(r.json().get("tenant").get("id").asText()).isEqualTo(fx.office.setup.tenant().id().toString());
    assertThat(r.json().get("csrfToken").asText()).hasSizeGreaterThan(30);
  }

  @Test
  void meShouldNameTheLoggedInUserWithTheSameCsrfToken() {
    Client alice = fx.as("alice");

    Client.Response me = alice.get("/api/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("user").get("name").asText()).isEqualTo("Alice");
    assertThat(me.json().get("csrfToken").asText()).isEqualTo(alice.csrf());
  }

  @Test
  void addressesShouldBeComparedWithoutCase() {
    Client.Response r = fx.anonymous().login(ServerFixture.email(fx.office, "alice").toUpperCase(Locale.ROOT),
        ServerFixture.PASSWORD);

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordAndAnUnknownAddressShouldBeRefusedAlike() {
    Client.Response wrong = fx.anonymous().login(ServerFixture.email(fx.office, "alice"), "not her password");
    Client.Response unknown = fx.anonymous().login("nobody@nowhere.example", ServerFixture.PASSWORD);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(unknown.body()).contains("wrong email or password");
    assertThat(wrong.header("Set-Cookie")).isNull();
  }

  @Test
  void aMissingFieldShouldBeABadRequest() {
    Client.Response r = fx.anonymous().post("/api/login", Client.json("email", "alice@x.example"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("password is required");
  }

  @Test
  void theSixthAttemptAfterFiveFailuresShouldBeRefusedWith429UntilTheWindowHasPassed() {
    String alice = ServerFixture.email(fx.office, "alice");
    for (int i = 0; i < 5; i++) {
      assertThat(fx.anonymous().login(alice, "guess " + i).status()).isEqualTo(401);
    }

    Client.Response blocked = fx.anonymous().login(alice, ServerFixture.PASSWORD);
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.json().get("status").asInt()).isEqualTo(429);
    assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 900L);

    fx.clock.advance(Duration.ofMinutes(15));
    assertThat(fx.anonymous().login(alice, ServerFixture.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aSuccessShouldForgetTheAccountsEarlierFailures() {
    String alice = ServerFixture.email(fx.office, "alice");
    for (int i = 0; i < 4; i++) {
      fx.anonymous().login(alice, "typo " + i);
    }
    fx.anonymous().login(alice, ServerFixture.PASSWORD);

    for (int i = 0; i < 4; i++) {
      assertThat(fx.anonymous().login(alice, "typo again " + i).status()).isEqualTo(401);
    }
  }

  @Test
  void oneAddressGuessingAcrossManyAccountsShouldBeLimitedToo() {
    fx.close();
    fx = new ServerFixture(ServerSettings.builder().host("127.0.0.1").port(0).loginLimits(
        LoginThrottle.DEFAULT_PER_ACCOUNT, new LoginThrottle.Limit(3, Duration.ofMinutes(15))).build());
    for (String person : new String[] {"alice", "bob", "carol"}) {
      assertThat(fx.anonymous().login(ServerFixture.email(fx.office, person), "Summer2026!").status())
          .isEqualTo(401);
    }

    assertThat(fx.anonymous().login(ServerFixture.email(fx.office, "manager"), ServerFixture.PASSWORD).status())
        .isEqualTo(429);
  }

  @Test
  void logoutShouldEndTheSession() {
    Client alice = fx.as("alice");

    Client.Response out = alice.post("/api/logout", "");

    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(alice.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void aSessionShouldEndAfterItsIdleTimeButNotWhileItIsUsed() {
    Client alice = fx.as("alice");

    fx.clock.advance(Duration.ofHours(7));
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
    fx.clock.advance(Duration.ofHours(7));
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
    fx.clock.advance(Duration.ofHours(8));
    assertThat(alice.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void aDeactivatedUserShouldNoLongerLogIn() {
    fx.mm.admin().users().deactivate(fx.office.bob.user(), fx.office.admin);

    Client.Response r = fx.anonymous().login(ServerFixture.email(fx.office, "bob"), ServerFixture.PASSWORD);

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void secureCookiesShouldCarryTheHostPrefixAndSecure() {
    fx.close();
    fx = new ServerFixture(ServerSettings.builder().host("127.0.0.1").port(0).secureCookies(true).build());

    Client.Response r = fx.anonymous().login(ServerFixture.email(fx.office, "alice"), ServerFixture.PASSWORD);

    assertThat(r.header("Set-Cookie")).startsWith("__Host-mm_session=").contains("Secure", "HttpOnly",
        "SameSite=Strict");
  }
}
