-- Attachments are mostly compressed already (PDF, JPEG, DOCX): trying to compress every chunk costs PostgreSQL most
-- of its insert time and gains nothing, so chunks are stored out of line without compression.
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
