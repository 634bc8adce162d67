-- messages_header_ix repeated the unique key messages_header_uq column for column: every archived message paid for
-- a second b-tree entry that no query needed.
DROP INDEX messages_header_ix;
-- From now on search_text holds what full-text search looks in besides the body (subject, addresses, attachment
-- names); the body is read from body_text, no longer copied. Rows written before keep their copy, which matches the
-- same words.
