-- The action plan (handlingsplan): a plan per municipality and period, its areas (one per
-- principle, "område"), goals per area with their owner, activities per goal with time,
-- responsible and follow-up as written plus optional structured dates and links, status, dated
-- progress notes, working groups and their members, and import drafts waiting for confirmation.
-- Every table carries municipality_id (the tenant). Dates are ISO text (YYYY-MM-DD), timestamps
-- unix seconds.

CREATE TABLE actionplan_plans (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    period_start INTEGER,
    period_end INTEGER,
    adopted_by TEXT NOT NULL DEFAULT '',
    adopted_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX actionplan_plans_municipality ON actionplan_plans(municipality_id);

CREATE TABLE actionplan_areas (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    plan_id INTEGER NOT NULL REFERENCES actionplan_plans(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    group_name TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (plan_id, number)
);
CREATE INDEX actionplan_areas_municipality ON actionplan_areas(municipality_id, plan_id);

CREATE TABLE actionplan_goals (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES actionplan_areas(id) ON DELETE CASCADE,
    owner TEXT NOT NULL CHECK (owner IN ('municipality', 'civil_society', 'both', 'unstated')),
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX actionplan_goals_area ON actionplan_goals(municipality_id, area_id, position);

CREATE TABLE actionplan_activities (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES actionplan_goals(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    time_text TEXT NOT NULL DEFAULT '',
    time_start TEXT,
    time_end TEXT,
    responsible_text TEXT NOT NULL DEFAULT '',
    responsible_department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    responsible_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    responsible_organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    follow_up_text TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'ongoing', 'done', 'paused')),
    -- The follow-up date a reminder was last sent for (none sent again for the same date).
    reminded_for TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX actionplan_activities_goal ON actionplan_activities(municipality_id, goal_id, position);
CREATE INDEX actionplan_activities_follow_up ON actionplan_activities(follow_up_on);
CREATE INDEX actionplan_activities_user ON actionplan_activities(responsible_user_id);

CREATE TABLE actionplan_notes (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    activity_id INTEGER NOT NULL REFERENCES actionplan_activities(id) ON DELETE CASCADE,
    author_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    noted_on TEXT NOT NULL,
    status_after TEXT NOT NULL CHECK (status_after IN ('not_started', 'ongoing', 'done', 'paused')),
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX actionplan_notes_activity ON actionplan_notes(municipality_id, activity_id, created_at);

CREATE TABLE actionplan_groups (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    plan_id INTEGER NOT NULL REFERENCES actionplan_plans(id) ON DELETE CASCADE,
    area_id INTEGER REFERENCES actionplan_areas(id) ON DELETE SET NULL,
    goal_id INTEGER REFERENCES actionplan_goals(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    convener_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX actionplan_groups_municipality ON actionplan_groups(municipality_id, plan_id);

CREATE TABLE actionplan_members (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES actionplan_groups(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- When the person agreed that the group's members and the coordinator see their name and
    -- e-mail address (no member without consent).
    consent_at INTEGER NOT NULL,
    UNIQUE (group_id, user_id)
);

-- An import checked and shown to the coordinator, waiting for confirmation (the plan as JSON).
CREATE TABLE actionplan_import_drafts (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    plan_json TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
