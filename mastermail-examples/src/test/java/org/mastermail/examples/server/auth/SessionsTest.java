package org.mastermail.examples.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mastermail.Actor;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.MutableClock;

class SessionsTest {
  private final MutableClock clock = MutableClock.atDefaultStart();
  private final Sessions sessions = new Sessions(clock, Duration.ofHours(1), Duration.ofHours(3));
  private final Actor ewa = Actor.of(TenantId.random(), UserId.random());

  @Test
  void eachLoginShouldGetFreshUnguessableTokens() {
    Session a = sessions.open(ewa);
    Session b = sessions.open(ewa);

    assertThat(a.token()).isNotEqualTo(b.token()).hasSize(43);
    assertThat(a.csrfToken()).isNotEqualTo(a.token()).isNotEqualTo(b.csrfToken());
  }

  @Test
  void aSessionShouldEndAfterItsMaximumAgeEvenWhenUsed() {
    Session s = sessions.open(ewa);
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(50)); // never idle for the hour allowed
      assertThat(sessions.find(s.token())).isPresent();
    }

    clock.advance(Duration.ofMinutes(50)); // 200 minutes after login: past the three hours
    assertThat(sessions.find(s.token())).isEmpty();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void theCsrfTokenShouldMatchOnlyItself() {
    Session s = sessions.open(ewa);

    assertThat(Sessions.csrfMatches(s, s.csrfToken())).isTrue();
    assertThat(Sessions.csrfMatches(s, s.token())).isFalse();
    assertThat(Sessions.csrfMatches(s, null)).isFalse();
  }
}
