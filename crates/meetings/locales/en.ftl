nav-meetings = Meetings
meetings-title = Dialog meetings and council
meetings-intro = The meetings of the municipality and civil society: when and where they are, how to register and what came out of them.
meetings-coming = Coming meetings
meetings-past = Past meetings
meetings-none-coming = No meetings are planned right now.
meetings-none-past = No past meetings.
meetings-subscribe = Subscribe to the calendar
meetings-subscribe-intro = Add the link to your calendar and new meetings will appear by themselves.
meetings-feed-all = All meetings
meetings-feed-name = Meetings in { $name }
meetings-action-new = New meeting
meetings-action-series = Meeting series
meetings-action-edit = Edit the meeting
meetings-action-participants = Participants and attendance
meetings-back-to-list = Back to the meetings
meetings-back-to-meeting = Back to the meeting
meetings-back-to-participants = Back to the participants
meetings-series-title = Meeting series
meetings-series-none = There are no meeting series yet.
meetings-series-first = First create a meeting series, for example "Dialog meetings" or "Collaboration council".
meetings-submit-series = Create the series
meetings-done-series = The series has been created.
meetings-field-series-name = Name of the series
meetings-field-series-name-hint = For example "Together for the future of Sala – dialog meetings".
meetings-field-series-description = Description
meetings-err-series-exists = There is already a series with that name.
meetings-new-title = New meeting
meetings-edit-title = Edit { $title }
meetings-submit-meeting = Save the meeting
meetings-field-series = Series
meetings-field-number = Number in the series
meetings-field-number-hint = For example 6 for dialog meeting no. 6.
meetings-field-title = Heading
meetings-field-theme = Theme
meetings-field-date = Date
meetings-field-gathering = Gathering
meetings-field-gathering-text = What is served at the gathering
meetings-field-gathering-text-hint = For example "coffee/tea and sandwiches".
meetings-field-start = The meeting starts
meetings-field-end = The meeting ends
meetings-field-time-hint = A time of day, for example 18:30.
meetings-field-place = Place
meetings-field-accessibility = Accessibility
meetings-field-accessibility-hint = For example ground floor, accessible toilet, hearing loop.
meetings-field-agenda = Agenda
meetings-field-contacts = Contact persons
meetings-field-contacts-hint = Name, e-mail and phone, one person per line.
meetings-field-capacity = Number of seats
meetings-field-capacity-hint = Leave empty if the number is not limited.
meetings-field-deadline = Last day to register
meetings-field-consent-text = Consent text
meetings-field-invitation-text = Invitation text
meetings-field-invitation-text-hint = Greeting and background shown in the invitation.
meetings-default-consent = By registering you agree that the contact details you give are recorded in the list of participants and contacts.
meetings-default-gathering = coffee/tea and sandwiches
meetings-theme = Theme
meetings-when = Time
meetings-at = at
meetings-gathering = Gathering
meetings-gathering-short = gathering
meetings-place = Place
meetings-accessibility = Accessibility
meetings-deadline = Last day to register
meetings-agenda = Agenda
meetings-contacts = Contact persons
meetings-seats-unlimited = { $n } registered.
meetings-seats-left = { $n } of { $capacity } seats left.
meetings-seats-full = The meeting is full. Register anyway to join the waiting list ({ $waiting } waiting).
meetings-register-link = Register for the meeting
meetings-add-to-calendar = Add to your calendar (.ics)
meetings-register-title = Register for { $title }
meetings-register-by = Register by { $date }.
meetings-submit-register = Register me
meetings-field-name = Name
meetings-field-email = E-mail
meetings-field-email-hint = We send the confirmation there, with a link to cancel.
meetings-field-organisation = Organisation or department
meetings-field-organisation-hint = For example your association or your unit in the municipality.
meetings-field-party = I come as
meetings-field-dietary = Food (allergies, special diet)
meetings-field-needs = Needs to be able to take part
meetings-field-needs-hint = For example a hearing loop, a sign language interpreter or room for a wheelchair.
meetings-field-consent = I agree to this
meetings-choose = Choose
meetings-party-municipality = The municipality
meetings-party-civil-society = Civil society
meetings-party-politician = Elected representative
meetings-party-guest = Guest
meetings-status-confirmed = Registered
meetings-status-waiting = On the waiting list
meetings-status-cancelled = Cancelled
meetings-registered-title = You are registered
meetings-registered-waiting-title = You are on the waiting list
meetings-registered = You are registered for { $title }. We have sent a confirmation to { $email }.
meetings-registered-waiting = The meeting is full, so you are on the waiting list for { $title }. If someone cancels you get the seat and an e-mail to { $email }.
meetings-cancel-link = Cancel the registration
meetings-cancel-title = Cancel your registration for { $title }
meetings-cancel-intro = { $name }, do you want to cancel your registration?
meetings-submit-cancel = Yes, cancel my registration
meetings-cancelled = Your registration has been cancelled.
meetings-err-no-registration = There is no such registration. The link may be wrong.
meetings-err-date = Write a date like 2018-09-20.
meetings-err-time = Write a time like 18:30.
meetings-err-end-before-start = The meeting must end after it starts.
meetings-err-number = Write a whole number.
meetings-err-party = Choose how you come.
meetings-err-consent = You need to agree to the text to register.
meetings-err-series = Choose a series.
meetings-err-closed = Registration is closed.
meetings-err-already = This e-mail address is already registered for the meeting.
meetings-participants-title = Participants: { $title }
meetings-participants = Participants
meetings-no-participants = Nobody has registered yet.
meetings-by-party = Attendance by party
meetings-total = Total
meetings-print = Printable list
meetings-download-csv = Download as CSV
meetings-download-xlsx = Download as Excel (XLSX)
meetings-submit-attendance = Save attendance
meetings-done-attendance = Attendance has been saved.
meetings-col-name = Name
meetings-col-email = E-mail
meetings-col-organisation = Organisation
meetings-col-party = Party
meetings-col-dietary = Food
meetings-col-needs = Needs
meetings-col-status = Status
meetings-col-present = Present
meetings-col-registered = Registered
meetings-yes = Yes
meetings-mail-confirmed-subject = You are registered: { $title }
meetings-mail-confirmed-body =
    Hello { $name }!

    You are registered for the meeting. Welcome!

    { $facts }

    The meeting is in the attached calendar file. Read more: { $link }

    Cannot come? Cancel here so that someone on the waiting list gets the seat:
    { $cancel }
