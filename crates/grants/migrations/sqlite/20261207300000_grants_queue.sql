-- The staff's queue of a period (5,000 applications in a large municipality) shows its sent
-- applications in the order they came (submitted_at, id), all of them or those of one status,
-- fifty at a time, with the number at each status and the budget line (decided and proposed).
--
-- Two indexes hold that order, so a page's ids are read from an index alone, without sorting
-- the period's applications or reading a row that is not shown. The one on (municipality_id,
-- period_id, status) is the second's prefix and goes.
CREATE INDEX grants_applications_queue_order
    ON grants_applications(municipality_id, period_id, submitted_at, id, status);
CREATE INDEX grants_applications_queue_status
    ON grants_applications(municipality_id, period_id, status, submitted_at, id);
DROP INDEX grants_applications_queue;

-- Per period and status: how many applications stand there, and the sums of their decided and
-- proposed amounts (öre). Kept by the triggers below in the transaction of every change, so a
-- page reads a period's counts and budget use from a few rows instead of counting them all.
CREATE TABLE grants_period_tally (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    period_id INTEGER NOT NULL REFERENCES grants_periods(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    applications INTEGER NOT NULL DEFAULT 0,
    decided_ore INTEGER NOT NULL DEFAULT 0,
    proposed_ore INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (period_id, status)
);
CREATE INDEX grants_period_tally_municipality ON grants_period_tally(municipality_id, period_id);

INSERT INTO grants_period_tally (municipality_id, period_id, status, applications, decided_ore, proposed_ore)
SELECT municipality_id, period_id, status, COUNT(*), COALESCE(SUM(decided_ore), 0), COALESCE(SUM(proposed_ore), 0)
FROM grants_applications GROUP BY municipality_id, period_id, status;

-- An application counts where it stands; a change moves it from its old place to its new one.
-- What leaves is subtracted (a row that is gone, e.g. with its period, is left alone); what
-- comes is added, making the row when it is the first.
CREATE TRIGGER grants_period_tally_insert AFTER INSERT ON grants_applications
BEGIN
    INSERT INTO grants_period_tally (municipality_id, period_id, status, applications, decided_ore, proposed_ore)
    VALUES (NEW.municipality_id, NEW.period_id, NEW.status, 1, COALESCE(NEW.decided_ore, 0), COALESCE(NEW.proposed_ore, 0))
    ON CONFLICT (period_id, status) DO UPDATE SET applications = applications + 1,
        decided_ore = decided_ore + excluded.decided_ore, proposed_ore = proposed_ore + excluded.proposed_ore;
END;

CREATE TRIGGER grants_period_tally_delete AFTER DELETE ON grants_applications
BEGIN
    UPDATE grants_period_tally SET applications = applications - 1,
        decided_ore = decided_ore - COALESCE(OLD.decided_ore, 0), proposed_ore = proposed_ore - COALESCE(OLD.proposed_ore, 0)
    WHERE period_id = OLD.period_id AND status = OLD.status;
END;

CREATE TRIGGER grants_period_tally_update AFTER UPDATE OF period_id, status, decided_ore, proposed_ore ON grants_applications
BEGIN
    UPDATE grants_period_tally SET applications = applications - 1,
        decided_ore = decided_ore - COALESCE(OLD.decided_ore, 0), proposed_ore = proposed_ore - COALESCE(OLD.proposed_ore, 0)
    WHERE period_id = OLD.period_id AND status = OLD.status;
    INSERT INTO grants_period_tally (municipality_id, period_id, status, applications, decided_ore, proposed_ore)
    VALUES (NEW.municipality_id, NEW.period_id, NEW.status, 1, COALESCE(NEW.decided_ore, 0), COALESCE(NEW.proposed_ore, 0))
    ON CONFLICT (period_id, status) DO UPDATE SET applications = applications + 1,
        decided_ore = decided_ore + excluded.decided_ore, proposed_ore = proposed_ore + excluded.proposed_ore;
END;
