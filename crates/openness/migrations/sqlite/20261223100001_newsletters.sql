-- Newsletters (issue 17): the coordinator's newsletters, their deliveries (one row per
-- recipient, so that sending at a rate survives a restart and each address gets one copy),
-- the public subscribers (double opt-in) and the addresses that unsubscribed from a
-- municipality's newsletters. The same tables and columns as the PostgreSQL migration.

-- One newsletter. `body` is Markdown; `audience` the chosen groups, comma-separated
-- (`subscribers`, `contacts`, `signatories`). A draft is 'draft'; scheduled, it waits for
-- `send_at`; then 'sending' (its deliveries written) and 'sent' when every delivery went.
CREATE TABLE openness_newsletters (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
    send_at INTEGER,
    sent_at INTEGER,
    recipients INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX openness_newsletters_by_status ON openness_newsletters (municipality_id, status, sent_at);

-- One recipient of one newsletter. `token` is the secret of the unsubscribe link in its mail;
-- `sent_at` is set right after the SMTP server accepted the message.
CREATE TABLE openness_newsletter_deliveries (
    id INTEGER PRIMARY KEY,
    newsletter_id INTEGER NOT NULL REFERENCES openness_newsletters(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token TEXT NOT NULL,
    sent_at INTEGER,
    UNIQUE (newsletter_id, email),
    UNIQUE (token)
);
CREATE INDEX openness_newsletter_deliveries_unsent ON openness_newsletter_deliveries (newsletter_id, sent_at, id);

-- A public subscriber: held until the secret link of the confirmation mail is used
-- (`confirmed_at`); `digest` when they also want the weekly digest.
CREATE TABLE openness_newsletter_subscribers (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    digest INTEGER NOT NULL DEFAULT 0,
    confirmed_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (municipality_id, email)
);

-- An address (lower case) that unsubscribed from the municipality's newsletters: never in an
-- audience again.
CREATE TABLE openness_newsletter_unsubscribed (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    unsubscribed_at INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, email)
);
