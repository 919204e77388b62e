-- A public registration waits here until the person confirms it by the link mailed to the
-- address (only the link's hash is kept); unconfirmed ones are removed after two days.
CREATE TABLE meetings_pending (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings_meetings(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT NOT NULL,
    party TEXT NOT NULL,
    dietary TEXT NOT NULL,
    accessibility TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE INDEX meetings_pending_created ON meetings_pending(created_at);
