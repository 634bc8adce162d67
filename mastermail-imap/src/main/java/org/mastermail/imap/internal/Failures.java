package org.mastermail.imap.internal;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.StoreClosedException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * Tells apart why fetching a message failed, and counts the failures of each message, so that a message that keeps
 * failing is replaced by a placeholder instead of blocking its folder. Counts live as long as the source object: a
 * restart gives every message a fresh set of attempts.
 */
public final class Failures {
  private final Map<String, Integer> attempts = new HashMap<>();

  /** Records a failure of {@code key} and returns how many in a row it has had. */
  public synchronized int failed(String key) {
    return attempts.merge(key, 1, Integer::sum);
  }

  public synchronized void succeeded(String key) {
    attempts.remove(key);
  }

  /** Whether {@code e} says the connection to the server is lost (the sync ends; the next one reconnects). */
  public static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof FolderClosedException || t instanceof StoreClosedException
          || t instanceof ConnectionException
          || t instanceof SocketException || t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} says the message was expunged (by someone else) while it was fetched. */
  public static boolean messageGone(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof MessageRemovedException) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    if (cause == null && t instanceof jakarta.mail.MessagingException m) {
      cause = m.getNextException();
    }
    return cause == t ? null : cause;
  }
}