meetings-mail-waiting-subject = You are on the waiting list: { $title }
meetings-mail-waiting-body =
    Hello { $name }!

    The meeting is full, so you are on the waiting list. If someone cancels you get the seat and a new e-mail.

    { $facts }

    Read more: { $link }

    No longer want to wait? Cancel here:
    { $cancel }
meetings-mail-promoted-subject = You have a seat: { $title }
meetings-mail-promoted-body =
    Hello { $name }!

    Someone cancelled, so now you have a seat at the meeting. Welcome!

    { $facts }

    The meeting is in the attached calendar file. Read more: { $link }

    Cannot come? Cancel here:
    { $cancel }
meetings-mail-cancelled-subject = Your registration is cancelled: { $title }
meetings-mail-cancelled-body =
    Hello { $name }!

    Your registration for the meeting has been cancelled.

    { $facts }

    Want to register again? { $link }
meetings-mail-reminder-subject = Reminder: { $title }
meetings-mail-reminder-body =
    Hello { $name }!

    The meeting is soon. Welcome!

    { $facts }

    Read more: { $link }
meetings-action-minutes = Minutes and group discussions
meetings-read-minutes = Read the minutes
meetings-minutes-title = Minutes: { $title }
meetings-minutes-edit-title = Write the minutes: { $title }
meetings-minutes-draft = Draft. The minutes are not published; only the coordinator sees them.
meetings-minutes-is-published = The minutes are published and visible to everyone.
meetings-minutes-is-draft = The minutes are not published yet.
meetings-minutes-view = Show the minutes
meetings-submit-publish = Publish the minutes
meetings-submit-unpublish = Unpublish
meetings-err-no-minutes = There are no published minutes of this meeting.
meetings-minutes-heading = Present and next meeting
meetings-item-heading = New item
meetings-assignment-heading = New assignment
meetings-question-heading = New question for the group discussions
meetings-answer-heading = A group's answer
meetings-summary-heading = Summary of question { $n }: { $text }
meetings-items-so-far = Items
meetings-questions-so-far = Questions (number of answers)
meetings-assignments = Assignments
meetings-decision = Decision
meetings-views-heading = Views and suggestions for improvement
meetings-submit-minutes = Save
meetings-submit-item = Add the item
meetings-submit-assignment = Add the assignment
meetings-submit-question = Add the question
meetings-submit-answer = Add the answer
meetings-submit-summary = Save the summary
meetings-field-present = Present
meetings-field-present-hint = Names, with party or organisation if you like, separated by commas.
meetings-field-guests = Invited
meetings-field-next-meeting = Next meeting
meetings-field-written-by = Minutes taken by
meetings-field-item-heading = Heading
meetings-field-item-body = Text
meetings-field-item-decision = Decision
meetings-field-who = Who
meetings-field-what = What
meetings-field-due = By
meetings-field-activity = Activity in the action plan
meetings-no-activity = None
meetings-field-question = Question
meetings-field-answer-question = Question
meetings-field-group = Group
meetings-field-group-hint = For example "Group 1" or "Civil society, group 2".
meetings-field-answer = The group's answer
meetings-field-summary = Summary
meetings-err-activity = Choose an activity of the municipality's action plan.
meetings-err-question = Choose one of the meeting's questions.
meetings-done-minutes = The minutes have been saved.
meetings-done-item = The item has been added.
meetings-done-assignment = The assignment has been added.
meetings-done-question = The question has been added.
meetings-done-answer = The answer has been added.
meetings-done-summary = The summary has been saved.
meetings-done-published = The minutes have been published.
meetings-done-unpublished = The minutes are no longer published.
meetings-weekday-1 = Monday
meetings-weekday-2 = Tuesday
meetings-weekday-3 = Wednesday
meetings-weekday-4 = Thursday
meetings-weekday-5 = Friday
meetings-weekday-6 = Saturday
meetings-weekday-7 = Sunday
meetings-invitation-title = Invitation: { $title }
meetings-invitation-subject = Invitation: { $title }
meetings-invitation-link = Read the invitation
meetings-invitation-print = Printable invitation
meetings-invitation-send = Send the invitation by e-mail
meetings-letter-to = To the associations in { $name } and the representatives of { $name }
meetings-letter-gathering = { $from }–{ $to } gathering and { $what }
meetings-letter-dialog = { $from }–{ $to } dialog
meetings-letter-registration = Registration
meetings-letter-register-by = Register by { $date } at { $link }. Call or e-mail if you would like help to register!
meetings-letter-register = Register at { $link }. Call or e-mail if you would like help to register!
meetings-letter-background = The process so far
meetings-letter-unsubscribe = No more invitations? Unsubscribe here:
meetings-send-title = Send the invitation: { $title }
meetings-send-intro = Choose the lists the invitation goes to. Everyone gets a mail of their own with a link to unsubscribe. Those who have unsubscribed get nothing.
meetings-list-contacts = Contact persons in the association registry ({ $n })
meetings-list-signatories = Those who signed the agreement ({ $n })
meetings-list-participants = Participants of earlier meetings ({ $n })
meetings-submit-send = Send the invitation
meetings-sent = The invitation is being sent to { $n } recipients.
meetings-back-to-invitation = Back to the invitation
meetings-unsubscribe-title = Stop invitations
meetings-unsubscribe-intro = Do you want { $email } to stop getting invitations to meetings in { $name }?
meetings-submit-unsubscribe = Yes, stop
meetings-unsubscribed = { $email } will get no more invitations.
meetings-err-no-subscription = There is no such link. It may be wrong.
meetings-privacy-title = Participants' personal data
meetings-privacy-intro = Decide how long participants' contact details are kept after a meeting, and export or erase everything about one person. The counts per party and the attendance stay.
meetings-field-retention = Days the contact details are kept after the meeting
meetings-field-retention-hint = Between 1 and 3650 days. Then name, e-mail, organisation and needs are removed.
meetings-submit-retention = Save
meetings-done-retention = The retention time has been saved.
meetings-err-retention = Write a number of days between 1 and 3650.
meetings-submit-export = Export a person's data
meetings-export-intro = You get a file (JSON) with everything the meetings' registrations hold about the person.
meetings-submit-erase = Erase a person's data
meetings-erase-intro = Name, e-mail, organisation and needs are removed from all the person's registrations. The counts per party and the attendance stay. This cannot be undone.
meetings-field-person-email = The person's e-mail address
meetings-field-erase-confirm = I understand that this cannot be undone
meetings-err-erase-confirm = Confirm that you want to erase.
meetings-done-erased = The data has been erased from { $n } registrations.
meetings-field-premises = Premises in the association registry
meetings-field-premises-hint = Choose premises and the place and accessibility are filled in if you leave them empty.
meetings-field-place-hint = The address or the name of the premises, if you did not choose premises above.
meetings-premises-none = None, I write the place
meetings-premises-ground-floor = The premises are on the ground floor.
meetings-premises-step-free = The entrance has no steps.
meetings-premises-lift = There is a lift.
meetings-premises-toilet = There is an accessible toilet.
meetings-premises-hearing-loop = There is a hearing loop.
meetings-attendance-heading = Present per party
meetings-series-heading = Meeting series
meetings-series-feed = Calendar of { $name } (.ics)
meetings-own-link = See and erase your data
meetings-own-title = Your data in the registration
meetings-own-intro = This is what you gave when you registered:
meetings-own-erase-intro = If you erase your data, your registration is cancelled and the data is erased. This cannot be undone.
meetings-submit-erase-own = Erase my data
meetings-own-erased = Your data has been erased and your registration cancelled.
meetings-erased-person = (data erased)
meetings-link-expired-title = The link has expired
meetings-link-expired = The link has expired. Links for cancelling and for your data work until { $days } days after the meeting. To see or erase your data, contact { $name }.
meetings-check-mail-title = Confirm your registration
meetings-check-mail = Thank you! We have sent an e-mail to { $email }. Open the link in it to confirm the registration for { $title }; it counts only then. If the address is already registered, you get an e-mail saying so instead.
meetings-confirm-title = Confirm the registration for { $title }
meetings-confirm-intro = { $name }, confirm that you want to register with the address { $email }.
meetings-submit-confirm = Confirm the registration
meetings-err-no-pending = The registration does not exist or is already confirmed. The link works for two days.
meetings-mail-confirm-subject = Confirm your registration: { $title }
meetings-mail-confirm-body =
    Hello { $name }!

    Someone, probably you, registered this address for the meeting below. Confirm the registration by opening the link (it works for two days):
    { $confirm }

    { $facts }

    If you did not register, ignore this e-mail; nothing is kept.
