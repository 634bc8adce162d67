package org.mastermail.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.outbound.AttachmentSource;
import org.mastermail.outbound.BulkResult;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.Recipient;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.RecordingTransport;
import org.mastermail.testkit.contract.Office;

/** Documents generated for many people at once: one template, a thousand recipients, each with data and a file. */
class BulkComposeTest {
  @TempDir
  static Path dir;
  static MasterMail mm;
  static final MutableClock CLOCK = MutableClock.atDefaultStart();

  @BeforeAll
  static void start() {
    mm = MasterMail.builder().storage(JdbcStorage.h2(dir.resolve("db"))).clock(CLOCK)
        .templates(new MustacheRenderer()).build();
  }

  @AfterAll
  static void stop() {
    mm.close();
  }

  private static Template rentNotice(Office o) {
    return mm.outbound().saveTemplate(new Template(TemplateId.random(), o.info.id(), "rent-notice",
        "Czynsz za {{month}} – lokal {{flat}}",
        "Szanowny Panie / Szanowna Pani {{name}},\nczynsz za {{month}} wynosi {{amount}} zł.\n",
        "<p>Szanowny Panie / Szanowna Pani {{name}},</p><p>czynsz za {{month}}: <b>{{amount}} zł</b></p>"), o.admin);
  }

  private static byte[] pdfFor(int i) {
    byte[] pdf = new byte[6000];
    byte[] head = ("%PDF-1.4 notice " + i + "\n").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, pdf, 0, head.length);
    for (int k = head.length; k < pdf.length; k++) {
      pdf[k] = (byte) ('a' + (i * 31 + k) % 26);
    }
    return pdf;
  }

  @Test
  void bulkShouldQueueAThousandPersonalisedMessagesWithTheirOwnFiles() throws Exception {
    Office o = Office.create(mm);
    Template t = rentNotice(o);
    List<Recipient> recipients = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      recipients.add(new Recipient("lokator" + i + "@tenants.example", null,
          Map.of("name", i == 7 ? "<b>Zofia</b> & Jan" : "Lokator " + i, "month", "marzec", "flat", "A/" + i,
              "amount", String.valueOf(1000 + i)),
          List.of(AttachmentSource.upload("czynsz-" + i + ".pdf", "application/pdf", pdfFor(i)))));
    }
    recipients.add(Recipient.of("not-an-address", Map.of("name", "x", "month", "m", "flat", "f", "amount", "1")));
    recipients.add(Recipient.of("lokator-x@tenants.example", Map.of("name", "x", "month", "m", "flat", "f")));

    List<BulkResult> results = mm.outbound().bulk(t.id(), recipients, o.alice);

    assertThat(results).hasSize(1002);
    assertThat(results.subList(0, 1000)).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(BulkResult.Outcome.QUEUED);
      assertThat(r.message()).isNotNull();
    });
    assertThat(results.get(1000).outcome()).isEqualTo(BulkResult.Outcome.INVALID_ADDRESS);
    assertThat(results.get(1000).problem()).contains("not-an-address");
    assertThat(results.get(1001).outcome()).isEqualTo(BulkResult.Outcome.MISSING_VARIABLE);
    assertThat(results.get(1001).problem()).contains("amount");

    RecordingTransport smtp = new RecordingTransport();
    try (Dispatcher d = mm.dispatcher(DispatcherSettings.builder().batch(50).build(), m -> Optional.of(smtp))) {
      d.runOnce();
    }
    assertThat(smtp.sent()).hasSize(1000);
    OutboundMessage seventh = mm.outbound().get(results.get(7).message(), o.alice);
    assertThat(seventh.state()).isEqualTo(OutboundState.SENT);
    assertThat(seventh.letter().subject()).isEqualTo("Czynsz za marzec – lokal A/7");
    assertThat(seventh.letter().text()).contains("<b>Zofia</b> & Jan", "1007 zł");
    assertThat(seventh.letter().html()).contains("&lt;b&gt;Zofia&lt;/b&gt; &amp; Jan").doesNotContain("<b>Zofia");
    assertThat(seventh.letter().attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("czynsz-7.pdf");
      assertThat(a.size()).isEqualTo(6000);
    });
    RecordingTransport.Sent wire = smtp.sent().stream()
        .filter(s -> s.envelope().recipients().contains("lokator7@tenants.example")).findFirst().orElseThrow();
    assertThat(wire.text()).contains(Base64.getMimeEncoder().encodeToString(pdfFor(7)).substring(0, 76));
    assertThat(seventh.conversation()).isNotEqualTo(mm.outbound().get(results.get(8).message(), o.alice)
        .conversation());
  }

  @Test
  void aTemplateThatDoesNotParseShouldBeRefusedWhenSaved() {
    Office o = Office.create(mm);

    assertThatThrownBy(() -> mm.outbound().saveTemplate(new Template(TemplateId.random(), o.info.id(), "broken",
        "Hello {{name}}", "{{#items}} never closed", null), o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not parse");
    assertThat(mm.outbound().templates(o.info.id(), o.admin)).isEmpty();
  }

  @Test
  void fromTemplateShouldMakeAnEditableDraft() {
    Office o = Office.create(mm);
    Template t = rentNotice(o);

    OutboundMessage draft = mm.outbound().fromTemplate(t.id(), Recipient.of("jan@tenants.example",
        Map.of("name", "Jan", "month", "kwiecień", "flat", "B/2", "amount", "1500")), o.alice);

    assertThat(draft.state()).isEqualTo(OutboundState.DRAFT);
    assertThat(draft.letter().subject()).isEqualTo("Czynsz za kwiecień – lokal B/2");
    assertThat(draft.letter().to()).containsExactly("jan@tenants.example");
  }

  @Test
  void templatesShouldBeEditedOnlyByMailboxManagers() {
    Office o = Office.create(mm);

    assertThatThrownBy(() -> mm.outbound().saveTemplate(new Template(TemplateId.random(), o.info.id(), "x", "s",
        "t", null), o.alice)).isInstanceOf(org.mastermail.PermissionDeniedException.class);
  }
}
