-- Premises and booking: premises owned by the municipality or by an organisation, their
-- bookable rooms (capacity, equipment, accessibility, rules, opening hours, price tiers, booking
-- mode, buffer), photos, weekly series and single bookings.
-- Every table carries municipality_id (the tenant). Timestamps are unix seconds, dates ISO text.
--
-- No double booking: triggers refuse an active booking whose time (its start to its end plus the
-- room's buffer) meets another active booking of the room. SQLite has one writer at a time, so
-- the check and the write are one step. A booking lasts at most a day and a buffer at most four
-- hours (domain::MAX_BLOCK), which bounds the index range the triggers read.

CREATE TABLE premises (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    -- NULL: the municipality's own premises; else the organisation that lends them.
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    area TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    rules TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX premises_municipality ON premises(municipality_id, name);
CREATE INDEX premises_organisation ON premises(organisation_id);

CREATE TABLE premises_rooms (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    premises_id INTEGER NOT NULL REFERENCES premises(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    -- Equipment and accessibility features as bit sets (see domain::Equipment and Feature).
    equipment INTEGER NOT NULL DEFAULT 0,
    equipment_note TEXT NOT NULL DEFAULT '',
    access INTEGER NOT NULL DEFAULT 0,
    access_note TEXT NOT NULL DEFAULT '',
    booking_mode TEXT NOT NULL DEFAULT 'request' CHECK (booking_mode IN ('instant', 'request')),
    buffer_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
    -- Price tiers in whole kronor per hour; NULL: that kind of booker cannot book the room.
    price_association INTEGER CHECK (price_association >= 0),
    price_private INTEGER CHECK (price_private >= 0),
    price_company INTEGER CHECK (price_company >= 0),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX premises_rooms_search ON premises_rooms(municipality_id, sort_key, id);
CREATE INDEX premises_rooms_premises ON premises_rooms(premises_id, sort_key);

-- Opening hours: minutes after local midnight (Europe/Stockholm) per ISO weekday (1 = Monday);
-- a weekday without a row is closed.
CREATE TABLE premises_hours (
    room_id INTEGER NOT NULL REFERENCES premises_rooms(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens INTEGER NOT NULL CHECK (opens >= 0),
    closes INTEGER NOT NULL CHECK (closes <= 1440 AND closes > opens),
    PRIMARY KEY (room_id, weekday)
);

CREATE TABLE premises_photos (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL REFERENCES premises_rooms(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes BLOB NOT NULL,
    alt TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX premises_photos_room ON premises_photos(room_id, id);

-- Who booked and why, shared by a weekly series and its single bookings.
CREATE TABLE premises_series (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL REFERENCES premises_rooms(id) ON DELETE CASCADE,
    first_date TEXT NOT NULL,
    last_date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    -- Dates left out, ISO, comma separated.
    exceptions TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE premises_bookings (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL REFERENCES premises_rooms(id) ON DELETE CASCADE,
    series_id INTEGER REFERENCES premises_series(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    booker_kind TEXT NOT NULL CHECK (booker_kind IN ('association', 'private', 'company')),
    booker_name TEXT NOT NULL,
    email TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    attendees INTEGER NOT NULL CHECK (attendees > 0),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    -- The end plus the room's buffer: the time no other booking of the room may touch.
    blocks_until INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'rejected', 'cancelled')),
    reason TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    CHECK (starts_at < ends_at AND ends_at <= blocks_until AND blocks_until - starts_at <= 100800)
);
CREATE INDEX premises_bookings_room ON premises_bookings(room_id, starts_at);
CREATE INDEX premises_bookings_user ON premises_bookings(municipality_id, user_id, starts_at);
CREATE INDEX premises_bookings_open ON premises_bookings(municipality_id, status, starts_at);
CREATE INDEX premises_bookings_series ON premises_bookings(series_id);

CREATE TRIGGER premises_no_double_booking_insert BEFORE INSERT ON premises_bookings
WHEN NEW.status IN ('requested', 'confirmed') AND EXISTS (
    SELECT 1 FROM premises_bookings b
    WHERE b.room_id = NEW.room_id AND b.status IN ('requested', 'confirmed')
      AND b.starts_at > NEW.starts_at - 100800 AND b.starts_at < NEW.blocks_until
      AND NEW.starts_at < b.blocks_until)
BEGIN
    SELECT RAISE(ABORT, 'premises_no_double_booking');
END;

CREATE TRIGGER premises_no_double_booking_update BEFORE UPDATE OF status, starts_at, blocks_until, room_id ON premises_bookings
WHEN NEW.status IN ('requested', 'confirmed') AND EXISTS (
    SELECT 1 FROM premises_bookings b
    WHERE b.room_id = NEW.room_id AND b.id <> NEW.id AND b.status IN ('requested', 'confirmed')
      AND b.starts_at > NEW.starts_at - 100800 AND b.starts_at < NEW.blocks_until
      AND NEW.starts_at < b.blocks_until)
BEGIN
    SELECT RAISE(ABORT, 'premises_no_double_booking');
END;
