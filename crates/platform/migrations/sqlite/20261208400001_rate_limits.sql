-- Rate-limit counters shared by every instance on the database: one row per key (limit, client
-- address or e-mail address) and fixed window; ended windows are swept away.
CREATE TABLE rate_limits (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits(window_start);
