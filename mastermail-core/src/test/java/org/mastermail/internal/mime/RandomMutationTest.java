package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.internal.mime.Mails.CRLF;
import static org.mastermail.internal.mime.Mails.assertRoundTrip;
import static org.mastermail.internal.mime.Mails.base64;
import static org.mastermail.internal.mime.Mails.bytes;
import static org.mastermail.internal.mime.Mails.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mastermail.internal.mime.SingleInstanceStore.Archived;
import org.mastermail.internal.parse.KnownBodies;
import org.mastermail.internal.parse.MessageParser;
import org.mastermail.internal.parse.ParseLimits;
import org.mastermail.internal.parse.ParsedMessage;

class RandomMutationTest {
  private static final String[] BOUNDARY_LINES = {"--outer\r\n", "--outer--\r\n", "--inner\n", "--inner--\n"};

  private final MemoryBlobStore blobs = new MemoryBlobStore();
  private final SingleInstanceStore store = new SingleInstanceStore(blobs, 64);

  private static byte[] original() {
    return bytes(String.join(CRLF,
        "From: a@example.com",
        "Subject: mutations",
        "Content-Type: multipart/mixed; boundary=outer",
        "",
        "preamble",
        "--outer",
        "Content-Type: multipart/alternative; boundary=inner",
        "",
        "--inner",
        "Content-Type: text/plain",
        "",
        "Hello there",
        "--inner",
        "Content-Type: text/html",
        "Content-Transfer-Encoding: base64",
        "",
        base64(bytes("<p>Hello there</p>".repeat(20)), 76, CRLF, false),
        "--inner--",
        "--outer",
        "Content-Type: message/rfc822",
        "",
        "Subject: inner",
        "Content-Type: application/octet-stream",
        "Content-Transfer-Encoding: base64",
        "",
        base64(randomBytes(1, 700), 64, CRLF, false),
        "--outer",
        "Content-Type: application/pdf",
        "Content-Transfer-Encoding: base64",
        "",
        base64(randomBytes(2, 3000), 76, CRLF, false),
        "--outer--",
        "epilogue",
        ""));
  }

  @Test
  void fiveHundredRandomMutationsOfAMultipartMessageShouldAllRoundTrip() {
    byte[] original = original();
    assertThat(assertRoundTrip(store, original).parts()).hasSize(3);
    int withExtraction = 0;
    for (int seed = 0; seed < 500; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      byte[] mutated = original;
      for (int m = 1 + random.nextInt(4); m > 0; m--) {
        mutated = mutate(mutated, random);
      }
      if (!assertRoundTrip(store, mutated).parts().isEmpty()) {
        withExtraction++;
      }
    }
    // Most mutations leave some attachment intact, so the extraction path is exercised, not only the inline one.
    assertThat(withExtraction).isGreaterThan(250);
  }

  @Test
  void parsingWithTheBase64BodiesTheStoreDecodedShouldGiveWhatParsingAloneGives() {
    MessageParser parser = new MessageParser(ParseLimits.DEFAULTS);
    byte[] original = original();
    int known = 0;
    for (int seed = 0; seed < 500; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      byte[] mutated = original;
      for (int m = random.nextInt(4); m > 0; m--) {
        mutated = mutate(mutated, random);
      }
      Archived archived = store.store(new ByteArrayInputStream(mutated));
      known += archived.base64Bodies().size();
      ParsedMessage alone = parser.parse(new ByteArrayInputStream(mutated));
      assertThat(parser.parse(new ByteArrayInputStream(mutated), knownBodies(archived, mutated)))
          .as("seed %d", seed).isEqualTo(alone);
    }
    assertThat(known).isGreaterThan(500);
  }

  private static KnownBodies knownBodies(Archived archived, byte[] raw) {
    List<KnownBodies.Body> bodies = archived.base64Bodies().stream()
        .map(b -> new KnownBodies.Body(b.offset(), b.length(), b.decodedSize(), b.blob().sha256())).toList();
    return new KnownBodies() {
      @Override
      public List<Body> bodies() {
        return bodies;
      }

      @Override
      public int read(long position, byte[] b, int off, int len) {
        if (position >= raw.length) {
          return -1;
        }
        int n = (int) Math.min(len, raw.length - position);
        System.arraycopy(raw, (int) position, b, off, n);
        return n;
      }
    };
  }

  private static byte[] mutate(byte[] in, SplittableRandom random) {
    if (in.length == 0) {
      return bytes(BOUNDARY_LINES[random.nextInt(BOUNDARY_LINES.length)]);
    }
    int at = random.nextInt(in.length);
    switch (random.nextInt(6)) {
      case 0 -> {
        byte[] out = in.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> {
        return Arrays.copyOf(in, at);
      }
      case 2 -> {
        String[] insert = {"\r", "\n", "\r\n", "\n\n", "\r\n\r\n"};
        return splice(in, at, 0, bytes(insert[random.nextInt(insert.length)]));
      }
      case 3 -> {
        return splice(in, lineStart(in, at), 0, bytes(BOUNDARY_LINES[random.nextInt(BOUNDARY_LINES.length)]));
      }
      case 4 -> {
        return splice(in, at, Math.min(in.length - at, 1 + random.nextInt(100)), new byte[0]);
      }
      default -> {
        byte[] junk = {0, (byte) 0xFF, '=', '-', ' ', (byte) 0xE9};
        return splice(in, at, 0, new byte[] {junk[random.nextInt(junk.length)]});
      }
    }
  }

  private static int lineStart(byte[] b, int at) {
    while (at > 0 && b[at - 1] != '\n') {
      at--;
    }
    return at;
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
    out.write(in, 0, at);
    out.write(insert, 0, insert.length);
    out.write(in, at + remove, in.length - at - remove);
    return out.toByteArray();
  }
}
