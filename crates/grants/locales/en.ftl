nav-grants = Grants
grants-title = Grants to associations
grants-intro = These are the municipality's grants to associations: what each is for, what it requires, the last day to apply and how much money there is.
grants-none = The municipality has not published any grants yet.
grants-caption = Grants and the next last day to apply
grants-col-programme = Grant
grants-col-kind = Kind
grants-col-deadline = Last day to apply
grants-col-budget = Budget
grants-col-period = Period
grants-col-covers = Covers activities
grants-col-opens = Open for applications from
grants-unpublished = not published
grants-new-link = Create a new grant
grants-api-link = The grants as JSON
grants-back = Back to the grants
grants-kind-activity = Activity support
grants-kind-premises = Premises grant
grants-kind-start = Start grant
grants-kind-project = Project and event grant
grants-kind-operating = Operating grant
grants-kind-multi-year = Multi-year grant
grants-period-upcoming = opens later
grants-period-open = open for applications
grants-period-closed = closed
grants-new-title = New grant
grants-new-intro = Choose the kind and write what the grant is for. The grant gets the kind's usual rules and requirements; everyone sees it only once you publish it.
grants-choose-kind = Choose a kind
grants-field-kind = Kind of grant
grants-field-kind-hint = The kind decides the grant's rules, for example activity support per participation.
grants-field-name = Name
grants-field-description = What the grant is for
grants-field-criteria = Assessment criteria
grants-submit-programme = Create the grant
grants-err-kind = Choose the kind of grant.
grants-err-name-taken = The municipality already has a grant of that name.
grants-criteria = Assessment criteria
grants-rules = Rules
grants-requirements = What the association must meet
grants-attachments = Attachments to the application
grants-periods = Application periods
grants-no-periods = There is no application period yet.
grants-periods-caption = Periods with their last day to apply and budget
grants-publish = Publish the grant
grants-unpublish = Remove the grant from the public list
grants-period-new-heading = Add an application period
grants-field-period-name = Name of the period
grants-field-period-name-hint = For example "Spring 2027".
grants-field-starts-on = Activities from
grants-field-ends-on = Activities until
grants-field-opens-on = Open for applications from
grants-field-deadline = Last day to apply
grants-field-budget = Budget in kronor
grants-field-budget-hint = Whole kronor, for example 1 500 000.
grants-date-hint = Write the date as YYYY-MM-DD.
grants-submit-period = Add the period
grants-err-date = Write the date as YYYY-MM-DD, for example 2027-08-25.
grants-err-order = This date comes before the date it must follow.
grants-err-amount = Write the amount in whole kronor, in digits.
grants-err-period-taken = The grant already has a period of that name.
grants-rule-band-no-cap = Participants aged { $ages } (by calendar year): { $amount } per participation, with no weekly cap.
grants-rule-band = Participants aged { $ages } (by calendar year): { $amount } per participation, at most { $cap } a week.
grants-rule-per-meeting = { $amount } per meeting that counts.
grants-rule-minimums = A meeting counts with at least { $participants } participants besides the leader, at least { $minutes } minutes and a leader aged at least { $leader }.
grants-rule-per-leader = At most { $n } participants per leader.
grants-rule-one-per-day = A participant counts at most once a day.
grants-rule-excluded = Does not count: { $list }.
grants-rule-premises = { $share } per cent of the premises costs minus rental income, at most { $cap } a year.
grants-rule-start = { $amount } once to a new association with at least { $members } members; not again within { $years } years.
grants-rule-project = Apply at least { $before } weeks before the start and report at most { $after } weeks after the end.
grants-rule-operating = { $amount } a year.
grants-rule-multi-year = A decision for up to { $years } years; each new year is paid once the year before has an approved report.
grants-req-confirmed = The association's details confirmed at most { $n } months after the annual meeting.
grants-req-org-number = A valid organisation number.
grants-req-board = A board of at least { $n } members.
grants-req-statutes = Statutes on file.
grants-req-giro = A valid bankgiro or plusgiro.
grants-req-signed = The association has signed the local agreement.
grants-req-democracy = The association attests that it meets the municipality's democracy conditions.
grants-doc-verksamhetsberattelse = Annual report of activities
grants-doc-arsmotesprotokoll = Minutes of the annual meeting
grants-doc-ekonomisk-redovisning = Financial statement
grants-doc-revisionsberattelse = Auditor's report
grants-doc-budget = Budget
grants-doc-stadgar = Statutes
grants-edit-link = Change the grant
grants-edit-title = Change { $name }
grants-edit-intro = Here you change the grant's name and text, rules, requirements, attachments and the questions of the application. Each part is saved on its own. The changes show on the grant's page at once.
grants-edit-parts = Parts of the grant
grants-edit-saved = The change is saved.
grants-edit-back = To the grant's page
grants-edit-text = Name and text
grants-edit-text-intro = The name, what the grant is for and how applications are assessed. Leave an empty line between paragraphs.
grants-edit-save-text = Save name and text
grants-edit-rules-intro = The rules of { $kind }. Amounts are written in kronor.
grants-edit-save-rules = Save the rules
grants-edit-requirements-intro = What is checked in the register of associations when an association applies.
grants-edit-save-requirements = Save the requirements
grants-edit-empty-not-asked = Leave empty if it is not required.
grants-edit-req-confirmed = Details confirmed within this many months after the annual meeting
grants-edit-req-board = Smallest number of board members
grants-edit-attachments-intro = The documents every application must carry.
grants-edit-save-attachments = Save the attachments
grants-rules-kronor-hint = In kronor, with öre after a comma: for example 1 500 or 7,86.
grants-rules-bands = Age bands
grants-rules-bands-hint = One band per line: ages; kronor per participation; most times a week. For example 7–9; 7,86; 3. Write 65– for 65 and older. Leave the weekly cap empty if there is none.
grants-rules-per-meeting = Amount per meeting
grants-rules-min-participants = Smallest number of participants besides the leader
grants-rules-min-minutes = Shortest length in minutes
grants-rules-max-per-leader = Most participants per leader
grants-rules-empty-no-limit = Leave empty if there is no limit.
grants-rules-min-leader-age = Youngest age of a leader
grants-rules-one-per-day = A participant counts at most once a day
grants-rules-excluded = Activities that do not count
grants-rules-excluded-hint = One activity per line, for example Bingo.
grants-rules-share-percent = Share of the costs in per cent
grants-rules-yearly-cap = Highest amount a year
grants-rules-amount = Amount
grants-rules-min-members = Smallest number of members
grants-rules-no-restart-years = Years before the association can have a start grant again
grants-rules-weeks-before = Apply at least this many weeks before the start
grants-rules-weeks-after = Report at most this many weeks after the end
grants-rules-amount-year = Amount a year
grants-rules-max-years = Most years per decision
grants-rules-err-number = Write a whole number from { $min } to { $max }.
grants-rules-err-amount = Write the amount in kronor, with öre after a comma, for example 1 500 or 7,86.
grants-rules-err-line = Line { $line }: { $problem }
grants-rules-err-no-bands = Write at least one age band.
grants-rules-err-many-bands = Write at most { $n } age bands.
grants-rules-err-excluded-long = Line { $line }: write at most { $n } characters.
grants-rules-err-many-excluded = Write at most { $n } activities.
grants-band-err-parts = Write ages, amount and weekly cap with semicolons between, for example 7–9; 7,86; 3.
grants-band-err-ages = Write the ages as 7–9, 65– or 12 (at most 130).
grants-band-err-age-order = The first age is higher than the last.
grants-band-err-amount = Write the amount in kronor, with öre after a comma, for example 7,86.
grants-band-err-cap = Write the weekly cap as a whole number from 1 to 50, or leave it empty.
grants-band-err-overlap = These ages are already on line { $line }.
grants-questions = Questions in the application
grants-question-options = { $kind }: { $list }
grants-question-required = { $about }, must be answered
grants-qkind-text = Text
grants-qkind-number = Number
grants-qkind-amount = Amount in kronor
grants-qkind-date = Date
grants-qkind-choice = Choice
grants-qkind-file = File
grants-edit-questions-intro = The questions the association answers when it applies, in the order they are asked.
grants-edit-no-questions = The application has no questions of its own yet.
grants-edit-questions-caption = The questions of the application, in order
grants-col-question = Question
grants-col-answer-kind = Kind of answer
grants-col-required = Must be answered
grants-col-change = Change
grants-yes = Yes
grants-no = No
grants-q-up = Move up
grants-q-down = Move down
grants-q-remove = Remove
grants-edit-new-question = Add a question
grants-edit-add-question = Add the question
grants-q-label = The question
grants-q-kind = Kind of answer
grants-q-options = Options
grants-q-options-hint = For Choice only: one option per line, 2 to 20.
grants-q-required = The question must be answered
grants-q-hint = Help text
grants-q-hint-hint = Shown below the question, for example what the answer should contain.
grants-q-err-kind = Choose the kind of answer the question has.
grants-q-err-no-options = Write the options, one per line.
grants-q-err-few-options = Write at least { $n } options.
grants-q-err-many-options = Write at most { $n } options.
grants-q-err-option-too-long = An option may be at most { $n } characters.
grants-q-err-same-option = The same option is written twice.
grants-q-err-too-many = The application can have at most { $n } questions.
grants-answer-required = Answer the question.
grants-answer-too-long = The answer is too long: write at most 4,000 characters.
grants-answer-number = Write a whole number in digits.
grants-answer-amount = Write the amount in whole kronor in digits, for example 12 500.
grants-answer-date = Write the date as YYYY-MM-DD, for example 2027-08-25.
grants-answer-choice = Choose one of the options.
grants-refusal-excluded = That kind of activity does not count.
grants-refusal-too-short = The meeting was shorter than required.
grants-refusal-no-leader = No leader was old enough.
grants-refusal-too-few = Too few participants count.
grants-refusal-too-many = More participants than the leaders may have.
grants-why-no-annual-meeting = The association has given no annual meeting.
grants-why-not-confirmed = The association has not confirmed its details after the annual meeting.
grants-why-confirmed-before-meeting = The details were confirmed before the latest annual meeting.
grants-why-confirmed-late = The details were confirmed too long after the annual meeting.
grants-why-no-org-number = The association has no organisation number in the registry.
grants-why-org-number-invalid = The organisation number is not valid.
grants-why-org-number-group = The number does not start with 8 as a non-profit association's does. Check the legal form.
grants-why-board = The board has too few members.
grants-why-statutes = The statutes are missing.
grants-why-no-giro = The association has no bankgiro or plusgiro in the registry.
grants-why-giro-invalid = The bankgiro or plusgiro is not valid.
grants-why-not-signed = The association has not signed the agreement.
grants-why-not-attested = The attestation of the democracy conditions is missing.
grants-import-err-date = Write the date as YYYY-MM-DD.
grants-import-err-time = Write the start time as HH:MM.
grants-import-err-minutes = Write the length in whole minutes.
grants-import-err-role = The role must be Leader or Participant.
grants-import-err-birth-year = Write the birth year with four digits.
grants-import-err-gender = The gender must be Girl, Boy or Other (or empty).
grants-file-empty = The file is empty.
grants-file-too-large = The file is larger than 10 MB.
grants-file-type = Attach a PDF, an image or an Office or OpenDocument file.
grants-att-title = Attendance – { $name }
grants-att-intro = This is the association's attendance: its groups, their meetings and who led and who took part. The activity support is computed from it. Upload a file from the association's membership system, or type in one meeting at a time on the attendance card.
grants-att-results-heading = Activity support per period
grants-att-groups-heading = Groups
grants-att-no-groups = The association has no attendance here yet.
grants-att-groups-caption = The association's groups and their meetings
grants-att-latest-caption = The latest meetings
grants-att-col-group = Group
grants-att-col-meetings = Meetings
grants-att-col-first = First
grants-att-col-last = Latest
grants-att-col-date = Date
grants-att-col-start = Start
grants-att-col-minutes = Minutes
grants-att-col-activity = Activity
grants-att-col-leaders = Leaders
grants-att-col-participants = Participants
grants-att-col-source = From
grants-att-source-file = file
grants-att-source-card = attendance card
grants-att-upload-heading = Upload an attendance file
grants-att-upload-intro = The file has one row per person and meeting, as membership systems export it. A meeting already here (same group, date and start time) is replaced; uploading the same file again changes nothing. If any row is wrong, nothing is imported, and every wrong row is listed with its line and column.
grants-att-upload-columns = Columns: Grupp (group), Datum (date, YYYY-MM-DD), Start (HH:MM), Minuter (minutes), Aktivitet (activity), Roll (Ledare or Deltagare), Id (member number, optional), Namn (name), Födelseår (birth year) and Kön (Flicka, Pojke or Annat). The English column names work too. Semicolons or commas between the columns.
grants-att-field-file = Attendance file (CSV or XLSX)
grants-att-field-file-hint = A CSV file or an Excel file (XLSX, first sheet) with the columns above, at most 20 MB.
grants-att-upload-submit = Upload the file
grants-att-errors-caption = Rows to correct
grants-att-col-line = Line
grants-att-col-column = Column
grants-att-col-problem = Problem
grants-att-errors-capped = Only the first 200 problems are shown.
grants-att-err-rows = The file was not imported: some rows need correcting. Nothing was saved.
grants-att-err-missing-column = The file has no column { $column }. Nothing was saved.
grants-att-err-not-csv = The file cannot be read as CSV. Nothing was saved.
grants-att-err-not-xlsx = The file cannot be opened as an Excel file (XLSX). Nothing was saved.
grants-att-err-sheet-too-large = The worksheet is too large: it has too many cells, or cells far apart (in A1 and XFD1048576, say). Remove what is not attendance and try again. Nothing was saved.
grants-att-err-no-file = Choose a file to upload.
grants-att-err-too-large = The file is larger than 20 MB. Split it, for example by term.
grants-att-err-empty = The file has no attendance rows.
grants-att-done = Done: { $added } new meetings, { $replaced } replaced and { $unchanged } unchanged; { $rows } attendance rows saved.
grants-att-done-nothing = Nothing changed: all { $unchanged } meetings were already exactly so.
grants-att-card-heading = Attendance card
grants-att-card-intro = Type in one meeting. A meeting with the same group, date and start time as one already here replaces it.
grants-att-card-submit = Save the meeting
grants-att-card-line = Line { $line }: { $problem }
grants-att-field-group = Group
grants-att-field-group-hint = The group's name, for example P16. A new group is added.
grants-att-field-date = Date
grants-att-field-start = Start time
grants-att-field-start-hint = Write the time as HH:MM, for example 17:30.
grants-att-field-minutes = Length in minutes
grants-att-field-activity = Activity
grants-att-field-activity-hint = For example Football or Choir.
grants-att-field-leaders = Leaders
grants-att-field-participants = Participants
grants-att-field-people-hint = One person per line: Name;Birth year;Gender, for example Sara Ek;2012;Flicka. The gender is Flicka (girl), Pojke (boy) or Annat (other) and may be left out.
grants-card-err-name = Write the person's name first on the line.
grants-card-err-too-long = Write at most 100 characters.
grants-card-err-no-leader = Write at least one leader.
grants-not-counted-leader = a leader of the meeting
grants-not-counted-age = outside the ages that count
grants-not-counted-today = already counted once that day
grants-not-counted-week = already at the week's cap
grants-not-counted-duplicate = listed twice on the card
grants-att-result-title = Activity support – { $name }, { $period }
grants-att-covers = meetings from
grants-att-result-intro = Every meeting of the period with what counted and why something did not, under the programme's rules.
grants-att-totals-heading = Summary
grants-att-totals-caption = What counts in the period
grants-att-total-meetings = Meetings that count
grants-att-of = { $n } of { $all }
grants-att-total-participations = Participations
grants-att-total-girls = of which girls
grants-att-total-boys = of which boys
grants-att-total-other = of which other or not given
grants-att-total-band = Participations aged { $name }
grants-att-total-amount = Amount
grants-att-amount-note = The amount is what the rules give. If the period's applications exceed the budget, all are reduced by the same share.
grants-att-meetings-heading = Meetings per group
grants-att-no-meetings = The association has no meetings in the period.
grants-att-group-summary = { $counted } of { $all } meetings count, { $amount }.
grants-att-group-caption = Meetings of the group
grants-att-col-counts = Counts
grants-att-col-counted = Participants counted
grants-att-col-amount = Amount
grants-att-col-why = Why not
grants-att-counts-yes = Yes
grants-att-counts-no = No
grants-att-why-too-short = ({ $minutes } minutes, at least { $min } required.)
grants-att-why-too-few = ({ $counted } count, at least { $min } required.)
grants-att-why-too-many = ({ $present } participants, the leaders may have at most { $allowed }.)
grants-att-to-attendance = To the association's attendance
grants-att-to-programme = To the programme

