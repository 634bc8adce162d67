package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMainTest {
  private static ServerMain.Command parse(Map<String, String> env, String... args) {
    return ServerMain.parse(List.of(args), env::get);
  }

  @Test
  void thePortShouldComeFromTheOptionBeforeTheEnvironment() {
    assertThat(parse(Map.of("PORT", "9090"), "demo", "--port", "7070").port()).isEqualTo(7070);
    assertThat(parse(Map.of("PORT", "9090"), "demo").port()).isEqualTo(9090);
    assertThat(parse(Map.of(), "demo").port()).isNull();
  }

  @Test
  void demoShouldTakeADataDirectoryAndMailPorts() {
    ServerMain.Command c = parse(Map.of(), "demo", "--data", "office", "--smtp-port", "2525", "--imap-port", "1143");

    assertThat(c.data()).isEqualTo(Path.of("office"));
    assertThat(c.smtpPort()).isEqualTo(2525);
    assertThat(c.imapPort()).isEqualTo(1143);
  }

  @Test
  void serveShouldNeedAConfigFile() {
    assertThatThrownBy(() -> parse(Map.of(), "serve")).hasMessageContaining("--config");
    assertThat(parse(Map.of(), "serve", "--config", "server.json").config()).isEqualTo(Path.of("server.json"));
  }

  @Test
  void mistakesShouldBeNamed() {
    assertThatThrownBy(() -> parse(Map.of(), "start")).hasMessageContaining("unknown command: start");
    assertThatThrownBy(() -> parse(Map.of(), "demo", "--prot", "1")).hasMessageContaining("unknown option: --prot");
    assertThatThrownBy(() -> parse(Map.of(), "demo", "--port")).hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> parse(Map.of("PORT", "http"), "demo")).hasMessageContaining("PORT must be a port");
    assertThatThrownBy(() -> parse(Map.of(), "demo", "--port", "70000")).hasMessageContaining("0 to 65535");
  }

  @Test
  void importShouldTakeAConfigAMailboxAndPaths() {
    ServerMain.Command c = parse(Map.of(), "import", "--config", "server.json", "--mailbox", "info@acme.example",
        "export.mbox", "--no-progress", "Maildir", "--", "--odd-name.eml");

    assertThat(c.config()).isEqualTo(Path.of("server.json"));
    assertThat(c.mailbox()).isEqualTo("info@acme.example");
    assertThat(c.progress()).isFalse();
    assertThat(c.paths()).containsExactly(Path.of("export.mbox"), Path.of("Maildir"), Path.of("--odd-name.eml"));
    assertThat(parse(Map.of(), "import", "--config", "s.json", "--mailbox", "a@b.example", "x.eml").progress())
        .isTrue();
  }

  @Test
  void importShouldNeedAMailboxAndAPath() {
    assertThatThrownBy(() -> parse(Map.of(), "import", "--mailbox", "a@b.example", "x.eml"))
        .hasMessageContaining("import needs --config FILE");
    assertThatThrownBy(() -> parse(Map.of(), "import", "--config", "s.json", "x.eml"))
        .hasMessageContaining("import needs --mailbox ADDR");
    assertThatThrownBy(() -> parse(Map.of(), "import", "--config", "s.json", "--mailbox", "a@b.example"))
        .hasMessageContaining("import needs at least one PATH");
    assertThatThrownBy(() -> parse(Map.of(), "serve", "--config", "s.json", "--mailbox", "a@b.example"))
        .hasMessageContaining("unknown option: --mailbox");
    assertThatThrownBy(() -> parse(Map.of(), "serve", "--config", "s.json", "stray"))
        .hasMessageContaining("stray");
  }
}
