-- Links between capabilities' things, shown on the page they point to (issue 18): a capability
-- that its target may not call (Cargo forbids the cycle: the meetings cannot ask the idea bank,
-- which asks the meetings) records here that one of its things points to the target's, and the
-- target's page reads what points to it. `source` and `target` name the kind of thing
-- (`support-idea`, `meetings-meeting`, `actionplan-activity`); `source` is also the message id
-- of the kind's name. `title` and `path` are the source's as its page shows them. The source's
-- capability writes and removes its own rows. The same columns as the SQLite migration.
CREATE TABLE platform_links (
    municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    source_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (source, source_id, target, target_id)
);
CREATE INDEX platform_links_target ON platform_links(municipality_id, target, target_id);