meetings-mail-already-subject = You are already registered: { $title }
meetings-mail-already-body =
    Hello!

    Someone tried to register this address for the meeting below, but you are already registered. To cancel, use the link in your first e-mail.

    { $facts }

    Read more: { $link }

# Calling off and moving a meeting
meetings-action-call-off = Call off the meeting
meetings-call-off-title = Call off: { $title }
meetings-call-off-intro = Everyone registered ({ $confirmed }) and everyone on the waiting list ({ $waiting }) gets an e-mail saying the meeting is called off, with a calendar file that removes it from their calendar. Registration closes. This cannot be undone.
meetings-call-off-message = Message to those registered
meetings-call-off-message-hint = Optional. For example why the meeting is called off and whether a new date will come.
meetings-call-off-submit = Call off the meeting and tell those registered
meetings-call-off-over = The meeting is already over and cannot be called off.
meetings-called-off = The meeting is called off.
meetings-called-off-on = Called off { $date }.
meetings-listed-called-off = { $title } (called off)
meetings-mail-called-off-subject = Called off: { $title }
meetings-mail-called-off-body =
    Hello { $name }!

    The meeting below is called off. You need not do anything. The calendar file in this e-mail removes the meeting from your calendar.

    { $message }{ $facts }

    Read more: { $link }
