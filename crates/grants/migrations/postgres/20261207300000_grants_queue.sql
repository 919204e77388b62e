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
-- proposed amounts (öre). Kept by the trigger below in the transaction of every change, so a
-- page reads a period's counts and budget use from a few rows instead of counting them all.
CREATE TABLE grants_period_tally (
    municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    period_id BIGINT NOT NULL REFERENCES grants_periods(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    applications BIGINT NOT NULL DEFAULT 0,
    decided_ore BIGINT NOT NULL DEFAULT 0,
    proposed_ore BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (period_id, status)
);
CREATE INDEX grants_period_tally_municipality ON grants_period_tally(municipality_id, period_id);

INSERT INTO grants_period_tally (municipality_id, period_id, status, applications, decided_ore, proposed_ore)
SELECT municipality_id, period_id, status, COUNT(*), COALESCE(SUM(decided_ore), 0), COALESCE(SUM(proposed_ore), 0)
FROM grants_applications GROUP BY municipality_id, period_id, status;

-- An application counts where it stands; a change moves it from its old place to its new one.
-- What leaves is subtracted (a row that is gone, e.g. with its period, is left alone); what
-- comes is added, making the row when it is the first.
CREATE FUNCTION grants_period_tally_leave(p BIGINT, s TEXT, d BIGINT, pr BIGINT) RETURNS void
LANGUAGE sql AS $$
    UPDATE grants_period_tally SET applications = applications - 1,
        decided_ore = decided_ore - COALESCE(d, 0), proposed_ore = proposed_ore - COALESCE(pr, 0)
    WHERE period_id = p AND status = s;
$$;

CREATE FUNCTION grants_period_tally_come(m BIGINT, p BIGINT, s TEXT, d BIGINT, pr BIGINT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO grants_period_tally (municipality_id, period_id, status, applications, decided_ore, proposed_ore)
    VALUES (m, p, s, 1, COALESCE(d, 0), COALESCE(pr, 0))
    ON CONFLICT (period_id, status) DO UPDATE SET applications = grants_period_tally.applications + 1,
        decided_ore = grants_period_tally.decided_ore + EXCLUDED.decided_ore,
        proposed_ore = grants_period_tally.proposed_ore + EXCLUDED.proposed_ore;
$$;

-- A move locks its two rows in one order (period, then status), so that two transactions
-- moving applications in opposite directions never wait for each other in a circle.
CREATE FUNCTION grants_period_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM grants_period_tally_come(NEW.municipality_id, NEW.period_id, NEW.status, NEW.decided_ore, NEW.proposed_ore);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM grants_period_tally_leave(OLD.period_id, OLD.status, OLD.decided_ore, OLD.proposed_ore);
    ELSIF OLD.period_id = NEW.period_id AND OLD.status = NEW.status
        AND OLD.decided_ore IS NOT DISTINCT FROM NEW.decided_ore
        AND OLD.proposed_ore IS NOT DISTINCT FROM NEW.proposed_ore THEN
        NULL;
    ELSIF (OLD.period_id, OLD.status) <= (NEW.period_id, NEW.status) THEN
        PERFORM grants_period_tally_leave(OLD.period_id, OLD.status, OLD.decided_ore, OLD.proposed_ore);
        PERFORM grants_period_tally_come(NEW.municipality_id, NEW.period_id, NEW.status, NEW.decided_ore, NEW.proposed_ore);
    ELSE
        PERFORM grants_period_tally_come(NEW.municipality_id, NEW.period_id, NEW.status, NEW.decided_ore, NEW.proposed_ore);
        PERFORM grants_period_tally_leave(OLD.period_id, OLD.status, OLD.decided_ore, OLD.proposed_ore);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER grants_period_tally AFTER INSERT OR DELETE OR UPDATE OF period_id, status, decided_ore, proposed_ore
    ON grants_applications FOR EACH ROW EXECUTE FUNCTION grants_period_tally_changed();
