-- The agreement (överenskommelse): versions with principles and commitments, the public
-- timeline of the process, and consultations (remisser) on a draft with their comments.
-- Timestamps are unix seconds; dates are 'YYYY-MM-DD' text.

-- A version of a municipality's agreement. A draft is edited by the coordinator; adopting it
-- records the body and the decision date and freezes it. At most one draft per municipality.
CREATE TABLE agreement_versions (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'adopted')),
    intro TEXT NOT NULL DEFAULT '',
    adopted_by TEXT,
    adopted_on TEXT,
    adopted_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (municipality_id, number),
    CHECK ((status = 'adopted') = (adopted_by IS NOT NULL AND adopted_on IS NOT NULL))
);
CREATE UNIQUE INDEX agreement_versions_one_draft ON agreement_versions(municipality_id) WHERE status = 'draft';

-- A principle of a version, in the municipality's own order (position 1, 2, …).
CREATE TABLE agreement_principles (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX agreement_principles_version ON agreement_principles(version_id, position);

-- A commitment (åtagande) of one party under a principle, ordered within principle and party.
-- The heading is optional (seed 004 has "Tillit" above a commitment).
CREATE TABLE agreement_commitments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    principle_id INTEGER NOT NULL REFERENCES agreement_principles(id) ON DELETE CASCADE,
    party TEXT NOT NULL CHECK (party IN ('municipality', 'civil_society')),
    position INTEGER NOT NULL,
    heading TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX agreement_commitments_version ON agreement_commitments(version_id, principle_id, party, position);

-- The public timeline of the process (seed 001 "Kort bakgrund").
CREATE TABLE agreement_timeline (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'decision', 'signing', 'other')),
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX agreement_timeline_municipality ON agreement_timeline(municipality_id, happened_on);

-- A consultation on a draft: open → closed → published. At most one open per municipality.
CREATE TABLE agreement_consultations (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    version_id INTEGER NOT NULL REFERENCES agreement_versions(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'published')),
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    published_at INTEGER
);
CREATE INDEX agreement_consultations_municipality ON agreement_consultations(municipality_id, status);
CREATE UNIQUE INDEX agreement_consultations_one_open ON agreement_consultations(municipality_id) WHERE status = 'open';

-- The commitments as they were sent out on consultation (a copy taken when it opened), so that
-- comments and the published compilation keep the text they were about while the draft moves on.
CREATE TABLE agreement_consultation_items (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    consultation_id INTEGER NOT NULL REFERENCES agreement_consultations(id) ON DELETE CASCADE,
    commitment_id INTEGER REFERENCES agreement_commitments(id) ON DELETE SET NULL,
    principle_position INTEGER NOT NULL,
    principle_name TEXT NOT NULL,
    principle_body TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL CHECK (party IN ('municipality', 'civil_society')),
    position INTEGER NOT NULL,
    heading TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL
);
CREATE INDEX agreement_consultation_items_consultation ON agreement_consultation_items(consultation_id);

-- A comment on one commitment of a consultation. The author is kept for the coordinator only;
-- a published compilation shows the texts without names.
CREATE TABLE agreement_comments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    consultation_id INTEGER NOT NULL REFERENCES agreement_consultations(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES agreement_consultation_items(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX agreement_comments_consultation ON agreement_comments(consultation_id, item_id);
CREATE INDEX agreement_comments_user ON agreement_comments(user_id);
