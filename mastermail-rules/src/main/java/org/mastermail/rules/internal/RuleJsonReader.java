package org.mastermail.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.rules.Action;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Rule;
import org.mastermail.rules.RuleSet;
import org.mastermail.rules.TextMatch;

/** Reads the JSON form of a rule set (see {@code RuleSetJson}), naming the field and position of every mistake. */
public final class RuleJsonReader {
  static final Set<String> CONDITIONS = new LinkedHashSet<>(List.of("all", "any", "not", "from", "fromDomain", "to",
      "cc", "deliveredTo", "recipient", "subject", "body", "header", "hasAttachment", "attachmentName",
      "attachmentType", "size", "businessHours", "weekday", "charset", "language", "spam", "reply", "knownContact"));

  private RuleJsonReader() {}

  public static RuleSet read(JsonNode root) {
    JsonNodes doc = new JsonNodes(root, "").object("rules");
    List<Rule> rules = new ArrayList<>();
    for (JsonNodes item : doc.required("rules").array()) {
      rules.add(rule(item));
    }
    return new RuleSet(rules); // its complaint (a duplicate id) names the rule already
  }

  private static Rule rule(JsonNodes n) {
    n.object("id", "name", "enabled", "conditions", "actions");
    JsonNodes idNode = n.required("id");
    String id = idNode.text();
    JsonNodes nameNode = n.optional("name");
    String name = nameNode == null ? id : nameNode.text();
    JsonNodes enabledNode = n.optional("enabled");
    boolean enabled = enabledNode == null || enabledNode.bool();
    JsonNodes when = n.optional("conditions");
    Condition conditions = when == null ? Rule.ALWAYS : condition(when);
    List<Action> actions = new ArrayList<>();
    JsonNodes actionsNode = n.required("actions");
    for (JsonNodes a : actionsNode.array()) {
      actions.add(ActionJsonReader.action(a));
    }
    if (actions.isEmpty()) {
      throw actionsNode.fail("a rule needs at least one action");
    }
    if (!id.matches(Rule.ID_PATTERN)) {
      throw idNode.fail("a rule id is 1 to 64 of A-Z a-z 0-9 . _ -, was '" + id + "'");
    }
    return n.build(() -> new Rule(id, name, enabled, conditions, actions));
  }

  static Condition condition(JsonNodes n) {
    Map.Entry<String, JsonNodes> e = n.single(CONDITIONS);
    JsonNodes v = e.getValue();
    switch (e.getKey()) {
      case "all":
        return new Condition.All(conditions(v));
      case "any":
        return new Condition.Any(conditions(v));
      case "not":
        Condition inner = condition(v);
        return new Condition.Not(inner);
      case "from":
        return v.build(() -> new Condition.From(v.texts()));
      case "fromDomain":
        return v.build(() -> new Condition.FromDomain(v.texts()));
      case "to":
        return recipient(Condition.RecipientField.TO, v);
      case "cc":
        return recipient(Condition.RecipientField.CC, v);
      case "deliveredTo":
        return recipient(Condition.RecipientField.DELIVERED_TO, v);
      case "recipient":
        return recipient(Condition.RecipientField.ANY, v);
      case "subject":
        return new Condition.Subject(textMatch(v));
      case "body":
        return new Condition.Body(textMatch(v));
      case "header":
        return header(v);
      case "hasAttachment":
        return new Condition.HasAttachment(v.bool());
      case "attachmentName":
        return new Condition.AttachmentName(textMatch(v));
      case "attachmentType":
        return v.build(() -> new Condition.AttachmentType(v.texts()));
      case "size":
        return size(v);
      case "businessHours":
        return businessHours(v);
      case "weekday":
        return weekday(v);
      case "charset":
        return v.build(() -> new Condition.Charset(v.texts()));
      case "language":
        return v.build(() -> new Condition.Language(v.texts()));
      case "spam":
        return new Condition.Spam(v.bool());
      case "reply":
        return new Condition.Reply(v.bool());
      case "knownContact":
        return new Condition.KnownContact(v.bool());
      default:
        throw v.fail("unknown condition");
    }
  }

  private static List<Condition> conditions(JsonNodes v) {
    List<Condition> list = new ArrayList<>();
    for (JsonNodes item : v.array()) {
      list.add(condition(item));
    }
    return list;
  }

  private static Condition recipient(Condition.RecipientField field, JsonNodes v) {
    return v.build(() -> new Condition.Recipient(field, v.texts()));
  }

