package org.mastermail.rules.internal;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mastermail.message.Attachment;
import org.mastermail.rules.Condition;
import org.mastermail.rules.TextMatch;

/** Compiles {@link Condition}s into {@link Pred}s: patterns compiled once, sets hashed once. */
final class Preds {
  private static final int SHOWN = 60;

  private Preds() {}

  static Pred compile(Condition c) {
    if (c instanceof Condition.All all) {
      return all(all.conditions().stream().map(Preds::compile).toList());
    } else if (c instanceof Condition.Any any) {
      return any(any.conditions().stream().map(Preds::compile).toList());
    } else if (c instanceof Condition.Not not) {
      Pred inner = compile(not.condition());
      return m -> {
        Pred.Result r = inner.test(m);
        return new Pred.Result(!r.ok(), () -> "not (" + r.why() + ")");
      };
    } else if (c instanceof Condition.From from) {
      Set<String> set = Set.copyOf(from.addresses());
      String what = "from " + set(from.addresses());
      return m -> result(set.contains(m.from()), what, m.from());
    } else if (c instanceof Condition.FromDomain d) {
      Set<String> set = Set.copyOf(d.domains());
      String what = "from domain " + set(d.domains());
      return m -> result(inDomains(m.domainSuffixes(), set), what, m.domain());
    } else if (c instanceof Condition.Recipient r) {
      Set<String> set = Set.copyOf(r.addresses());
      String what = r.field().json() + " " + set(r.addresses());
      return m -> {
        List<String> rcpts = m.recipients(r.field());
        return result(rcpts.stream().anyMatch(set::contains), what, String.join(", ", rcpts));
      };
    } else if (c instanceof Condition.Subject s) {
      return text("subject", s.match(), MessageView::subjectText);
    } else if (c instanceof Condition.Body b) {
      return text("body", b.match(), MessageView::bodyText);
    } else if (c instanceof Condition.Header h) {
      return header(h);
    } else if (c instanceof Condition.HasAttachment a) {
      return m -> {
        boolean has = m.message.attachments().stream().anyMatch(x -> !x.inline());
        return result(has == a.present(), a.present() ? "has an attachment" : "has no attachment",
            m.message.attachments().size() + " attachments");
      };
    } else if (c instanceof Condition.AttachmentName a) {
      TextTest t = textTest(a.match());
      return m -> {
        List<String> names = m.message.attachments().stream().map(Attachment::filename)
            .filter(java.util.Objects::nonNull).toList();
        return result(names.stream().anyMatch(name -> t.test(new FieldText(name))), "attachment name " + a.match(),
            String.join(", ", names));
      };
    } else if (c instanceof Condition.AttachmentType a) {
      return m -> {
        List<String> types = m.message.attachments().stream().map(Attachment::contentType).toList();
        boolean ok = types.stream().anyMatch(type -> a.types().stream().anyMatch(p -> typeMatches(p, type)));
        return result(ok, "attachment type " + set(a.types()), String.join(", ", types));
      };
    } else if (c instanceof Condition.Size s) {
      return m -> {
        long size = m.message.size();
        boolean ok = (s.min() == null || size >= s.min()) && (s.max() == null || size <= s.max());
        return result(ok, "size " + (s.min() == null ? "0" : s.min()) + ".." + (s.max() == null ? "" : s.max())
            + " bytes", size + " bytes");
      };
    } else if (c instanceof Condition.BusinessHours b) {
      return m -> {
        ZonedDateTime at = m.received(b.zone());
        boolean ok = b.days().contains(at.getDayOfWeek()) && !at.toLocalTime().isBefore(b.from())
            && at.toLocalTime().isBefore(b.to());
        return result(ok, "received in business hours " + days(b.days()) + " " + b.from() + "-" + b.to()
            + zone(b.zone()), at.getDayOfWeek().name().substring(0, 3) + " " + at.toLocalTime() + " " + at.getZone());
      };
    } else if (c instanceof Condition.Weekday w) {
      return m -> {
        ZonedDateTime at = m.received(w.zone());
        return result(w.days().contains(at.getDayOfWeek()), "received on " + days(w.days()) + zone(w.zone()),
            at.getDayOfWeek().name().substring(0, 3));
      };
    } else if (c instanceof Condition.Charset cs) {
      String what = "charset " + set(cs.charsets());
      return m -> result(cs.charsets().contains(m.charset()), what, m.charset());
    } else if (c instanceof Condition.Language l) {
      String what = "language " + set(l.languages());
      return m -> result(l.languages().contains(m.language()), what, m.language());
    } else if (c instanceof Condition.Spam s) {
      return m -> result(m.spam() == s.spam(), s.spam() ? "flagged as spam" : "not flagged as spam",
          m.spam() ? "flagged" : "not flagged");
    } else if (c instanceof Condition.Reply r) {
      return m -> result(m.message.reply() == r.reply(), r.reply() ? "is a reply" : "starts a conversation",
          m.message.reply() ? "a reply" : "a new conversation");
    } else if (c instanceof Condition.KnownContact k) {
      return m -> {
        boolean known = m.contact().isPresent();
        return result(known == k.known(), k.known() ? "sender is a known contact" : "sender is not a known contact",
            known ? "known" : "unknown");
      };
    }
    throw new IllegalStateException("unknown condition " + c);
  }

