package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.event.EventListener;
import org.mastermail.event.EventType;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.demo.Demo;
import org.mastermail.examples.server.demo.DemoMailServer;

/** The demo starts with nothing set up: seeded mail fetched by IMAP, routed, acknowledged, and new mail seen live. */
class DemoTest {
  @TempDir
  Path dir;
  private final Set<String> createdSubjects = ConcurrentHashMap.newKeySet();
  private final CountDownLatch acknowledgementsSent = new CountDownLatch(9);
  private final CountDownLatch liveMailArchived = new CountDownLatch(1);
  private final List<Demo> demos = new ArrayList<>();

  private final EventListener listener = events -> events.forEach(e -> {
    if (e.type() == EventType.CONVERSATION_CREATED && e.after() != null) {
      createdSubjects.add(e.after());
      if (e.after().equals("Klucze do piwnicy")) {
        liveMailArchived.countDown();
      }
    }
    if (e.type() == EventType.MESSAGE_SENT) {
      acknowledgementsSent.countDown();
    }
  });

  @AfterEach
  void stop() {
    demos.forEach(Demo::close);
  }

  private Demo start() {
    Demo demo = Demo.start(new Demo.Options(dir, ServerSettings.builder().host("127.0.0.1").port(0).build(), 0, 0,
        PasswordHasher.FOR_TESTS, listener));
    demos.add(demo);
    return demo;
  }

  private static Client login(Demo demo, String email) {
    Client c = new Client(URI.create("http://127.0.0.1:" + demo.node().server().port()));
    String password = Demo.LOGINS.stream().filter(l -> l.email().equals(email)).findFirst().orElseThrow()
        .password();
    assertThat(c.login(email, password).status()).isEqualTo(200);
    return c;
  }

  private static List<String> subjects(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(c -> out.add(c.get("subject").asText()));
    return out;
  }

  private static JsonNode find(JsonNode page, String subject) {
    for (JsonNode c : page.get("items")) {
      if (c.get("subject").asText().equals(subject)) {
        return c;
      }
    }
    throw new AssertionError("no conversation " + subject + " in " + page);
  }

  @Test
  void theSeededMailShouldBeFetchedThreadedRoutedAndListed() {
    Demo demo = start();
    Client marek = login(demo, "marek@acme.example");

    JsonNode all = marek.get("/api/conversations?view=all&limit=100").json();

    // 15 messages, three of them replies in the thread they answer
    assertThat(subjects(all)).hasSize(12).contains("Awaria windy w budynku B",
        "Nebenkostenabrechnung 2025 – Rückfrage", "Žádost o výměnu klíčů", "Viewing request – flat 4, 21 Park Road");
    String jonas = userId(marek, "jonas@acme.example");
    String ewa = userId(marek, "ewa@acme.example");
    assertThat(find(all, "Nebenkostenabrechnung 2025 – Rückfrage").get("assignee").asText()).isEqualTo(jonas);
    assertThat(find(all, "Awaria windy w budynku B").get("assignee").asText()).isEqualTo(ewa);
    assertThat(find(all, "URGENT: water leak in bathroom – flat 12").get("urgent").asBoolean()).isTrue();
    assertThat(find(all, "Immobilien-Newsletter November: neue Heizkostenverordnung").get("tags").toString())
        .contains("newsletter");
    JsonNode lift = marek.get("/api/conversations/" + find(all, "Awaria windy w budynku B").get("id").asText())
        .json();
    assertThat(lift.get("messages").findValuesAsText("direction")).containsSubsequence("INCOMING", "INCOMING");
    assertThat(lift.get("messages").get(1).get("messageId").asText()).isEqualTo("lift-2@example.pl");
    assertThat(lift.get("notes").get(0).get("body").asText()).contains("lift service");
  }

  @Test
  void aMemberShouldSeeHerOwnAndTheUnassignedButNotJonasWork() {
    Demo demo = start();

    List<String> inbox = subjects(login(demo, "ewa@acme.example").get("/api/conversations?limit=100").json());

    assertThat(inbox).contains("Awaria windy w budynku B", "Žádost o výměnu klíčů")
        .doesNotContain("Nebenkostenabrechnung 2025 – Rückfrage", "Kündigung Stellplatz Nr. 17");
  }

