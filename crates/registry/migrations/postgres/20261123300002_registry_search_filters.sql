-- Whether an organisation has signed the agreement and whether it has premises, kept on its
-- profile so that the directory filters and shows them without two EXISTS lookups for every
-- matching organisation. Triggers on signatures and premises keep them right; nothing in the
-- application writes them. The same columns as the SQLite migration.

ALTER TABLE registry_profiles
    ADD COLUMN signed BIGINT NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    ADD COLUMN has_premises BIGINT NOT NULL DEFAULT 0 CHECK (has_premises IN (0, 1));

UPDATE registry_profiles p SET
    signed = CASE WHEN EXISTS (SELECT 1 FROM signatures s
                               WHERE s.organisation_id = p.organisation_id AND s.withdrawn_at IS NULL)
             THEN 1 ELSE 0 END,
    has_premises = CASE WHEN EXISTS (SELECT 1 FROM registry_premises r WHERE r.organisation_id = p.organisation_id)
                   THEN 1 ELSE 0 END;

CREATE FUNCTION registry_refresh_signed(org BIGINT) RETURNS void LANGUAGE sql AS $$
    UPDATE registry_profiles SET signed = CASE WHEN EXISTS (SELECT 1 FROM signatures s
        WHERE s.organisation_id = org AND s.withdrawn_at IS NULL) THEN 1 ELSE 0 END
    WHERE organisation_id = org
$$;

CREATE FUNCTION registry_refresh_has_premises(org BIGINT) RETURNS void LANGUAGE sql AS $$
    UPDATE registry_profiles SET has_premises = CASE WHEN EXISTS (SELECT 1 FROM registry_premises r
        WHERE r.organisation_id = org) THEN 1 ELSE 0 END
    WHERE organisation_id = org
$$;

CREATE FUNCTION registry_signatures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.organisation_id IS NOT NULL THEN
        PERFORM registry_refresh_signed(OLD.organisation_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.organisation_id IS NOT NULL THEN
        PERFORM registry_refresh_signed(NEW.organisation_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER registry_signed AFTER INSERT OR DELETE OR UPDATE OF organisation_id, withdrawn_at
    ON signatures FOR EACH ROW EXECUTE FUNCTION registry_signatures_changed();

CREATE FUNCTION registry_premises_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM registry_refresh_has_premises(OLD.organisation_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM registry_refresh_has_premises(NEW.organisation_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER registry_has_premises AFTER INSERT OR DELETE OR UPDATE OF organisation_id
    ON registry_premises FOR EACH ROW EXECUTE FUNCTION registry_premises_changed();

-- The search document becomes a stored column, search_index, instead of an expression the GIN
-- index and every query recomputed (ranking and the name-first order called to_tsvector again
-- for every matching row). Its words carry weights: the name A, the rest of the text B, and the
-- tags D: the profile's categories, whether it has signed and whether it has premises
-- ("m00000042kat3", "m00000042signerad", "m00000042lokal"; domain::Filters::tags), the same
-- words as the third column of SQLite's FTS5 index. A search with filters is then one GIN
-- lookup, and text terms ask for weights A and B only, so a typed word never matches a tag.

CREATE FUNCTION registry_tags(categories BIGINT, signed BIGINT, has_premises BIGINT)
RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN concat_ws(' ',
    (SELECT string_agg('kat' || b, ' ' ORDER BY b) FROM generate_series(0, 62) AS b
     WHERE categories & (1::BIGINT << b) <> 0),
    CASE WHEN signed = 1 THEN 'signerad' END,
    CASE WHEN has_premises = 1 THEN 'lokal' END);

DROP INDEX registry_profiles_search;

ALTER TABLE registry_profiles ADD COLUMN search_index tsvector GENERATED ALWAYS AS (
    setweight(registry_search_doc(municipality_id, search_name), 'A')
    || setweight(registry_search_doc(municipality_id, search_body), 'B')
    || setweight(registry_search_doc(municipality_id, registry_tags(categories, signed, has_premises)), 'D')
) STORED;

-- fastupdate off: changes go straight into the index instead of a pending list that every
-- search scans until (auto)vacuum merges it. After the 160,000 flag updates of a national
-- synthetic load, that list cost three quarters of PostgreSQL's time per search.
CREATE INDEX registry_profiles_search ON registry_profiles USING GIN (search_index) WITH (fastupdate = off);
