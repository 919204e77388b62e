-- The decisions of one body, the latest first (a feed per body: `?organ=`), from an index that
-- holds the order: with only (municipality_id, meeting_on) a committee's feed walked the
-- municipality's decisions until fifty were that committee's. Measured with benches/openness.sh.
CREATE INDEX openness_decisions_body ON openness_decisions(municipality_id, body, committee_key, meeting_on, id);
