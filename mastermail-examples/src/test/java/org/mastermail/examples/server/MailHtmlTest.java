package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastermail.examples.server.api.MailHtml;

class MailHtmlTest {
  private static String clean(String html) {
    return MailHtml.sanitize(html, Map.of());
  }

  @Test
  void scriptsShouldBeRemovedWithTheirText() {
    assertThat(clean("<p>hi</p><script>alert(1)</script><SCRIPT src=x></SCRIPT>")).isEqualTo("<p>hi</p>");
  }

  @Test
  void eventHandlerAttributesShouldBeRemoved() {
    assertThat(clean("<p onclick=\"x()\" onmouseover='y()'>hi</p><img src=x onerror=alert(1)>"))
        .isEqualTo("<p>hi</p>");
  }

  @Test
  void onlyWebAndMailLinksShouldSurviveAndOpenNothingOfOurs() {
    assertThat(clean("<a href=\"javascript:alert(1)\">a</a><a href=\"data:text/html,x\">b</a>"
        + "<a href=\"mailto:jan@client.example\">c</a><a href=\"https://example.org/\">d</a>"))
        .isEqualTo("a" + "b" + "<a href=\"mailto:jan&#64;client.example\" rel=\"noopener noreferrer nofollow\">c</a>"
            + "<a href=\"https://example.org/\" rel=\"noopener noreferrer nofollow\">d</a>");
  }

  @Test
  void formsFramesObjectsAndStyleSheetsShouldBeRemoved() {
    assertThat(clean("<form action=x><input name=p></form><iframe src=x></iframe><object data=x></object>"
        + "<style>body{display:none}</style><p>kept</p>")).isEqualTo("<p>kept</p>");
  }

  @Test
  void remoteImagesShouldBeDroppedAndCidImagesRewritten() {
    String url = "/api/messages/6ac5198f-3b1e-4a11-9476-98657381bdf1/attachments/1";

    String html = MailHtml.sanitize("<img src=\"https://tracker.example/p.gif\"><img src=\"cid:logo%40acme\" alt=\"L\">"
        + "<img src=\"cid:unknown@acme\">", Map.of("logo@acme", url));

    assertThat(html).isEqualTo("<img src=\"" + url + "\" alt=\"L\" />");
  }

  @Test
  void tablesAndSafeInlineStylesShouldSurvive() {
    assertThat(clean("<table border=\"1\"><tr><td style=\"color:red;position:fixed\">x</td></tr></table>"))
        .contains("<table border=\"1\">", "<td style=\"color:red\">x</td>");
  }
}
