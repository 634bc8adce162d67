package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.imap.internal.MailProperties;

/**
 * Which server certificates a TLS connection ({@link Security#SSL} or {@link Security#STARTTLS}) accepts:
 *
 * <pre>{@code
 * Trust.system()                    // the default: the JDK's certificate authorities, the host name checked
 * Trust.certificates(keyStore)      // a private CA, or the server's own self-signed certificate; host name checked
 * Trust.anyCertificate()            // tests only: accepts anyone who answers, a man in the middle included
 * }</pre>
 */
public final class Trust {
  private static final Trust SYSTEM = new Trust(null, false, "Trust[system]");
  private static final Trust ANY = new Trust(null, true, "Trust[any certificate]");

  private final @Nullable SSLSocketFactory socketFactory;
  private final boolean any;
  private final String description;

  private Trust(@Nullable SSLSocketFactory socketFactory, boolean any, String description) {
    this.socketFactory = socketFactory;
    this.any = any;
    this.description = description;
  }

  /** The certificate authorities the JDK trusts; the certificate must name the host connected to. */
  public static Trust system() {
    return SYSTEM;
  }

  /**
   * Only certificates issued by (or equal to) one of the certificates in {@code trusted}; the certificate must still
   * name the host connected to.
   *
   * @throws InvalidInputException when the key store is not loaded or holds no certificate
   */
  public static Trust certificates(KeyStore trusted) {
    requireNonNull(trusted, "trusted");
    try {
      if (trusted.size() == 0) {
        throw new InvalidInputException("trust: the key store holds no certificate");
      }
      TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      managers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers.getTrustManagers(), null);
      return new Trust(context.getSocketFactory(), false, "Trust[" + trusted.size() + " certificates]");
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("trust: the key store cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * Any certificate for any host name. The connection is encrypted but not authenticated: only for tests and a server
   * on the same host.
   */
  public static Trust anyCertificate() {
    return ANY;
  }

  /** Sets the session properties that make Angus Mail trust as this says. */
  void applyTo(MailProperties properties) {
    if (any) {
      properties.set("ssl.trust", "*").set("ssl.checkserveridentity", "false");
    } else if (socketFactory != null) {
      // without fallback: Angus would otherwise try again with the JDK's trust after a failure with this one
      properties.put("ssl.socketFactory", socketFactory).set("socketFactory.fallback", "false");
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
