package org.mastermail.testkit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invariant 5, bounded memory: a 200 MiB message is archived and returned exactly by a JVM with a 64 MiB heap. */
class HugeMessageTest {
  @Test
  void messageOf200MibShouldBeArchivedAndReadBackByAJvmWith64MibOfHeap(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + dir, HugeMessage.class.getName(), dir.resolve("db").toString(), "200"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .start();
    boolean ended = p.waitFor(5, TimeUnit.MINUTES);
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("finished within 5 minutes; output:%n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
    assertThat(out).contains("archived 2097").contains("max heap");
  }
}
