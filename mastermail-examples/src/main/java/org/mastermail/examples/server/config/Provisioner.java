package org.mastermail.examples.server.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.examples.server.api.Json;
import org.mastermail.examples.server.auth.JdbcLogins;
import org.mastermail.examples.server.config.ServerConfig.MailboxConfig;
import org.mastermail.examples.server.config.ServerConfig.TenantConfig;
import org.mastermail.examples.server.config.ServerConfig.UserConfig;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.permission.Role;
import org.mastermail.rules.RuleAdmin;
import org.mastermail.rules.RuleSetJson;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * Brings the database in line with the config's tenants, through core's admin API as each tenant's first
 * administrator: creates what is missing (tenant, users, logins, mailboxes, memberships), changes what differs (roles,
 * sending settings, rule sets), and removes nothing. Running it again with the same config changes nothing.
 */
public final class Provisioner {
  private final MasterMail mm;
  private final Jdbi jdbi;
  private final JdbcLogins logins;
  private final RuleAdmin rules;

  public Provisioner(MasterMail mm, Jdbi jdbi, JdbcLogins logins) {
    this.mm = requireNonNull(mm, "mm");
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.logins = requireNonNull(logins, "logins");
    this.rules = RuleAdmin.of(mm);
  }

  /** A mailbox as configured and as it exists now. */
  public record ProvisionedMailbox(TenantId tenant, Actor admin, Mailbox mailbox, MailboxConfig config) {}

  /** Applies every tenant; returns their mailboxes, for the sources and transports to be started. */
  public List<ProvisionedMailbox> apply(List<TenantConfig> tenants) {
    List<ProvisionedMailbox> all = new ArrayList<>();
    for (TenantConfig t : tenants) {
      all.addAll(apply(t));
    }
    return all;
  }

  private List<ProvisionedMailbox> apply(TenantConfig config) {
    Actor admin = tenant(config);
    Map<String, User> users = users(config, admin);
    List<ProvisionedMailbox> out = new ArrayList<>();
    Map<String, Mailbox> existing = new HashMap<>();
    for (Mailbox m : mm.admin().mailboxes().list(admin)) {
      existing.put(m.address(), m);
    }
    for (MailboxConfig mc : config.mailboxes()) {
      Mailbox mailbox = existing.get(lower(mc.address()));
      if (mailbox == null) {
        mailbox = mm.admin().mailboxes().createShared(mc.address(), mc.name(), admin);
      } else if (!mailbox.name().equals(mc.name())) {
        mailbox = mm.admin().mailboxes().rename(mailbox.id(), mc.name(), admin);
      }
      members(mailbox, mc, users, admin);
      account(mailbox, mc, admin);
      saveRules(admin.tenant(), mailbox.id(), mc.rules());
      out.add(new ProvisionedMailbox(admin.tenant(), admin, mailbox, mc));
    }
    saveRules(admin.tenant(), null, config.rules()); // after the users and mailboxes its rules may name
    return out;
  }

  /** The first administrator of every tenant this server has provisioned, from any config, by tenant name. */
  public Map<String, Actor> tenantAdmins() {
    Map<String, Actor> admins = new TreeMap<>();
    jdbi.useHandle(h -> h.createQuery("select name, tenant_id, admin_user_id from server_tenant")
        .map((rs, ctx) -> Map.entry(rs.getString(1), Actor.of(new TenantId(rs.getObject(2, UUID.class)),
            new UserId(rs.getObject(3, UUID.class)))))
        .forEach(e -> admins.put(e.getKey(), e.getValue())));
    return admins;
  }

