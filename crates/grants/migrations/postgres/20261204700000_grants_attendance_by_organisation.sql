-- A municipality's meetings by association and day: a period's activity support for all
-- associations reads the meetings with their people in this order, association after
-- association, so that nothing is sorted and one association is held at a time.
CREATE INDEX grants_attendance_meetings_municipality_organisation
    ON grants_attendance_meetings(municipality_id, organisation_id, held_on);
