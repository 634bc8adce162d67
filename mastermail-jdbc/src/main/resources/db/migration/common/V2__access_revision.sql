-- Engines cache each user's resolved access and compare this number at every call; admin changes increment it.
ALTER TABLE tenants ADD COLUMN access_revision bigint DEFAULT 0 NOT NULL;
