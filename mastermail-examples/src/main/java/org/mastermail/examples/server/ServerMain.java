package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.ServerConfig;
import org.mastermail.examples.server.demo.Demo;

/**
 * The command line of {@code mastermail-server.jar}:
 *
 * <pre>
 * demo [--data DIR] [--port N] [--host ADDR] [--imap-port N] [--smtp-port N]
 *     an office with seeded mail on an embedded mail server; nothing to set up
 * serve --config FILE [--port N] [--host ADDR]
 *     the offices, mailboxes and users of a config file (see server.example.json)
 * import --config FILE --mailbox ADDR [--tenant NAME] [--no-progress] PATH...
 *     archives mbox files, Maildirs and .eml files (or trees of them) into a mailbox of the config's database
 * hash-password
 *     reads a password from standard input and prints its Argon2id hash, for passwordHash in a config file
 * warm-up
 *     starts the demo on free ports, uses it as a browser would, and stops (the build runs it under
 *     -XX:ArchiveClassesAtExit to write the class-data archive that makes the demo start faster)
 * </pre>
 *
 * The port is {@code --port}, else the environment's {@code PORT}, else the config's, else 8080.
 */
public final class ServerMain {
  static final String USAGE = """
      usage: mastermail-server demo [--data DIR] [--port N] [--host ADDR] [--imap-port N] [--smtp-port N]
             mastermail-server serve --config FILE [--port N] [--host ADDR]
             mastermail-server import --config FILE --mailbox ADDR [--tenant NAME] [--no-progress] PATH...
                 (PATH: an mbox file, a Maildir, a directory of .eml files, or one .eml; run again, it imports
                  nothing twice)
             mastermail-server hash-password   (password on standard input; prints its Argon2id hash)
             mastermail-server warm-up         (starts the demo, uses it once, stops: for a class-data archive)
      The port is --port, else $PORT, else the config's, else 8080.""";

  private ServerMain() {}

  /** A parsed command line. */
  record Command(String name, @Nullable Path config, @Nullable Path data, @Nullable String host,
      @Nullable Integer port, int imapPort, int smtpPort, @Nullable String mailbox, @Nullable String tenant,
      boolean progress, List<Path> paths) {
    Command {
      paths = List.copyOf(paths);
    }
  }

  public static void main(String[] args) throws Exception {
    Command command;
    try {
      command = parse(List.of(args), System::getenv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + USAGE);
      System.exit(2);
      return;
    }
    switch (command.name()) {
      case "demo" -> demo(command, System.out);
      case "serve" -> serve(command, System.out);
      case "import" -> System.exit(importMail(command, System.out, System.err));
      case "warm-up" -> WarmUp.run(System.out);
      default -> hashPassword(System.out);
    }
  }

