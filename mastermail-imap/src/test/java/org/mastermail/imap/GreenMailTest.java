package org.mastermail.imap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh GreenMail (IMAP and POP3 on free ports) and a fresh MasterMail for every test. */
abstract class GreenMailTest {
  TestMailServer greenMail;
  Fixture fx;
  ServerClient server;
  int imapPort;
  int pop3Port;

  @BeforeEach
  void startFixture() {
    greenMail = new TestMailServer();
    greenMail.start();
    fx = newFixture();
    imapPort = greenMail.imapPort();
    pop3Port = greenMail.pop3Port();
    server = new ServerClient(imapPort, Fixture.USER, Fixture.PASSWORD);
  }

  Fixture newFixture() {
    return new Fixture();
  }

  @AfterEach
  void closeFixture() {
    greenMail.stop();
    fx.mm.close();
  }

  static List<String> text(List<byte[]> raws) {
    return raws.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
  }
}
