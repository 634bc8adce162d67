package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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

  @Test
  void yamlShouldReadAsTheSameConfigAsJson() throws Exception {
    String json = Files.readString(Path.of("server.example.json"));
    String yaml = new YAMLMapper().writeValueAsString(new ObjectMapper().readTree(json));

    ServerConfig fromYaml = ServerConfig.parseYaml(yaml, name -> "secret-" + name, Path.of("/etc/mastermail"));

    assertThat(yaml).doesNotContain("{\"");
    assertThat(fromYaml).isEqualTo(parseWith(json, name -> "secret-" + name));
  }

  @Test
  void yamlVariablesShouldNeedNoEscapingAndMistakesShouldBeNamed() {
    String yaml = """
        database:
          jdbcUrl: jdbc:postgresql://db/mm
          password: ${DB_PW}
        tenants:
          - name: Acme
            users: []
            mailboxes: []
        """;

    ServerConfig c = ServerConfig.parseYaml(yaml, Map.of("DB_PW", "a\"b\\c: #d")::get, null);

    assertThat(c.database().password()).isEqualTo("a\"b\\c: #d");
    assertThat(c.tenants()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("Acme"));
    assertThatThrownBy(() -> ServerConfig.parseYaml("prot: 8080\n", Map.<String, String>of()::get, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("prot");
    assertThatThrownBy(() -> ServerConfig.parseYaml("database:\n  password: ${NOPE}\n",
        Map.<String, String>of()::get, null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("${NOPE}");
    assertThatThrownBy(() -> ServerConfig.parseYaml("- just\n- a list\n", Map.<String, String>of()::get, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mapping");
  }

  private static ServerConfig parseWith(String json, UnaryOperator<String> env) {
    return ServerConfig.parse(json, env, Path.of("/etc/mastermail"));
  }
}
