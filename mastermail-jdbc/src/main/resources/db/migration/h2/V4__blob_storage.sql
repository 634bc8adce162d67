-- H2 stores binary values as they are: nothing to tune here (PostgreSQL's V4 turns off compression of blob chunks).
-- The version exists in both databases so that the schema history reads the same.
SELECT 1;
