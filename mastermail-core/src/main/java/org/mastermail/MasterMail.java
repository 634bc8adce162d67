package org.mastermail;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.mastermail.admin.AdminService;
import org.mastermail.blob.BlobStore;
import org.mastermail.conversation.TriageService;
import org.mastermail.event.EventListener;
import org.mastermail.intake.Intake;
import org.mastermail.intake.IntakeSettings;
import org.mastermail.internal.DefaultAdminService;
import org.mastermail.internal.DefaultDispatcher;
import org.mastermail.internal.DefaultIntake;
import org.mastermail.internal.DefaultOutbound;
import org.mastermail.internal.DefaultReports;
import org.mastermail.internal.DefaultSecrets;
import org.mastermail.internal.DefaultTriageService;
import org.mastermail.internal.Engine;
import org.mastermail.internal.SystemMailer;
import org.mastermail.internal.TenantSeeder;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.MailTransport;
import org.mastermail.outbound.OutboundService;
import org.mastermail.outbound.TemplateRenderer;
import org.mastermail.outbound.TransportResolver;
import org.mastermail.report.ReportService;
import org.mastermail.rule.Router;
import org.mastermail.secret.SecretKeys;
import org.mastermail.secret.SecretService;
import org.mastermail.storage.Storage;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.TenantSetup;

/**
 * The entry point. Build one per application with the adapters you want, share it between threads, close it on
 * shutdown:
 *
 * <pre>{@code
 * MasterMail mm = MasterMail.builder()
 *     .storage(JdbcStorage.h2(Path.of("data")))
 *     .listener(events -> events.forEach(crm::recordActivity))
 *     .build();
 * TenantSetup office = mm.createTenant("Acme Property", "boss@acme.example", "Anna Boss");
 * Actor boss = office.adminActor();
 * Mailbox info = mm.admin().mailboxes().createShared("info@acme.example", "Info", boss);
 * }</pre>
 */
public final class MasterMail implements AutoCloseable {
  private final Engine engine;
  private final TriageService triage;
  private final AdminService admin;
  private final TenantSeeder seeder;
  private final ReportService reports;
  private final SecretService secrets;
  private final @Nullable BlobStore blobs;
  private final @Nullable Intake intake;
  private final @Nullable DefaultOutbound outbound;
  private final TransportResolver transports;
  private final List<DefaultDispatcher> dispatchers = new CopyOnWriteArrayList<>();

