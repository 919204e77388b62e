-- News and good examples (issue 17): the municipality's news, published by its coordinator or
-- staff, and the associations' stories ("goda exempel"), which wait for the coordinator's
-- approval. The same tables and columns as the PostgreSQL migration. Dates are 'YYYY-MM-DD'.

-- One item. A story names its association and who sent it (`submitted_by`, set to NULL when
-- that account is erased: the published story stays, without the person's name). A story is
-- a draft of its association until sent, then 'submitted'; the coordinator publishes it or
-- declines it with a reason. News is 'published' as saved. `published_on` is the day it is
-- shown from ('' until then). The image (PNG or JPEG) has a required text alternative.
CREATE TABLE openness_news (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('news', 'story')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'declined')),
    organisation_id INTEGER,
    submitted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    published_on TEXT NOT NULL DEFAULT '',
    image BLOB,
    image_mime TEXT NOT NULL DEFAULT '',
    image_alt TEXT NOT NULL DEFAULT '',
    decline_reason TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((kind = 'story') = (organisation_id IS NOT NULL)),
    CHECK (image IS NULL OR image_alt <> '')
);
CREATE INDEX openness_news_public ON openness_news(municipality_id, status, published_on);
CREATE INDEX openness_news_organisation ON openness_news(municipality_id, organisation_id);
CREATE INDEX openness_news_submitted_by ON openness_news(submitted_by);

-- The principles of the agreement (by number, 1–6) an item concerns.
CREATE TABLE openness_news_principles (
    news_id INTEGER NOT NULL REFERENCES openness_news(id) ON DELETE CASCADE,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    principle INTEGER NOT NULL CHECK (principle BETWEEN 1 AND 6),
    PRIMARY KEY (news_id, principle)
);
CREATE INDEX openness_news_principles_of ON openness_news_principles(municipality_id, principle);
