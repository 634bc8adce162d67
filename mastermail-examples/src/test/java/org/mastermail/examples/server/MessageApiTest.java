package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.intake.IngestResult;
import org.mastermail.testkit.contract.Mails;

/** Messages through the API: sanitised HTML, the raw bytes, and attachments that download and never render. */
class MessageApiTest {
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private final ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private IngestResult receive(byte[] raw) {
    return fx.mm.intake().ingest(fx.office.setup.tenant().id(), fx.office.info.id(), new ByteArrayInputStream(raw),
        null);
  }

  /** An HTML mail with a script, an event handler, a javascript: link, a tracking pixel and an embedded logo. */
  private static byte[] hostileHtml() {
    String html = "<p>Hello <b>office</b></p><script>alert('x')</script>"
        + "<img src=\"x\" onerror=\"alert(document.cookie)\">"
        + "<a href=\"javascript:alert(1)\">click</a> <a href=\"https://example.org/info\" onclick=\"steal()\">info</a>"
        + "<img src=\"https://tracker.example/pixel.gif\"><img src=\"cid:logo@client.example\" alt=\"logo\">";
    return ("From: Eve <eve@client.example>\r\nTo: info@acme.example\r\nSubject: Hostile HTML\r\n"
        + "Message-ID: <hostile-1@client.example>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
        + "--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n"
        + "--rel\r\nContent-Type: image/png; name=\"logo.png\"\r\nContent-ID: <logo@client.example>\r\n"
        + "Content-Disposition: inline; filename=\"logo.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(PNG) + "\r\n--rel--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode onlyMessage(Client client, IngestResult r) {
    JsonNode details = client.get("/api/conversations/" + r.conversation()).json();
    return details.get("messages").get(0);
  }

  @Test
  void htmlShouldComeBackWithoutScriptsEventHandlersOrJavascriptLinks() {
    IngestResult r = receive(hostileHtml());

    String html = onlyMessage(fx.as("alice"), r).get("html").asText();

    assertThat(html).contains("<p>Hello <b>office</b></p>", "https://example.org/info", "rel=\"noopener");
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
        .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("javascript:")
        .doesNotContain("alert(");
  }

  @Test
  void remoteImagesShouldBeDroppedAndEmbeddedOnesPointAtTheMessagesAttachment() {
    IngestResult r = receive(hostileHtml());

    JsonNode message = onlyMessage(fx.as("alice"), r);

    String logo = message.get("attachments").get(0).get("url").asText();
    assertThat(logo).isEqualTo("/api/messages/" + r.message() + "/attachments/0");
    assertThat(message.get("html").asText()).doesNotContain("tracker.example").contains("src=\"" + logo + "\"");
  }

  @Test
  void rawShouldReturnTheBytesExactlyAsReceived() {
    byte[] raw = Mails.from("Jan <jan@client.example>", fx.office.info.address(), "Zażółć gęślą jaźń")
        .body("Treść wiadomości.\n").attach("umowa.pdf", "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII))
        .bytes();
    IngestResult r = receive(raw);

    Client.Response response = fx.as("alice").get("/api/messages/" + r.message() + "/raw");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("message/rfc822");
    assertThat(response.header("Content-Disposition")).startsWith("attachment;");
    assertThat(response.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(raw);
  }

  @Test
  void anAttachmentShouldDownloadWithItsNameAndAnHtmlFileNeverAsAPage() {
    byte[] raw = Mails.from("Jan <jan@client.example>", fx.office.info.address(), "Files")
        .attach("zpráva.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).bytes();
    IngestResult r = receive(raw);

    Client.Response file = fx.as("alice").get("/api/messages/" + r.message() + "/attachments/0");

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo("<script>alert(1)</script>");
    assertThat(file.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(file.header("Content-Disposition")).isEqualTo(
        "attachment; filename=\"zpr_va.html\"; filename*=UTF-8''zpr%C3%A1va.html");
    assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anEmbeddedImageShouldBeShownInline() {
    IngestResult r = receive(hostileHtml());

    Client.Response image = fx.as("alice").get("/api/messages/" + r.message() + "/attachments/0");

    assertThat(image.header("Content-Type")).isEqualTo("image/png");
    assertThat(image.header("Content-Disposition")).startsWith("inline;");
  }

  @Test
  void aMissingAttachmentShouldBe404() {
    IngestResult r = receive(hostileHtml());

    assertThat(fx.as("alice").get("/api/messages/" + r.message() + "/attachments/7").status()).isEqualTo(404);
  }
}
