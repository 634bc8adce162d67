package org.mastermail.testkit.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mastermail.message.Attachment;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageMeta;

/** What full-text search looks in: subject, sender, recipients, attachment names and text body, lower-case. */
final class SearchText {
  private SearchText() {}

  static String of(MessageMeta meta, @Nullable MessageContent content) {
    StringBuilder text = new StringBuilder().append(meta.subject()).append('\n').append(meta.from()).append('\n')
        .append(String.join(" ", meta.to())).append('\n');
    if (content != null) {
      text.append(String.join(" ", content.cc())).append('\n');
      for (Attachment a : content.attachments()) {
        if (a.filename() != null) {
          text.append(a.filename()).append('\n');
        }
      }
      text.append(content.text());
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }
}
