-- A meeting can be called off (cancelled_at, with a short message to those registered) and
-- moved; `sequence` counts how often its time or place changed or it was called off, so the
-- calendar files mailed later replace the earlier ones (iCalendar SEQUENCE, same UID).
ALTER TABLE meetings_meetings ADD COLUMN cancelled_at INTEGER;
ALTER TABLE meetings_meetings ADD COLUMN cancel_message TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings_meetings ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
