package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code warm-up}: the demo started, used through the API as a browser would, and stopped. */
class WarmUpTest {
  @Test
  void warmUpShouldUseTheDemoAndReturn() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WarmUp.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("warm-up done in \\d+ ms");
  }

  @Test
  void warmUpShouldBeACommand() {
    assertThat(ServerMain.parse(List.of("warm-up"), name -> null).name()).isEqualTo("warm-up");
  }
}
