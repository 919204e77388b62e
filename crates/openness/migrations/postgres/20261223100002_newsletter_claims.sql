-- A delivery claimed by one sending run until `claimed_until` (a lease): two instances
-- behind a load balancer, each running the sending job, never take the same delivery, and a
-- delivery claimed by a killed run is taken again when its lease has run out.
ALTER TABLE openness_newsletter_deliveries ADD COLUMN claimed_until BIGINT;
