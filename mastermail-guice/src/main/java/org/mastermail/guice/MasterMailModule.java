package org.mastermail.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.mastermail.MasterMail;
import org.mastermail.admin.AdminService;
import org.mastermail.blob.BlobStore;
import org.mastermail.conversation.TriageService;
import org.mastermail.event.EventListener;
import org.mastermail.intake.IntakeSettings;
import org.mastermail.outbound.OutboundService;
import org.mastermail.outbound.TemplateRenderer;
import org.mastermail.outbound.TransportResolver;
import org.mastermail.report.ReportService;
import org.mastermail.rule.Router;
import org.mastermail.secret.SecretKeys;
import org.mastermail.secret.SecretService;
import org.mastermail.storage.Storage;

/**
 * Binds a singleton {@link MasterMail} and its services ({@link TriageService}, {@link AdminService},
 * {@link OutboundService}, {@link ReportService}, {@link SecretService}) from a {@link Storage} and a {@link Clock}
 * given here. Event listeners are collected from a multibinder; a blob store, router, transports, template renderer,
 * secret keys and intake settings are optional bindings another module may set
 * ({@code OptionalBinder.newOptionalBinder(binder(), Router.class).setBinding().toInstance(rules)}):
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     new MasterMailModule(JdbcStorage.h2(Path.of("data"))),
 *     new AbstractModule() {
 *       protected void configure() {
 *         MasterMailModule.listeners(binder()).addBinding().to(CrmActivityListener.class);
 *       }
 *     });
 * TriageService triage = injector.getInstance(TriageService.class);
 * }</pre>
 *
 * The module adds no behaviour of its own: it calls {@link MasterMail#builder()} exactly as a host without Guice would.
 */
public final class MasterMailModule extends AbstractModule {
  private final Storage storage;
  private final Clock clock;

  public MasterMailModule(Storage storage) {
    this(storage, Clock.systemUTC());
  }

  public MasterMailModule(Storage storage, Clock clock) {
    this.storage = requireNonNull(storage, "storage");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The multibinder other modules add {@link EventListener}s to. */
  public static Multibinder<EventListener> listeners(Binder binder) {
    return Multibinder.newSetBinder(binder, EventListener.class);
  }

  @Override
  protected void configure() {
    listeners(binder());
    bind(Storage.class).toInstance(storage);
    bind(Clock.class).toInstance(clock);
    // what a host may bind in a module of its own; absent ones keep the builder's defaults
    OptionalBinder.newOptionalBinder(binder(), BlobStore.class);
    OptionalBinder.newOptionalBinder(binder(), Router.class);
    OptionalBinder.newOptionalBinder(binder(), TransportResolver.class);
    OptionalBinder.newOptionalBinder(binder(), TemplateRenderer.class);
    OptionalBinder.newOptionalBinder(binder(), SecretKeys.class);
    OptionalBinder.newOptionalBinder(binder(), IntakeSettings.class);
  }

  @Provides
  @Singleton
  MasterMail masterMail(Storage boundStorage, Clock boundClock, Set<EventListener> eventListeners,
      Optional<BlobStore> blobs, Optional<Router> router, Optional<TransportResolver> transports,
      Optional<TemplateRenderer> templates, Optional<SecretKeys> secrets, Optional<IntakeSettings> intake) {
    MasterMail.Builder builder = MasterMail.builder().storage(boundStorage).clock(boundClock);
    eventListeners.forEach(builder::listener);
    blobs.ifPresent(builder::blobs);
    router.ifPresent(builder::router);
    transports.ifPresent(builder::transports);
    templates.ifPresent(builder::templates);
    secrets.ifPresent(builder::secrets);
    intake.ifPresent(builder::intake);
    return builder.build();
  }

  @Provides
  OutboundService outbound(MasterMail masterMail) {
    return masterMail.outbound();
  }

  @Provides
  ReportService reports(MasterMail masterMail) {
    return masterMail.reports();
  }

  @Provides
  SecretService secrets(MasterMail masterMail) {
    return masterMail.secrets();
  }

  @Provides
  TriageService triage(MasterMail masterMail) {
    return masterMail.triage();
  }

  @Provides
  AdminService admin(MasterMail masterMail) {
    return masterMail.admin();
  }
}