meetings-mail-moved-subject = New time or place: { $title }
meetings-mail-moved-body =
    Hello { $name }!

    The meeting has a new time or a new place. This is what holds now:

    { $facts }

    Before: { $before }

    If you have a seat, the calendar file in this e-mail updates the meeting in your calendar.

    Read more: { $link }

# Reminder lead time per series
meetings-field-remind-days = Reminder, days before the meeting
meetings-field-remind-days-hint = Those with a seat get a reminder this many days before each meeting of the series. 0 means no reminder. At most { $max }. Empty means { $default }.
meetings-err-remind-days = Enter a whole number of days, from 0 to 60.
meetings-remind-days-link = Reminder for { $name }: { $days } days before
meetings-remind-days-title = Reminder: { $name }
meetings-remind-days-intro = The change applies to meetings that have not had their reminder yet.
meetings-submit-remind-days = Save
meetings-done-remind-days = Saved. The reminder goes { $days } days before the meeting.
## Corrections of the minutes, general comments and discussion groups
meetings-changed-on = Changed { $date }
meetings-corrected-note = The minutes have been corrected after they were published.
meetings-answers-to = Answers to question { $n }: { $text }
meetings-comments-heading = Other views
meetings-comment-heading = Add another view
meetings-field-comment-topic = Topic
meetings-field-comment-topic-hint = For example “Dialogue on premises”. Another view answers none of the questions.
meetings-field-comment = View
meetings-submit-comment = Add the view
meetings-done-comment = The view has been added.
meetings-done-corrected = The change has been saved.
meetings-done-moved = The order has been changed.
meetings-done-removed = It has been removed.
meetings-entry-edit = Change
meetings-entry-up = Move up
meetings-entry-down = Move down
meetings-entry-remove = Remove
meetings-correct-title = Change the minutes: { $title }
meetings-correct-published = The minutes are published. A change is shown with today's date on the published minutes.
meetings-correct-draft = The minutes are a draft. The change shows when they are published.
meetings-submit-correction = Save the change
meetings-back-to-minutes-edit = Back to the minutes
meetings-action-groups = Groups of the group discussions
meetings-groups-title = Groups: { $title }
meetings-groups-intro = Divide the registered participants into groups of about five people. A group can be for one party at a time, for example only civil society.
meetings-groups-none = There are no groups yet.
meetings-groups-participants = Registered participants and their groups
meetings-group-empty = Nobody has been placed in the group yet.
meetings-group-mixed = Several parties
meetings-group-none = No group
meetings-group-new-heading = New group
meetings-group-place-heading = Place a participant in a group
meetings-field-group-name = The group's name
meetings-field-group-party = Party
meetings-field-group-party-hint = Choose a party if the group is only for that party.
meetings-field-participant = Participant
meetings-submit-group = Create the group
meetings-submit-place = Place
meetings-done-group = The group has been created.
meetings-done-placed = The participant has been placed.
meetings-err-group-taken = The meeting already has a group with that name.
meetings-err-group-party = The group is for another party than the participant's.
meetings-err-participant = Choose a confirmed participant of the meeting.

