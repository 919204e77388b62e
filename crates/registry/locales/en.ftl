nav-registry = Associations
registry-title = Association registry
registry-intro = Associations and other civil society organisations in { $name }. Search by name, activity or words in the mission statement.
registry-search-label = Search
registry-search-hint = For example “idrott”, “kör” or an association's name.
registry-search-submit = Search and filter
registry-filter-category = Category
registry-filter-any-category = All categories
registry-filter-more = Only show
registry-filter-signed = Has signed the agreement
registry-filter-premises = Has its own premises
registry-filter-accessibility = Accessibility of the premises
registry-results-heading = Results
registry-found = { $n ->
    [0] No organisations found.
    [one] 1 organisation found.
   *[other] { $n } organisations found.
}
registry-past-last-page = There is no such page. Go to one of the pages below.
registry-pagination = Pages
registry-page = Page
registry-tag-signed = Has signed
registry-tag-premises = Own premises
registry-download-json = The same list as JSON
registry-action-new = Add an organisation
registry-action-import = Import from CSV
registry-action-export-csv = Export to CSV
registry-action-export-xlsx = Export to Excel (XLSX)
registry-action-stale = Organisations that have not confirmed their data
registry-action-requests = Requests to represent an organisation
registry-action-edit = Edit the details
registry-action-contacts = Contact people
registry-action-premises = Premises
registry-action-join = Do you represent the organisation? Ask to become a representative
registry-back-to-directory = Back to the association registry
registry-back-to-profile = Back to the organisation
registry-profile-signed = The organisation has signed the agreement.
registry-profile-not-signed = The organisation has not signed the agreement.
registry-profile-facts = Details
registry-profile-last-confirmed = Last confirmed
registry-profile-stale = more than twelve months ago
registry-profile-manage = Manage the organisation
registry-confirm-intro = Are the details correct? Confirm them once a year.
registry-submit-confirm = The details are correct
registry-contacts-heading = Contact people
registry-contacts-none = No contact people are shown.
registry-premises-heading = Own premises
registry-premises-none = The organisation has no premises of its own in the registry.
registry-premises-no-features = No information
registry-field-name = Name
registry-field-orgnr = Organisation number
registry-field-orgnr-hint = Ten digits, for example 802002-4280.
registry-field-form = Legal form
registry-field-categories = Categories
registry-field-category = Category: { $name }
registry-field-mission = Mission statement
registry-field-mission-hint = What the organisation does and for whom, in a few sentences.
registry-field-target-groups = Target groups
registry-field-members = Number of members
registry-field-email = E-mail
registry-field-phone = Phone
registry-field-website = Website
registry-field-link = Link
registry-field-links = Social media links
registry-field-links-hint = One address per line, at most five.
registry-field-postal = Postal address
registry-field-visiting = Visiting address
registry-edit-title = Edit the details of { $name }
registry-edit-intro = The details are shown publicly in the association registry.
registry-new-title = Add an organisation
registry-submit-save = Save
registry-done-saved = The details are saved.
registry-done-confirmed = Thank you! The details are confirmed.
registry-done-requested = Your request is sent. A representative of the organisation or the coordinator will answer.
registry-done-approved = The request is approved. The person now represents the organisation.
registry-done-rejected = The request is rejected.
registry-done-reminders = { $n ->
    [0] No reminder needed sending now: those who have not confirmed were reminded within the last month.
    [one] A reminder is being sent to 1 organisation.
   *[other] Reminders are being sent to { $n } organisations.
}
registry-err-orgnr-format = Write the organisation number with ten digits, for example 802002-4280.
registry-err-orgnr-checksum = The organisation number is not valid. Check the digits.
registry-err-orgnr-personal = This looks like a personal identity number. Write the organisation's number.
registry-giro-bankgiro = Bankgiro
registry-giro-plusgiro = Plusgiro
registry-err-giro-format = Write the number in digits: a bankgiro has 7 or 8, a plusgiro 2 to 8.
registry-err-giro-checksum = The number is not valid. Check the digits.
registry-err-giro-kind = Choose bankgiro or plusgiro.
registry-giro-none = No account
registry-giro-missing = No account given
registry-field-giro-kind = Account for payments
registry-field-giro-number = Bankgiro or plusgiro number
registry-field-giro-number-hint = For example 5381-7425. Only the organisation's representatives and the municipality's staff see the number.
registry-field-board = Number of board members
registry-field-board-hint = Full members, at most { $n }.
registry-field-annual-meeting = Last annual meeting
registry-field-annual-meeting-hint = The day the organisation last held its annual meeting.
registry-err-date = Write the date as YYYY-MM-DD, for example 2026-03-14.
registry-err-date-future = The date cannot be later than today.
registry-statutes-heading = Statutes
registry-statutes-on-file = Statutes on file:
registry-statutes-none = No statutes have been uploaded.
registry-statutes-field = File with the statutes
registry-statutes-hint = A PDF or a Word or OpenDocument document, at most 10 MB. New statutes replace the old ones. Only the organisation's representatives and the municipality's staff can open the file.
registry-submit-statutes = Upload the statutes
registry-statutes-missing = Choose a file.
registry-statutes-too-large = The file is too large. It may be at most 10 MB.
registry-statutes-type = The file must be a PDF or a Word or OpenDocument document.
registry-done-statutes = The statutes are saved.
registry-err-orgnr-taken = Another organisation in the municipality already has this organisation number.
registry-err-phone = Write a phone number in digits, for example 0224-123 45.
registry-err-url = Write a web address, for example www.example.se.
registry-err-links = At most { $n } links.
registry-err-count = Write a whole number between 0 and { $n }.
registry-err-consent = The contact person must have agreed to be in the registry.
registry-err-already-requested = You already have a request waiting for an answer.
registry-contacts-title = Contact people of { $name }
registry-contacts-intro = Contact people who have not chosen to be public are only seen by the organisation's representatives and the coordinator.
registry-contact-name = Name
registry-contact-role = Role, for example chair
registry-contact-public = Show the person publicly in the registry
registry-contact-public-hint = Otherwise only representatives and the coordinator see the person.
registry-contact-consent = The person has agreed to their details being kept in the registry
registry-contact-is-public = public
registry-contact-not-public = not public
registry-contact-consent-on = consent { $name }
registry-submit-add-contact = Add contact person
registry-remove = Remove
registry-premises-title = Premises of { $name }
registry-premises-intro = Describe the premises and their accessibility so that others can find them.
registry-premises-name = Name of the premises
registry-premises-address = Address
registry-premises-capacity = Number of places
registry-premises-equipment = Equipment
registry-premises-equipment-hint = For example kitchen, projector, stage.
registry-submit-add-premises = Add premises
registry-join-title = Become a representative of { $name }
registry-join-intro = A representative can edit the organisation's details and sign the agreement. A current representative or the coordinator approves your request.
registry-join-message = Message
registry-join-message-hint = For example your role in the organisation.
registry-submit-join = Send request
registry-requests-title = Requests to become a representative
registry-requests-none = No requests are waiting.
registry-approve = Approve
registry-reject = Reject
registry-stale-title = Details not confirmed in twelve months
registry-stale-intro = { $n ->
    [0] Every organisation has confirmed its details in the last year.
    [one] 1 organisation has not confirmed its details in twelve months.
   *[other] { $n } organisations have not confirmed their details in twelve months.
}
registry-stale-caption = Organisations, oldest confirmation first
registry-stale-never = never (registered { $name })
registry-stale-reminded = Last reminded
registry-stale-remind-intro = The representatives get a reminder by e-mail, at most once a month.
registry-submit-remind = Send reminders now
registry-reminder-subject = Are the details of { $name } correct?
registry-reminder-body = Hello!

    More than a year has passed since the details of { $name } in the association registry were confirmed. Look at them and press “The details are correct”, or change what is needed:

    { $link }

    Thank you!