  @Test
  void theAttachedInvoiceShouldDownloadAsAPdf() {
    Demo demo = start();
    Client marek = login(demo, "marek@acme.example");
    JsonNode all = marek.get("/api/conversations?view=all&q=FV%2F2026").json();
    String id = all.get("items").get(0).get("id").asText();

    JsonNode file = marek.get("/api/conversations/" + id).json().get("messages").get(0).get("attachments").get(0);
    Client.Response pdf = marek.get(file.get("url").asText());

    assertThat(file.get("filename").asText()).isEqualTo("Faktura-FV-2026-11-042.pdf");
    assertThat(pdf.body()).startsWith("%PDF-1.4").endsWith("%%EOF\n");
  }

  @Test
  void acknowledgementsShouldReachTheSendersButNeverTheNewsletterTheAutoReplyOrTheNoReplySender()
      throws Exception {
    Demo demo = start();

    assertThat(acknowledgementsSent.await(30, TimeUnit.SECONDS)).isTrue();

    List<String> to = new ArrayList<>();
    demo.mailServer().findReceivedMessages(u -> !u.getEmail().equals(Demo.INFO), m -> true)
        .forEach(m -> to.add(recipient(m)));
    assertThat(to).hasSize(9).doesNotHaveDuplicates().contains("jan.kowalski@example.pl", "k.mueller@example.de",
        "lukas.schneider@example.de").doesNotContain("newsletter@immo-news.example", "noreply@dhl-paket.example");
  }

  @Test
  void mailSentToTheDemoAddressShouldAppearWithoutARestart() throws Exception {
    Demo demo = start();
    Client ewa = login(demo, "ewa@acme.example");

    GreenMailUtil.sendTextEmail(Demo.INFO, "zofia.lis@example.pl", "Klucze do piwnicy",
        "Dzień dobry, czy mogę odebrać klucze do piwnicy?",
        new ServerSetup(demo.smtpPort(), DemoMailServer.HOST, ServerSetup.PROTOCOL_SMTP));

    assertThat(liveMailArchived.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(subjects(ewa.get("/api/conversations?view=unassigned&limit=100").json()))
        .contains("Klucze do piwnicy");
  }

  @Test
  void aRestartOnTheSameDataShouldKeepTheOfficeAndStillFetchNewMail() throws Exception {
    start().close();
    demos.clear();

    Demo again = start();
    Client marek = login(again, "marek@acme.example");
    assertThat(subjects(marek.get("/api/conversations?view=all&limit=100").json())).hasSize(12);
    GreenMailUtil.sendTextEmail(Demo.INFO, "zofia.lis@example.pl", "Klucze do piwnicy", "Czy mogę je odebrać?",
        new ServerSetup(again.smtpPort(), DemoMailServer.HOST, ServerSetup.PROTOCOL_SMTP));

    assertThat(liveMailArchived.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(subjects(marek.get("/api/conversations?view=all&limit=100").json())).hasSize(13);
  }

  private static String userId(Client c, String email) {
    for (JsonNode u : c.get("/api/users").json()) {
      if (u.get("email").asText().equals(email)) {
        return u.get("id").asText();
      }
    }
    throw new AssertionError("no user " + email);
  }

  private static String recipient(MimeMessage m) {
    try {
      return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theOfficeShouldHaveReplyTemplatesFilledWithTheSender() {
    Demo demo = start();
    Client ewa = login(demo, "ewa@acme.example");
    JsonNode lift = find(ewa.get("/api/conversations?limit=100").json(), "Awaria windy w budynku B");
    JsonNode templates = ewa.get("/api/templates?mailbox=" + lift.get("mailbox").asText()).json();
    String repair = null;
    for (JsonNode t : templates) {
      if (t.get("name").asText().equals("Repair booked")) {
        repair = t.get("id").asText();
      }
    }

    Client.Response reply = ewa.post("/api/conversations/" + lift.get("id").asText() + "/reply",
        Client.json("template", repair, "queue", false));

    assertThat(templates.findValuesAsText("name")).containsExactlyInAnyOrder("Repair booked", "Viewing appointment",
        "Potwierdzenie (PL)");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("text").asText()).startsWith("Dear Jan Kowalski,\n\nthank you for letting us know.")
        .contains("Kind regards,\nEwa Kowalczyk");
  }
}
