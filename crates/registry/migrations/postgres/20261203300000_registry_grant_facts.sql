-- What the grants' eligibility checks ask about an association, kept on its profile by its
-- representatives and the coordinator: the account grants are paid to (bankgiro or plusgiro,
-- the number as written with its dash, checked by the application: digits and a Luhn check
-- digit), the size of the board, the date of the last annual meeting (årsmöte), and the
-- statutes (stadgar) as a file. Organisation data, not a person's. The same tables and columns
-- as the SQLite migration.

ALTER TABLE registry_profiles
    ADD COLUMN giro_kind TEXT CHECK (giro_kind IN ('bankgiro', 'plusgiro')),
    ADD COLUMN giro_number TEXT,
    ADD COLUMN board_members BIGINT CHECK (board_members >= 0),
    -- 'YYYY-MM-DD'.
    ADD COLUMN annual_meeting_on TEXT;

-- The statutes in force, one file per organisation (a new upload replaces the old one): PDF or
-- an office document, at most 10 MB, its type read from its content. Only the organisation's
-- representatives and the municipality's staff may download it.
CREATE TABLE registry_statutes (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    uploaded_at BIGINT NOT NULL,
    uploaded_by_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL
);
