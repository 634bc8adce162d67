package org.mastermail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawSpoolTest {
  @TempDir
  Path dir;

  private static byte[] data(int length) {
    byte[] data = new byte[length];
    new SplittableRandom(length).nextBytes(data);
    return data;
  }

  private static byte[] readAt(RawSpool spool, long position, int length) throws IOException {
    byte[] b = new byte[length];
    int done = 0;
    while (done < length) {
      int n = spool.read(position + done, b, done, length - done);
      if (n < 0) {
        return Arrays.copyOf(b, done);
      }
      done += n;
    }
    return b;
  }

  @Test
  void positionalReadsShouldGiveTheBytesAtThatPositionOfAMessageInMemory() throws IOException {
    byte[] data = data(10_000);
    try (RawSpool spool = RawSpool.copy(new ByteArrayInputStream(data), 1L << 30, dir)) {
      assertThat(readAt(spool, 1234, 100)).isEqualTo(Arrays.copyOfRange(data, 1234, 1334));
      assertThat(readAt(spool, 9_990, 100)).isEqualTo(Arrays.copyOfRange(data, 9_990, 10_000));
      assertThat(spool.read(10_000, new byte[1], 0, 1)).isEqualTo(-1);
    }
  }

  @Test
  void positionalReadsShouldGiveTheBytesAtThatPositionOfASpooledFileAndTheFileShouldGoOnClose() throws IOException {
    byte[] data = data(RawSpool.MEMORY_LIMIT + 50_000);
    try (RawSpool spool = RawSpool.copy(new ByteArrayInputStream(data), 1L << 30, dir)) {
      assertThat(readAt(spool, RawSpool.MEMORY_LIMIT - 10, 100))
          .isEqualTo(Arrays.copyOfRange(data, RawSpool.MEMORY_LIMIT - 10, RawSpool.MEMORY_LIMIT + 90));
      assertThat(readAt(spool, 5, 10)).isEqualTo(Arrays.copyOfRange(data, 5, 15));
      assertThat(readAt(spool, data.length - 3, 10)).isEqualTo(Arrays.copyOfRange(data, data.length - 3, data.length));
      assertThat(spool.read(data.length, new byte[1], 0, 1)).isEqualTo(-1);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
