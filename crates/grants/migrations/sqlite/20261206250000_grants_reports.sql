-- Reports of a decided grant's years: the staff may ask for more (with a message, which the
-- applicant sees), and the daily reminder job keeps a second marker for the letter it sends
-- once a report is overdue (`reminded_at` marks the one 14 days before).
ALTER TABLE grants_installments ADD COLUMN report_feedback TEXT NOT NULL DEFAULT '';
ALTER TABLE grants_installments ADD COLUMN report_returned_at INTEGER;
ALTER TABLE grants_installments ADD COLUMN overdue_reminded_at INTEGER;
CREATE INDEX grants_installments_report_due ON grants_installments(report_due_on);
