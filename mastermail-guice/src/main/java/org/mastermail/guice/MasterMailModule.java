package org.mastermail.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.Clock;
import java.util.Set;
import org.mastermail.MasterMail;
import org.mastermail.admin.AdminService;
import org.mastermail.conversation.TriageService;
import org.mastermail.event.EventListener;
import org.mastermail.storage.Storage;

/**
 * Binds a singleton {@link MasterMail}, its {@link TriageService} and {@link AdminService} from a {@link Storage} and a
 * {@link Clock} given here. Event listeners are collected from a multibinder, so other modules add their own:
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
  }

  @Provides
  @Singleton
  MasterMail masterMail(Storage boundStorage, Clock boundClock, Set<EventListener> eventListeners) {
    MasterMail.Builder builder = MasterMail.builder().storage(boundStorage).clock(boundClock);
    eventListeners.forEach(builder::listener);
    return builder.build();
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