registry-import-title = Import organisations
registry-import-intro = Paste a CSV file with a header row. You first see what will be imported and which rows have errors. Nothing is saved until you confirm.
registry-import-columns = Columns: { $name }
registry-import-field = CSV text
registry-import-field-hint = Semicolons or commas between fields, as when saving as CSV in Excel.
registry-import-file-heading = Send a CSV file
registry-import-file-field = CSV file
registry-import-file-hint = A file saved as CSV in Excel (UTF-8 or Windows characters), at most 1 MB. You review everything before anything is saved.
registry-submit-check-file = Check the file
registry-import-paste-heading = Or paste the text
registry-import-no-file = Choose a file to send.
registry-submit-check-import = Check
registry-submit-import = Import the rows without errors
registry-import-summary = Rows that can be imported: { $good }. Errors found: { $bad }.
registry-import-done = { $n ->
    [one] 1 organisation was imported.
   *[other] { $n } organisations were imported.
}
registry-import-problems = Rows with errors (not imported)
registry-import-good = Rows to import
registry-import-line = Row
registry-import-column = Column
registry-import-problem = Error
registry-import-value = Value
registry-import-empty = The file has no rows to import.
registry-import-no-header = The first row must be headers with at least Name and Organisation number.
registry-import-too-many = At most { $n } rows at a time.
registry-import-dup-file = The organisation number is already on row { $n }.
registry-import-dup-registry = The organisation number is already in the registry.
registry-import-bad-form = Unknown legal form.
registry-import-bad-category = Unknown category.
registry-col-orgnr = Organisation number
registry-col-name = Name
registry-col-form = Legal form
registry-col-categories = Categories
registry-col-mission = Mission statement
registry-col-email = E-mail
registry-col-phone = Phone
registry-col-website = Website
registry-col-postal = Postal address
registry-col-visiting = Visiting address
registry-col-members = Members
registry-col-target-groups = Target groups
registry-col-giro = Account for payments
registry-col-board = Board members
registry-col-annual-meeting = Last annual meeting
registry-col-statutes = Statutes
registry-form-ideell-forening = Non-profit association
registry-form-stiftelse = Foundation
registry-form-trossamfund = Registered faith community
registry-form-ekonomisk-forening = Economic association
registry-form-kommunalt-bolag = Municipal company
registry-form-annan = Other form
registry-cat-idrott = Sports
registry-cat-kultur = Culture
registry-cat-social = Social work
registry-cat-fritid = Leisure and outdoor life
registry-cat-utbildning = Education and study
registry-cat-miljo = Environment and nature
registry-cat-trossamfund = Faith community
registry-cat-intresse = Interest group
registry-cat-pensionarer = Pensioners
registry-cat-barn-unga = Children and young people
registry-join-mail-subject = New request to represent { $name }
registry-join-mail-body = Hello!

    { $person } wants to become a representative of { $name } in the association registry. Approve or reject the request here:

    { $link }
registry-decided-mail-subject = Answer to your request to represent { $name }
registry-approved-mail-body = Hello!

    Your request is approved. You now represent { $name } and can edit the organisation's details:

    { $link }
registry-rejected-mail-body = Hello!

    Your request to represent { $name } is rejected. Contact the organisation or the municipality's coordinator if you have questions.

    { $link }
registry-unverified = The person has not confirmed their e-mail address yet and cannot be approved as a representative.
registry-tally = { $n ->
    [one] { $n } association
   *[other] { $n } associations
}
