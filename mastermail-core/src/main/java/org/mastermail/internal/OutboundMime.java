package org.mastermail.internal;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.mastermail.MasterMailException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundAttachment;
import org.mastermail.outbound.OutboundMessage;

/**
 * Makes the MIME bytes of an outbound message (once, at enqueue) and stores them single-instance, so that a forwarded
 * attachment shares its blob with the message it came from and every retry sends the same bytes.
 */
final class OutboundMime {
  /** Messages whose files are smaller than this are composed in memory, larger ones through a temporary file. */
  private static final long MEMORY_LIMIT = 1024 * 1024;
  private static final Session SESSION = session();
  /** Skeletons up to this size are read with their claim. */
  private static final int PREFETCH_SKELETON = 64 * 1024;
  /** The most a claim's skeletons read together may take in memory. */
  private static final long PREFETCH_BUDGET = 4L * 1024 * 1024;

  private final BlobStore blobs;
  private final SingleInstanceStore store;

  OutboundMime(BlobStore blobs) {
    this.blobs = blobs;
    this.store = new SingleInstanceStore(blobs, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
  }

  /** Composes and stores the message; the result names the skeleton from which its bytes are read back. */
  SingleInstanceStore.Archived store(Letter letter, String messageId, Instant date) {
    try {
      MimeMessage message = compose(letter, messageId, date);
      long files = letter.attachments().stream().mapToLong(OutboundAttachment::size).sum();
      if (files < MEMORY_LIMIT) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192 + (int) files * 4 / 3);
        message.writeTo(bytes);
        return store.store(new ByteArrayInputStream(bytes.toByteArray()));
      }
      Path file = Files.createTempFile("mastermail-out", ".eml");
      try {
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        try (InputStream in = Files.newInputStream(file)) {
          return store.store(in);
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (MessagingException | IOException e) {
      throw new MasterMailException("cannot compose the message to " + letter.to() + ": " + e.getMessage(), e);
    }
  }

  /** The stored bytes of a skeleton. */
  InputStream open(BlobId skeleton) {
    return store.open(skeleton);
  }

  /**
   * Opens the stored bytes of {@code messages}, the small ones' skeletons read together now (one query for a claim
   * instead of one per message), the others' when opened. At most {@link #PREFETCH_BUDGET} bytes are held.
   */
  Reader prefetch(List<OutboundMessage> messages) {
    List<BlobId> small = new ArrayList<>();
    long budget = PREFETCH_BUDGET;
    for (OutboundMessage m : messages) {
      BlobId skeleton = m.delivery().mime();
      // a skeleton is at most a little larger than the bytes it stands for; one with files extracted far smaller
      long guess = Math.min(m.delivery().mimeSize(), PREFETCH_SKELETON);
      if (skeleton != null && guess <= budget) {
        small.add(skeleton);
        budget -= guess;
      }
    }
    if (small.isEmpty()) {
      return this::open;
    }
    Map<BlobId, byte[]> read = blobs.readSmall(small, PREFETCH_SKELETON);
    SingleInstanceStore prefetched = new SingleInstanceStore(new Prefetched(blobs, read),
        SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
    return prefetched::open;
  }

  /** Opens the stored bytes of a skeleton. */
  @FunctionalInterface
  interface Reader {
    InputStream open(BlobId skeleton);
  }

  /** A blob store whose blobs named in {@code read} are already in memory. */
  private record Prefetched(BlobStore blobs, Map<BlobId, byte[]> read) implements BlobStore {
    @Override
    public StoredBlob put(InputStream content) {
      return blobs.put(content);
    }

    @Override
    public InputStream open(BlobId id) {
      byte[] bytes = read.get(id);
      return bytes != null ? new ByteArrayInputStream(bytes) : blobs.open(id);
    }

    @Override
    public boolean contains(BlobId id) {
      return read.containsKey(id) || blobs.contains(id);
    }

    @Override
    public long size(BlobId id) {
      byte[] bytes = read.get(id);
      return bytes != null ? bytes.length : blobs.size(id);
    }
  }

  private MimeMessage compose(Letter l, String messageId, Instant date) throws MessagingException,
      UnsupportedEncodingException {
    MimeMessage m = new FixedIdMessage(SESSION, "<" + messageId + ">");
    m.setFrom(new InternetAddress(l.from(), l.fromName(), "UTF-8"));
    if (l.replyTo() != null) {
      m.setReplyTo(new InternetAddress[] {new InternetAddress(l.replyTo())});
    }
    m.setRecipients(MimeMessage.RecipientType.TO, addresses(l.to()));
    if (!l.cc().isEmpty()) {
      m.setRecipients(MimeMessage.RecipientType.CC, addresses(l.cc()));
    }
    m.setSubject(l.subject(), "UTF-8");
    m.setSentDate(Date.from(date));
    if (l.inReplyTo() != null) {
      m.setHeader("In-Reply-To", "<" + l.inReplyTo() + ">");
    }
    if (!l.references().isEmpty()) {
      String refs = l.references().stream().map(r -> "<" + r + ">").collect(Collectors.joining(" "));
      m.setHeader("References", MimeUtility.fold("References: ".length(), refs));
    }
    if (l.autoSubmitted()) {
      m.setHeader("Auto-Submitted", "auto-replied");
      m.setHeader("X-Auto-Response-Suppress", "All");
    }
    MimeBodyPart body = body(l);
    if (l.attachments().isEmpty()) {
      copyInto(body, m);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(body);
      for (OutboundAttachment a : l.attachments()) {
        mixed.addBodyPart(file(a));
      }
      m.setContent(mixed);
    }
    m.saveChanges();
    return m;
  }

  private static MimeBodyPart body(Letter l) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(l.text(), "UTF-8", "plain");
    if (l.html() == null) {
      return text;
    }
    MimeBodyPart html = new MimeBodyPart();
    html.setText(l.html(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(alternative);
    return part;
  }

  /** Moves a lone body part's content to the message itself (a message with no files is not multipart/mixed). */
  private static void copyInto(MimeBodyPart part, MimeMessage m) throws MessagingException {
    try {
      Object content = part.getContent();
      if (content instanceof Multipart multipart) {
        m.setContent(multipart);
      } else {
        m.setContent(content, part.getContentType());
      }
    } catch (IOException e) {
      throw new MessagingException("cannot build the body", e);
    }
  }

  private MimeBodyPart file(OutboundAttachment a) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new BlobSource(blobs, a)));
    part.setFileName(a.name());
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  private static InternetAddress[] addresses(List<String> list) throws MessagingException {
    InternetAddress[] result = new InternetAddress[list.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = new InternetAddress(list.get(i), true);
    }
    return result;
  }

  private static Session session() {
    Properties p = new Properties();
    p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    return Session.getInstance(p);
  }

  /** A message whose Message-ID is ours, not one Jakarta Mail makes up. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  /** A stored file, read when the message is written. */
  private record BlobSource(BlobStore blobs, OutboundAttachment attachment) implements DataSource {
    @Override
    public InputStream getInputStream() {
      return blobs.open(attachment.blob());
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("a stored file is read-only");
    }

    @Override
    public String getContentType() {
      return attachment.contentType();
    }

    @Override
    public String getName() {
      return attachment.name();
    }
  }
}
