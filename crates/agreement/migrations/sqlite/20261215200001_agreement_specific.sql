-- Specific agreements (seed 001: "Överenskommelser om samarbeten som gäller en specifik fråga
-- eller ett specifikt område", and IOP, idéburet offentligt partnerskap) kept beside the local
-- agreement: who agreed with whom, on what, for which period, with the signed documents.
-- The same tables and columns as the PostgreSQL migration. Dates are 'YYYY-MM-DD' text.

-- One agreement. `published` = 0 is a draft (not public); `ended` = 1 when the coordinator
-- ended it (its `ends_on` is then the day it ended). The municipal party is a department, or
-- the whole municipality when `department_id` is NULL. Other parties are free text.
CREATE TABLE agreement_specific (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('specific', 'iop')),
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    other_parties TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    ended INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1)),
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX agreement_specific_municipality ON agreement_specific(municipality_id, starts_on);

-- The associations of the registry that are parties (their ids, asked of the registry's
-- public functions for their names; no foreign key into the registry's tables).
CREATE TABLE agreement_specific_organisations (
    specific_id INTEGER NOT NULL REFERENCES agreement_specific(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL,
    PRIMARY KEY (specific_id, organisation_id)
);

-- The agreement's documents: PDF or office files, at most 10 MB, the type read from the content.
CREATE TABLE agreement_specific_documents (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    specific_id INTEGER NOT NULL REFERENCES agreement_specific(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes BLOB NOT NULL,
    size INTEGER NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX agreement_specific_documents_of ON agreement_specific_documents(specific_id);
