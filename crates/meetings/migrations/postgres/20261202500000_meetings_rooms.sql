-- A meeting's place is free text or a room of the premises capability (room_id), no longer a
-- premises of the registry: a registry premises a meeting named is kept in its free-text place
-- (name and address) so nothing is lost, and the column goes.
-- Group answers remember the account that wrote them down (for the account's export and erasure).

UPDATE meetings_meetings m SET place = CASE
        WHEN m.place = '' THEN p.name || CASE WHEN p.address = '' THEN '' ELSE ', ' || p.address END
        WHEN strpos(m.place, p.name) > 0 THEN m.place
        ELSE m.place || ' (' || p.name || CASE WHEN p.address = '' THEN '' ELSE ', ' || p.address END || ')'
    END
FROM registry_premises p WHERE p.id = m.premises_id;

ALTER TABLE meetings_meetings DROP COLUMN premises_id;
-- A room of the premises capability (premises_rooms); no foreign key across capabilities:
-- the place's text stays when a room goes.
ALTER TABLE meetings_meetings ADD COLUMN room_id BIGINT;

ALTER TABLE meetings_answers ADD COLUMN written_by_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL;
