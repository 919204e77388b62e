nav-signing = Signing book

signing-title = Signing book
signing-intro = The associations, organisations, departments and companies that stand behind the local agreement between { $name } municipality and civil society. Signing is voluntary and means standing behind the agreement's principles.
signing-action-sign = Sign the agreement for your organisation
signing-action-paper = Record a signature from the paper book
signing-action-history = History and withdrawn signatures
signing-done-signed = Thank you! The signature is recorded and now shows in the list.
signing-done-withdrawn = The signature is withdrawn. It no longer shows in the list, but stays in the history.
signing-done-recorded = The signature of { $name } is recorded.
signing-counts-heading = Number of signatures
signing-count-association = Associations and organisations
signing-count-department = Municipal departments
signing-count-company = Municipal companies
signing-count-other = Others
signing-count-total = Total
signing-signatories-heading = Signatories
signing-signatories-caption = Signatories who stand behind the agreement, in alphabetical order
signing-none = Nobody has signed yet.
signing-download-heading = Download
signing-download-csv = The list as a CSV file (for Excel)
signing-download-json = The list as JSON (open data)

signing-col-signer = Signatory
signing-col-kind = Kind
signing-col-signed-by = Signed by
signing-col-role = Role
signing-col-date = Date
signing-col-channel = Channel
signing-col-action = Action
signing-col-recorded = Recorded
signing-col-status = Status

signing-kind-association = Association or organisation
signing-kind-department = Municipal department
signing-kind-company = Municipal company
signing-kind-other = Other
signing-channel-online = Online
signing-channel-paper = On paper

signing-sign-title = Sign the agreement
signing-sign-intro = By signing, the organisation shows that it stands behind the principles of collaboration in the local agreement between { $name } municipality and civil society.
signing-sign-voluntary = Signing is voluntary, and the organisation can withdraw its signature at any time.
signing-sign-already = Already signed
signing-signed-on-by = { $name } signed on { $date } ({ $by }, { $role }).
signing-sign-all-done = Every organisation you represent has already signed.
signing-read-agreement = Read the agreement
signing-back-to-list = To the signing book
signing-choose = Choose …
signing-option-signed = { $name } (has already signed)
signing-field-organisation = Association or organisation
signing-field-signed-by = Name of the person who signs
signing-field-role = Role in the organisation
signing-field-role-hint = For example chair, secretary, head of department or CEO.
signing-field-date = Date
signing-field-date-hint = Write the date as YYYY-MM-DD, for example 2018-04-21.
signing-field-agree = The organisation stands behind the principles of the local agreement between { $name } municipality and civil society, and I am entitled to sign on its behalf.
signing-submit-sign = Sign

signing-paper-title = Record a signature from the paper book
signing-paper-intro = Fill in what the signing book says. The signature shows in the public list at once.
signing-paper-kinds = Who signed?
signing-field-department = Department
signing-field-company = The company's name
signing-field-company-hint = For example Salabostäder AB.
signing-field-other = The signatory's name
signing-field-other-hint = For example a network or a group that is not in the association registry.
signing-submit-paper = Record the signature

signing-history-title = The signing book's history
signing-history-intro = Every signature, withdrawn ones too: who signed, when and how, and who recorded or withdrew the signature.
signing-history-caption = Every signature, latest recorded first
signing-status-in-force = In force
signing-status-withdrawn = Withdrawn
signing-reason = Reason

signing-withdraw-title = Withdraw a signature
signing-withdraw-link = Withdraw
signing-withdraw-intro = When the signature is withdrawn, { $name } disappears from the list of signatories. The history is kept, and signing again later is possible.
signing-field-reason = Why the signature is withdrawn
signing-field-reason-hint = Only the municipality's coordinators see it.
signing-submit-withdraw = Withdraw the signature

signing-err-date = Write a date that exists, as YYYY-MM-DD, for example 2018-04-21.
signing-err-future = The date cannot be later than today.
signing-err-too-early = The date is too early. Check the year.
signing-err-agree = Tick the box to confirm that the organisation stands behind the principles.
signing-err-already-signed = There is already a signature in force. It must be withdrawn before anyone can sign again.
signing-err-not-in-force = The signature is no longer in force
signing-home-latest = New signatories
signing-home-none = No one has signed yet.
signing-home-all = The whole list ({ $n } signatories)
signing-tally = { $n ->
    [one] { $n } signatory
   *[other] { $n } signatories
}
