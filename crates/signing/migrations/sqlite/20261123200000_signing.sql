-- The signing book: who signed the municipality's agreement on whose behalf, and withdrawals.
-- A signature is never deleted: withdrawing sets withdrawn_at, so the history stays.
CREATE TABLE signatures (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    signer_kind TEXT NOT NULL CHECK (signer_kind IN ('association', 'department', 'company', 'other')),
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    signer_name TEXT NOT NULL,
    signed_by_name TEXT NOT NULL,
    signed_by_role TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
    recorded_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    withdrawn_at INTEGER,
    withdrawn_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    withdrawal_reason TEXT
);
CREATE INDEX signatures_municipality ON signatures(municipality_id, withdrawn_at);
-- An organisation (or department) has at most one signature in force.
CREATE UNIQUE INDEX signatures_active_organisation ON signatures(organisation_id) WHERE withdrawn_at IS NULL AND organisation_id IS NOT NULL;
CREATE UNIQUE INDEX signatures_active_department ON signatures(department_id) WHERE withdrawn_at IS NULL AND department_id IS NOT NULL;