  static TextMatch textMatch(JsonNodes v) {
    if (v.node.isTextual()) {
      return v.build(() -> TextMatch.contains(v.text()));
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (TextMatch.Kind k : TextMatch.Kind.values()) {
      kinds.add(k.json());
    }
    Map.Entry<String, JsonNodes> e = v.single(kinds);
    JsonNodes value = e.getValue();
    TextMatch.Kind kind = kindOf(e.getKey());
    String text = value.text();
    return value.build(() -> new TextMatch(kind, text));
  }

  private static TextMatch.Kind kindOf(String json) {
    for (TextMatch.Kind k : TextMatch.Kind.values()) {
      if (k.json().equals(json)) {
        return k;
      }
    }
    throw new IllegalStateException(json);
  }

  private static Condition header(JsonNodes v) {
    v.object("name", "exists", "contains", "equals", "regex");
    JsonNodes nameNode = v.required("name");
    String name = nameNode.text();
    TextMatch match = null;
    for (TextMatch.Kind k : TextMatch.Kind.values()) {
      JsonNodes value = v.optional(k.json());
      if (value != null) {
        if (match != null) {
          throw value.fail("give one of exists, contains, equals, regex");
        }
        String text = value.text();
        match = value.build(() -> new TextMatch(k, text));
      }
    }
    JsonNodes exists = v.optional("exists");
    if (exists != null && (match != null || !exists.bool())) {
      throw exists.fail(match != null ? "give one of exists, contains, equals, regex"
          : "only \"exists\": true is meaningful; wrap the condition in \"not\" for absence");
    }
    TextMatch m = match;
    return nameNode.build(() -> new Condition.Header(name, m));
  }

  private static Condition size(JsonNodes v) {
    v.object("min", "max");
    JsonNodes min = v.optional("min");
    JsonNodes max = v.optional("max");
    Long lo = min == null ? null : min.longValue();
    Long hi = max == null ? null : max.longValue();
    return v.build(() -> new Condition.Size(lo, hi));
  }

  private static Condition businessHours(JsonNodes v) {
    if (v.node.isBoolean()) {
      if (!v.bool()) {
        throw v.fail("only true is meaningful; wrap the condition in \"not\" for outside business hours");
      }
      return new Condition.BusinessHours(Condition.BusinessHours.WORKDAYS, Condition.BusinessHours.DEFAULT_FROM,
          Condition.BusinessHours.DEFAULT_TO, null);
    }
    v.object("days", "from", "to", "zone");
    JsonNodes daysNode = v.optional("days");
    Set<DayOfWeek> days = daysNode == null ? Condition.BusinessHours.WORKDAYS : days(daysNode);
    JsonNodes fromNode = v.optional("from");
    JsonNodes toNode = v.optional("to");
    LocalTime from = fromNode == null ? Condition.BusinessHours.DEFAULT_FROM : time(fromNode);
    LocalTime to = toNode == null ? Condition.BusinessHours.DEFAULT_TO : time(toNode);
    ZoneId zone = zone(v.optional("zone"));
    return v.build(() -> new Condition.BusinessHours(days, from, to, zone));
  }

  private static Condition weekday(JsonNodes v) {
    if (v.node.isObject()) {
      v.object("days", "zone");
      Set<DayOfWeek> days = days(v.required("days"));
      ZoneId zone = zone(v.optional("zone"));
      return v.build(() -> new Condition.Weekday(days, zone));
    }
    Set<DayOfWeek> days = days(v);
    return v.build(() -> new Condition.Weekday(days, null));
  }

  static Set<DayOfWeek> days(JsonNodes v) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    List<JsonNodes> items = v.node.isTextual() ? List.of(v) : v.array();
    for (JsonNodes item : items) {
      String day = item.text().strip().toUpperCase(Locale.ROOT);
      DayOfWeek found = null;
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(day) || (day.length() == 3 && d.name().startsWith(day))) {
          found = d;
        }
      }
      if (found == null) {
        throw item.fail("not a day of the week: '" + item.text() + "' (MON ... SUN)");
      }
      days.add(found);
    }
    return days;
  }

  static LocalTime time(JsonNodes v) {
    try {
      return LocalTime.parse(v.text());
    } catch (DateTimeParseException e) {
      throw v.fail("not a time of day (HH:mm): '" + v.text() + "'");
    }
  }

  static @Nullable ZoneId zone(@Nullable JsonNodes v) {
    if (v == null) {
      return null;
    }
    try {
      return ZoneId.of(v.text());
    } catch (DateTimeException e) {
      throw v.fail("unknown time zone '" + v.text() + "'");
    }
  }
}
