-- The association registry (föreningsregister): a profile for every organisation (one row per
-- row of the platform's `organisations`, kept complete by triggers), its contact people and
-- premises, requests to become a representative, import drafts, and the full-text index.
-- Booleans are 0/1 integers on both backends. Categories are a bit set (see domain.rs).

CREATE TABLE registry_profiles (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    legal_form TEXT NOT NULL DEFAULT 'ideell-forening' CHECK (legal_form IN
        ('ideell-forening', 'stiftelse', 'trossamfund', 'ekonomisk-forening', 'kommunalt-bolag', 'annan')),
    categories INTEGER NOT NULL DEFAULT 0,
    mission TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    social_links TEXT NOT NULL DEFAULT '',
    postal_address TEXT NOT NULL DEFAULT '',
    visiting_address TEXT NOT NULL DEFAULT '',
    member_count INTEGER,
    target_groups TEXT NOT NULL DEFAULT '',
    confirmed_at INTEGER,
    confirmed_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    reminded_at INTEGER,
    updated_at INTEGER NOT NULL,
    -- Swedish alphabetical order as an ASCII key (domain::sort_key).
    sort_key TEXT NOT NULL DEFAULT '',
    -- What search sees: lower-cased words separated by spaces (domain::search_doc).
    search_name TEXT NOT NULL DEFAULT '',
    search_body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX registry_profiles_municipality ON registry_profiles(municipality_id, sort_key);
CREATE INDEX registry_profiles_confirmed ON registry_profiles(confirmed_at);

INSERT OR IGNORE INTO registry_profiles (organisation_id, municipality_id, updated_at, sort_key, search_name)
SELECT id, municipality_id, created_at, replace(replace(replace(replace(replace(replace(lower(name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'ö', '}'), 'Ö', '}'), name FROM organisations;

CREATE TRIGGER registry_organisation_added AFTER INSERT ON organisations BEGIN
    INSERT OR IGNORE INTO registry_profiles (organisation_id, municipality_id, updated_at, sort_key, search_name)
    VALUES (new.id, new.municipality_id, new.created_at, replace(replace(replace(replace(replace(replace(lower(new.name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'ö', '}'), 'Ö', '}'), new.name);
END;

CREATE TRIGGER registry_organisation_renamed AFTER UPDATE OF name ON organisations BEGIN
    UPDATE registry_profiles SET search_name = new.name, sort_key = replace(replace(replace(replace(replace(replace(lower(new.name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'ö', '}'), 'Ö', '}') WHERE organisation_id = new.id;
END;

CREATE TABLE registry_contacts (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    -- When the person agreed to be listed (required: no contact without consent).
    consent_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX registry_contacts_organisation ON registry_contacts(organisation_id, position);

CREATE TABLE registry_premises (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    capacity INTEGER,
    equipment TEXT NOT NULL DEFAULT '',
    step_free INTEGER NOT NULL DEFAULT 0 CHECK (step_free IN (0, 1)),
    ground_floor INTEGER NOT NULL DEFAULT 0 CHECK (ground_floor IN (0, 1)),
    lift INTEGER NOT NULL DEFAULT 0 CHECK (lift IN (0, 1)),
    accessible_toilet INTEGER NOT NULL DEFAULT 0 CHECK (accessible_toilet IN (0, 1)),
    hearing_loop INTEGER NOT NULL DEFAULT 0 CHECK (hearing_loop IN (0, 1)),
    parking INTEGER NOT NULL DEFAULT 0 CHECK (parking IN (0, 1)),
    created_at INTEGER NOT NULL
);
CREATE INDEX registry_premises_organisation ON registry_premises(organisation_id, position);

CREATE TABLE registry_join_requests (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX registry_join_requests_pending ON registry_join_requests(organisation_id, user_id) WHERE status = 'pending';
CREATE INDEX registry_join_requests_municipality ON registry_join_requests(municipality_id, status);

-- An import checked and shown to the coordinator, waiting for confirmation (rows as JSON).
CREATE TABLE registry_import_drafts (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    rows_json TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Full-text search (SQLite only; PostgreSQL has a GIN index instead). Contentless: the text
-- lives in registry_profiles. `scope` holds the municipality as a token (m42), so a search
-- never leaves its municipality. Å, ä and ö are letters of their own (no diacritics folding).
CREATE VIRTUAL TABLE registry_fts USING fts5(
    scope, name, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO registry_fts (rowid, scope, name, body)
SELECT organisation_id, 'm' || municipality_id, search_name, search_body FROM registry_profiles;

CREATE TRIGGER registry_fts_insert AFTER INSERT ON registry_profiles BEGIN
    INSERT INTO registry_fts (rowid, scope, name, body)
    VALUES (new.organisation_id, 'm' || new.municipality_id, new.search_name, new.search_body);
END;

CREATE TRIGGER registry_fts_update AFTER UPDATE OF municipality_id, search_name, search_body ON registry_profiles BEGIN
    DELETE FROM registry_fts WHERE rowid = old.organisation_id;
    INSERT INTO registry_fts (rowid, scope, name, body)
    VALUES (new.organisation_id, 'm' || new.municipality_id, new.search_name, new.search_body);
END;

CREATE TRIGGER registry_fts_delete AFTER DELETE ON registry_profiles BEGIN
    DELETE FROM registry_fts WHERE rowid = old.organisation_id;
END;
