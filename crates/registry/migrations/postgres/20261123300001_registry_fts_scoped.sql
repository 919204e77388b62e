-- The search index, rebuilt so that every word carries its municipality in front
-- ("m00000042idrottsförening"; domain::fts5_scope), as on SQLite: a prefix search then reads
-- only the municipality's entries of the GIN index instead of every municipality's matches
-- for the prefix. store::search uses exactly this expression (registry_search_doc).
DROP INDEX registry_profiles_search;

CREATE FUNCTION registry_search_doc(municipality_id BIGINT, words TEXT) RETURNS tsvector
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('simple'::regconfig,
        'm' || lpad(municipality_id::text, 8, '0') || replace(words, ' ', ' m' || lpad(municipality_id::text, 8, '0')));

CREATE INDEX registry_profiles_search ON registry_profiles
    USING GIN (registry_search_doc(municipality_id, search_name || ' ' || search_body));
