# The consultation group (remissgrupp).
support-consultations-title = Consultation group
support-consultations-description = { $name }'s consultation group: civil society and the municipality discuss single issues.
support-consultations-intro = In the consultation group, associations and the municipality's staff give their views on single issues. The municipality's coordinator sends the group a consultation with questions, documents and a deadline, and the members answer for their association.
support-consultations-kept = As a member, your name, your e-mail address (for the invitations), the association you answer for and when you joined are kept. You can leave the group at any time with one button; the data is then removed.
support-consultations-login = Log in to join the consultation group
support-consultations-join = Join the consultation group
support-consultations-organisation = Association or organisation you answer for
support-consultations-organisation-hint = Optional. Leave it empty if you take part as the municipality's staff or for yourself.
support-consultations-consent = I agree that my details are kept for the consultation group
support-consultations-consent-hint = { $municipality } keeps your name, your e-mail address and the association to invite you to consultations. You can leave the group at any time.
support-consultations-consent-required = Tick the box to join.
support-consultations-member = You are a member of the consultation group.
support-consultations-member-for = You are a member of the consultation group for
support-consultations-leave = Leave the consultation group
support-consultations-joined = You are now a member of the consultation group.
support-consultations-left = You have left the consultation group.
support-consultations-removed = The member is removed.
support-consultations-members = Members
support-consultations-no-members = No members yet.
support-consultations-remove = Remove
support-consultations-open = Open a consultation
support-consultations-open-intro = A consultation is about a single issue. When you open it, every member of the group is invited by e-mail.
support-consultations-opened = The consultation is open and the members have been invited.
support-consultations-f-title = Title
support-consultations-f-question = Question or questions
support-consultations-f-documents = Documents
support-consultations-f-documents-hint = Links to the documents, one a line (starting with https://). Optional.
support-consultations-f-deadline = Last day to answer
support-consultations-title-required = Write a title.
support-consultations-question-required = Write the question.
support-consultations-too-long = The text is too long.
support-consultations-documents-links = Write links only, one a line, starting with https://.
support-consultations-deadline-required = Choose the last day to answer.
support-consultations-deadline-past = The last day to answer cannot have passed.
support-consultations-list = Consultations
support-consultations-deadline = Last day to answer:
support-consultations-mail-subject = Consultation from { $municipality }: { $title }
support-consultations-mail-body =
    Hello,

    { $municipality } sends the consultation group a consultation: { $title }.

    Answer for your association by { $deadline }. Read the questions and documents here:
    { $url }

    You receive this letter because you are a member of the consultation group. You can leave the group on the same page.
