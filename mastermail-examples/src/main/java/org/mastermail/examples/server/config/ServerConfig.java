package org.mastermail.examples.server.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.examples.server.api.Json;

/**
 * The config file of {@code serve --config FILE}, in JSON. {@code ${NAME}} anywhere in it is replaced by the
 * environment variable {@code NAME}, so that passwords need not be written into the file. A relative
 * {@code dataDir} is resolved against the file's directory. See {@code server.example.json} for a full example.
 *
 * @param database where everything is kept; default: H2 under {@code data} beside the file
 * @param host the address to listen on; default {@code 0.0.0.0}
 * @param port the port; {@code --port} and {@code PORT} win over it; default 8080
 * @param secureCookies whether browsers reach the server over HTTPS (then the session cookie is Secure)
 * @param messageIdDomain the domain of the Message-IDs of mail sent, default: each sending address's
 * @param zone the office's time zone for rules (business hours, due dates); default UTC
 * @param tenants the offices, created on the first start and brought up to date on later ones
 */
public record ServerConfig(@Nullable Database database, @Nullable String host, @Nullable Integer port,
    @Nullable Boolean secureCookies, @Nullable String messageIdDomain, @Nullable String zone,
    List<TenantConfig> tenants) {
  public ServerConfig {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }

  /** Either an H2 {@code dataDir} or a {@code jdbcUrl} (PostgreSQL) with its login. */
  public record Database(@Nullable String dataDir, @Nullable String jdbcUrl, @Nullable String username,
      @Nullable String password) {}

  /**
   * One office. Its first user with the role {@code admin} becomes the tenant's first administrator, who makes the
   * rest; {@code rules} is a tenant-wide rule set as {@code mastermail-rules} reads it.
   */
  public record TenantConfig(String name, List<UserConfig> users, List<MailboxConfig> mailboxes,
      @Nullable JsonNode rules) {
    public TenantConfig {
      requireNonNull(name, "tenants[].name");
      users = users == null ? List.of() : List.copyOf(users);
      mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    }
  }

  /**
   * A user and, when {@code password} or {@code passwordHash} (Argon2id) is given, their login. The password is
   * set only when the login does not exist yet: it is an initial password.
   */
  public record UserConfig(String email, String name, String role, @Nullable String password,
      @Nullable String passwordHash) {
    public UserConfig {
      requireNonNull(email, "users[].email");
      requireNonNull(name, "users[].name");
      requireNonNull(role, "users[].role");
    }
  }

  /**
   * A shared mailbox: its members (email → role in the mailbox), where its mail comes from ({@code imap}), how it
   * sends ({@code smtp}), its sending settings ({@code account}) and its own rules.
   */
  public record MailboxConfig(String address, String name, Map<String, String> members, @Nullable ImapConfig imap,
      @Nullable SmtpConfig smtp, @Nullable AccountConfig account, @Nullable JsonNode rules) {
    public MailboxConfig {
      requireNonNull(address, "mailboxes[].address");
      requireNonNull(name, "mailboxes[].name");
      members = members == null ? Map.of() : Map.copyOf(members);
    }
  }

  /**
   * An IMAP folder to fetch. {@code security}: ssl (default), starttls or none; {@code acknowledge}: leave
   * (default), seen, or move:FOLDER; {@code idle}: wait for mail with IDLE (default true); {@code source}: the name
   * under which the folder's position is kept (default {@code imap:ADDRESS}); a new name starts from the first
   * message again (what was archived already is recognised by its content).
   */
  public record ImapConfig(String host, @Nullable Integer port, @Nullable String security, String username,
      String password, @Nullable String folder, @Nullable String acknowledge, @Nullable Boolean idle,
      @Nullable String source) {
    public ImapConfig {
      requireNonNull(host, "imap.host");
      requireNonNull(username, "imap.username");
      requireNonNull(password, "imap.password");
    }
  }

  /** An SMTP account to send through. {@code security}: starttls (default), ssl or none. */
  public record SmtpConfig(String host, int port, @Nullable String security, @Nullable String username,
      @Nullable String password) {
    public SmtpConfig {
      requireNonNull(host, "smtp.host");
    }
  }

  /** How the mailbox signs what it sends. */
  public record AccountConfig(@Nullable String displayName, @Nullable String replyTo, @Nullable String signature) {}

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * Reads a config file, JSON or — named {@code .yaml} or {@code .yml} — YAML, replacing {@code ${NAME}} by the
   * environment's {@code NAME}.
   */
  public static ServerConfig read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Path base = file.toAbsolutePath().getParent();
    return name.endsWith(".yaml") || name.endsWith(".yml") ? parseYaml(text, System::getenv, base)
        : parse(text, System::getenv, base);
  }

  /**
   * Parses YAML config text: the same fields as the JSON form. {@code ${NAME}} is replaced inside string values
   * (after parsing, so a value needs no escaping).
   */
  public static ServerConfig parseYaml(String text, UnaryOperator<@Nullable String> env, @Nullable Path base) {
    ServerConfig config;
    try {
      JsonNode tree = new YAMLMapper().readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new InvalidInputException("the config is not valid: a YAML mapping of settings is expected");
      }
      config = Json.mapper().treeToValue(substituted(tree, env), ServerConfig.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("the config is not valid: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
    }
    return base == null ? config : config.resolvedAgainst(base);
  }

  private static JsonNode substituted(JsonNode node, UnaryOperator<@Nullable String> env) {
    if (node.isTextual()) {
      Matcher m = VARIABLE.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = env.apply(m.group(1));
        if (value == null) {
          throw new InvalidInputException("the config names ${" + m.group(1) + "}, which is not set");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.properties().forEach(f -> copy.set(f.getKey(), substituted(f.getValue(), env)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(e -> copy.add(substituted(e, env)));
      return copy;
    }
    return node;
  }

  /** Parses config text; {@code env} gives the variables, {@code base} the directory of relative paths. */
  public static ServerConfig parse(String text, UnaryOperator<@Nullable String> env, @Nullable Path base) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        throw new InvalidInputException("the config names ${" + m.group(1) + "}, which is not set");
      }
      // the value goes into a JSON string: escape what JSON needs escaped
      m.appendReplacement(out, Matcher.quoteReplacement(jsonEscaped(value)));
    }
    m.appendTail(out);
    ServerConfig config;
    try {
      config = Json.mapper().readValue(out.toString(), ServerConfig.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("the config is not valid: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
    }
    return base == null ? config : config.resolvedAgainst(base);
  }

  /** The H2 data directory, or null when a JDBC URL is configured. */
  public @Nullable Path dataDir() {
    if (database != null && database.jdbcUrl() != null) {
      return null;
    }
    return Path.of(database != null && database.dataDir() != null ? database.dataDir() : "data");
  }

  private ServerConfig resolvedAgainst(Path base) {
    Path dir = dataDir();
    if (dir == null || dir.isAbsolute()) {
      return this;
    }
    Database db = new Database(base.resolve(dir).toString(), null, null, null);
    return new ServerConfig(db, host, port, secureCookies, messageIdDomain, zone, tenants);
  }

  private static String jsonEscaped(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }
}
