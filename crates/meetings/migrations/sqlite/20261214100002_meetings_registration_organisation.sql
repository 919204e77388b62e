-- A registration names the registry's association it came for, when the organisation written
-- on the form is one of the municipality's (matched by name), so that each meeting and each
-- year can show the share of the associations that took part (seed 004). Erasing the person
-- keeps the link: it says which association came, not who.
ALTER TABLE meetings_registrations ADD COLUMN organisation_id INTEGER REFERENCES organisations(id) ON DELETE SET NULL;
CREATE INDEX meetings_registrations_organisation ON meetings_registrations(municipality_id, organisation_id);
