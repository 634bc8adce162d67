-- Full-text search covers search_text and the start of body_text (SqlConversationQuery.SEARCH_VECTOR is the same
-- expression, so that this index answers it).
DROP INDEX message_contents_search_ix;
CREATE INDEX message_contents_search_ix ON message_contents
  USING gin (to_tsvector('simple', coalesce(search_text, '') || ' ' || left(body_text, 200000)));
