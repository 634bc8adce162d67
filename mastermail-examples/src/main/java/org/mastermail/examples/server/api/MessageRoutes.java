package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.TriageService;
import org.mastermail.message.Attachment;
import org.mastermail.message.MessageId;

/**
 * The bytes of a message: {@code GET /api/messages/{id}/raw} (exactly as received) and
 * {@code GET /api/messages/{id}/attachments/{index}}. Both are downloads, never pages: a sender's HTML or SVG file
 * opened on our origin could run script with the user's session.
 */
final class MessageRoutes {
  /** Shown in the browser when asked; everything else is downloaded as octets. */
  private static final Set<String> SHOWN_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private final TriageService triage;

  MessageRoutes(MasterMail mm) {
    this.triage = mm.triage();
  }

  static String rawUrl(MessageId message) {
    return "/api/messages/" + message + "/raw";
  }

  static String attachmentUrl(MessageId message, int index) {
    return "/api/messages/" + message + "/attachments/" + index;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/messages/{id}/raw", this::raw);
    routes.get("/api/messages/{id}/attachments/{index}", this::attachment);
  }

  private void raw(Context ctx) {
    MessageId id = MessageId.of(ctx.pathParam("id"));
    ctx.contentType("message/rfc822");
    ctx.header("Content-Disposition", disposition("attachment", "message-" + id + ".eml"));
    ctx.result(triage.raw(id, Access.actor(ctx)));
  }

  private void attachment(Context ctx) {
    Actor actor = Access.actor(ctx);
    MessageId id = MessageId.of(ctx.pathParam("id"));
    int index = Requests.pathInt(ctx.pathParam("index"), "index");
    Attachment a = triage.content(id, actor).attachments().stream().filter(x -> x.index() == index).findFirst()
        .orElseThrow(() -> new NotFoundException("message " + id + " has no attachment " + index));
    String type = a.contentType().toLowerCase(Locale.ROOT);
    boolean inline = SHOWN_INLINE.contains(type) && ctx.queryParam("download") == null;
    ctx.contentType(inline ? type : "application/octet-stream");
    ctx.header("Content-Disposition", disposition(inline ? "inline" : "attachment",
        a.filename() != null ? a.filename() : "attachment-" + index));
    ctx.result(triage.attachment(id, index, actor));
  }

  /** RFC 6266: an ASCII fallback name and the real one, percent-encoded in UTF-8. */
  static String disposition(String kind, @Nullable String filename) {
    String name = filename == null || filename.isBlank() ? "file" : filename;
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
