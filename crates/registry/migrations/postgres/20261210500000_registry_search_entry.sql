-- An organisation's search entry is made in one place, the registry's Rust normalisation
-- (store::search_entry: lower case, compounds split, the same for every path). The triggers on
-- organisations no longer copy the raw name into search_name: a row made outside the registry
-- gets an empty entry until registry::public::index_organisations writes it; a rename goes
-- through the registry's profile editing, which writes the entry itself.
CREATE OR REPLACE FUNCTION registry_organisation_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registry_profiles (organisation_id, municipality_id, updated_at, sort_key, search_name)
    VALUES (NEW.id, NEW.municipality_id, NEW.created_at, registry_sort_key(NEW.name), '')
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION registry_organisation_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE registry_profiles SET sort_key = registry_sort_key(NEW.name) WHERE organisation_id = NEW.id;
    RETURN NEW;
END $$;
