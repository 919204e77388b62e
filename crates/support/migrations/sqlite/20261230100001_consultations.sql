-- The consultation group (remissgrupp, issue 18): people of civil society and of the
-- municipality who have joined, with consent, to be asked about single issues. The same tables
-- and columns as the PostgreSQL migration.

-- A member of a municipality's group: the account, the association they answer for (optional,
-- free text) and when they consented. Leaving, removal by the coordinator or erasing the
-- account deletes the row.
CREATE TABLE support_consultation_members (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation TEXT NOT NULL DEFAULT '',
    consented_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX support_consultation_members_user ON support_consultation_members(municipality_id, user_id);