  private MasterMail(Builder b) {
    Storage storage = requireNonNull(b.storage, "storage");
    this.engine = new Engine(storage, b.clock, b.listeners);
    this.blobs = b.blobs != null ? b.blobs : storage.blobStore().orElse(null);
    this.triage = new DefaultTriageService(engine, blobs);
    this.admin = new DefaultAdminService(engine);
    this.seeder = new TenantSeeder(engine);
    this.reports = new DefaultReports(engine);
    this.secrets = new DefaultSecrets(engine, b.secretKeys);
    this.intake = blobs == null ? null : new DefaultIntake(engine, blobs, b.intakeSettings, b.router,
        new SystemMailer(blobs, b.messageIdDomain));
    this.transports = b.transports;
    this.outbound = blobs == null ? null : new DefaultOutbound(engine, blobs, b.templates, b.messageIdDomain);
    engine.onMailQueued(() -> dispatchers.forEach(DefaultDispatcher::wake));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Listing, taking, assigning, status and the rest of daily triage. */
  public TriageService triage() {
    return triage;
  }

  /**
   * Archiving of incoming mail (used by sources and importers, and by hosts with mail of their own).
   *
   * @throws InvalidInputException when neither the builder nor the storage provides a blob store
   */
  public Intake intake() {
    if (intake == null) {
      throw new InvalidInputException("archiving mail needs a blob store: the storage has none, so install one with"
          + " MasterMail.builder().blobs(new FileBlobStore(dir))");
    }
    return intake;
  }

  /**
   * Drafts, replies, forwards, templates and the outbox.
   *
   * @throws InvalidInputException when neither the builder nor the storage provides a blob store
   */
  public OutboundService outbound() {
    if (outbound == null) {
      throw new InvalidInputException("sending mail needs a blob store: the storage has none, so install one with"
          + " MasterMail.builder().blobs(new FileBlobStore(dir))");
    }
    return outbound;
  }

  /**
   * A dispatcher that sends queued mail through the installed transports; {@link Dispatcher#start()} it on every node
   * that should send (they share the queue safely), or call {@link Dispatcher#runOnce()} from a scheduler of your own.
   * Closing this instance closes its dispatchers.
   */
  public Dispatcher dispatcher(DispatcherSettings settings) {
    return dispatcher(settings, transports);
  }

  /** As {@link #dispatcher(DispatcherSettings)}, sending through {@code via} instead of the builder's transports. */
  public Dispatcher dispatcher(DispatcherSettings settings, TransportResolver via) {
    requireNonNull(settings, "settings");
    requireNonNull(via, "via");
    outbound(); // the same blob store check
    DefaultDispatcher[] self = new DefaultDispatcher[1];
    self[0] = new DefaultDispatcher(engine, requireNonNull(blobs), via, settings, new SecureRandom(),
        () -> dispatchers.remove(self[0]));
    dispatchers.add(self[0]);
    return self[0];
  }

  /** Passwords and tokens of sources and transports, encrypted with the keys given to {@code builder().secrets(...)}. */
  public SecretService secrets() {
    return secrets;
  }

  /** Daily statistics for managers (permission VIEW_REPORTS). */
  public ReportService reports() {
    return reports;
  }

  /** Users, permissions, mailboxes and statuses of a tenant. */
  public AdminService admin() {
    return admin;
  }

  /**
   * Creates a tenant with the default statuses (received, in progress, waiting for answer, waiting for urgent answer,
   * archived), the roles {@code admin}, {@code manager} and {@code member}, and its first administrator. This is a
   * host operation: the host decides who may open a tenant.
   */
  public TenantSetup createTenant(String name, String adminEmail, String adminName) {
    return seeder.create(name, adminEmail, adminName);
  }

  /** A tenant by id (a host operation). */
  public Optional<Tenant> tenant(TenantId id) {
    return engine.storage().inTransaction(s -> s.tenants().find(id));
  }

  /** The storage this instance works on, for adapters built on top of the engine. */
  public Storage storage() {
    return engine.storage();
  }

  /** The clock every time decision uses. */
  public Clock clock() {
    return engine.clock();
  }

  /** Stops the dispatchers and closes the storage. */
  @Override
  public void close() {
    for (DefaultDispatcher d : List.copyOf(dispatchers)) {
      d.close();
    }
    engine.storage().close();
  }

  /** Configures a {@link MasterMail}; only the storage is required. */
  public static final class Builder {
    private @Nullable Storage storage;
    private Clock clock = Clock.systemUTC();
    private final List<EventListener> listeners = new ArrayList<>();
    private @Nullable BlobStore blobs;
    private IntakeSettings intakeSettings = IntakeSettings.DEFAULTS;
    private Router router = Router.NONE;
    private TransportResolver transports = mailbox -> Optional.empty();
    private TemplateRenderer templates = TemplateRenderer.NONE;
    private @Nullable String messageIdDomain;
    private @Nullable SecretKeys secretKeys;

    private Builder() {}

    /** Where everything is kept: {@code JdbcStorage.h2(dir)}, {@code JdbcStorage.postgres(ds)}, or your own. */
    public Builder storage(Storage value) {
      this.storage = requireNonNull(value, "storage");
      return this;
    }

    /** The clock for every time decision (default: system UTC); tests pass a movable one. */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /**
     * Where raw messages and attachments are kept (default: the storage's own, in the database for
     * {@code JdbcStorage}); for example {@code new FileBlobStore(dir)}.
     */
    public Builder blobs(BlobStore value) {
      this.blobs = requireNonNull(value, "blobs");
      return this;
    }

    /** How incoming mail is treated (size limit, spool directory); default {@link IntakeSettings#DEFAULTS}. */
    public Builder intake(IntakeSettings value) {
      this.intakeSettings = requireNonNull(value, "intake");
      return this;
    }

    /** Who decides about incoming mail (default {@link Router#NONE}: every new conversation stays unassigned). */
    public Builder router(Router value) {
      this.router = requireNonNull(value, "router");
      return this;
    }

    /** One transport for the mail of every mailbox (for example an SMTP relay). */
    public Builder transport(MailTransport value) {
      requireNonNull(value, "transport");
      this.transports = mailbox -> Optional.of(value);
      return this;
    }

    /** A transport per mailbox (each its own SMTP account). */
    public Builder transports(TransportResolver value) {
      this.transports = requireNonNull(value, "transports");
      return this;
    }

    /** The template engine for message templates, for example {@code new MustacheRenderer()}. */
    public Builder templates(TemplateRenderer value) {
      this.templates = requireNonNull(value, "templates");
      return this;
    }

    /**
     * The domain of the Message-IDs of mail we send (default: the sending address's domain), for example
     * {@code mail.acme.example}.
     */
    public Builder messageIdDomain(String value) {
      requireNonNull(value, "messageIdDomain");
      if (!value.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
        throw new InvalidInputException("messageIdDomain is not a domain name: '" + value + "'");
      }
      this.messageIdDomain = value;
      return this;
    }

    /** The host's keys for stored secrets (source and transport passwords); without them none can be stored. */
    public Builder secrets(SecretKeys value) {
      this.secretKeys = requireNonNull(value, "secrets");
      return this;
    }

    /** Adds a listener that hears of events after each commit. */
    public Builder listener(EventListener value) {
      listeners.add(requireNonNull(value, "listener"));
      return this;
    }

    public MasterMail build() {
      if (storage == null) {
        throw new InvalidInputException("a storage is required: MasterMail.builder().storage(...)");
      }
      return new MasterMail(this);
    }
  }
}
