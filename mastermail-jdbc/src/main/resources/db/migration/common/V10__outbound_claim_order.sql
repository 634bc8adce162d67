-- A claim takes due messages in the order (time, tenant_id, id). Indexes in that order let it read the rows it takes
-- and stop, instead of reading and sorting every due row at every claim (a backlog of n messages cost n^2 / batch).
DROP INDEX outbound_messages_due_ix;
DROP INDEX outbound_messages_claim_ix;
CREATE INDEX outbound_messages_due_ix ON outbound_messages (state, next_attempt_at, tenant_id, id);
CREATE INDEX outbound_messages_claim_ix ON outbound_messages (state, claimed_until, tenant_id, id);
