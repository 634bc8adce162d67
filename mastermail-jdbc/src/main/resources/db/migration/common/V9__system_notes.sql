-- Notes written by the system (a routing rule's note) have no author.
ALTER TABLE notes ALTER COLUMN author_id DROP NOT NULL;
