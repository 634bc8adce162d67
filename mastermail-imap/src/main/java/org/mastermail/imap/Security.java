package org.mastermail.imap;

/** How the connection to a mail server is protected. */
public enum Security {
  /** Plain text: only for a server on the same host or in tests. */
  NONE,
  /** A plain connection upgraded with STARTTLS; the connection fails when the server does not offer it. */
  STARTTLS,
  /** TLS from the first byte: IMAPS (993), POP3S (995). */
  SSL;

  /** The usual port of IMAP under this security. */
  int imapPort() {
    return this == SSL ? 993 : 143;
  }

  /** The usual port of POP3 under this security. */
  int pop3Port() {
    return this == SSL ? 995 : 110;
  }
}
