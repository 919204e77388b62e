-- A municipality's meetings by association and day: a period's activity support for all
-- associations reads their people in this order, association after association, so that the
-- database groups each meeting's people as it goes instead of sorting a million rows first.
CREATE INDEX grants_attendance_meetings_municipality_organisation
    ON grants_attendance_meetings(municipality_id, organisation_id, held_on);
