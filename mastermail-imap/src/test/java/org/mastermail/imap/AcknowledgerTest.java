package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.imap.internal.Acknowledger;
import org.mastermail.imap.internal.Capabilities;

/** Moving without MOVE, as older servers need; GreenMail has MOVE, so the capabilities are given by hand. */
class AcknowledgerTest extends GreenMailTest {
  @Test
  void moveWithoutMoveShouldCopyThenUidExpungeOnlyTheArchivedMessages() {
    long archived = server.append("INBOX", Fixture.mail("Archived"));
    long othersDeleted = server.append("INBOX", Fixture.mail("Someone else's deleted message"));
    server.setFlag("INBOX", othersDeleted, Flags.Flag.DELETED);
    Acknowledger ack = new Acknowledger(Acknowledge.moveTo("Done"), "test");

    server.in("INBOX", Folder.READ_WRITE, f -> {
      ack.acknowledge(f, List.of(f.getMessageByUID(archived)), new Capabilities(false, true, true));
      return null;
    });

    assertThat(server.uids("INBOX")).containsExactly(othersDeleted);
    assertThat(server.uids("Done")).hasSize(1);
  }

  @Test
  void moveWithoutMoveShouldNotCopyAgainWhatAnInterruptedAttemptCopiedAndMarkedDeleted() {
    long archived = server.append("INBOX", Fixture.mail("Copied before the line dropped"));
    server.append("Done", server.raw("INBOX", archived));
    server.setFlag("INBOX", archived, Flags.Flag.DELETED);
    Acknowledger ack = new Acknowledger(Acknowledge.moveTo("Done"), "test");

    server.in("INBOX", Folder.READ_WRITE, f -> {
      ack.acknowledge(f, List.of(f.getMessageByUID(archived)), new Capabilities(false, true, true));
      return null;
    });

    assertThat(server.uids("INBOX")).isEmpty();
    assertThat(server.uids("Done")).hasSize(1);
  }

  @Test
  void moveWithoutMoveOrUidplusShouldMarkSeenInsteadOfExpungingEverythingDeleted() {
    long archived = server.append("INBOX", Fixture.mail("Archived"));
    Acknowledger ack = new Acknowledger(Acknowledge.moveTo("Done"), "test");

    server.in("INBOX", Folder.READ_WRITE, f -> {
      Message m = f.getMessageByUID(archived);
      ack.acknowledge(f, List.of(m), new Capabilities(false, false, true));
      return null;
    });

    assertThat(server.uids("INBOX")).containsExactly(archived);
    assertThat(server.seen("INBOX", archived)).isTrue();
  }
}
