-- Whether an organisation has signed the agreement and whether it has premises, kept on its
-- profile so that the directory filters and shows them without two EXISTS lookups for every
-- matching organisation. Triggers on signatures and premises keep them right; nothing in the
-- application writes them.

ALTER TABLE registry_profiles ADD COLUMN signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1));
ALTER TABLE registry_profiles ADD COLUMN has_premises INTEGER NOT NULL DEFAULT 0 CHECK (has_premises IN (0, 1));

UPDATE registry_profiles SET
    signed = EXISTS (SELECT 1 FROM signatures s
                     WHERE s.organisation_id = registry_profiles.organisation_id AND s.withdrawn_at IS NULL),
    has_premises = EXISTS (SELECT 1 FROM registry_premises r
                           WHERE r.organisation_id = registry_profiles.organisation_id);

CREATE TRIGGER registry_signed_insert AFTER INSERT ON signatures
WHEN new.organisation_id IS NOT NULL BEGIN
    UPDATE registry_profiles SET signed = EXISTS (SELECT 1 FROM signatures s
        WHERE s.organisation_id = new.organisation_id AND s.withdrawn_at IS NULL)
    WHERE organisation_id = new.organisation_id;
END;

CREATE TRIGGER registry_signed_update AFTER UPDATE OF organisation_id, withdrawn_at ON signatures BEGIN
    UPDATE registry_profiles SET signed = EXISTS (SELECT 1 FROM signatures s
        WHERE s.organisation_id = registry_profiles.organisation_id AND s.withdrawn_at IS NULL)
    WHERE organisation_id IN (old.organisation_id, new.organisation_id);
END;

CREATE TRIGGER registry_signed_delete AFTER DELETE ON signatures
WHEN old.organisation_id IS NOT NULL BEGIN
    UPDATE registry_profiles SET signed = EXISTS (SELECT 1 FROM signatures s
        WHERE s.organisation_id = old.organisation_id AND s.withdrawn_at IS NULL)
    WHERE organisation_id = old.organisation_id;
END;

CREATE TRIGGER registry_premises_insert AFTER INSERT ON registry_premises BEGIN
    UPDATE registry_profiles SET has_premises = 1 WHERE organisation_id = new.organisation_id;
END;

CREATE TRIGGER registry_premises_update AFTER UPDATE OF organisation_id ON registry_premises BEGIN
    UPDATE registry_profiles SET has_premises = EXISTS (SELECT 1 FROM registry_premises r
        WHERE r.organisation_id = registry_profiles.organisation_id)
    WHERE organisation_id IN (old.organisation_id, new.organisation_id);
END;

CREATE TRIGGER registry_premises_delete AFTER DELETE ON registry_premises BEGIN
    UPDATE registry_profiles SET has_premises = EXISTS (SELECT 1 FROM registry_premises r
        WHERE r.organisation_id = old.organisation_id)
    WHERE organisation_id = old.organisation_id;
END;

-- The search index gets a third column, tags: the profile's categories, whether it has signed and
-- whether it has premises, as words of the municipality's own ("m00000042kat3",
-- "m00000042signerad", "m00000042lokal"; domain::Filters::tags). A search with filters then
-- intersects the index's lists and ranks only what passes them, instead of ranking every
-- profile that matches the text and filtering afterwards. Text searches name the columns
-- {name body}, so a word typed never matches a tag. The view holds the indexed form of every
-- profile once, for the triggers and the rebuild.

DROP TRIGGER registry_fts_insert;
DROP TRIGGER registry_fts_update;
DROP TRIGGER registry_fts_delete;
DROP TABLE registry_fts;

CREATE VIEW registry_fts_docs AS
SELECT p.organisation_id,
    CASE WHEN p.search_name = '' THEN '' ELSE 'm' || substr('0000000' || p.municipality_id, -8, 8) || replace(p.search_name, ' ', ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8)) END AS name,
    CASE WHEN p.search_body = '' THEN '' ELSE 'm' || substr('0000000' || p.municipality_id, -8, 8) || replace(p.search_body, ' ', ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8)) END AS body,
    ltrim(
        CASE WHEN p.categories & 1 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat0' ELSE '' END
     || CASE WHEN p.categories & 2 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat1' ELSE '' END
     || CASE WHEN p.categories & 4 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat2' ELSE '' END
     || CASE WHEN p.categories & 8 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat3' ELSE '' END
     || CASE WHEN p.categories & 16 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat4' ELSE '' END
     || CASE WHEN p.categories & 32 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat5' ELSE '' END
     || CASE WHEN p.categories & 64 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat6' ELSE '' END
     || CASE WHEN p.categories & 128 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat7' ELSE '' END
     || CASE WHEN p.categories & 256 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat8' ELSE '' END
     || CASE WHEN p.categories & 512 <> 0 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'kat9' ELSE '' END
     || CASE WHEN p.signed = 1 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'signerad' ELSE '' END
     || CASE WHEN p.has_premises = 1 THEN ' ' || 'm' || substr('0000000' || p.municipality_id, -8, 8) || 'lokal' ELSE '' END) AS tags
FROM registry_profiles p;

CREATE VIRTUAL TABLE registry_fts USING fts5(
    name, body, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO registry_fts (rowid, name, body, tags) SELECT organisation_id, name, body, tags FROM registry_fts_docs;

CREATE TRIGGER registry_fts_insert AFTER INSERT ON registry_profiles BEGIN
    INSERT INTO registry_fts (rowid, name, body, tags)
    SELECT organisation_id, name, body, tags FROM registry_fts_docs WHERE organisation_id = new.organisation_id;
END;

CREATE TRIGGER registry_fts_update
AFTER UPDATE OF municipality_id, search_name, search_body, categories, signed, has_premises ON registry_profiles BEGIN
    DELETE FROM registry_fts WHERE rowid = old.organisation_id;
    INSERT INTO registry_fts (rowid, name, body, tags)
    SELECT organisation_id, name, body, tags FROM registry_fts_docs WHERE organisation_id = new.organisation_id;
END;

CREATE TRIGGER registry_fts_delete AFTER DELETE ON registry_profiles BEGIN
    DELETE FROM registry_fts WHERE rowid = old.organisation_id;
END;
