package org.mastermail.internal;

import java.util.ArrayList;
import java.util.List;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.BulkResult;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Recipient;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateException;
import org.mastermail.outbound.TemplateId;
import org.mastermail.outbound.TemplateRenderer;
import org.mastermail.permission.Permission;
import org.mastermail.storage.DuplicateKeyException;

/** A mailbox's templates, and messages made from them for one recipient or many. */
final class TemplateLetters {
  private static final int MAX_TEMPLATE = 200_000;

  private final Engine engine;
  private final TemplateRenderer renderer;
  private final DefaultOutbound outbound;

  TemplateLetters(Engine engine, TemplateRenderer renderer, DefaultOutbound outbound) {
    this.engine = engine;
    this.renderer = renderer;
    this.outbound = outbound;
  }

  Template save(Template t, Actor actor) {
    Check.present("template", t);
    Template clean = new Template(t.id(), t.mailbox(), Check.name("template name", t.name()),
        Check.noControl("template subject", t.subject()), bounded("template text", t.text()),
        t.html() == null || t.html().isBlank() ? null : bounded("template html", t.html()));
    // a template that cannot even be parsed is refused now, not at its first use
    syntax(clean.subject());
    syntax(clean.text());
    if (clean.html() != null) {
      syntax(clean.html());
    }
    return engine.write(actor, (w, a) -> {
      Senders.visibleMailbox(a, clean.mailbox());
      a.require(Permission.MANAGE_MAILBOXES, "edit message templates");
      w.s().outbound().template(actor.tenant(), clean.id()).ifPresent(old -> {
        if (!old.mailbox().equals(clean.mailbox())) {
          throw new ConflictException("template " + clean.id() + " belongs to another mailbox");
        }
      });
      try {
        w.s().outbound().saveTemplate(actor.tenant(), clean);
      } catch (DuplicateKeyException e) {
        throw new ConflictException("the mailbox already has a template named '" + clean.name() + "'", e);
      }
      w.event(actor.tenant(), EventType.MAILBOX_CHANGED, null, actor.user(), null, "template " + clean.name(), 0);
      return clean;
    });
  }

  List<Template> list(MailboxId mailbox, Actor actor) {
    Check.present("mailbox", mailbox);
    return engine.read(actor, (w, a) -> {
      Senders.visibleMailbox(a, mailbox);
      return w.s().outbound().templates(actor.tenant(), mailbox);
    });
  }

  void delete(TemplateId id, Actor actor) {
    Check.present("template", id);
    engine.write(actor, (w, a) -> {
      Template t = w.s().outbound().template(actor.tenant(), id).filter(x -> a.mailbox(x.mailbox()).isPresent())
          .orElseThrow(() -> new NotFoundException("template " + id + " not found"));
      a.require(Permission.MANAGE_MAILBOXES, "edit message templates");
      w.s().outbound().deleteTemplate(actor.tenant(), t.id());
      return null;
    });
  }

  /** The message for one recipient (address checked, template filled); fails naming what is wrong. */
  Compose compose(TemplateId id, Recipient r, Actor actor) {
    Check.present("template", id);
    Check.present("recipient", r);
    return compose(load(id, actor), r);
  }

  private Compose compose(Template t, Recipient r) {
    String address = Check.address("recipient address", r.address());
    String subject = renderer.render(t.subject(), r.data(), false).strip();
    String text = renderer.render(t.text(), r.data(), false);
    String html = t.html() == null ? null : renderer.render(t.html(), r.data(), true);
    Compose.Builder b = Compose.from(t.mailbox()).to(address).subject(subject).text(text).html(html);
    r.attachments().forEach(b::attach);
    return b.build();
  }

  List<BulkResult> bulk(TemplateId id, List<Recipient> recipients, Actor actor) {
    Check.present("template", id);
    Check.present("recipients", recipients);
    Template t = load(id, actor);
    Mailbox from = engine.read(actor, (w, a) -> Senders.requireSendAs(a, t.mailbox()));
    List<BulkResult> results = new ArrayList<>(recipients.size());
    for (int i = 0; i < recipients.size(); i++) {
      Recipient r = recipients.get(i);
      String address = r == null ? "" : r.address();
      if (r == null) {
        results.add(new BulkResult(i, address, BulkResult.Outcome.REJECTED, null, "recipient " + i + " is null"));
        continue;
      }
      Compose compose;
      try {
        Check.address("recipients[" + i + "].address", r.address());
        compose = compose(t, r);
      } catch (TemplateException e) {
        results.add(new BulkResult(i, address, BulkResult.Outcome.MISSING_VARIABLE, null, e.getMessage()));
        continue;
      } catch (InvalidInputException e) {
        results.add(new BulkResult(i, address, BulkResult.Outcome.INVALID_ADDRESS, null, e.getMessage()));
        continue;
      }
      try {
        var queued = outbound.queueNew(compose.toBuilder().mailbox(from.id()).build(), actor);
        results.add(new BulkResult(i, address, BulkResult.Outcome.QUEUED, queued.id(), null));
      } catch (InvalidInputException e) {
        results.add(new BulkResult(i, address, BulkResult.Outcome.REJECTED, null, e.getMessage()));
      }
    }
    return results;
  }

  private Template load(TemplateId id, Actor actor) {
    return engine.read(actor, (w, a) -> w.s().outbound().template(actor.tenant(), id)
        .filter(x -> a.mailbox(x.mailbox()).isPresent())
        .orElseThrow(() -> new NotFoundException("template " + id + " not found")));
  }

  private void syntax(String template) {
    try {
      renderer.check(template);
    } catch (TemplateException e) {
      throw new InvalidInputException("template does not parse: " + e.getMessage(), e);
    }
  }

  private static String bounded(String field, String value) {
    if (value.length() > MAX_TEMPLATE) {
      throw new InvalidInputException(field + " must be at most " + MAX_TEMPLATE + " characters");
    }
    return value;
  }
}
