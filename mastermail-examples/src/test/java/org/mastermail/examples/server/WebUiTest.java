package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.demo.Demo;
import org.mastermail.examples.server.demo.DemoMailServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The web UI in a real headless Chromium, against the demo office. */
class WebUiTest {
  @TempDir
  static Path dir;
  private static Demo demo;
  private final List<Browser> browsers = new ArrayList<>();

  @BeforeAll
  static void startDemo() {
    demo = Demo.start(new Demo.Options(dir, ServerSettings.builder().host("127.0.0.1").port(0).build(), 0, 0,
        PasswordHasher.FOR_TESTS, events -> {}));
  }

  @AfterAll
  static void stopDemo() {
    demo.close();
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(Browser::close);
  }

  private static String base() {
    return "http://127.0.0.1:" + demo.node().server().port();
  }

  private Browser browserOf(String email) {
    Browser b = Browser.open(base());
    browsers.add(b);
    b.login(email, password(email));
    return b;
  }

  private static String password(String email) {
    return Demo.LOGINS.stream().filter(l -> l.email().equals(email)).findFirst().orElseThrow().password();
  }

  private static Client api(String email) {
    Client c = new Client(URI.create(base()));
    assertThat(c.login(email, password(email)).status()).isEqualTo(200);
    return c;
  }

  private static List<String> subjects(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(c -> out.add(c.get("subject").asText()));
    return out;
  }

  private static JsonNode bySubject(Client c, String view, String subject) {
    for (JsonNode item : c.get("/api/conversations?limit=200&view=" + view).json().get("items")) {
      if (item.get("subject").asText().equals(subject)) {
        return item;
      }
    }
    throw new AssertionError("no conversation '" + subject + "' in view " + view);
  }

  private static void send(String from, String subject, String html) throws Exception {
    Properties p = new Properties();
    p.put("mail.smtp.host", DemoMailServer.HOST);
    p.put("mail.smtp.port", String.valueOf(demo.smtpPort()));
    MimeMessage m = new MimeMessage(Session.getInstance(p));
    m.setFrom(new InternetAddress(from));
    m.setRecipients(jakarta.mail.Message.RecipientType.TO, Demo.INFO);
    m.setSubject(subject, "UTF-8");
    if (html == null) {
      m.setText("Dzień dobry, proszę o kontakt.", "UTF-8");
    } else {
      m.setContent(html, "text/html; charset=UTF-8");
    }
    Transport.send(m);
  }

  @Test
  void aMemberShouldSeeHerOwnAndTheUnassignedWithTheCountsOfTheApi() {
    Browser ewa = browserOf("ewa@acme.example");
    Client api = api("ewa@acme.example");

    List<String> shown = ewa.subjects();

    assertThat(shown).containsExactlyElementsOf(subjects(api.get("/api/conversations?view=inbox").json()));
    assertThat(shown).contains("Awaria windy w budynku B").doesNotContain("Kündigung Stellplatz Nr. 17");
    JsonNode counts = api.get("/api/counts").json();
    ewa.until(d -> d.findElement(By.id("nav-inbox-count")).getText().equals(counts.get("inbox").asText()));
    assertThat(ewa.text(By.id("nav-mine-count"))).isEqualTo(counts.get("mine").asText());
    assertThat(ewa.text(By.id("nav-unassigned-count"))).isEqualTo(counts.get("unassigned").asText());
    assertThat(ewa.all(By.cssSelector("#conversations tr.row.unread"))).isNotEmpty();
    assertThat(ewa.all(By.id("nav-admin-rules"))).as("a member sees no admin pages").isEmpty();
    assertThat(ewa.all(By.id("nav-dashboard"))).isEmpty();
    ewa.screenshot("inbox");
  }

