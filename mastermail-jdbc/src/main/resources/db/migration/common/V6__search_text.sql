-- What full-text search looks in: subject, addresses, attachment names and the text body, kept per message.
ALTER TABLE message_contents ADD COLUMN search_text varchar;
