package org.mastermail.testkit.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.intake.IngestResult;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.MessageId;
import org.mastermail.tenant.TenantSetup;

/**
 * Archives one generated message of {@code args[1]} MiB into an H2 file database under {@code args[0]} and reads it
 * back, comparing SHA-256; run in a JVM with a small heap to show that nothing holds the message whole. Exit code 0
 * when the round trip is exact.
 */
public final class HugeMessage {
  private HugeMessage() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long mib = Long.parseLong(args[1]);
    try (JdbcStorage storage = JdbcStorage.h2(dir)) {
      MasterMail mm = MasterMail.builder().storage(storage).build();
      TenantSetup office = mm.createTenant("Office", "admin@office.example", "Admin");
      Mailbox info = mm.admin().mailboxes().createShared("info@office.example", "Info", office.adminActor());
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      long t0 = System.nanoTime();
      IngestResult r = mm.intake().ingest(office.tenant().id(), info.id(),
          new DigestInputStream(message(mib * 1024 * 1024), sent), null);
      long t1 = System.nanoTime();
      MessageId id = r.message();
      if (id == null) {
        throw new IllegalStateException("not archived: " + r);
      }
      MessageDigest back = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (InputStream raw = mm.triage().raw(id, office.adminActor())) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = raw.read(buffer)) != -1) {
          back.update(buffer, 0, n);
          size += n;
        }
      }
      long t2 = System.nanoTime();
      String a = HexFormat.of().formatHex(sent.digest());
      String b = HexFormat.of().formatHex(back.digest());
      int listed = mm.triage().list(View.ALL, ConversationFilter.none(), Sort.NEWEST, null, 10, office.adminActor())
          .items().size();
      System.out.printf("archived %d bytes in %.1f s, read back in %.1f s, max heap %d MiB, sha256 %s%n", size,
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, Runtime.getRuntime().maxMemory() >> 20, b);
      System.exit(a.equals(b) && listed == 1 ? 0 : 1);
    }
  }

  /** Headers, a short text part and a base64 attachment of random-looking bytes, generated on the fly. */
  static InputStream message(long approximateBytes) {
    String head = "From: big@client.example\r\nTo: info@office.example\r\nSubject: Scans\r\n"
        + "Message-ID: <huge@client.example>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"huge\"\r\n\r\n--huge\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe scans are attached.\r\n--huge\r\n"
        + "Content-Type: application/pdf; name=\"scans.pdf\"\r\nContent-Disposition: attachment; filename=\"scans.pdf\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n";
    String tail = "--huge--\r\n";
    long lines = approximateBytes / 78;
    InputStream body = new InputStream() {
      private final byte[] line = new byte[78];
      private long emitted;
      private int pos = 78;
      private long seed = 42;

      @Override
      public int read() {
        if (pos == 78) {
          if (emitted == lines) {
            return -1;
          }
          String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
          for (int i = 0; i < 76; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            line[i] = (byte) alphabet.charAt((int) ((seed >>> 33) & 63));
          }
          line[76] = '\r';
          line[77] = '\n';
          pos = 0;
          emitted++;
        }
        return line[pos++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
          int c = read();
          if (c < 0) {
            break;
          }
          b[off + n++] = (byte) c;
        }
        return n == 0 && len > 0 ? -1 : n;
      }
    };
    List<InputStream> parts = List.of(new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), body,
        new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII)));
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
