-- Rule sets as JSON documents: one for the tenant (scope 'tenant') and one per mailbox (scope = the mailbox id).
CREATE TABLE rule_sets (
  tenant_id   uuid                     NOT NULL,
  scope       varchar(40)              NOT NULL,
  mailbox_id  uuid,
  document    varchar                  NOT NULL,
  version     bigint                   NOT NULL,
  updated_at  timestamp with time zone NOT NULL,
  CONSTRAINT rule_sets_pk PRIMARY KEY (tenant_id, scope)
);

-- Counters shared by every node (round-robin positions): an UPDATE ... + 1 serialises concurrent increments.
CREATE TABLE counters (
  tenant_id  uuid          NOT NULL,
  name       varchar(500)  NOT NULL,
  current_value bigint      NOT NULL,
  CONSTRAINT counters_pk PRIMARY KEY (tenant_id, name)
);

-- Time stamps shared by every node (when an automatic reply last went to a sender).
CREATE TABLE stamps (
  tenant_id  uuid                     NOT NULL,
  name       varchar(500)             NOT NULL,
  stamped_at timestamp with time zone NOT NULL,
  CONSTRAINT stamps_pk PRIMARY KEY (tenant_id, name)
);
