-- A consultation (remiss) of the group: a single issue with its question(s), documents (links,
-- one a line) and the last day to answer (YYYY-MM-DD, Stockholm). `summary` and
-- `published_at` are the coordinator's compilation once published. The same tables and
-- columns as the PostgreSQL migration.
CREATE TABLE support_consultations (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    documents TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    published_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX support_consultations_municipality ON support_consultations(municipality_id, deadline);
