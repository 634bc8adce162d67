-- The 'simple' configuration: no stemming, so Polish, German, Czech and English words are all matched as written.
CREATE INDEX message_contents_search_ix ON message_contents USING gin (to_tsvector('simple', search_text));
