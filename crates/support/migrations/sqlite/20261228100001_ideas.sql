-- The idea bank (issue 18): ideas, their supports and their comments. The same tables and
-- columns as the PostgreSQL migration.

-- One idea. `submitted_by` is set to NULL when that account is erased (the idea stays, without
-- the person's name). `principle` is the number of a principle of the agreement in force (NULL
-- when none is named). The status is one of new, preparing, on_agenda (with `meeting_id`, a
-- dialog meeting of the meetings capability, read through its public functions), activity
-- (with `activity_id`, an activity of the action plan, likewise), done, closed (with its
-- reason). A hidden idea is seen by the coordinator only.
CREATE TABLE support_ideas (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    submitted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    principle INTEGER,
    category TEXT NOT NULL,
    area TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'preparing', 'on_agenda', 'activity', 'done', 'closed')),
    status_reason TEXT NOT NULL DEFAULT '',
    meeting_id INTEGER,
    activity_id INTEGER,
    hidden_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (status <> 'on_agenda' OR meeting_id IS NOT NULL),
    CHECK (status <> 'activity' OR activity_id IS NOT NULL),
    CHECK (status <> 'closed' OR status_reason <> '')
);
CREATE INDEX support_ideas_list ON support_ideas(municipality_id, status, created_at);
CREATE INDEX support_ideas_submitted_by ON support_ideas(submitted_by);

-- One person's support of an idea: once each.
CREATE TABLE support_idea_supports (
    idea_id INTEGER NOT NULL REFERENCES support_ideas(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX support_idea_supports_user ON support_idea_supports(user_id);

-- A comment on an idea; `user_id` NULL once its writer's account is erased. A hidden comment is
-- seen by the coordinator only.
CREATE TABLE support_idea_comments (
    id INTEGER PRIMARY KEY,
    idea_id INTEGER NOT NULL REFERENCES support_ideas(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    hidden_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX support_idea_comments_idea ON support_idea_comments(municipality_id, idea_id, created_at);
CREATE INDEX support_idea_comments_user ON support_idea_comments(user_id);
