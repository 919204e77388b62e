-- Public bookings (issue 17): a booking its booker marks public shows, under the title given
-- here, in the municipality's shared event calendar (openness, through premises::public::calendar).
-- NULL: private (the default), never shown there.
ALTER TABLE premises_bookings ADD COLUMN public_title TEXT;
CREATE INDEX premises_bookings_public ON premises_bookings(municipality_id, starts_at) WHERE public_title IS NOT NULL;
