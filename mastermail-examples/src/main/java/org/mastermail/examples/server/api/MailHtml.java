package org.mastermail.examples.server.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Makes the HTML of a received mail safe to show inside our pages, with the OWASP Java HTML Sanitizer: no scripts,
 * no event handler attributes, no forms, frames, objects or style sheets; links only to http, https and mailto, and
 * marked {@code noopener noreferrer nofollow}. Images are kept only when they are the message's own
 * ({@code cid:} references, rewritten to our attachment URLs): remote images are dropped, because loading them tells
 * the sender that and when the mail was read.
 */
public final class MailHtml {
  private static final Pattern OWN_ATTACHMENT = Pattern.compile("/api/messages/[0-9a-f-]{36}/attachments/[0-9]{1,6}");
  private static final Pattern CID_SRC = Pattern.compile("(?i)(\\bsrc\\s*=\\s*[\"']?)cid:([^\"'\\s>]+)");

  private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
      .and(Sanitizers.STYLES)
      .and(new HtmlPolicyBuilder()
          .allowElements("a")
          .allowAttributes("href", "title").onElements("a")
          .allowUrlProtocols("http", "https", "mailto")
          .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
          .allowElements("img")
          .allowAttributes("alt", "title", "width", "height").onElements("img")
          .allowAttributes("src").matching(OWN_ATTACHMENT).onElements("img")
          // what mail clients still write (an attribute counts only with its element allowed in the same builder)
          .allowElements("font", "center", "hr", "span", "div", "p", "h1", "h2", "h3", "table", "tr", "td", "th")
          .allowAttributes("color", "face", "size").onElements("font")
          .allowAttributes("align").onElements("p", "div", "td", "th", "tr", "table", "img", "h1", "h2", "h3")
          .allowAttributes("bgcolor", "width", "cellpadding", "cellspacing", "border")
          .onElements("table", "td", "th", "tr")
          .toFactory());

  private MailHtml() {}

  /**
   * The safe form of {@code html}; {@code cidUrls} maps the message's Content-IDs to the URLs of its attachments.
   */
  public static String sanitize(String html, Map<String, String> cidUrls) {
    Matcher m = CID_SRC.matcher(html);
    StringBuilder rewritten = new StringBuilder(html.length());
    while (m.find()) {
      String url = cidUrls.getOrDefault(m.group(2), cidUrls.get(decoded(m.group(2))));
      m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group(1) + (url != null ? url : "cid:unknown")));
    }
    m.appendTail(rewritten);
    return POLICY.sanitize(rewritten.toString());
  }

  /** A cid URL is %-encoded (RFC 2392); a malformed one is taken as written. */
  private static String decoded(String cid) {
    try {
      return URLDecoder.decode(cid, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return cid;
    }
  }
}