## Documents
meetings-documents-title = Documents: { $title }
meetings-documents-intro = Here you add documents to the meeting, for example the draft to be discussed, and to the minutes, for example a report. The meeting's documents are linked from the invitation. The minutes' documents become visible to everyone when the minutes are published.
meetings-documents-group-intro = The working group's documents. Anyone can read them.
meetings-documents-heading = Documents
meetings-documents-meeting = The meeting's documents
meetings-documents-minutes = The minutes' documents
meetings-documents-none = There are no documents yet.
meetings-documents-to-meeting = The meeting (linked from the invitation)
meetings-documents-to-minutes = The minutes
meetings-document-upload-heading = Add a document
meetings-document-field = File
meetings-document-hint = PDF, Word, Excel, PowerPoint, OpenDocument or an image, at most 10 MB.
meetings-document-title = Title
meetings-document-title-hint = Shown in the list. Without a title the file's name is shown.
meetings-document-parent = The document belongs to
meetings-document-submit = Add the document
meetings-document-remove = Remove
meetings-document-missing = Choose a file.
meetings-document-too-large = The file is larger than 10 MB.
meetings-document-type = The file is not a PDF, an Office document or an image.
meetings-document-title-long = The title may be at most 300 characters.
meetings-done-document = The document has been added.
meetings-done-document-removed = The document has been removed.
meetings-back-to-group = Back to the working group
meetings-action-documents = Documents
meetings-letter-documents = Documents

