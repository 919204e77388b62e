-- An organisation's search entry is made in one place, the registry's Rust normalisation
-- (store::search_entry: lower case, compounds split, the same for every path). The triggers on
-- organisations no longer copy the raw name into search_name: a row made outside the registry
-- gets an empty entry until registry::public::index_organisations writes it; a rename goes
-- through the registry's profile editing, which writes the entry itself.
DROP TRIGGER registry_organisation_added;
DROP TRIGGER registry_organisation_renamed;

CREATE TRIGGER registry_organisation_added AFTER INSERT ON organisations BEGIN
    INSERT OR IGNORE INTO registry_profiles (organisation_id, municipality_id, updated_at, sort_key, search_name)
    VALUES (new.id, new.municipality_id, new.created_at, replace(replace(replace(replace(replace(replace(lower(new.name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'ö', '}'), 'Ö', '}'), '');
END;

CREATE TRIGGER registry_organisation_renamed AFTER UPDATE OF name ON organisations BEGIN
    UPDATE registry_profiles SET sort_key = replace(replace(replace(replace(replace(replace(lower(new.name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'ö', '}'), 'Ö', '}') WHERE organisation_id = new.id;
END;
