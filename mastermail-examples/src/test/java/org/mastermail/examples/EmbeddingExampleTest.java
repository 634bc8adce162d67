package org.mastermail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {
  @Test
  void exampleShouldShowTheInboxBeforeAndAfterTaking(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EmbeddingExample.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    String before = out.lines().filter(l -> l.startsWith("Ewa's inbox (mine")).findFirst().orElseThrow();
    assertThat(before).contains("Question about the rent notice").contains("Water leak in flat 12");
    assertThat(out).contains("Jan's inbox (he no longer sees Ewa's): [Question about the rent notice]")
        .contains("event: ASSIGNED").contains("event: MESSAGE_RECEIVED");
  }
}
