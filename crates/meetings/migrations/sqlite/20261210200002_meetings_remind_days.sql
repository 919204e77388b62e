-- How many days before a meeting of the series the reminder goes out (0: no reminder). Until
-- now it was always two days.
ALTER TABLE meetings_series ADD COLUMN remind_days INTEGER NOT NULL DEFAULT 2;
