-- The full-text index, rebuilt so that every word carries its municipality in front
-- ("m00000042idrottsförening"; domain::fts5_scope). A prefix search then reads only the
-- municipality's own part of the index: with the municipality as a separate token, FTS5 read
-- every municipality's matches for a prefix and intersected them afterwards, which at 300,000
-- organisations cost tens of milliseconds per search. search_name and search_body hold words
-- separated by single spaces (domain::search_doc), so putting the prefix before each word is a
-- replace() of the spaces.

DROP TRIGGER registry_fts_insert;
DROP TRIGGER registry_fts_update;
DROP TRIGGER registry_fts_delete;
DROP TABLE registry_fts;

CREATE VIRTUAL TABLE registry_fts USING fts5(
    name, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO registry_fts (rowid, name, body)
SELECT organisation_id,
       CASE WHEN search_name = '' THEN '' ELSE 'm' || substr('0000000' || municipality_id, -8, 8) || replace(search_name, ' ', ' m' || substr('0000000' || municipality_id, -8, 8)) END,
       CASE WHEN search_body = '' THEN '' ELSE 'm' || substr('0000000' || municipality_id, -8, 8) || replace(search_body, ' ', ' m' || substr('0000000' || municipality_id, -8, 8)) END
FROM registry_profiles;

CREATE TRIGGER registry_fts_insert AFTER INSERT ON registry_profiles BEGIN
    INSERT INTO registry_fts (rowid, name, body)
    VALUES (new.organisation_id,
        CASE WHEN new.search_name = '' THEN '' ELSE 'm' || substr('0000000' || new.municipality_id, -8, 8) || replace(new.search_name, ' ', ' m' || substr('0000000' || new.municipality_id, -8, 8)) END,
        CASE WHEN new.search_body = '' THEN '' ELSE 'm' || substr('0000000' || new.municipality_id, -8, 8) || replace(new.search_body, ' ', ' m' || substr('0000000' || new.municipality_id, -8, 8)) END);
END;

CREATE TRIGGER registry_fts_update AFTER UPDATE OF municipality_id, search_name, search_body ON registry_profiles BEGIN
    DELETE FROM registry_fts WHERE rowid = old.organisation_id;
    INSERT INTO registry_fts (rowid, name, body)
    VALUES (new.organisation_id,
        CASE WHEN new.search_name = '' THEN '' ELSE 'm' || substr('0000000' || new.municipality_id, -8, 8) || replace(new.search_name, ' ', ' m' || substr('0000000' || new.municipality_id, -8, 8)) END,
        CASE WHEN new.search_body = '' THEN '' ELSE 'm' || substr('0000000' || new.municipality_id, -8, 8) || replace(new.search_body, ' ', ' m' || substr('0000000' || new.municipality_id, -8, 8)) END);
END;

CREATE TRIGGER registry_fts_delete AFTER DELETE ON registry_profiles BEGIN
    DELETE FROM registry_fts WHERE rowid = old.organisation_id;
END;