  /** The tenant named in the config, made on first sight; returns its first administrator. */
  private Actor tenant(TenantConfig config) {
    Optional<Actor> known = jdbi.withHandle(h -> h.createQuery(
            "select tenant_id, admin_user_id from server_tenant where name = :name")
        .bind("name", config.name())
        .map((rs, ctx) -> Actor.of(new TenantId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2,
            UUID.class))))
        .findOne());
    if (known.isPresent()) {
      return known.get();
    }
    UserConfig first = config.users().stream().filter(u -> u.role().equals(Role.ADMIN)).findFirst()
        .orElseThrow(() -> new InvalidInputException("tenant " + config.name() + " needs a user with role admin"));
    TenantSetup setup = mm.createTenant(config.name(), first.email(), first.name());
    jdbi.useHandle(h -> h.createUpdate("insert into server_tenant (name, tenant_id, admin_user_id)"
            + " values (:name, :tenant, :admin)")
        .bind("name", config.name()).bind("tenant", setup.tenant().id().value())
        .bind("admin", setup.admin().id().value()).execute());
    return setup.adminActor();
  }

  private Map<String, User> users(TenantConfig config, Actor admin) {
    Map<String, User> byEmail = new HashMap<>();
    for (User u : mm.admin().users().list(admin)) {
      byEmail.put(lower(u.email()), u);
    }
    for (UserConfig uc : config.users()) {
      User user = byEmail.get(lower(uc.email()));
      if (user == null) {
        user = mm.admin().users().create(uc.email(), uc.name(), uc.role(), admin);
      } else if (!user.role().equals(uc.role()) && !user.id().equals(admin.user())) {
        user = mm.admin().users().setRole(user.id(), uc.role(), admin);
      }
      byEmail.put(lower(uc.email()), user);
      login(uc, Actor.of(admin.tenant(), user.id()));
    }
    return byEmail;
  }

  /** Sets the initial password of a user who has no login yet. */
  private void login(UserConfig uc, Actor actor) {
    if (logins.exists(uc.email())) {
      return;
    }
    if (uc.passwordHash() != null) {
      logins.setHash(uc.email(), actor, uc.passwordHash());
    } else if (uc.password() != null) {
      logins.setPassword(uc.email(), actor, uc.password());
    }
  }

  private void members(Mailbox mailbox, MailboxConfig config, Map<String, User> users, Actor admin) {
    Map<UserId, String> current = new HashMap<>();
    for (MailboxMember m : mm.admin().mailboxes().members(mailbox.id(), admin)) {
      current.put(m.user(), m.role());
    }
    for (Map.Entry<String, String> e : config.members().entrySet()) {
      User user = users.get(lower(e.getKey()));
      if (user == null) {
        throw new InvalidInputException("mailbox " + config.address() + " names member " + e.getKey()
            + ", who is no user of the tenant");
      }
      if (!e.getValue().equals(current.get(user.id()))) {
        mm.admin().mailboxes().addMember(mailbox.id(), user.id(), e.getValue(), admin);
      }
    }
  }

  private void account(Mailbox mailbox, MailboxConfig config, Actor admin) {
    ServerConfig.AccountConfig a = config.account();
    if (a == null) {
      return;
    }
    SendingAccount wanted = new SendingAccount(mailbox.id(), a.displayName(), a.replyTo(), a.signature(), null);
    if (!mm.outbound().account(mailbox.id(), admin).equals(wanted)) {
      mm.outbound().configure(wanted, admin);
    }
  }

  /** Saves a rule set unless the stored one says the same; a host operation, like creating the tenant. */
  private void saveRules(TenantId tenant, @Nullable MailboxId scope, @Nullable JsonNode config) {
    if (config == null) {
      return;
    }
    String json;
    try {
      json = Json.mapper().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree Jackson just read always writes
    }
    String wanted = RuleSetJson.write(RuleSetJson.parse(json));
    Optional<RuleAdmin.Versioned> stored = rules.load(tenant, scope);
    if (stored.isPresent() && RuleSetJson.write(stored.get().rules()).equals(wanted)) {
      return;
    }
    rules.saveJson(tenant, scope, json, stored.map(RuleAdmin.Versioned::version).orElse(0L));
  }

  private static String lower(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