## Applications
grants-status-draft = Draft, not sent
grants-status-awaiting-co-signature = Waiting for a second board member's signature
grants-status-submitted = Sent
grants-status-in-review = Being handled
grants-status-completion-requested = More information asked for
grants-status-proposed = Decision proposed
grants-status-granted = Granted
grants-status-reduced = Granted with a lower amount
grants-status-rejected = Rejected
grants-status-paid = Paid
grants-next-submit = Fill in the application, attach what is needed and send it before the deadline.
grants-next-closed = The deadline has passed; the draft can no longer be sent.
grants-next-co-sign = A second board member must sign the application before it counts as sent.
grants-next-complete = The case officer has asked for more information. Change the application and send it again before the date below.
grants-next-wait = Nothing for now: the municipality is handling the application. You will get an e-mail when something happens.
grants-next-payout = The grant is paid to the association's bankgiro or plusgiro.
grants-next-appeal = Read the reasons for the decision below and how you can appeal.
grants-next-report = Report how the money is used when the report is due.
grants-no-case-number = Gets a case number when the application is sent
grants-case-number = Case number
grants-association = Association
grants-col-status = Status
grants-col-next = What happens next
grants-col-amount = Amount
grants-col-year = Year
grants-col-report = Report
grants-col-paid = Paid
grants-col-requirement = Requirement
grants-col-result = Result
grants-col-why = Why
grants-col-sent = Sent
grants-col-waiting = Waiting for handling or a decision
grants-col-submitted = Sent
grants-col-proposed = Proposed
grants-col-handler = Case officer
grants-col-name = Name
grants-col-email = E-mail
grants-col-actions = Actions
grants-applied = Amount applied for
grants-answers-heading = What the association has written
grants-answers-form-heading = Fill in the application
grants-attendance-link = See the association's attendance and what counts
grants-checks-heading = Requirements on the association
grants-checks-caption = The requirements checked against the association registry
grants-checks-all-pass = The association meets the requirements.
grants-checks-some-fail = The association does not meet every requirement yet. Correct the details in the association registry or in the application.
grants-check-pass = Met
grants-check-warn = Met, but check
grants-check-fail = Not met
grants-files-heading = Attachments
grants-no-files = No attachments yet.
grants-doc-other = Other attachment
grants-field-file-kind = What the file is
grants-field-file = File
grants-field-file-hint = A PDF, an image or an Office or OpenDocument document, at most 10 MB. A new file of the same kind replaces the old one.
grants-upload = Attach the file
grants-field-purpose = What you apply for money for
grants-field-purpose-hint = Describe the activities and what the grant will be used for.
grants-field-purpose-hint-project = Describe the project: what you will do, with whom and what it should lead to.
grants-field-amount = Amount you apply for, in kronor
grants-field-amount-yearly = Amount you apply for per year, in kronor
grants-field-years = Number of years
grants-field-costs = The year's premises costs, in kronor
grants-field-costs-hint = Rent, electricity, heating and insurance of the premises. Attach the lease or rent notices.
grants-field-income = The year's rental income, in kronor
grants-field-members = Number of members
grants-field-project-starts = The project starts
grants-field-project-ends = The project ends
grants-field-democracy = We attest that the association follows the municipality's democracy conditions
grants-field-democracy-hint = The association is democratic, open to everyone and respects the equal worth of all people.
grants-field-co-signer = E-mail of a second board member who is to sign
grants-field-co-signer-hint = Leave empty if nobody else is to sign. The person must represent the association in Överens.
grants-save = Save
grants-submit-heading = Send
grants-submit-intro = Once sent, the application gets a case number and you get a receipt by e-mail. You can change it until the deadline.
grants-submit = Send the application
grants-co-sign-heading = Sign the application
grants-co-sign-intro = As a second board member you attest that the details are correct. Only then does the application count as sent.
grants-co-sign = Sign
grants-problems-heading = This is missing before the application can be sent
grants-missing-purpose = Write what you apply for money for.
grants-missing-amount = Write how much you apply for.
grants-missing-attendance = The association has no attendance that counts in the period. Import the attendance first.
grants-missing-field = Fill in { $field }.
grants-missing-field-costs = the premises costs
grants-missing-field-members = the number of members
grants-missing-field-starts_on = when the project starts
grants-missing-field-ends_on = when the project ends
grants-missing-project-late = A project must be applied for by { $date } to be handled before it starts.
grants-missing-members = The association has { $members } members; the grant needs at least { $min }.
grants-missing-recent-start = The association had a start grant in { $year } and cannot have it again so soon.
grants-missing-attachment = Attach { $what }.
grants-err-number = Write a whole number in digits.
grants-err-project-order = The project cannot end before it starts.
grants-err-years = Choose between 1 and { $n } years.
grants-err-co-signer-self = The person who signs must be someone other than you.
grants-err-completion-past = Choose a date after today.
grants-err-reason-required = Write the reasons. A rejection or a lower amount than applied for must always be explained.
grants-err-over-budget = The decision does not fit the period's budget: { $left } is left.
grants-err-prefix = Use at most 20 letters, digits, spaces, hyphens or full stops.
grants-refused-not-allowed = You cannot take this step in the case.
grants-refused-status = The case has changed meanwhile; this step is no longer possible. The page shows where it stands now.
grants-refused-deadline = The time to change the application has run out.
grants-refused-decided = The case has already been decided by someone else. The page shows the decision.
grants-done-saved = The application is saved.
grants-done-submitted = The application is sent. A receipt with the case number comes by e-mail.
grants-done-co-signed = You have signed the application. It is now sent.
grants-done-attached = The file is attached.
grants-done-taken = You now handle the case.
grants-done-note = The note is saved.
grants-done-scored = The assessment is saved.
grants-done-completion = The request for more information has been sent to the association.
grants-done-proposed = The proposed decision is saved.
grants-done-decided = The decision is made and the association gets the decision letter by e-mail.
grants-completion-heading = More information asked for
grants-completion-until = Complete by
grants-decision-heading = Decision
grants-decision-reason = Reasons
grants-outcome-granted = Granted
grants-outcome-reduced = Granted with a lower amount than applied for
grants-outcome-rejected = Rejected
grants-appeal = The decision was made on { $date }. Any member of the municipality can appeal it by a review of lawfulness (laglighetsprövning, chapter 13 of the Local Government Act). The appeal is sent in writing to the administrative court and must arrive within three weeks of the day { $municipality } announced on its notice board that the minutes with the decision were approved.
grants-years-caption = The grant's years, reports and payments
grants-report-none = No report needed
grants-report-due-on = Report by { $date }
grants-report-submitted = Sent, waiting to be reviewed
grants-paid-not-yet = Not paid yet
grants-paid-recovery = Claimed back
grants-budget-use = The period's budget: { $decided } decided of { $budget }; { $left } left.
grants-proposal = The case officer's proposal: { $amount }. { $note }
grants-back-mine = To my applications
grants-back-queue = To the period's cases
grants-back-queues = To case handling
grants-take-heading = Handle the case
grants-take = Take the case
grants-note-heading = Internal note
grants-note-intro = Only the municipality's case officers see it, never the association.
grants-field-note = Note
grants-field-note-hint = For example what you have checked or whom you have talked to.
grants-note-save = Save the note
grants-notes-heading = Internal notes
grants-score-heading = Assessment against the criteria
grants-score-none = Not assessed
grants-score-save = Save the assessment
grants-completion-form-heading = Ask for more information
grants-completion-form-intro = The association gets your message by e-mail and can change the application until the date you choose.
grants-field-completion-message = What needs to be added
grants-field-completion-deadline = Complete by
grants-completion-send = Send the request
grants-propose-heading = Propose a decision
grants-field-proposed = Proposed amount in kronor
grants-field-proposed-hint = 0 to reject.
grants-field-proposal-note = Explanation for the decision maker
grants-field-proposal-note-hint = For a rejection or a lower amount: the reasons, which the decision maker can use in the decision.
grants-propose = Save the proposal
grants-decide-heading = Decide
grants-decide-intro = You decide by delegation. The association gets the decision with the reasons and how to appeal.
grants-field-decided = Amount granted in kronor
grants-field-decided-hint = Applied for: { $applied }. 0 means a rejection.
grants-field-reason = Reasons for the decision
grants-field-reason-hint = Needed for a rejection and when the amount is lower than applied for. Write so that the association understands the decision.
grants-decide = Make the decision
grants-mine-title = My applications
grants-mine-intro = Here are the applications of the associations you represent, where they stand and what is expected of you.
grants-mine-caption = The associations' applications
grants-mine-empty = The associations have no applications yet.
grants-mine-none-represented = You do not represent any association here. Ask to represent your association from its page in the association registry.
grants-mine-directory = To the association registry
grants-mine-open-heading = Open for applications now
grants-mine-open-none = No grant is open for applications right now.
grants-apply-title = Apply for { $programme }
grants-apply-intro = Choose which association applies. The application is kept as a draft until you send it.
grants-apply-begin = Begin an application for
grants-apply-existing = already has an application in the period – open it
grants-apply-not-open = Applications cannot be made in this period now.
grants-queues-title = Handling of grants
grants-queues-intro = Every period with sent applications and how many wait for handling or a decision.
grants-queues-caption = Periods and their cases
grants-payouts-link = Payouts
grants-deciders-link = Who decides, and case numbers
grants-queue-title = Cases – { $period }
grants-queue-all = All sent
grants-queue-filter = Show cases that are
grants-queue-show = Show
grants-queue-caption = The period's cases in the order they came in
grants-queue-empty = No cases to show.
grants-queue-showing = Showing { $from }–{ $to } of { $total } cases.
grants-queue-pages = Pages
grants-queue-previous = Previous page
grants-queue-next = Next page
grants-budget-decided = Decided
grants-budget-proposed = Proposed, not decided
grants-budget-left = Left to decide on
grants-budget-over = Decided and proposed together are more than the budget.
grants-deciders-title = Decision makers and case numbers
grants-deciders-intro = Case officers propose decisions; only people with the right to decide (by the committee's delegation) can make them.
grants-deciders-none = Nobody has the right to decide yet.
grants-deciders-caption = People with the right to decide
grants-deciders-remove = Remove the right to decide of
grants-deciders-add-heading = Give the right to decide
grants-deciders-field-user = Person among the municipality's case officers
grants-deciders-add = Give the right to decide
grants-deciders-saved = The change is saved.
grants-prefix-heading = Case numbers
grants-prefix-field = Prefix
grants-prefix-hint = The committee's abbreviation, for example KFN. Case numbers then look like KFN 2027/0042.
grants-prefix-save = Save the prefix
grants-mail-receipt-subject = We have received your application { $case }
grants-mail-receipt-body =
    Hello,

    { $municipality } has received the application from { $association } for { $programme }.
    Case number: { $case }
    Amount applied for: { $amount }

    You can change the application until the deadline, { $date }. You will get an e-mail when it has been handled.
    The application: { $url }
grants-mail-co-sign-subject = Sign the application from { $association }
grants-mail-co-sign-body =
    Hello,

    { $association } has sent an application for { $programme } to { $municipality }. It counts only once a second board member has signed it.

    Log in and sign here: { $url }
grants-mail-completion-subject = Complete the application { $case }
grants-mail-completion-body =
    Hello,

    The case officer at { $municipality } needs more to handle the application from { $association } for { $programme }:

    { $text }

    Complete it by { $date } here: { $url }
grants-mail-granted-subject = Decision on { $programme }: granted ({ $case })
grants-mail-granted-body =
    Hello,

    { $municipality } has granted { $association } { $amount } in { $programme }.
    Case number: { $case }

    The decision was made on { $date }. Any member of the municipality can appeal it by a review of lawfulness (laglighetsprövning, chapter 13 of the Local Government Act). The appeal is sent in writing to the administrative court and must arrive within three weeks of the day the municipality announced on its notice board that the minutes with the decision were approved.

    The decision: { $url }
grants-mail-reduced-subject = Decision on { $programme }: a lower amount ({ $case })
grants-mail-reduced-body =
    Hello,

    { $municipality } has granted { $association } { $amount } in { $programme }, less than applied for.
    Case number: { $case }

    Reasons: { $text }

    The decision was made on { $date }. Any member of the municipality can appeal it by a review of lawfulness (laglighetsprövning, chapter 13 of the Local Government Act). The appeal is sent in writing to the administrative court and must arrive within three weeks of the day the municipality announced on its notice board that the minutes with the decision were approved.

    The decision: { $url }
grants-mail-rejected-subject = Decision on { $programme }: rejected ({ $case })
grants-mail-rejected-body =
    Hello,

    { $municipality } has rejected the application from { $association } for { $programme }.
    Case number: { $case }

    Reasons: { $text }

    The decision was made on { $date }. Any member of the municipality can appeal it by a review of lawfulness (laglighetsprövning, chapter 13 of the Local Government Act). The appeal is sent in writing to the administrative court and must arrive within three weeks of the day the municipality announced on its notice board that the minutes with the decision were approved.

    If you have questions about the decision, you are welcome to contact the municipality.
    The decision: { $url }
grants-choose = Choose
## Payouts, public decisions, reports (h-payouts)

grants-pay-title = Payouts
grants-pay-intro = Granted amounts that may be paid and are not yet paid, in lists by the day they became payable: the decision day for the first year, the day the previous year's report was approved for later years. Download a list for the finance system and mark it as paid once the money has gone out.
grants-pay-none = There is nothing to pay out right now.
grants-pay-done = { $n ->
    [one] One payout is marked as paid. The association gets a letter about it.
   *[other] { $n } payouts are marked as paid. The associations get a letter about them.
}
grants-pay-list-heading = Payout list
grants-pay-list-summary = { $n } to pay, { $total } in all.
grants-pay-flagged-note = Rows without a valid bankgiro or plusgiro are shown but left out of the files, and are not marked as paid, until the account is corrected in the register of associations.
grants-pay-caption = Payouts payable from
grants-pay-col-association = Association
grants-pay-col-org-number = Organisation number
grants-pay-col-account = Bankgiro or plusgiro
grants-pay-col-amount = Amount
grants-pay-col-reference = Reference
grants-pay-col-decision = Decision
grants-pay-not-exportable = Cannot be paid:
grants-pay-account-missing = the association has no bankgiro or plusgiro.
grants-pay-account-invalid = the bankgiro or plusgiro number is not valid.
grants-pay-fix = Correct it in the register
grants-pay-nothing-exportable = No row of the list can be paid yet.
grants-pay-download = Download for the finance system:
grants-pay-csv = CSV file
grants-pay-xlsx = Excel file (XLSX)
grants-pay-mark-paid = Mark the list as paid
grants-dec-title = Grant decisions { $year }
grants-dec-intro = The municipality's decisions on grants to associations during the year. The reasons for a decision go to the applicant, in their decision.
grants-dec-year = Year
grants-dec-show = Show the year
grants-dec-none = There are no decisions that year.
grants-dec-summary = { $n } decisions, { $granted } of them granted, { $total } in all.
grants-dec-col-association = Association
grants-dec-col-programme = Grant
grants-dec-col-amount = Amount
grants-dec-col-date = Decision date
grants-dec-col-outcome = Decision
grants-dec-outcome-granted = Granted
grants-dec-outcome-reduced = Partly granted
grants-dec-outcome-rejected = Rejected
grants-dec-amount-years = { $amount } a year for { $years } years
grants-dec-api = The decisions as JSON
grants-report-title = Report for year { $year }
grants-report-intro = { $association } reports on { $programme }, year { $year } of { $years }.
grants-report-facts-caption = The year and its report
grants-report-case = Case
grants-report-amount = Amount for the year
grants-report-due = Report due by
grants-report-paid = Paid
grants-report-not-paid = Not paid yet
grants-report-state = The report
grants-report-sent = Sent
grants-report-approved = Approved
grants-report-state-not-asked = No report needed
grants-report-state-missing = Not sent
grants-report-state-submitted = Sent, waiting for the case officer
grants-report-state-returned = The case officer asks for more
grants-report-state-approved = Approved
grants-report-overdue = The report is late. The next payout waits until it is approved.
grants-report-recovery-started = The municipality has asked for the year's grant back (recovery) on { $date }: { $reason }
grants-report-payouts-stopped = The grant's payouts are stopped because the municipality has asked for money back for another year.
grants-report-feedback-heading = What the report also needs
grants-report-text-heading = The report
grants-report-write-heading = Write the report
grants-report-write-intro = Tell what the association has done with the grant during the year and how it went. You can send the report before or after the last day, and change it until it is approved.
grants-report-field = Report
grants-report-field-hint = At most 8,000 characters. Leave an empty line between paragraphs.
grants-report-submit = Send the report
grants-report-review-heading = Review the report
grants-report-approve = Approve the report
grants-report-send-back = Ask for more
grants-report-message = What does the association need to add?
grants-report-message-hint = The association sees what you write here.
grants-report-recover-heading = Recovery
grants-report-recover-intro = Ask for the year's grant back when the report has not come in on time or cannot be approved. The grant's further payouts stop and the association gets a letter with the reason.
grants-report-reason = Reason for the recovery
grants-report-reason-hint = The association gets the reason in the letter.
grants-report-recover = Start the recovery
grants-report-back = To the application
grants-reminder-soon = The report for year { $year } is due by { $date }. Write it here: { $link }
grants-reminder-overdue = The report for year { $year } was due on { $date } and has not come in. The next payout waits until it is approved. Write it here: { $link }
grants-mail-paid-subject = Grant paid, { $case }
grants-mail-paid-body = Hello,

    { $municipality } has paid { $amount } to { $association } for { $programme } ({ $date }). The payment has the reference { $text } and reaches the association's bankgiro or plusgiro within a few banking days.

    Application: { $url }
grants-mail-reminder-subject = Report reminder, { $case }
grants-mail-reminder-body = Hello,

    { $text }

    It concerns { $programme } to { $association }.

    Application: { $url }

    { $municipality }
grants-mail-recovery-subject = Recovery of grant, { $case }
grants-mail-recovery-body = Hello,

    { $municipality } asks for { $amount } of { $programme } to { $association } back. The report was due on { $date }.

    Reason: { $text }

    The grant's further payouts are stopped. Contact the municipality about how to pay the money back, or if you want to appeal the decision.

    Application: { $url }
grants-apply-in = Apply for { $period }
grants-cases-in = Cases for { $period }
grants-decisions-link = Decisions on grants
grants-activity-heading = Activity support from attendance
grants-activity-intro = Count each sent application's support from the association's attendance in the period under the rules and propose the amounts. When the budget does not reach, everyone gets the same share of their amount. Cases nobody has taken are taken by you.
grants-activity-propose = Propose amounts from attendance
grants-activity-proposed = { $n } proposed decisions were made from attendance.
grants-activity-note = Counted from attendance under the rules: { $claim }.
grants-activity-note-shared = Counted from attendance under the rules: { $claim }. The period's applications are more than the budget, so everyone gets the same share of their amount: { $share }.
## A period's activity support for all associations (staff)
grants-period-title = Activity support for all associations – { $period }
grants-period-intro = Every association with attendance in the period's dates: the meetings and participations that count and the amount by the programme's rules. Follow an association's name to see each meeting.
grants-period-claimed = The associations' amounts by the rules come to { $claimed }. The period's budget is { $budget }.
grants-period-within = The amounts fit in the budget, so each association gets its whole amount.
grants-period-prorated = The amounts exceed the budget. Each association therefore gets the same share of its amount, { $share } (the budget divided by the sum of the amounts), rounded down to whole öre: { $paid } in all.
grants-period-associations-heading = Associations
grants-period-none = No association has attendance in the period's dates.
grants-period-caption = Activity support per association
grants-period-col-name = Association
grants-period-col-meetings = Meetings that count
grants-period-col-participations = Participations
grants-period-col-amount = Amount by the rules
grants-period-col-prorated = Amount within the budget
grants-period-sum = Total
grants-period-csv = Download the table as a CSV file
grants-period-totals-heading = The whole period
grants-period-totals-caption = Participations that count, by gender and age
grants-period-link = Activity support for all associations
grants-home-deadlines = Application deadlines
grants-home-none = No grants are open for applications at the moment.
grants-home-open-until = Open for applications until { $date }
grants-home-opens = Opens { $date }
grants-home-apply = Apply
grants-home-all = All grants
