-- SQLite rebuilt its full-text index with municipality-prefixed words in this version.
-- PostgreSQL's GIN index needs no change; this file keeps the two migration lists in step.
SELECT 1;
