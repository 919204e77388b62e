-- Issue 15: rooms and premises can be retired (tas ur bruk). A retired room is no longer
-- searched or booked; its past bookings stay for the record; its future ones were cancelled when
-- it was retired. A retired premises' rooms are all retired with it.
ALTER TABLE premises_rooms ADD COLUMN retired_at INTEGER;
ALTER TABLE premises ADD COLUMN retired_at INTEGER;
