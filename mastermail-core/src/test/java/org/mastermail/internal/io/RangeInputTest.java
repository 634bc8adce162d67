package org.mastermail.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RangeInputTest {
  private static final byte[] MESSAGE = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
  private final AtomicLong bytesRead = new AtomicLong();

  private final RangeInput.Source source = (position, b, off, len) -> {
    if (position >= MESSAGE.length) {
      return -1;
    }
    int n = (int) Math.min(len, MESSAGE.length - position);
    System.arraycopy(MESSAGE, (int) position, b, off, n);
    bytesRead.addAndGet(n);
    return n;
  };

  @Test
  void shouldReadOnlyItsRange() throws IOException {
    try (RangeInput in = new RangeInput(source, 3, 5)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("34567");
    }
  }

  @Test
  void skippingShouldMoveOnWithoutReadingAndStopAtTheEndOfTheRange() throws IOException {
    try (RangeInput in = new RangeInput(source, 2, 10)) {
      assertThat(in.skip(4)).isEqualTo(4);
      assertThat(bytesRead).hasValue(0);
      assertThat(in.read()).isEqualTo('6');
      assertThat(in.skip(100)).as("only what is left of the range").isEqualTo(5);
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.skip(-3)).isZero();
    }
  }

  @Test
  void aMessageEndingBeforeTheRangeShouldBeAnErrorNotAShortRead() {
    RangeInput in = new RangeInput(source, 15, 10);

    assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("ended 5 bytes before");
  }
}
