-- The reference server's own tables, beside MasterMail's in the same database, under a history table of their own.

-- Who may log in, as which user of which tenant. Core has no passwords: this table is the server's.
-- A login address names one user on the whole server (a person working for two tenants has two addresses), so
-- the login form needs no tenant field; the key is therefore not led by tenant_id, unlike MasterMail's tables.
create table server_login (
  email varchar(320) not null primary key,
  tenant_id uuid not null,
  user_id uuid not null,
  password_hash varchar(512) not null,
  changed_at timestamp with time zone not null
);
create unique index server_login_user on server_login (tenant_id, user_id);

-- Tenants made from the config file, by name, so that a restart finds them instead of creating them again.
create table server_tenant (
  name varchar(200) not null primary key,
  tenant_id uuid not null unique,
  admin_user_id uuid not null
);