  static Command parse(List<String> args, UnaryOperator<@Nullable String> env) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("name a command");
    }
    String name = args.get(0);
    if (!List.of("demo", "serve", "import", "hash-password", "warm-up").contains(name)) {
      throw new IllegalArgumentException("unknown command: " + name);
    }
    Path config = null;
    Path data = null;
    String host = null;
    Integer port = null;
    int imapPort = 0;
    int smtpPort = 0;
    String mailbox = null;
    String tenant = null;
    boolean progress = true;
    boolean importing = name.equals("import");
    List<Path> paths = new ArrayList<>();
    boolean options = true;
    for (int i = 1; i < args.size(); i++) {
      String option = args.get(i);
      if (!options || importing && !option.startsWith("--")) {
        paths.add(Path.of(option));
        continue;
      }
      if (importing && option.equals("--")) {
        options = false; // the rest are paths, even those starting with --
        continue;
      }
      if (importing && option.equals("--no-progress")) {
        progress = false;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args.get(++i);
      switch (option) {
        case "--config" -> config = Path.of(value);
        case "--data" -> data = Path.of(value);
        case "--host" -> host = value;
        case "--port" -> port = port(option, value);
        case "--imap-port" -> imapPort = port(option, value);
        case "--smtp-port" -> smtpPort = port(option, value);
        case "--mailbox" -> mailbox = importing ? value : unknown(option);
        case "--tenant" -> tenant = importing ? value : unknown(option);
        default -> throw new IllegalArgumentException("unknown option: " + option);
      }
    }
    String fromEnv = env.apply("PORT");
    if (port == null && fromEnv != null && !fromEnv.isBlank()) {
      port = port("PORT", fromEnv.strip());
    }
    if ((name.equals("serve") || importing) && config == null) {
      throw new IllegalArgumentException(name + " needs --config FILE");
    }
    if (importing && mailbox == null) {
      throw new IllegalArgumentException("import needs --mailbox ADDR");
    }
    if (importing && paths.isEmpty()) {
      throw new IllegalArgumentException("import needs at least one PATH (an mbox file, a Maildir or .eml files)");
    }
    return new Command(name, config, data, host, port, imapPort, smtpPort, mailbox, tenant, progress, paths);
  }

  private static String unknown(String option) {
    throw new IllegalArgumentException("unknown option: " + option);
  }

  private static int port(String name, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be a port (0 to 65535), was " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port (0 to 65535), was " + value, e);
    }
  }

  private static void demo(Command c, PrintStream out) throws InterruptedException {
    ServerSettings.Builder settings = ServerSettings.builder().host(c.host() != null ? c.host() : "127.0.0.1");
    if (c.port() != null) {
      settings.port(c.port());
    }
    Demo.Options options = new Demo.Options(c.data(), settings.build(), c.imapPort(), c.smtpPort(),
        PasswordHasher.DEFAULT, events -> { });
    Demo demo = Demo.start(options);
    out.println(demo.banner());
    ServerNode.awaitShutdown(demo);
  }

  private static void serve(Command c, PrintStream out) throws IOException, InterruptedException {
    ServerConfig config = ServerConfig.read(requireNonNull(c.config()));
    ServerSettings.Builder settings = ServerSettings.builder()
        .secureCookies(Boolean.TRUE.equals(config.secureCookies()));
    String host = c.host() != null ? c.host() : config.host();
    if (host != null) {
      settings.host(host);
    }
    Integer port = c.port() != null ? c.port() : config.port();
    if (port != null) {
      settings.port(port);
    }
    ServerNode node = ServerNode.builder(config).settings(settings.build()).start();
    out.println("MasterMail is listening on " + node.server().uri() + " (REST API under /api). Ctrl-C stops.");
    node.awaitShutdown();
  }

  /**
   * Imports the paths and prints a summary; returns the exit status: 0 when every message was archived or already
   * there, 1 when some failed (named on {@code err}) or the import could not start.
   */
  static int importMail(Command c, PrintStream out, PrintStream err) {
    try {
      ServerConfig config = ServerConfig.read(requireNonNull(c.config()));
      ImportCommand.Summary summary = new ImportCommand(config, requireNonNull(c.mailbox()), c.tenant(), c.paths())
          .run(ImportProgress.Mode.detect(c.progress()), err);
      List<String> failures = summary.failures();
      for (int i = 0; i < Math.min(failures.size(), ImportCommand.FAILURES_SHOWN); i++) {
        err.println("  not archived: " + failures.get(i));
      }
      if (failures.size() > ImportCommand.FAILURES_SHOWN) {
        err.println("  … and " + (failures.size() - ImportCommand.FAILURES_SHOWN) + " more");
      }
      out.println(summary.line());
      return failures.isEmpty() ? 0 : 1;
    } catch (NoSuchFileException e) {
      err.println("import failed: no such config file: " + e.getFile());
      return 1;
    } catch (IOException | RuntimeException e) {
      // a missing path, an unknown mailbox, a database in use by a running server: the message says which
      err.println("import failed: " + e.getMessage());
      return 1;
    }
  }

  private static void hashPassword(PrintStream out) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String password = in.readLine();
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input");
    }
    out.println(PasswordHasher.DEFAULT.hash(password));
  }
}
