-- Mail that leaves: drafts, the outbound queue, sent and failed messages; per mailbox its sending settings and templates.
--
-- Lists of addresses and Message-IDs are kept one per line (Lines); attachments one per line, their fields separated by
-- tabs and escaped (OutboundRows). mime is the BlobId (SHA-256) of the MIME skeleton fixed at enqueue.
CREATE TABLE outbound_messages (
  tenant_id         uuid                     NOT NULL,
  id                uuid                     NOT NULL,
  mailbox_id        uuid                     NOT NULL,
  conversation_id   uuid,
  author_id         uuid,
  from_address      varchar                  NOT NULL,
  from_name         varchar,
  reply_to          varchar,
  to_addresses      varchar                  NOT NULL,
  cc_addresses      varchar                  NOT NULL,
  bcc_addresses     varchar                  NOT NULL,
  subject           varchar                  NOT NULL,
  body_text         varchar                  NOT NULL,
  body_html         varchar,
  in_reply_to       varchar,
  refs              varchar                  NOT NULL,
  attachments       varchar                  NOT NULL,
  auto_submitted    boolean                  NOT NULL,
  state             varchar(20)              NOT NULL,
  message_id_header varchar,
  mime              char(64),
  mime_size         bigint                   NOT NULL,
  attempts          integer                  NOT NULL,
  next_attempt_at   timestamp with time zone,
  last_error        varchar,
  claimed_by        varchar,
  claimed_until     timestamp with time zone,
  sent_at           timestamp with time zone,
  sent_message_id   uuid,
  created_at        timestamp with time zone NOT NULL,
  updated_at        timestamp with time zone NOT NULL,
  version           bigint                   NOT NULL,
  CONSTRAINT outbound_messages_pk PRIMARY KEY (tenant_id, id)
);
-- The working, outbox and sent views of a mailbox, most recently changed first.
CREATE INDEX outbound_messages_list_ix
  ON outbound_messages (tenant_id, mailbox_id, state, updated_at DESC, id DESC);
-- The dispatcher claims due queued messages and lapsed claims of every tenant: the only indexes not led by tenant_id.
CREATE INDEX outbound_messages_due_ix ON outbound_messages (state, next_attempt_at);
CREATE INDEX outbound_messages_claim_ix ON outbound_messages (state, claimed_until);

-- A mailbox's sending settings; a mailbox without a row sends with none.
CREATE TABLE sending_accounts (
  tenant_id      uuid    NOT NULL,
  mailbox_id     uuid    NOT NULL,
  display_name   varchar,
  reply_to       varchar,
  signature_text varchar,
  signature_html varchar,
  CONSTRAINT sending_accounts_pk PRIMARY KEY (tenant_id, mailbox_id)
);

CREATE TABLE message_templates (
  tenant_id  uuid         NOT NULL,
  id         uuid         NOT NULL,
  mailbox_id uuid         NOT NULL,
  name       varchar(200) NOT NULL,
  subject    varchar      NOT NULL,
  body_text  varchar      NOT NULL,
  body_html  varchar,
  CONSTRAINT message_templates_pk PRIMARY KEY (tenant_id, id),
  CONSTRAINT message_templates_name_uq UNIQUE (tenant_id, mailbox_id, name)
);
