package org.mastermail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.tenant.TenantId;

class TransportResolverTest {
  private static Mailbox mailbox(String address) {
    return new Mailbox(TenantId.random(), MailboxId.random(), address, "Box", MailboxKind.SHARED, null);
  }

  @Test
  void byAddressShouldFindTheTransportOfAMailboxWhateverTheCaseOfTheConfiguredAddress() {
    MailTransport info = (envelope, mime) -> { };
    TransportResolver resolver = TransportResolver.byAddress(Map.of(" Info@Acme.Example ", info));

    assertThat(resolver.forMailbox(mailbox("info@acme.example"))).containsSame(info);
    assertThat(resolver.forMailbox(mailbox("sales@acme.example"))).isEmpty();
  }
}
