package org.mastermail.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.outbound.TemplateException;

/** What templates may use and how they fail. */
class MustacheRendererTest {
  private final MustacheRenderer renderer = new MustacheRenderer();

  @Test
  void htmlShouldEscapeVariableValues() {
    assertThat(renderer.render("<p>{{v}}</p>", Map.of("v", "<b>Tom & \"Jerry\"</b>"), true))
        .isEqualTo("<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>");
  }

  @Test
  void plainTextShouldInsertValuesAsTheyAre() {
    assertThat(renderer.render("Re: {{v}}", Map.of("v", "Tom & \"Jerry\" <tom@example.com>"), false))
        .isEqualTo("Re: Tom & \"Jerry\" <tom@example.com>");
  }

  @Test
  void tripleMustacheShouldInsertRawHtml() {
    Map<String, String> data = Map.of("v", "<b>bold</b>");
    assertThat(renderer.render("{{{v}}}|{{&v}}|{{v}}", data, true))
        .isEqualTo("<b>bold</b>|<b>bold</b>|&lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void missingVariableShouldFailNamingItAndItsLine() {
    assertThatThrownBy(() -> renderer.render("Dear {{name}},\nyour case {{caseNo}} is closed.", Map.of("name", "Jan"),
        false))
        .isInstanceOf(TemplateException.class)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'caseNo'")
        .hasMessageContaining("line 2");
  }

  @Test
  void nullVariableShouldFailRatherThanRenderEmpty() {
    Map<String, Object> data = new HashMap<>();
    data.put("name", null);
    assertThatThrownBy(() -> renderer.render("Dear {{name}}", data, false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'name'");
  }

  @Test
  void missingSectionKeyShouldFailNamingIt() {
    assertThatThrownBy(() -> renderer.render("{{#itmes}}- {{title}}\n{{/itmes}}", Map.of("items", List.of()), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'itmes'")
        .hasMessageContaining("line 1");
  }

  @Test
  void missingInvertedSectionKeyShouldFailToo() {
    assertThatThrownBy(() -> renderer.render("{{^items}}nothing{{/items}}", Map.of(), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'items'");
  }

  @Test
  void sectionKeyWithFalseNullEmptyListOrEmptyStringShouldSkipTheSection() {
    Map<String, Object> data = new HashMap<>();
    data.put("no", false);
    data.put("nothing", null);
    data.put("none", List.of());
    data.put("noArray", new String[0]);
    data.put("blank", "");
    String template = "[{{#no}}a{{/no}}{{#nothing}}b{{/nothing}}{{#none}}c{{/none}}{{#noArray}}d{{/noArray}}"
        + "{{#blank}}e{{/blank}}]"
        + "[{{^no}}A{{/no}}{{^nothing}}B{{/nothing}}{{^none}}C{{/none}}{{^noArray}}D{{/noArray}}{{^blank}}E{{/blank}}]";
    assertThat(renderer.render(template, data, false)).isEqualTo("[][ABCDE]");
  }

  @Test
  void trueSectionShouldRenderOnce() {
    assertThat(renderer.render("{{#urgent}}URGENT: {{/urgent}}{{subject}}", Map.of("urgent", true, "subject", "Water"),
        false)).isEqualTo("URGENT: Water");
  }

  @Test
  void dottedNamesShouldReachIntoNestedMaps() {
    Map<String, Object> data = Map.of("tenant", Map.of("name", "Acme", "address", Map.of("city", "Wien")));
    assertThat(renderer.render("{{tenant.name}}, {{tenant.address.city}}", data, false)).isEqualTo("Acme, Wien");
  }

  @Test
  void missingNestedKeyShouldFailNamingTheDottedName() {
    Map<String, Object> data = Map.of("tenant", Map.of("name", "Acme"));
    assertThatThrownBy(() -> renderer.render("{{tenant.phone}}", data, false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'tenant.phone'");
  }

  @Test
  void sectionOverAListOfMapsShouldRepeatForEachElement() {
    Map<String, Object> data = Map.of("items", List.of(Map.of("title", "Keys"), Map.of("title", "Water")));
    assertThat(renderer.render("{{#items}}{{-index}}. {{title}}{{^-last}}, {{/-last}}{{/items}}", data, false))
        .isEqualTo("1. Keys, 2. Water");
  }

  @Test
  void listOfStringsShouldBeReadWithDot() {
    assertThat(renderer.render("{{#tags}}<{{.}}>{{/tags}}", Map.of("tags", List.of("vip", "a&b")), true))
        .isEqualTo("<vip><a&amp;b>");
  }

  @Test
  void keysNotInTheElementShouldBeFoundInTheEnclosingData() {
    Map<String, Object> data = Map.of("agent", "Eva", "items", List.of(Map.of("title", "Keys")));
    assertThat(renderer.render("{{#items}}{{title}} by {{agent}}{{/items}}", data, false)).isEqualTo("Keys by Eva");
  }

  @Test
  void missingKeyInsideAListElementShouldFail() {
    Map<String, Object> data = Map.of("items", List.of(Map.of("title", "Keys"), Map.of()));
    assertThatThrownBy(() -> renderer.render("{{#items}}{{title}}{{/items}}", data, false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'title'");
  }

  public record Person(String name, Address address) {}

  public record Address(String city) {}

  @Test
  void recordsShouldBeReadThroughTheirAccessors() {
    Map<String, Object> data = Map.of("contact", new Person("Jiří", new Address("Brno")));
    assertThat(renderer.render("{{contact.name}} ({{contact.address.city}}) {{#contact}}{{name}}{{/contact}}", data,
        false)).isEqualTo("Jiří (Brno) Jiří");
  }

  /** A JavaBean. */
  public static final class Invoice {
    public String getNumber() {
      return "2026-17";
    }

    public boolean isPaid() {
      return false;
    }
  }

  @Test
  void javaBeansShouldBeReadThroughTheirGetters() {
    assertThat(renderer.render("{{invoice.number}}{{^invoice.paid}} (unpaid){{/invoice.paid}}",
        Map.of("invoice", new Invoice()), false)).isEqualTo("2026-17 (unpaid)");
  }

  /** A getter that fails. */
  public static final class Broken {
    public String getValue() {
      throw new IllegalStateException("database down");
    }
  }

  @Test
  void failingGetterShouldFailWithItsCause() {
    assertThatThrownBy(() -> renderer.render("{{b.value}}", Map.of("b", new Broken()), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'value'")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void unclosedSectionShouldFailWithTheParsersPosition() {
    assertThatThrownBy(() -> renderer.render("Hello\n{{#items}}\n- {{title}}\n", Map.of("items", List.of()), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("malformed template")
        .hasMessageContaining("'items'")
        .hasMessageContaining("line 2");
  }

  @Test
  void checkShouldRefuseAMalformedTemplateWithoutAnyData() {
    assertThatThrownBy(() -> renderer.check("Hello\n{{#items}}\n- {{title}}\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("'items'");
  }

  @Test
  void checkShouldAcceptAWellFormedTemplateWhoseVariablesHaveNoDataYet() {
    renderer.check("Dear {{name}},\n{{#items}}- {{title}}\n{{/items}}");
    assertThat(renderer.render("{{name}}", Map.of("name", "Jan"), false)).isEqualTo("Jan");
  }

  @Test
  void mismatchedCloseTagShouldFail() {
    assertThatThrownBy(() -> renderer.render("{{#a}}{{#b}}{{/a}}{{/b}}", Map.of("a", true, "b", true), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("mismatched");
  }

  @Test
  void tagNeverClosedShouldFailRatherThanReachTheRecipient() {
    assertThatThrownBy(() -> renderer.render("Dear {{name}},\nyour case {{caseNo", Map.of("name", "Jan"), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("never closed")
        .hasMessageContaining("line 2");
  }

  @Test
  void emptyTagShouldFail() {
    assertThatThrownBy(() -> renderer.render("a {{}} b", Map.of(), false))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("malformed template");
  }

  @Test
  void partialsShouldFailAsUnsupported() {
    assertThatThrownBy(() -> renderer.render("{{> footer}}", Map.of(), true))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("partials are not supported")
        .hasMessageContaining("footer");
  }

  @Test
  void changedDelimitersShouldWork() {
    assertThat(renderer.render("{{=<% %>=}}{{literal}} <%name%>", Map.of("name", "Jan"), false))
        .isEqualTo("{{literal}} Jan");
  }

  @Test
  void commentsShouldRenderNothing() {
    assertThat(renderer.render("a{{! internal note }}b", Map.of(), false)).isEqualTo("ab");
  }

  @Test
  void polishGermanAndCzechTextShouldRoundTrip() {
    Map<String, Object> data = Map.of("pl", "Zażółć gęślą jaźń", "de", "Grüße aus Köln, Straße", "cs",
        "Příliš žluťoučký kůň úpěl ďábelské ódy");
    assertThat(renderer.render("Łódź: {{pl}} · Übersicht: {{de}} · Čeština: {{cs}}", data, true))
        .isEqualTo("Łódź: Zażółć gęślą jaźń · Übersicht: Grüße aus Köln, Straße · Čeština: "
            + "Příliš žluťoučký kůň úpěl ďábelské ódy");
  }

  @Test
  void valuesHoldingMustacheTagsShouldNotBeExpandedAgain() {
    Map<String, Object> data = Map.of("subject", "{{secret}} {{#x}}y{{/x}}", "secret", "s3cr3t");
    assertThat(renderer.render("Re: {{subject}}", data, false)).isEqualTo("Re: {{secret}} {{#x}}y{{/x}}");
    assertThat(renderer.render("{{{subject}}}", data, true)).isEqualTo("{{secret}} {{#x}}y{{/x}}");
  }

  @Test
  void htmlEscapingShouldDefuseScriptInjection() {
    assertThat(renderer.render("<a title='{{v}}'>", Map.of("v", "' onmouseover='alert(1)"), true))
        .isEqualTo("<a title='&#39; onmouseover&#x3D;&#39;alert(1)'>");
  }
}
