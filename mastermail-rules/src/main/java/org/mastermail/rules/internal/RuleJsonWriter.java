package org.mastermail.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.mastermail.rules.Action;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Rule;
import org.mastermail.rules.RuleSet;
import org.mastermail.rules.TextMatch;

/** Writes the JSON form that {@link RuleJsonReader} reads; defaults are left out. */
public final class RuleJsonWriter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RuleJsonWriter() {}

  public static ObjectNode write(RuleSet set) {
    ObjectNode root = F.objectNode();
    ArrayNode rules = root.putArray("rules");
    for (Rule r : set.rules()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id());
      if (!r.name().equals(r.id())) {
        rule.put("name", r.name());
      }
      if (!r.enabled()) {
        rule.put("enabled", false);
      }
      if (!r.conditions().equals(Rule.ALWAYS)) {
        rule.set("conditions", condition(r.conditions()));
      }
      ArrayNode actions = rule.putArray("actions");
      for (Action a : r.actions()) {
        actions.add(action(a));
      }
    }
    return root;
  }

  static ObjectNode condition(Condition c) {
    ObjectNode o = F.objectNode();
    if (c instanceof Condition.All all) {
      ArrayNode list = o.putArray("all");
      all.conditions().forEach(x -> list.add(condition(x)));
    } else if (c instanceof Condition.Any any) {
      ArrayNode list = o.putArray("any");
      any.conditions().forEach(x -> list.add(condition(x)));
    } else if (c instanceof Condition.Not not) {
      o.set("not", condition(not.condition()));
    } else if (c instanceof Condition.From from) {
      o.set("from", texts(from.addresses()));
    } else if (c instanceof Condition.FromDomain domain) {
      o.set("fromDomain", texts(domain.domains()));
    } else if (c instanceof Condition.Recipient r) {
      o.set(r.field().json(), texts(r.addresses()));
    } else if (c instanceof Condition.Subject s) {
      o.set("subject", match(s.match()));
    } else if (c instanceof Condition.Body b) {
      o.set("body", match(b.match()));
    } else if (c instanceof Condition.Header h) {
      ObjectNode header = o.putObject("header").put("name", h.name());
      if (h.match() == null) {
        header.put("exists", true);
      } else {
        header.put(h.match().kind().json(), h.match().value());
      }
    } else if (c instanceof Condition.HasAttachment a) {
      o.put("hasAttachment", a.present());
    } else if (c instanceof Condition.AttachmentName a) {
      o.set("attachmentName", match(a.match()));
    } else if (c instanceof Condition.AttachmentType a) {
      o.set("attachmentType", texts(a.types()));
    } else if (c instanceof Condition.Size s) {
      ObjectNode size = o.putObject("size");
      if (s.min() != null) {
        size.put("min", s.min());
      }
      if (s.max() != null) {
        size.put("max", s.max());
      }
    } else if (c instanceof Condition.BusinessHours b) {
      ObjectNode hours = o.putObject("businessHours");
      hours.set("days", days(b.days()));
      hours.put("from", b.from().toString()).put("to", b.to().toString());
      if (b.zone() != null) {
        hours.put("zone", b.zone().getId());
      }
    } else if (c instanceof Condition.Weekday w) {
      if (w.zone() == null) {
        o.set("weekday", days(w.days()));
      } else {
        ObjectNode weekday = o.putObject("weekday");
        weekday.set("days", days(w.days()));
        weekday.put("zone", w.zone().getId());
      }
    } else if (c instanceof Condition.Charset cs) {
      o.set("charset", texts(cs.charsets()));
    } else if (c instanceof Condition.Language l) {
      o.set("language", texts(l.languages()));
    } else if (c instanceof Condition.Spam s) {
      o.put("spam", s.spam());
    } else if (c instanceof Condition.Reply r) {
      o.put("reply", r.reply());
    } else if (c instanceof Condition.KnownContact k) {
      o.put("knownContact", k.known());
    } else {
      throw new IllegalStateException("unknown condition " + c);
    }
    return o;
  }

  static ObjectNode action(Action a) {
    ObjectNode o = F.objectNode();
    if (a instanceof Action.Assign assign) {
      o.put("assign", assign.user());
    } else if (a instanceof Action.AssignTeam team) {
      ObjectNode t = o.putObject("assignTeam").put("name", team.name());
      if (!team.members().isEmpty()) {
        t.set("members", array(team.members()));
      }
      t.put("strategy", team.strategy().json());
      if (team.capacity() != null) {
        t.put("capacity", team.capacity());
      }
    } else if (a instanceof Action.AssignAccountManager) {
      o.put("assignAccountManager", true);
    } else if (a instanceof Action.SetStatus status) {
      o.put("status", status.status());
    } else if (a instanceof Action.SetDue due) {
      ObjectNode d = o.putObject("due");
      if (due.in() != null) {
        d.put("in", due.in().toString());
      }
      if (due.at() != null) {
        d.put("at", due.at().toString());
      }
      if (due.endOfDay()) {
        d.put("endOfDay", true);
      }
      if (due.urgent()) {
        d.put("urgent", true);
      }
      if (due.zone() != null) {
        d.put("zone", due.zone().getId());
      }
    } else if (a instanceof Action.Tag tag) {
      o.set("tag", texts(tag.tags()));
    } else if (a instanceof Action.Link link) {
      ObjectNode l = o.putObject("link").put("type", link.type()).put("source", link.source().json());
      if (link.header() != null) {
        l.put("header", link.header());
      }
      l.put("regex", link.regex()).put("group", link.group());
    } else if (a instanceof Action.LinkContact) {
      o.put("linkContact", true);
    } else if (a instanceof Action.Note note) {
      o.put("note", note.text());
    } else if (a instanceof Action.ForwardTo forward) {
      o.put("forward", forward.to());
    } else if (a instanceof Action.MarkSpam spam) {
      ObjectNode s = o.putObject("markSpam").put("tag", spam.tag());
      if (spam.status() != null) {
        s.put("status", spam.status());
      }
    } else if (a instanceof Action.SendAutoReply reply) {
      ObjectNode r = o.putObject("autoReply");
      if (reply.subject() != null) {
        r.put("subject", reply.subject());
      }
      r.put("text", reply.text()).put("days", reply.days());
    } else if (a instanceof Action.Stop) {
      o.put("stop", true);
    } else {
      throw new IllegalStateException("unknown action " + a);
    }
    return o;
  }

  private static JsonNode match(TextMatch m) {
    return F.objectNode().put(m.kind().json(), m.value());
  }

  private static JsonNode texts(List<String> values) {
    return values.size() == 1 ? F.textNode(values.get(0)) : array(values);
  }

  private static ArrayNode array(Collection<String> values) {
    ArrayNode list = F.arrayNode();
    values.forEach(list::add);
    return list;
  }

  private static ArrayNode days(Set<DayOfWeek> days) {
    ArrayNode list = F.arrayNode();
    days.stream().sorted().forEach(d -> list.add(d.name().substring(0, 3)));
    return list;
  }
}
