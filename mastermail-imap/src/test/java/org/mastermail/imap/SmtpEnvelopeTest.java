package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.imap.SmtpMessages.ANNA;
import static org.mastermail.imap.SmtpMessages.failure;
import static org.mastermail.imap.SmtpMessages.message;
import static org.mastermail.imap.SmtpMessages.settings;
import static org.mastermail.imap.SmtpMessages.source;
import static org.mastermail.imap.SmtpMessages.to;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.outbound.Envelope;
import org.mastermail.outbound.TransportException;

/** What goes over the wire: the envelope's commands and the message's bytes, as a scripted server records them. */
class SmtpEnvelopeTest {
  private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
  private final SmtpTransport smtp = SmtpTransport.of(settings(server.port()).build());

  @AfterEach
  void close() {
    smtp.close();
    server.close();
  }

  @Test
  void nullSenderShouldBeSentAsMailFromEmptyBrackets() {
    smtp.send(new Envelope(null, List.of(ANNA)), source(message("Out of office")));

    assertThat(server.commands("MAIL")).containsExactly("MAIL FROM:<>");
    assertThat(server.messages()).hasSize(1);
  }

  @Test
  void senderAndEveryRecipientShouldGoInTheEnvelopeAndBccOnlyThere() {
    byte[] sent = message("Offer");

    smtp.send(to(ANNA, "bob@partner.example"), source(sent));

    assertThat(server.commands()).containsSubsequence("EHLO client.test", "MAIL FROM:<info@acme.example>",
        "RCPT TO:<anna@client.example>", "RCPT TO:<bob@partner.example>", "DATA");
    assertThat(new String(server.messages().get(0), StandardCharsets.UTF_8)).doesNotContain("bob@");
  }

  @Test
  void everyByteShouldArriveUnchangedWithEightBitTextAndLinesStartingWithADot() {
    byte[] sent = message("Grüße", "Grüße aus Köln – naïve café\r\n.a line starting with a dot\r\n.\r\n"
        + "..two dots\r\n. dot space\r\nlast line\r\n");

    smtp.send(to(ANNA), source(sent));

    assertThat(new String(server.messages().get(0), StandardCharsets.UTF_8))
        .isEqualTo(new String(sent, StandardCharsets.UTF_8));
    assertThat(server.messages().get(0)).isEqualTo(sent);
  }

  @Test
  void aMessageShouldNeverGetAMessageIdOrDateItDidNotHave() {
    byte[] sent = "From: info@acme.example\r\nTo: anna@client.example\r\nSubject: Bare\r\n\r\nNo id, no date.\r\n"
        .getBytes(StandardCharsets.US_ASCII);

    smtp.send(to(ANNA), source(sent));

    assertThat(server.messages().get(0)).isEqualTo(sent);
  }

  @Test
  void bareLineFeedsShouldBeSentAsCrlfAsSmtpRequires() {
    byte[] sent = "Subject: Unix line ends\n\nline one\nline two\n".getBytes(StandardCharsets.US_ASCII);

    smtp.send(to(ANNA), source(sent));

    assertThat(new String(server.messages().get(0), StandardCharsets.US_ASCII))
        .isEqualTo("Subject: Unix line ends\r\n\r\nline one\r\nline two\r\n");
  }

  @Test
  void messageShouldBeDeclaredEightBitWhenTheServerOffersIt() {
    server.extensions("8BITMIME", "SIZE 10000000");

    smtp.send(to(ANNA), source(message("Declared")));

    assertThat(server.commands("MAIL")).containsExactly("MAIL FROM:<info@acme.example> BODY=8BITMIME");
  }

  @Test
  void anAddressThatWouldBreakTheCommandShouldFailPermanentlyBeforeConnecting() {
    TransportException e = failure(() -> smtp.send(to("anna@client.example>\r\nRSET"), source(message("Inject"))));

    assertThat(e.permanent()).isTrue();
    assertThat(server.connections()).isZero();
  }
}
