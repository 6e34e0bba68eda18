-- the file itself, in the database so that backups hold cases and their materials together
ALTER TABLE case_document ADD COLUMN content BYTEA NOT NULL;
