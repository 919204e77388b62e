-- "En dörr in" (issue 18): one way into the municipality for associations and residents. The
-- same tables and columns as the PostgreSQL migration.

-- The service level of a municipality: an answer within `answer_days` working days (weekends
-- and Swedish public holidays not counted). A municipality without a row has the default, 5.
CREATE TABLE support_door_settings (
    municipality_id INTEGER PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
    answer_days INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 60),
    updated_at INTEGER NOT NULL
);

-- A topic of the form and where its questions go: a department or a named person (a user
-- with a role in the municipality), or neither (the coordinator routes it by hand).
CREATE TABLE support_door_topics (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX support_door_topics_name ON support_door_topics(municipality_id, name);

-- A question as a case (ärende), numbered per municipality and year (EDI-2026-0001). It is a
-- public record (allmän handling) once received: erasing the asker's account blanks the name
-- and the address but keeps the case. `due_on` is the last day of the service level
-- (YYYY-MM-DD, Stockholm); `escalated_at` when the coordinator was told it passed it.
CREATE TABLE support_door_cases (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    topic_id INTEGER REFERENCES support_door_topics(id) ON DELETE SET NULL,
    topic_name TEXT NOT NULL,
    question TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    asker_name TEXT NOT NULL,
    asker_email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'answered', 'closed')),
    department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    assigned_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    due_on TEXT NOT NULL,
    escalated_at INTEGER,
    answered_at INTEGER,
    closed_at INTEGER,
    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    rating_comment TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX support_door_cases_number ON support_door_cases(municipality_id, year, number);
CREATE INDEX support_door_cases_status ON support_door_cases(municipality_id, status, due_on);

-- The thread of a case: the answers of the municipality's people (`user_id`, NULL once that
-- account is erased) and the asker's replies (`from_asker` = 1).
CREATE TABLE support_door_messages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_door_cases(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    from_asker INTEGER NOT NULL CHECK (from_asker IN (0, 1)),
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX support_door_messages_case ON support_door_messages(case_id, created_at);

-- The asker's links: each letter carries a fresh secret; only its hash is kept.
CREATE TABLE support_door_links (
    token_hash TEXT PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_door_cases(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

-- Questions and answers published from answered cases, edited to name no one.
CREATE TABLE support_door_faq (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    case_id INTEGER REFERENCES support_door_cases(id) ON DELETE SET NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX support_door_faq_list ON support_door_faq(municipality_id, created_at);
