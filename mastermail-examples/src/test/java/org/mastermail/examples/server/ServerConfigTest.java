package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.examples.server.config.ServerConfig;

class ServerConfigTest {
  private static ServerConfig parse(String json, Map<String, String> env) {
    return ServerConfig.parse(json, env::get, Path.of("/etc/mastermail"));
  }

  @Test
  void variablesShouldBeReplacedFromTheEnvironmentAndKeptInsideTheirString() {
    ServerConfig c = parse("{\"database\": {\"jdbcUrl\": \"jdbc:postgresql://db/mm\", \"password\": \"${DB_PW}\"},"
        + " \"tenants\": []}", Map.of("DB_PW", "se\"cr\\et"));

    assertThat(c.database().password()).isEqualTo("se\"cr\\et");
    assertThat(c.dataDir()).isNull();
  }

  @Test
  void anUnsetVariableShouldBeNamed() {
    assertThatThrownBy(() -> parse("{\"database\": {\"password\": \"${NOT_SET}\"}}", Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("${NOT_SET}");
  }

  @Test
  void aRelativeDataDirectoryShouldBeFoundBesideTheConfigFile() {
    assertThat(parse("{\"database\": {\"dataDir\": \"office\"}}", Map.of()).dataDir())
        .isEqualTo(Path.of("/etc/mastermail/office"));
    assertThat(parse("{}", Map.of()).dataDir()).isEqualTo(Path.of("/etc/mastermail/data"));
  }

  @Test
  void aMisspeltFieldShouldBeRefusedWithItsLine() {
    assertThatThrownBy(() -> parse("{\n  \"prot\": 8080\n}", Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"prot\"").hasMessageContaining("(line ");
  }

  @Test
  void theDocumentedExampleShouldBeValid() throws Exception {
    String text = Files.readString(Path.of("server.example.json"));

    ServerConfig c = parseWith(text, name -> "secret-" + name);

    assertThat(c.tenants()).singleElement().satisfies(t -> {
      assertThat(t.users()).hasSize(3);
      assertThat(t.mailboxes().get(0).imap().password()).isEqualTo("secret-INFO_MAIL_PASSWORD");
      assertThat(t.rules()).isNotNull();
    });
  }

  private static ServerConfig parseWith(String json, UnaryOperator<String> env) {
    return ServerConfig.parse(json, env, Path.of("/etc/mastermail"));
  }
}