  @Test
  void takingStatusAndReplyShouldWorkAndTheTakenConversationLeavesTheOthersUnassignedListLive() {
    Client ewaApi = api("ewa@acme.example");
    Client jonasApi = api("jonas@acme.example");
    List<String> jonasNa = subjects(jonasApi.get("/api/conversations?view=unassigned&limit=200").json());
    String subject = subjects(ewaApi.get("/api/conversations?view=unassigned&limit=200").json()).stream()
        .filter(jonasNa::contains).filter(s -> !s.contains("Paket")).findFirst().orElseThrow();
    JsonNode before = bySubject(ewaApi, "unassigned", subject);
    String id = before.get("id").asText();
    Browser jonas = browserOf("jonas@acme.example");
    jonas.go("#/inbox?view=unassigned");
    assertThat(jonas.subjects()).contains(subject);
    jonas.script("window.notReloaded = true");
    Browser ewa = browserOf("ewa@acme.example");

    ewa.go("#/c/" + id);
    ewa.click(By.id("take"));
    ewa.find(By.id("taken"));
    // the other user's list drops it without a reload
    jonas.until(d -> !jonas.subjects().contains(subject));
    assertThat(jonas.script("return window.notReloaded === true")).isEqualTo(true);

    String inProgress = statusId(ewaApi, "In progress");
    new Select(ewa.find(By.id("status"))).selectByValue(inProgress);
    ewa.until(d -> ewaApi.get("/api/conversations/" + id).json().get("conversation").get("status").asText()
        .equals(inProgress));
    ewa.find(By.id("reply-text")).sendKeys("Dziękujemy, zajmiemy się tym dzisiaj.");
    ewa.click(By.id("reply-send"));

    JsonNode c = ewaApi.get("/api/conversations/" + id).json().get("conversation");
    assertThat(c.get("assignee").asText()).isEqualTo(myId(ewaApi));
    String mailbox = c.get("mailbox").asText();
    ewa.until(d -> outbound(ewaApi, mailbox).stream().anyMatch(o -> o.get("conversation").asText().equals(id)
        && o.get("text").asText().startsWith("Dziękujemy, zajmiemy się tym dzisiaj.")));
    assertThat(subjects(jonasApi.get("/api/conversations?view=unassigned&limit=200").json()))
        .doesNotContain(subject);
    ewa.screenshot("conversation");
  }

  private static List<JsonNode> outbound(Client c, String mailbox) {
    List<JsonNode> all = new ArrayList<>();
    for (String view : new String[] {"outbox", "sent"}) {
      c.get("/api/outbound?mailbox=" + mailbox + "&view=" + view).json().get("items").forEach(all::add);
    }
    return all;
  }

  private static String statusId(Client c, String name) {
    for (JsonNode s : c.get("/api/statuses").json()) {
      if (s.get("name").asText().equalsIgnoreCase(name)) {
        return s.get("id").asText();
      }
    }
    throw new AssertionError("no status " + name);
  }

  private static String myId(Client c) {
    return c.get("/api/me").json().get("user").get("id").asText();
  }

