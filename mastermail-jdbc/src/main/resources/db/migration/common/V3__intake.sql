-- Archived content of messages. The raw message is a single-instance skeleton blob; its SHA-256 is unique per
-- mailbox, which is what makes a re-fetched message a duplicate whatever its source position.
CREATE TABLE message_contents (
  tenant_id     uuid                     NOT NULL,
  message_id    uuid                     NOT NULL,
  mailbox_id    uuid                     NOT NULL,
  skeleton      char(64)                 NOT NULL,
  raw_sha256    char(64)                 NOT NULL,
  subject_key   varchar(200)             NOT NULL,
  received_at   timestamp with time zone NOT NULL,
  sent_at       timestamp with time zone,
  cc            varchar,
  in_reply_to   varchar(1000),
  refs          varchar,
  body_text     varchar                  NOT NULL,
  truncated     boolean                  NOT NULL,
  body_html     varchar,
  problems      varchar,
  CONSTRAINT message_contents_pk PRIMARY KEY (tenant_id, message_id),
  CONSTRAINT message_contents_raw_uq UNIQUE (tenant_id, mailbox_id, raw_sha256)
);
CREATE INDEX message_contents_subject_ix ON message_contents (tenant_id, mailbox_id, subject_key, received_at);
CREATE INDEX messages_header_ix ON messages (tenant_id, mailbox_id, message_id_header);

CREATE TABLE message_attachments (
  tenant_id     uuid          NOT NULL,
  message_id    uuid          NOT NULL,
  position      integer       NOT NULL,
  part_path     varchar(500)  NOT NULL,
  filename      varchar(1000),
  content_type  varchar(255)  NOT NULL,
  size_bytes    bigint        NOT NULL,
  sha256        char(64)      NOT NULL,
  stored        boolean       NOT NULL,
  inline_part   boolean       NOT NULL,
  content_id    varchar(1000),
  CONSTRAINT message_attachments_pk PRIMARY KEY (tenant_id, message_id, position)
);

-- Where each source folder stands. last_uid moves in the same transaction as the archived message.
CREATE TABLE source_folders (
  tenant_id        uuid          NOT NULL,
  source_id        varchar(200)  NOT NULL,
  folder           varchar(500)  NOT NULL,
  uid_validity     bigint        NOT NULL,
  last_uid         bigint        NOT NULL,
  acknowledged_uid bigint        NOT NULL,
  halted_reason    varchar(2000),
  CONSTRAINT source_folders_pk PRIMARY KEY (tenant_id, source_id, folder)
);

-- Every handled source item (IMAP UIDVALIDITY:UID, POP3 UIDL, imported file): the key makes an item archived once.
CREATE TABLE source_items (
  tenant_id   uuid          NOT NULL,
  source_id   varchar(200)  NOT NULL,
  folder      varchar(500)  NOT NULL,
  item_key    varchar(500)  NOT NULL,
  message_id  uuid,
  CONSTRAINT source_items_pk PRIMARY KEY (tenant_id, source_id, folder, item_key)
);

-- One node at a time fetches a source: the holder's lease runs until expires_at.
CREATE TABLE source_leases (
  tenant_id   uuid                     NOT NULL,
  source_id   varchar(200)             NOT NULL,
  holder      varchar(200)             NOT NULL,
  expires_at  timestamp with time zone NOT NULL,
  CONSTRAINT source_leases_pk PRIMARY KEY (tenant_id, source_id)
);

-- Content-addressed blobs, shared by every tenant (the address is the content's SHA-256), in chunks so that neither
-- database holds a whole large message in one value. A blob is visible once its row in blobs exists.
CREATE TABLE blobs (
  sha256      char(64)                 NOT NULL,
  size_bytes  bigint                   NOT NULL,
  chunks      integer                  NOT NULL,
  CONSTRAINT blobs_pk PRIMARY KEY (sha256)
);
CREATE TABLE blob_chunks (
  sha256  char(64)  NOT NULL,
  seq     integer   NOT NULL,
  data    bytea     NOT NULL,
  CONSTRAINT blob_chunks_pk PRIMARY KEY (sha256, seq)
);
