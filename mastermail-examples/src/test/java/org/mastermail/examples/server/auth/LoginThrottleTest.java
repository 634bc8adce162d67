package org.mastermail.examples.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mastermail.testkit.MutableClock;

class LoginThrottleTest {
  private final MutableClock clock = MutableClock.atDefaultStart();
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limit(3, Duration.ofMinutes(10)),
      new LoginThrottle.Limit(5, Duration.ofMinutes(10)), clock);

  @Test
  void anAccountShouldBeBlockedAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
    throttle.failed("ewa@acme.example", "10.0.0.1");
    clock.advance(Duration.ofMinutes(2));
    throttle.failed("ewa@acme.example", "10.0.0.2");
    throttle.failed("EWA@acme.example", "10.0.0.3");

    assertThat(throttle.blocked("ewa@acme.example", "10.0.0.9")).contains(Duration.ofMinutes(8));
    clock.advance(Duration.ofMinutes(8));
    assertThat(throttle.blocked("ewa@acme.example", "10.0.0.9")).isEmpty();
  }

  @Test
  void anAddressShouldBeBlockedAtItsLimitWhateverTheAccounts() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i + "@acme.example", "10.0.0.1");
    }

    assertThat(throttle.blocked("someone.else@acme.example", "10.0.0.1")).isPresent();
    assertThat(throttle.blocked("someone.else@acme.example", "10.0.0.2")).isEmpty();
  }

  @Test
  void aSuccessShouldClearTheAccountButNotTheAddress() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("ewa@acme.example", "10.0.0.1");
    }
    throttle.failed("jonas@acme.example", "10.0.0.1");
    throttle.failed("jonas@acme.example", "10.0.0.1");

    throttle.succeeded("ewa@acme.example");

    assertThat(throttle.blocked("ewa@acme.example", "10.0.0.2")).isEmpty();
    assertThat(throttle.blocked("ewa@acme.example", "10.0.0.1")).isPresent();
  }
}
