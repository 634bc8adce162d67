package org.mastermail.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.conversation.TriageService;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.testkit.InMemoryStorage;
import org.mastermail.testkit.MutableClock;
import org.mastermail.tenant.TenantSetup;

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
}
