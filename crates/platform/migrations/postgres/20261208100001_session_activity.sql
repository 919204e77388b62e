-- Issue 14, finding 6: sessions with an idle timeout (last_seen_at slides with each request)
-- and a fresh login before sensitive actions (authenticated_at: the last password or link).
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN authenticated_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at, authenticated_at = created_at;
