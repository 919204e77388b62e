-- The weekly series' times and left-out dates were written and never read: a series is its
-- bookings, whose times are their own.
ALTER TABLE premises_series DROP COLUMN start_time;
ALTER TABLE premises_series DROP COLUMN end_time;
ALTER TABLE premises_series DROP COLUMN exceptions;
