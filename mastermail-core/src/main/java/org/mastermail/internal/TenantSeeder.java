package org.mastermail.internal;

import java.util.List;
import java.util.Set;
import org.mastermail.event.EventType;
import org.mastermail.permission.Role;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.status.Status;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/** Creates a tenant with the five default statuses, the three default roles and its first administrator. */
public final class TenantSeeder {
  private final Engine engine;

  public TenantSeeder(Engine engine) {
    this.engine = engine;
  }

  public TenantSetup create(String name, String adminEmail, String adminName) {
    String cleanName = Check.name("tenant name", name);
    String email = Check.address("admin email", adminEmail);
    String display = Check.name("admin name", adminName);
    return engine.write(w -> {
      Tenant tenant = new Tenant(TenantId.random(), cleanName, w.now());
      w.s().tenants().insert(tenant);
      TenantId id = tenant.id();
      w.s().permissions().putRole(new Role(id, Role.ADMIN, Role.adminPermissions()));
      w.s().permissions().putRole(new Role(id, Role.MANAGER, Role.managerPermissions()));
      w.s().permissions().putRole(new Role(id, Role.MEMBER, Role.memberPermissions()));
      List<DefaultStatuses.Seed> seeds = DefaultStatuses.SEEDS;
      for (int i = 0; i < seeds.size(); i++) {
        w.s().statuses().insert(new Status(id, StatusId.random(), seeds.get(i).name(), seeds.get(i).category(), i,
            Set.of()));
      }
      User admin = new User(id, UserId.random(), email, display, Role.ADMIN, true);
      w.s().users().insert(admin);
      w.event(id, EventType.TENANT_CREATED, null, null, null, cleanName, 0);
      return new TenantSetup(tenant, admin);
    });
  }
}
