-- MasterMail schema, version 1. Portable SQL accepted unchanged by H2 2.x and PostgreSQL 13+.
--
-- tenant_id leads every primary key, foreign key and index, and nothing joins across tenants, so the schema
-- distributes with Citus by create_distributed_table('<table>', 'tenant_id') per table.
-- Foreign keys only tie rows written together with their parent (tags, links, transitions, grant statuses,
-- recipients, role permissions); references between aggregates are kept by the engine.
-- Instants are timestamp with time zone (microseconds); ids are uuid, whose order is unsigned bytes in both databases.

CREATE TABLE tenants (
  tenant_id  uuid                     NOT NULL,
  name       varchar(200)             NOT NULL,
  created_at timestamp with time zone NOT NULL,
  CONSTRAINT tenants_pk PRIMARY KEY (tenant_id)
);

-- email_key is the lower-case email: H2 has no expression indexes, so a unique lower(email) needs its own column.
CREATE TABLE users (
  tenant_id    uuid         NOT NULL,
  id           uuid         NOT NULL,
  email        varchar(320) NOT NULL,
  email_key    varchar(320) NOT NULL,
  display_name varchar(200) NOT NULL,
  role_name    varchar(200) NOT NULL,
  active       boolean      NOT NULL,
  CONSTRAINT users_pk PRIMARY KEY (tenant_id, id),
  CONSTRAINT users_email_uq UNIQUE (tenant_id, email_key)
);

CREATE TABLE roles (
  tenant_id uuid         NOT NULL,
  name      varchar(200) NOT NULL,
  CONSTRAINT roles_pk PRIMARY KEY (tenant_id, name)
);

CREATE TABLE role_permissions (
  tenant_id  uuid         NOT NULL,
  role_name  varchar(200) NOT NULL,
  permission varchar(40)  NOT NULL,
  CONSTRAINT role_permissions_pk PRIMARY KEY (tenant_id, role_name, permission),
  CONSTRAINT role_permissions_role_fk FOREIGN KEY (tenant_id, role_name)
    REFERENCES roles (tenant_id, name) ON DELETE CASCADE
);

