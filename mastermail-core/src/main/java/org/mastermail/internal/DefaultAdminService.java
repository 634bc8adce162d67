package org.mastermail.internal;

import org.mastermail.admin.AdminService;
import org.mastermail.admin.MailboxAdmin;
import org.mastermail.admin.PermissionAdmin;
import org.mastermail.admin.StatusAdmin;
import org.mastermail.admin.UserAdmin;

/** The engine behind {@link AdminService}. */
public final class DefaultAdminService implements AdminService {
  private final UserAdmin users;
  private final PermissionAdmin permissions;
  private final MailboxAdmin mailboxes;
  private final StatusAdmin statuses;

  public DefaultAdminService(Engine engine) {
    this.users = new DefaultUserAdmin(engine);
    this.permissions = new DefaultPermissionAdmin(engine);
    this.mailboxes = new DefaultMailboxAdmin(engine);
    this.statuses = new DefaultStatusAdmin(engine);
  }

  @Override
  public UserAdmin users() {
    return users;
  }

  @Override
  public PermissionAdmin permissions() {
    return permissions;
  }

  @Override
  public MailboxAdmin mailboxes() {
    return mailboxes;
  }

  @Override
  public StatusAdmin statuses() {
    return statuses;
  }
}
