-- What the grants' eligibility checks ask about an association, kept on its profile by its
-- representatives and the coordinator: the account grants are paid to (bankgiro or plusgiro,
-- the number as written with its dash, checked by the application: digits and a Luhn check
-- digit), the size of the board, the date of the last annual meeting (årsmöte), and the
-- statutes (stadgar) as a file. Organisation data, not a person's. The same tables and columns
-- as the PostgreSQL migration.

ALTER TABLE registry_profiles ADD COLUMN giro_kind TEXT CHECK (giro_kind IN ('bankgiro', 'plusgiro'));
ALTER TABLE registry_profiles ADD COLUMN giro_number TEXT;
ALTER TABLE registry_profiles ADD COLUMN board_members INTEGER CHECK (board_members >= 0);
-- 'YYYY-MM-DD'.
ALTER TABLE registry_profiles ADD COLUMN annual_meeting_on TEXT;

-- The statutes in force, one file per organisation (a new upload replaces the old one): PDF or
-- an office document, at most 10 MB, its type read from its content. Only the organisation's
-- representatives and the municipality's staff may download it.
CREATE TABLE registry_statutes (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_at INTEGER NOT NULL,
    uploaded_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL
);