CREATE TABLE grants (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  user_id    uuid        NOT NULL,
  mailbox_id uuid,
  permission varchar(40) NOT NULL,
  effect     varchar(10) NOT NULL,
  CONSTRAINT grants_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX grants_user_ix ON grants (tenant_id, user_id);

CREATE TABLE grant_statuses (
  tenant_id uuid NOT NULL,
  grant_id  uuid NOT NULL,
  status_id uuid NOT NULL,
  CONSTRAINT grant_statuses_pk PRIMARY KEY (tenant_id, grant_id, status_id),
  CONSTRAINT grant_statuses_grant_fk FOREIGN KEY (tenant_id, grant_id)
    REFERENCES grants (tenant_id, id) ON DELETE CASCADE
);

-- address_key is the lower-case address: addresses compare case-insensitively, as users do.
CREATE TABLE mailboxes (
  tenant_id   uuid         NOT NULL,
  id          uuid         NOT NULL,
  address     varchar(320) NOT NULL,
  address_key varchar(320) NOT NULL,
  name        varchar(200) NOT NULL,
  kind        varchar(20)  NOT NULL,
  owner_id    uuid,
  CONSTRAINT mailboxes_pk PRIMARY KEY (tenant_id, id),
  CONSTRAINT mailboxes_address_uq UNIQUE (tenant_id, address_key)
);

CREATE TABLE mailbox_members (
  tenant_id  uuid         NOT NULL,
  mailbox_id uuid         NOT NULL,
  user_id    uuid         NOT NULL,
  role_name  varchar(200) NOT NULL,
  CONSTRAINT mailbox_members_pk PRIMARY KEY (tenant_id, mailbox_id, user_id)
);
CREATE INDEX mailbox_members_user_ix ON mailbox_members (tenant_id, user_id);

CREATE TABLE delegations (
  tenant_id   uuid                     NOT NULL,
  id          uuid                     NOT NULL,
  mailbox_id  uuid                     NOT NULL,
  delegate_id uuid                     NOT NULL,
  valid_from  timestamp with time zone NOT NULL,
  valid_until timestamp with time zone,
  CONSTRAINT delegations_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX delegations_mailbox_ix ON delegations (tenant_id, mailbox_id);
CREATE INDEX delegations_delegate_ix ON delegations (tenant_id, delegate_id);

CREATE TABLE statuses (
  tenant_id     uuid         NOT NULL,
  id            uuid         NOT NULL,
  name          varchar(200) NOT NULL,
  category      varchar(20)  NOT NULL,
  list_position integer      NOT NULL,
  CONSTRAINT statuses_pk PRIMARY KEY (tenant_id, id),
  CONSTRAINT statuses_name_uq UNIQUE (tenant_id, name)
);

-- next_status_id has no foreign key: transitions may name a status inserted later in the same setup.
CREATE TABLE status_transitions (
  tenant_id      uuid NOT NULL,
  status_id      uuid NOT NULL,
  next_status_id uuid NOT NULL,
  CONSTRAINT status_transitions_pk PRIMARY KEY (tenant_id, status_id, next_status_id),
  CONSTRAINT status_transitions_status_fk FOREIGN KEY (tenant_id, status_id)
    REFERENCES statuses (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX status_transitions_next_ix ON status_transitions (tenant_id, next_status_id);

-- due_key is due_at or 9999-12-31 (ConversationQuery.NO_DUE): a non-null key keeps DUE listings index-ordered.
CREATE TABLE conversations (
  tenant_id        uuid                     NOT NULL,
  id               uuid                     NOT NULL,
  mailbox_id       uuid                     NOT NULL,
  subject          varchar            NOT NULL,
  assignee_id      uuid,
  status_id        uuid                     NOT NULL,
  due_at           timestamp with time zone,
  due_key          timestamp with time zone NOT NULL,
  urgent           boolean                  NOT NULL,
  created_at       timestamp with time zone NOT NULL,
  last_activity_at timestamp with time zone NOT NULL,
  version          bigint                   NOT NULL,
  CONSTRAINT conversations_pk PRIMARY KEY (tenant_id, id)
);
-- Inbox listings: one index range per (assignee value, mailbox) — the viewer or NULL for unassigned — so that
-- unassigned rows of mailboxes the viewer cannot see are never scanned.
CREATE INDEX conversations_assignee_activity_ix
  ON conversations (tenant_id, assignee_id, mailbox_id, last_activity_at, id);
CREATE INDEX conversations_assignee_due_ix ON conversations (tenant_id, assignee_id, mailbox_id, due_key, id);
-- VIEW_ALL listings of a mailbox, whatever the assignee.
CREATE INDEX conversations_mailbox_activity_ix ON conversations (tenant_id, mailbox_id, last_activity_at, id);
CREATE INDEX conversations_mailbox_due_ix ON conversations (tenant_id, mailbox_id, due_key, id);
CREATE INDEX conversations_status_ix ON conversations (tenant_id, status_id);

CREATE TABLE conversation_tags (
  tenant_id       uuid         NOT NULL,
  conversation_id uuid         NOT NULL,
  tag             varchar(200) NOT NULL,
  CONSTRAINT conversation_tags_pk PRIMARY KEY (tenant_id, conversation_id, tag),
  CONSTRAINT conversation_tags_conversation_fk FOREIGN KEY (tenant_id, conversation_id)
    REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE conversation_links (
  tenant_id       uuid         NOT NULL,
  conversation_id uuid         NOT NULL,
  entity_type     varchar(200) NOT NULL,
  entity_id       varchar(200) NOT NULL,
  CONSTRAINT conversation_links_pk PRIMARY KEY (tenant_id, conversation_id, entity_type, entity_id),
  CONSTRAINT conversation_links_conversation_fk FOREIGN KEY (tenant_id, conversation_id)
    REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_links_entity_ix ON conversation_links (tenant_id, entity_type, entity_id);

-- seq (append order) breaks ties between notes, messages and events of the same instant.
CREATE TABLE notes (
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  tenant_id       uuid                     NOT NULL,
  id              uuid                     NOT NULL,
  conversation_id uuid                     NOT NULL,
  author_id       uuid                     NOT NULL,
  body            varchar          NOT NULL,
  created_at      timestamp with time zone NOT NULL,
  CONSTRAINT notes_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX notes_conversation_ix ON notes (tenant_id, conversation_id, created_at, seq);

CREATE TABLE read_marks (
  tenant_id       uuid                     NOT NULL,
  conversation_id uuid                     NOT NULL,
  user_id         uuid                     NOT NULL,
  read_at         timestamp with time zone NOT NULL,
  CONSTRAINT read_marks_pk PRIMARY KEY (tenant_id, conversation_id, user_id)
);

-- A unique key with a NULL part never collides (both databases), so messages without Message-ID are not constrained.
-- message_id_header is bounded because a b-tree entry is (PostgreSQL: at most ~2700 bytes).
CREATE TABLE messages (
  seq               bigint GENERATED ALWAYS AS IDENTITY,
  tenant_id         uuid                     NOT NULL,
  id                uuid                     NOT NULL,
  conversation_id   uuid                     NOT NULL,
  mailbox_id        uuid                     NOT NULL,
  direction         varchar(10)              NOT NULL,
  message_id_header varchar(1000),
  from_address      varchar                  NOT NULL,
  subject           varchar            NOT NULL,
  received_at       timestamp with time zone NOT NULL,
  size_bytes        bigint                   NOT NULL,
  CONSTRAINT messages_pk PRIMARY KEY (tenant_id, id),
  CONSTRAINT messages_header_uq UNIQUE (tenant_id, mailbox_id, message_id_header)
);
CREATE INDEX messages_conversation_ix ON messages (tenant_id, conversation_id, received_at, seq);

CREATE TABLE message_recipients (
  tenant_id  uuid          NOT NULL,
  message_id uuid          NOT NULL,
  recipient_index integer  NOT NULL,
  address    varchar       NOT NULL,
  CONSTRAINT message_recipients_pk PRIMARY KEY (tenant_id, message_id, recipient_index),
  CONSTRAINT message_recipients_message_fk FOREIGN KEY (tenant_id, message_id)
    REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE events (
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  tenant_id       uuid                     NOT NULL,
  id              uuid                     NOT NULL,
  event_type      varchar(40)              NOT NULL,
  conversation_id uuid,
  actor_id        uuid,
  occurred_at     timestamp with time zone NOT NULL,
  before_value    varchar,
  after_value     varchar,
  version         bigint                   NOT NULL,
  CONSTRAINT events_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX events_conversation_ix ON events (tenant_id, conversation_id, seq);
CREATE INDEX events_time_ix ON events (tenant_id, occurred_at, seq);