  private static Pred all(List<Pred> parts) {
    if (parts.isEmpty()) {
      return m -> new Pred.Result(true, "always");
    }
    return m -> {
      List<Pred.Result> held = new ArrayList<>(parts.size());
      for (Pred p : parts) {
        Pred.Result r = p.test(m);
        if (!r.ok()) {
          return r;
        }
        held.add(r);
      }
      return held.size() == 1 ? held.get(0) : new Pred.Result(true,
          () -> "all of (" + held.stream().map(Pred.Result::why).collect(Collectors.joining("; ")) + ")");
    };
  }

  private static Pred any(List<Pred> parts) {
    return m -> {
      List<Pred.Result> failed = new ArrayList<>(parts.size());
      for (Pred p : parts) {
        Pred.Result r = p.test(m);
        if (r.ok()) {
          return r;
        }
        failed.add(r);
      }
      return new Pred.Result(false,
          () -> "none of (" + failed.stream().map(Pred.Result::why).collect(Collectors.joining("; ")) + ")");
    };
  }

  /** A domain matches itself and its subdomains: whether one of the sender domain's suffixes is in {@code domains}. */
  private static boolean inDomains(List<String> suffixes, Set<String> domains) {
    for (String d : suffixes) {
      if (domains.contains(d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean typeMatches(String pattern, String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return pattern.endsWith("/*") ? t.startsWith(pattern.substring(0, pattern.length() - 1)) : t.equals(pattern);
  }

  interface TextTest {
    boolean test(FieldText text);
  }

  static TextTest textTest(TextMatch match) {
    switch (match.kind()) {
      case CONTAINS: {
        String needle = match.value().toLowerCase(Locale.ROOT);
        return text -> text.lower().contains(needle);
      }
      case EQUALS: {
        String value = match.value().strip();
        return text -> text.value().strip().equalsIgnoreCase(value);
      }
      default: {
        Pattern p = TextMatch.compile(match.value());
        RequiredLiteral literal = RequiredLiteral.of(match.value());
        // most tested patterns do not match, and the literal check rules most of them out without running them
        return text -> literal.mayOccurIn(text) && BoundedText.find(p, text.value());
      }
    }
  }

  private static Pred text(String what, TextMatch match, Function<MessageView, FieldText> field) {
    TextTest t = textTest(match);
    String described = what + " " + match;
    Pred.Reason held = () -> described;
    String missed = described + " — was \"";
    return m -> {
      FieldText value = field.apply(m);
      boolean ok = t.test(value);
      return new Pred.Result(ok, ok ? held : new Missed(missed, value));
    };
  }

  /**
   * Why a text condition failed, as {@link #result} says it ({@code subject contains "x" — was "Hello"}), with the
   * shortened text worked out once per message.
   */
  private record Missed(String wanted, FieldText value) implements Pred.Reason {
    @Override
    public String text() {
      return wanted + value.shown() + "\"";
    }

    @Override
    public String after(String prefix) {
      return prefix + wanted + value.shown() + "\"";
    }
  }

  private static Pred header(Condition.Header h) {
    TextTest t = h.match() == null ? null : textTest(h.match());
    return m -> {
      List<String> values = m.message.headers(h.name());
      if (t == null) {
        return result(!values.isEmpty(), "header " + h.name() + " present", "absent");
      }
      return result(values.stream().anyMatch(v -> t.test(new FieldText(v))), "header " + h.name() + " " + h.match(),
          values.isEmpty() ? "absent" : String.join(" | ", values));
    };
  }

  private static Pred.Result result(boolean ok, String what, @Nullable String actual) {
    return new Pred.Result(ok, () -> ok ? what : what + " — was \"" + shorten(actual == null ? "" : actual) + "\"");
  }

  /** The first characters of {@code s} on one line. */
  static String shorten(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), SHOWN + 1));
    boolean space = false;
    for (int i = 0; i < s.length() && out.length() <= SHOWN; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.length() <= SHOWN ? out.toString() : out.substring(0, SHOWN) + "…";
  }

  private static String set(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return values.size() <= 5 ? values.toString()
        : "[" + String.join(", ", values.subList(0, 5)) + ", … " + (values.size() - 5) + " more]";
  }

  private static String days(Set<DayOfWeek> days) {
    return days.stream().sorted().map(d -> d.name().substring(0, 3)).toList().toString();
  }

  private static String zone(@Nullable ZoneId zone) {
    return zone == null ? "" : " " + zone.getId();
  }
}
