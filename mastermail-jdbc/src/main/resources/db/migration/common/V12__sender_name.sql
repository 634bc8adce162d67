-- The display name the From header gives with the sender's address (decoded, at most 200 characters), for lists that
-- show who wrote; NULL when the header gives none and for messages archived before.
ALTER TABLE messages ADD COLUMN from_name varchar(200);
