-- Opt-outs that outlive erasure: when an address that unsubscribed from invitations is erased,
-- its keyed hash stays here (the SHA-256 of its unsubscribe token, an HMAC of the address with
-- the instance's secret), so invitations still leave it out while the address itself is gone.
CREATE TABLE meetings_suppressed (
    municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    address_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (municipality_id, address_hash)
);
