package org.mastermail.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.conversation.TriageService;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundService;
import org.mastermail.outbound.TransportResolver;
import org.mastermail.secret.SecretKeys;
import org.mastermail.secret.SecretService;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.testkit.InMemoryStorage;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.RecordingTransport;

class MasterMailModuleTest {
  @Test
  void injectorShouldGiveOneMasterMailWiredWithStorageClockAndListeners() {
    List<Event> heard = new CopyOnWriteArrayList<>();
    MutableClock clock = MutableClock.atDefaultStart();
    Injector injector = Guice.createInjector(new MasterMailModule(new InMemoryStorage(), clock),
        new AbstractModule() {
          @Override
          protected void configure() {
            MasterMailModule.listeners(binder()).addBinding().toInstance(heard::addAll);
          }
        });

    MasterMail mm = injector.getInstance(MasterMail.class);
    assertThat(injector.getInstance(MasterMail.class)).isSameAs(mm);
    TenantSetup office = mm.createTenant("Acme", "boss@acme.example", "Anna");
    Mailbox info = mm.admin().mailboxes().createShared("info@acme.example", "Info", office.adminActor());
    var conversation = injector.getInstance(TriageService.class).open(info.id(), "hello", office.adminActor());

    assertThat(conversation.createdAt()).isEqualTo(clock.instant());
    assertThat(heard).extracting(Event::type).contains(EventType.TENANT_CREATED, EventType.CONVERSATION_CREATED);
  }

  @Test
  void optionalBindingsShouldReachTheBuilder() {
    RecordingTransport smtp = new RecordingTransport();
    byte[] key = new byte[32];
    Injector injector = Guice.createInjector(new MasterMailModule(new InMemoryStorage()), new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TransportResolver.class).setBinding()
            .toInstance(mailbox -> Optional.of(smtp));
        OptionalBinder.newOptionalBinder(binder(), SecretKeys.class).setBinding()
            .toInstance(SecretKeys.current("k1", key));
      }
    });
    MasterMail mm = injector.getInstance(MasterMail.class);
    TenantSetup office = mm.createTenant("Acme", "boss@acme.example", "Anna");
    Mailbox info = mm.admin().mailboxes().createShared("info@acme.example", "Info", office.adminActor());

    injector.getInstance(OutboundService.class).send(Compose.from(info.id()).to("jan@client.example").subject("x")
        .text("y").build(), office.adminActor());
    try (Dispatcher d = mm.dispatcher(DispatcherSettings.DEFAULTS)) {
      d.runOnce();
    }
    injector.getInstance(SecretService.class).put("imap:info", "pw", office.adminActor());

    assertThat(smtp.sent()).hasSize(1);
    assertThat(injector.getInstance(SecretService.class).list(office.adminActor())).hasSize(1);
  }
}
