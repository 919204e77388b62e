-- The signing book now tells the registry when an organisation's signature comes or goes
-- (registry::public::set_signed, in the signing book's own transaction), so the registry no
-- longer watches the signing book's table: its trigger on signatures and the functions behind
-- it go. The column registry_profiles.signed and the search tags built from it stay as they are.

DROP TRIGGER IF EXISTS registry_signed ON signatures;
DROP FUNCTION IF EXISTS registry_signatures_changed();
DROP FUNCTION IF EXISTS registry_refresh_signed(BIGINT);
