-- The decisions feed (issue 17): decisions of the council (kommunfullmäktige), the executive
-- board (kommunstyrelsen) and the committees (nämnder) that concern civil society, recorded by
-- the municipality's staff and published as pages and RSS/Atom feeds.
-- The same tables and columns as the PostgreSQL migration. Dates are 'YYYY-MM-DD' text.

-- One decision. `body` is the deciding body; a committee's name is in `committee` and its
-- filter key (ASCII, lower case) in `committee_key`, both '' for the council and the board.
-- A withdrawn decision is kept and marked (`withdrawn_at`, with the reason).
CREATE TABLE openness_decisions (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    body TEXT NOT NULL CHECK (body IN ('council', 'board', 'committee')),
    committee TEXT NOT NULL DEFAULT '',
    committee_key TEXT NOT NULL DEFAULT '',
    meeting_on TEXT NOT NULL,
    paragraph TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    protocol_url TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    withdrawn_at INTEGER,
    withdrawn_reason TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((body = 'committee') = (committee <> ''))
);
CREATE INDEX openness_decisions_municipality ON openness_decisions(municipality_id, meeting_on);

-- The principles of the agreement (by number, 1–6) a decision concerns.
CREATE TABLE openness_decision_principles (
    decision_id INTEGER NOT NULL REFERENCES openness_decisions(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    principle INTEGER NOT NULL CHECK (principle BETWEEN 1 AND 6),
    PRIMARY KEY (decision_id, principle)
);
CREATE INDEX openness_decision_principles_of ON openness_decision_principles(municipality_id, principle);

-- The associations of the registry a decision concerns (their ids, asked of the registry's
-- public functions for their names; no foreign key into the registry's tables).
CREATE TABLE openness_decision_organisations (
    decision_id INTEGER NOT NULL REFERENCES openness_decisions(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL,
    PRIMARY KEY (decision_id, organisation_id)
);

-- A decision's attachments: PDF or office files, the type read from the content.
CREATE TABLE openness_decision_attachments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    decision_id INTEGER NOT NULL REFERENCES openness_decisions(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes BLOB NOT NULL,
    size INTEGER NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX openness_decision_attachments_of ON openness_decision_attachments(decision_id);
