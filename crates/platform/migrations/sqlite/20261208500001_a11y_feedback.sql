-- Feedback on accessibility from the statement page (/{slug}/tillganglighet): anyone may send
-- it without an account; the municipality's coordinators read it in the admin pages.
CREATE TABLE a11y_feedback (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    page TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL,
    reply_to TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT 'sv',
    created_at INTEGER NOT NULL
);
CREATE INDEX a11y_feedback_by_municipality ON a11y_feedback(municipality_id, created_at);
