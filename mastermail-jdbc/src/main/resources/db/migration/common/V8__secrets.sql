-- Passwords and tokens of sources and transports, encrypted by the engine (AES-256-GCM) before they reach the
-- database: the key never does, only its id.
CREATE TABLE secrets (
  tenant_id   uuid                     NOT NULL,
  name        varchar(200)             NOT NULL,
  key_id      varchar(40)              NOT NULL,
  nonce       bytea                    NOT NULL,
  ciphertext  bytea                    NOT NULL,
  updated_at  timestamp with time zone NOT NULL,
  CONSTRAINT secrets_pk PRIMARY KEY (tenant_id, name)
);
