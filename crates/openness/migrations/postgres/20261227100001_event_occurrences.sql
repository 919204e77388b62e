-- Each time an approved event happens, one row (issue 17's month calendar at national scale):
-- the calendar's week, month, day and list read a day's first few occurrences from the index
-- on (municipality_id, day, starts_at) instead of reading every event of a year and working
-- out its weekly times. `day` is the local date ('YYYY-MM-DD') the occurrence starts; the
-- filter columns are the event's, copied so the index walk needs no join. Written in the same
-- transaction as the event (store.rs); pending and declined events have none.
-- `occurrences_indexed` is 0 for an event whose rows are not written yet: those from before
-- this migration, which `events::occurrences::index_pending` writes on the calendar's next
-- request (a weekly event's local times need the Rust schedule, not SQL).
CREATE TABLE openness_event_occurrences (
    event_id BIGINT NOT NULL REFERENCES openness_events(id) ON DELETE CASCADE,
    municipality_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    category TEXT NOT NULL,
    audience TEXT NOT NULL,
    accessible BIGINT NOT NULL,
    area TEXT NOT NULL,
    PRIMARY KEY (event_id, starts_at)
);
CREATE INDEX openness_event_occurrences_day ON openness_event_occurrences(municipality_id, day, starts_at, event_id);

ALTER TABLE openness_events ADD COLUMN occurrences_indexed BIGINT NOT NULL DEFAULT 0;
CREATE INDEX openness_events_unindexed ON openness_events(municipality_id, occurrences_indexed);
