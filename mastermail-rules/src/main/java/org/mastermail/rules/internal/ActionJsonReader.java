package org.mastermail.rules.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mastermail.rules.Action;
import org.mastermail.rules.TextMatch;

/** Reads the actions of a rule's JSON form (see {@link RuleJsonReader}). */
final class ActionJsonReader {
  static final Set<String> ACTIONS = new LinkedHashSet<>(List.of("assign", "assignTeam", "assignAccountManager",
      "status", "due", "tag", "link", "linkContact", "note", "forward", "markSpam", "autoReply", "stop"));

  private ActionJsonReader() {}

  static Action action(JsonNodes n) {
    Map.Entry<String, JsonNodes> e = n.single(ACTIONS);
    JsonNodes v = e.getValue();
    switch (e.getKey()) {
      case "assign":
        return v.build(() -> new Action.Assign(v.text()));
      case "assignTeam":
        return assignTeam(v);
      case "assignAccountManager":
        return whenTrue(v, new Action.AssignAccountManager());
      case "status":
        return v.build(() -> new Action.SetStatus(v.text()));
      case "due":
        return due(v);
      case "tag":
        return v.build(() -> new Action.Tag(v.texts()));
      case "link":
        return link(v);
      case "linkContact":
        return whenTrue(v, new Action.LinkContact());
      case "note":
        return v.build(() -> new Action.Note(v.text()));
      case "forward":
        return v.build(() -> new Action.ForwardTo(v.text()));
      case "markSpam":
        return markSpam(v);
      case "autoReply":
        return autoReply(v);
      case "stop":
        return whenTrue(v, new Action.Stop());
      default:
        throw v.fail("unknown action");
    }
  }

  private static Action whenTrue(JsonNodes v, Action action) {
    if (!v.bool()) {
      throw v.fail("only true is meaningful; leave the action out instead");
    }
    return action;
  }

  private static Action assignTeam(JsonNodes v) {
    v.object("name", "members", "strategy", "capacity");
    String name = v.required("name").text();
    JsonNodes membersNode = v.optional("members");
    List<String> members = membersNode == null ? List.of() : membersNode.texts();
    JsonNodes strategyNode = v.required("strategy");
    String strategyName = strategyNode.text();
    Action.Strategy strategy = null;
    List<String> names = new ArrayList<>();
    for (Action.Strategy s : Action.Strategy.values()) {
      names.add(s.json());
      if (s.json().equals(strategyName)) {
        strategy = s;
      }
    }
    if (strategy == null) {
      throw strategyNode.fail("unknown strategy '" + strategyName + "'; expected one of " + String.join(", ", names));
    }
    JsonNodes capacityNode = v.optional("capacity");
    Integer capacity = capacityNode == null ? null : capacityNode.intValue();
    if (capacityNode != null && capacity < 1) {
      throw capacityNode.fail("must be at least 1");
    }
    Action.Strategy s = strategy;
    return v.build(() -> new Action.AssignTeam(name, members, s, capacity));
  }

  private static Action due(JsonNodes v) {
    v.object("in", "at", "endOfDay", "urgent", "zone");
    JsonNodes inNode = v.optional("in");
    Duration in = null;
    if (inNode != null) {
      try {
        in = Duration.parse(inNode.text());
      } catch (DateTimeParseException e) {
        throw inNode.fail("not an ISO-8601 duration (PT4H, P2D): '" + inNode.text() + "'");
      }
    }
    JsonNodes atNode = v.optional("at");
    LocalTime at = atNode == null ? null : RuleJsonReader.time(atNode);
    JsonNodes endNode = v.optional("endOfDay");
    boolean endOfDay = endNode != null && endNode.bool();
    JsonNodes urgentNode = v.optional("urgent");
    boolean urgent = urgentNode != null && urgentNode.bool();
    ZoneId zone = RuleJsonReader.zone(v.optional("zone"));
    Duration d = in;
    return v.build(() -> new Action.SetDue(d, at, endOfDay, urgent, zone));
  }

  private static Action link(JsonNodes v) {
    v.object("type", "source", "header", "regex", "group");
    String type = v.required("type").text();
    JsonNodes sourceNode = v.required("source");
    Action.LinkSource source = null;
    List<String> names = new ArrayList<>();
    for (Action.LinkSource s : Action.LinkSource.values()) {
      names.add(s.json());
      if (s.json().equals(sourceNode.text())) {
        source = s;
      }
    }
    if (source == null) {
      throw sourceNode.fail("unknown source '" + sourceNode.text() + "'; expected one of " + String.join(", ", names));
    }
    JsonNodes headerNode = v.optional("header");
    String header = headerNode == null ? null : headerNode.text();
    JsonNodes regexNode = v.required("regex");
    String regex = regexNode.text();
    int groups = regexNode.build(() -> TextMatch.compile(regex)).matcher("").groupCount();
    JsonNodes groupNode = v.optional("group");
    int group = groupNode == null ? Math.min(1, groups) : groupNode.intValue();
    if (groupNode != null && (group < 0 || group > groups)) {
      throw groupNode.fail("the pattern has " + groups + " groups, group " + group + " asked for");
    }
    Action.LinkSource s = source;
    return v.build(() -> new Action.Link(type, s, header, regex, group));
  }

  private static Action markSpam(JsonNodes v) {
    if (v.node.isBoolean()) {
      whenTrue(v, new Action.Stop());
      return new Action.MarkSpam(Action.MarkSpam.DEFAULT_TAG, null);
    }
    v.object("tag", "status");
    JsonNodes tagNode = v.optional("tag");
    String tag = tagNode == null ? Action.MarkSpam.DEFAULT_TAG : tagNode.text();
    JsonNodes statusNode = v.optional("status");
    String status = statusNode == null ? null : statusNode.text();
    return v.build(() -> new Action.MarkSpam(tag, status));
  }

  private static Action autoReply(JsonNodes v) {
    v.object("subject", "text", "days");
    JsonNodes subjectNode = v.optional("subject");
    String subject = subjectNode == null ? null : subjectNode.text();
    String text = v.required("text").text();
    JsonNodes daysNode = v.optional("days");
    int days = daysNode == null ? Action.SendAutoReply.DEFAULT_DAYS : daysNode.intValue();
    if (daysNode != null && (days < 1 || days > 365)) {
      throw daysNode.fail("must be 1 to 365, was " + days);
    }
    return v.build(() -> new Action.SendAutoReply(subject, text, days));
  }
}