meetings-turnout-title = The associations' turnout
meetings-turnout-link = The associations' turnout at the meetings
meetings-turnout-intro = How large a share of the associations in the registry take part in the meetings. A registration counts for an association when the name written in it is the association's name in the registry. Until attendance is recorded those registered are counted, after that those who came.
meetings-turnout-whole = { $whole ->
    [one] The registry holds one association.
   *[other] The registry holds { $whole } associations.
}
meetings-turnout-none = No association in the registry has registered for a meeting yet.
meetings-turnout-years-caption = Associations that took part in at least one meeting, per year
meetings-turnout-meetings = Per meeting
meetings-turnout-registered = { $n } of the registry's { $whole } associations ({ $percent } %) have registered.
meetings-turnout-attended = { $n } of the registry's { $whole } associations ({ $percent } %) took part.
meetings-col-year = Year
meetings-col-meetings = Meetings
meetings-col-associations = Associations
meetings-col-share = Share of the registry

meetings-topics-title = Topics for the meetings
meetings-topics-link = Propose a topic for a coming meeting
meetings-topics-intro = Here the association proposes topics it wants to raise at a coming meeting. The coordinator answers: the topic is taken up at a meeting or gets an answer saying why not.
meetings-topics-intro-coordinator = Topics the associations propose for coming meetings. Take a topic up at a meeting, and it shows on the meeting's page, or answer the association why not.
meetings-topics-heading = Proposed topics
meetings-topics-none = No topics have been proposed yet.
meetings-topic-new-heading = Propose a topic
meetings-field-topic-organisation = Association
meetings-field-topic-title = Topic
meetings-field-topic-description = What do you want to raise?
meetings-field-topic-description-hint = A few sentences of background help the coordinator plan the meeting.
meetings-submit-topic = Send the proposal
meetings-done-topic = The proposal has been sent to the coordinator.
meetings-done-topic-decision = The decision is saved.
meetings-topic-proposed = Proposed { $date }, waiting for an answer.
meetings-topic-accepted = Taken up at a meeting.
meetings-topic-declined = Declined.
meetings-topic-taken-up = Taken up at { $title }.
meetings-topic-declined-because = Declined: { $answer }
meetings-topic-decide = Decide
meetings-topic-decision-title = Proposal: { $title }
meetings-topic-decision-intro = Proposed by { $organisation }.
meetings-topic-no-coming = There is no coming meeting to take the topic up at. Add the meeting first, or decline.
meetings-topic-take-up-at = Take up at { $title }
meetings-topic-decline = Decline
meetings-field-topic-choice = Decision
meetings-field-topic-answer = Answer to the association
meetings-field-topic-answer-hint = Needed when the topic is declined.
meetings-submit-topic-decision = Save the decision
meetings-back-to-topics = Back to the topics
meetings-topics-at-meeting = Topics from the associations

meetings-list-group = The working group's members ({ $n })
meetings-group-meetings-title = Meetings of { $name }
meetings-group-meetings-intro = The working group's own meetings, besides the dialog meetings. A meeting's invitation can be sent to the group's members.
meetings-group-series-none = The working group has no meetings of its own yet. Start the group's series of meetings, then you can add meetings to it and invite the group's members.
meetings-submit-group-series = Start the working group's meetings
meetings-group-series-description = Meetings of the working group { $name }.
meetings-group-series-taken = There is already a series of meetings called { $name }. Rename that series first.
meetings-group-series-link = The series of meetings
meetings-group-series-feed = Subscribe to the working group's meetings (calendar)
meetings-home-next = Coming meetings
meetings-home-none = No meetings are announced at the moment.
meetings-home-register = Register
meetings-home-all = All meetings
meetings-home-minutes = Latest minutes
meetings-home-no-minutes = No minutes have been published yet.
meetings-tally = { $n ->
    [one] { $n } meeting held
   *[other] { $n } meetings held
}

meetings-description = Dialogue meetings between { $name } municipality and civil society: coming meetings, registration, invitations and minutes.
