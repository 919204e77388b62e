-- Applications for grants and everything that follows them: the municipality's case-number
-- series and decision delegation, the applications (one per association and period) with
-- their answers, attachments, internal notes, and the decision's installments (one per year:
-- a multi-year grant pays each later year only after that year's report is approved).
-- Amounts are in öre; dates in Swedish time as YYYY-MM-DD; instants as unix seconds.

-- The municipality's grant settings: the case-number prefix (its nämnd, e.g. "KFN") and the
-- appeal text every decision letter carries.
CREATE TABLE grants_settings (
    municipality_id INTEGER PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
    case_prefix TEXT NOT NULL DEFAULT 'KFN',
    updated_at INTEGER NOT NULL
);

-- The year's running case number, taken in the transaction that submits an application.
CREATE TABLE grants_case_numbers (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, year)
);

-- Who may decide (delegation: the nämnd's members or a manager); handlers are the staff.
CREATE TABLE grants_deciders (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, user_id)
);

CREATE TABLE grants_applications (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES grants_programmes(id) ON DELETE CASCADE,
    period_id INTEGER NOT NULL REFERENCES grants_periods(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'awaiting-co-signature', 'submitted', 'in-review',
        'completion-requested', 'proposed', 'granted', 'reduced', 'rejected', 'paid')),
    case_number TEXT,
    -- The language of the applicant's letters (the one they applied in).
    lang TEXT NOT NULL DEFAULT 'sv',
    purpose TEXT NOT NULL DEFAULT '',
    applied_ore INTEGER NOT NULL DEFAULT 0 CHECK (applied_ore >= 0),
    -- The programme's own questions' answers, JSON {question id: text}.
    answers TEXT NOT NULL DEFAULT '{}',
    democracy_attested INTEGER NOT NULL DEFAULT 0,
    -- Number of years applied for (multi-year grants), 1 otherwise.
    years INTEGER NOT NULL DEFAULT 1 CHECK (years >= 1),
    created_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    co_signer_email TEXT NOT NULL DEFAULT '',
    co_signed_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    co_signed_at INTEGER,
    submitted_at INTEGER,
    handler_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    -- The handler's score per criterion (the programme's criteria, one per line), JSON [0..5].
    scores TEXT NOT NULL DEFAULT '[]',
    completion_message TEXT NOT NULL DEFAULT '',
    completion_deadline TEXT,
    proposed_ore INTEGER,
    proposal_note TEXT NOT NULL DEFAULT '',
    proposed_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    decided_ore INTEGER,
    decision_reason TEXT NOT NULL DEFAULT '',
    decided_on TEXT,
    decided_at INTEGER,
    decided_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (period_id, organisation_id)
);
CREATE INDEX grants_applications_queue ON grants_applications(municipality_id, period_id, status);
CREATE INDEX grants_applications_organisation ON grants_applications(organisation_id, updated_at);
CREATE INDEX grants_applications_decided ON grants_applications(municipality_id, decided_on);
CREATE UNIQUE INDEX grants_applications_case ON grants_applications(municipality_id, case_number);

CREATE TABLE grants_attachments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES grants_applications(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_by_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX grants_attachments_application ON grants_attachments(application_id, kind);

-- The handlers' internal notes: never shown to the applicant.
CREATE TABLE grants_notes (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES grants_applications(id) ON DELETE CASCADE,
    author_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX grants_notes_application ON grants_notes(application_id, id);

-- A granted decision's payments, one per year; year 1 is payable on the decision, a later
-- year once its report is approved. A missing report stops the payout; a recovery (återkrav)
-- may follow.
CREATE TABLE grants_installments (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES grants_applications(id) ON DELETE CASCADE,
    year_index INTEGER NOT NULL CHECK (year_index >= 1),
    amount_ore INTEGER NOT NULL CHECK (amount_ore >= 0),
    report_due_on TEXT,
    report_text TEXT NOT NULL DEFAULT '',
    report_submitted_at INTEGER,
    report_approved_at INTEGER,
    reminded_at INTEGER,
    payout_reference TEXT NOT NULL DEFAULT '',
    paid_at INTEGER,
    recovery_started_at INTEGER,
    recovery_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (application_id, year_index)
);
CREATE INDEX grants_installments_due ON grants_installments(municipality_id, paid_at);