  @Test
  void scriptsAndEventHandlersInMailShouldNotRun() throws Exception {
    String subject = "Rechnung offen " + System.nanoTime();
    send("mahnung@inkasso.example", subject, "<p>Bitte zahlen.</p>"
        + "<script>parent.document.body.dataset.pwned='script'; alert('script')</script>"
        + "<img src=\"x\" onerror=\"parent.document.body.dataset.pwned='onerror'; alert('onerror')\">"
        + "<svg onload=\"parent.document.body.dataset.pwned='svg'\"></svg>");
    Browser anna = browserOf("anna@acme.example");
    anna.go("#/inbox?view=all");
    anna.until(d -> anna.subjects().contains(subject));

    anna.click(By.linkText(subject));
    WebElement frame = anna.find(By.cssSelector("iframe.mail-html"));
    anna.driver.switchTo().frame(frame);
    anna.until(d -> d.findElement(By.tagName("body")).getText().contains("Bitte zahlen."));
    String inside = (String) anna.script("return document.documentElement.outerHTML");
    anna.driver.switchTo().defaultContent();

    assertThat(inside).doesNotContain("<script").doesNotContain("onerror").doesNotContain("onload");
    assertThat(anna.script("return document.body.dataset.pwned || null")).isNull();
    assertThatThrownBy(() -> anna.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(anna.find(By.cssSelector("iframe.mail-html")).getAttribute("sandbox")).doesNotContain("allow-scripts");

    // the seeded phishing mail too
    anna.go("#/inbox?view=all&q=" + URLEncoder.encode("Paket", StandardCharsets.UTF_8));
    anna.until(d -> !anna.subjects().isEmpty());
    anna.click(By.cssSelector("#conversations tr.row a.subject"));
    anna.find(By.cssSelector("iframe.mail-html"));
    assertThat(anna.script("return document.body.dataset.pwned || null")).isNull();
    assertThatThrownBy(() -> anna.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void mailSentToTheOfficeShouldAppearWithoutAReload() throws Exception {
    Browser ewa = browserOf("ewa@acme.example");
    ewa.subjects();
    ewa.script("window.notReloaded = true");
    String subject = "Klucze do garażu " + System.nanoTime();

    GreenMailUtil.sendTextEmail(Demo.INFO, "zofia.lis@example.pl", subject, "Czy mogę odebrać klucze?",
        new ServerSetup(demo.smtpPort(), DemoMailServer.HOST, ServerSetup.PROTOCOL_SMTP));

    ewa.until(d -> ewa.subjects().contains(subject));
    assertThat(ewa.script("return window.notReloaded === true")).isEqualTo(true);
  }

  @Test
  void theDashboardShouldShowTheNumbersOfTheStatsApi() {
    Browser anna = browserOf("anna@acme.example");
    Client api = api("anna@acme.example");
    anna.go("#/dashboard");
    anna.find(By.cssSelector("#stats-users tbody tr"));
    String zone = (String) anna.script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    String date = anna.find(By.id("dashboard-date")).getAttribute("value");

    JsonNode stats = api.get("/api/stats/daily?date=" + date + "&zone=" + zone + "&reactionHours=24").json();

    for (JsonNode user : stats.get("users")) {
      String row = "#stats-users tr[data-user-id='" + user.get("id").asText() + "']";
      for (String stat : List.of("open", "unread", "read", "assigned", "taken", "closed", "repliesSent",
          "urgentDueToday", "dueTomorrow", "overdue", "withoutReaction")) {
        assertThat(anna.text(By.cssSelector(row + " td[data-stat='" + stat + "']")))
            .as(user.get("name").asText() + " " + stat).isEqualTo(user.get(stat).asText());
      }
    }
    long open = 0;
    for (JsonNode user : stats.get("users")) {
      open += user.get("open").asLong();
    }
    assertThat(anna.text(By.cssSelector("#total-open .n"))).isEqualTo(String.valueOf(open));
    for (JsonNode m : stats.get("mailboxes")) {
      assertThat(anna.text(By.cssSelector("#stats-mailboxes tr[data-mailbox-id='" + m.get("id").asText()
          + "'] td[data-stat='unassigned']"))).isEqualTo(m.get("unassigned").asText());
    }
    anna.until(d -> !d.findElements(By.cssSelector("#chart-users canvas")).isEmpty()
        && !d.findElements(By.cssSelector("#chart-trend canvas")).isEmpty());
    anna.screenshot("dashboard");
  }

  @Test
  void theKeyboardShouldOpenAConversationAndGoBack() {
    Browser ewa = browserOf("ewa@acme.example");
    List<String> subjects = ewa.subjects();
    WebElement body = ewa.find(By.tagName("body"));

    body.sendKeys("j");
    ewa.driver.switchTo().activeElement().sendKeys("j");
    String chosen = ewa.text(By.cssSelector("#conversations tr.row.selected a.subject"));
    ewa.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    ewa.until(d -> d.findElements(By.id("subject")).stream().anyMatch(WebElement::isDisplayed));

    assertThat(subjects.indexOf(chosen)).isEqualTo(1);
    assertThat(ewa.text(By.id("subject"))).isEqualTo(chosen);
    ewa.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    ewa.until(d -> !d.findElements(By.id("conversations")).isEmpty());
    assertThat(ewa.driver.getCurrentUrl()).contains("#/inbox");
  }

  @Test
  void aDraftShouldBeKeptEditedAndSentFromTheDraftsBox() {
    Client ewaApi = api("ewa@acme.example");
    String id = bySubject(ewaApi, "inbox", "Awaria windy w budynku B").get("id").asText();
    Browser ewa = browserOf("ewa@acme.example");
    ewa.go("#/c/" + id);
    ewa.find(By.id("reply-text")).sendKeys("Pierwsza wersja.");

    ewa.click(By.id("reply-draft"));
    ewa.click(By.cssSelector("#outbound tr button.edit-draft"));
    WebElement text = ewa.find(By.id("draft-text"));
    text.clear();
    text.sendKeys("Serwis przyjedzie jutro o 9:00.");
    ewa.click(By.id("draft-send"));

    String mailbox = ewaApi.get("/api/conversations/" + id).json().get("conversation").get("mailbox").asText();
    ewa.until(d -> outbound(ewaApi, mailbox).stream().anyMatch(o -> o.get("conversation").asText().equals(id)
        && o.get("text").asText().equals("Serwis przyjedzie jutro o 9:00.")));
    assertThat(ewaApi.get("/api/outbound?mailbox=" + mailbox + "&view=drafts").json().get("items")).isEmpty();
  }

  @Test
  void anAdminShouldAddAStatusAndDryRunRulesWhileAMemberIsRefused() {
    Browser anna = browserOf("anna@acme.example");
    anna.find(By.id("nav-admin-rules"));
    anna.go("#/admin/statuses");
    anna.find(By.id("new-status-name")).sendKeys("Waiting for the owner");
    new Select(anna.find(By.id("new-status-category"))).selectByValue("WAITING");
    anna.click(By.id("add-status"));
    anna.until(d -> d.findElements(By.cssSelector("#statuses input")).stream()
        .anyMatch(i -> "Waiting for the owner".equals(i.getAttribute("value"))));
    assertThat(api("anna@acme.example").get("/api/statuses").json().findValuesAsText("name"))
        .contains("Waiting for the owner");

    anna.go("#/admin/rules");
    WebElement rules = anna.find(By.id("rules-json"));
    String tagEverything = "{\"rules\": [{\"id\": \"tag-all\", \"name\": \"Tag everything\","
        + " \"actions\": [{\"tag\": \"reviewed\"}]}]}";
    anna.script("arguments[0].value = arguments[1]", rules, tagEverything);
    anna.click(By.id("rules-dry-run"));
    WebElement result = anna.find(By.id("rules-result"));
    anna.until(d -> result.getText().contains("would change"));
    anna.screenshot("rules-dry-run");
    assertThat(result.getText()).containsPattern("Dry run: [1-9][0-9]* of [1-9][0-9]* recent conversations");

    Browser ewa = browserOf("ewa@acme.example");
    ewa.go("#/admin/rules");
    assertThat(ewa.text(By.id("admin-error"))).contains("MANAGE_RULES");
    ewa.go("#/admin/statuses");
    ewa.find(By.id("new-status-name")).sendKeys("Mine only");
    ewa.click(By.id("add-status"));
    ewa.until(d -> d.findElement(By.id("toast")).getText().contains("MANAGE_STATUSES"));
    assertThat(api("ewa@acme.example").get("/api/statuses").json().findValuesAsText("name"))
        .doesNotContain("Mine only");
  }
}
