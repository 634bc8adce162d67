package org.mastermail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.message.Attachment;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.AttachmentSource;
import org.mastermail.outbound.OutboundAttachment;

/** Stores the files of outbound mail as blobs, before the transaction that saves the draft (blobs are idempotent). */
final class OutboundFiles {
  private final Engine engine;
  private final BlobStore blobs;

  OutboundFiles(Engine engine, BlobStore blobs) {
    this.engine = engine;
    this.blobs = blobs;
  }

  List<OutboundAttachment> store(List<AttachmentSource> sources, Actor actor) {
    List<OutboundAttachment> result = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      String field = "attachments[" + i + "]";
      AttachmentSource source = sources.get(i);
      if (source instanceof AttachmentSource.Upload u) {
        result.add(upload(field, u));
      } else if (source instanceof AttachmentSource.Kept k) {
        if (!blobs.contains(k.attachment().blob())) {
          throw new InvalidInputException(field + " refers to a file that is not stored: " + k.attachment().blob());
        }
        result.add(new OutboundAttachment(Letters.fileName(field + ".name", k.attachment().name()),
            Letters.contentType(field + ".contentType", k.attachment().contentType()), k.attachment().blob(),
            k.attachment().size()));
      } else if (source instanceof AttachmentSource.FromMessage f) {
        result.add(fromMessage(field, f, actor));
      }
    }
    return result;
  }

  private OutboundAttachment upload(String field, AttachmentSource.Upload u) {
    String name = Letters.fileName(field + ".name", u.name());
    String type = Letters.contentType(field + ".contentType", u.contentType());
    try (InputStream in = u.content().open()) {
      StoredBlob stored = blobs.put(in);
      return new OutboundAttachment(name, type, stored.id(), stored.size());
    } catch (IOException e) {
      throw new InvalidInputException(field + " (" + name + ") cannot be read: " + e.getMessage(), e);
    }
  }

  private OutboundAttachment fromMessage(String field, AttachmentSource.FromMessage f, Actor actor) {
    MessageContent content = engine.read(actor, (w, a) -> {
      MessageMeta meta = w.s().messages().find(actor.tenant(), f.message())
          .orElseThrow(() -> new NotFoundException("message " + f.message() + " not found"));
      w.visible(meta.conversation(), a);
      return w.s().messages().content(actor.tenant(), f.message())
          .orElseThrow(() -> new NotFoundException("message " + f.message() + " has no archived content"));
    });
    if (f.index() < 0 || f.index() >= content.attachments().size()) {
      throw new InvalidInputException(field + ": message " + f.message() + " has no attachment " + f.index()
          + " (it has " + content.attachments().size() + ")");
    }
    Attachment a = content.attachments().get(f.index());
    String name = a.filename() != null && !a.filename().isBlank() ? a.filename().strip()
        : "attachment-" + (f.index() + 1);
    String type = contentTypeOr(a.contentType());
    if (a.stored() && blobs.contains(a.sha256())) {
      return new OutboundAttachment(Letters.fileName(field + ".name", name), type, a.sha256(), a.size());
    }
    SingleInstanceStore store = new SingleInstanceStore(blobs, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
    try (InputStream raw = store.open(content.skeleton()); InputStream file = AttachmentReader.read(raw, a.partPath())) {
      StoredBlob stored = blobs.put(file);
      return new OutboundAttachment(Letters.fileName(field + ".name", name), type, stored.id(), stored.size());
    } catch (IOException e) {
      throw new MasterMailException("cannot read attachment " + f.index() + " of message " + f.message() + ": "
          + e.getMessage(), e);
    }
  }

  private static String contentTypeOr(String type) {
    try {
      return Letters.contentType("contentType", type);
    } catch (InvalidInputException e) {
      return "application/octet-stream";
    }
  }
}
