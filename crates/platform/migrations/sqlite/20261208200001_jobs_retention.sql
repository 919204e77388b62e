-- Mail does not outlive its use: one waiting entry per recurring job kind (two instances
-- starting at once queue the daily run once), finished jobs keep no payload, and the outbox
-- is read by age for its retention.
ALTER TABLE jobs ADD COLUMN singleton INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX jobs_one_waiting ON jobs(kind) WHERE status = 'pending' AND singleton = 1;
CREATE INDEX jobs_finished ON jobs(finished_at);
CREATE INDEX outbox_created ON outbox(created_at);
UPDATE jobs SET payload = '{}' WHERE status IN ('done', 'failed');
