-- A municipality's own look on its public pages (issue 16): its colour, a short welcome text
-- and its logo. The colour is `#rrggbb` in lower case, or '' for none; the application accepts
-- only a colour on which white text has a contrast of at least 4.5:1. The welcome text is plain
-- text (at most 500 characters), shown under the heading of the municipality's start page. The
-- logo is a PNG or JPEG picture of at most 200 kB (its type read from its content and kept in
-- `logo_type`, '' when there is none); NULL when none. The same columns as the SQLite
-- migration.
ALTER TABLE municipalities
    ADD COLUMN brand_colour TEXT NOT NULL DEFAULT '',
    ADD COLUMN welcome TEXT NOT NULL DEFAULT '',
    ADD COLUMN logo BYTEA,
    ADD COLUMN logo_type TEXT NOT NULL DEFAULT '';
