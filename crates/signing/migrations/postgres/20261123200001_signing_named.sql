-- A municipal company or another signer without a row in the registry has at most one
-- signature in force per name (case-insensitive), like organisations and departments.
CREATE UNIQUE INDEX signatures_active_named ON signatures(municipality_id, signer_kind, lower(signer_name))
    WHERE withdrawn_at IS NULL AND signer_kind IN ('company', 'other');
