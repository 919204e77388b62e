site-name = Överens
site-description = Where the municipality and civil society meet for their local agreement on working together.
skip-to-content = Skip to content
nav-home = Home
nav-login = Log in
nav-logout = Log out
nav-register = Create account
nav-account = My account
nav-admin = Administer
nav-operator = Operations
breadcrumbs-label = You are here
breadcrumbs-up = Back to
nav-operator-label = Running the platform
nav-municipality-label = The municipality's pages
footer-accessibility = Accessibility statement
footer-privacy = Personal data
footer-api = Open data (API)
footer-about = Överens is an open platform for local agreements between municipalities and civil society.
form-has-errors = Something needs fixing before you can go on
form-optional = optional
field-name = Name
field-email = E-mail address
field-password = Password
field-new-password = New password
field-repeat-password = Repeat the password
password-hint = At least { $n } characters. A sentence you remember works well.

role-operator = Operator
role-coordinator = Coordinator
role-staff = Municipal staff
role-representative = Association representative

err-required = Fill in this field.
err-too-long = The text is too long. At most { $n } characters.
err-too-short = Too short. At least { $n } characters.
err-email = Write an e-mail address, for example name@example.se.
err-control-chars = The text contains characters that are not allowed.
err-slug = Use 2–40 lower-case letters a–z, digits and dashes.
err-choose = Choose one of the options.
err-not-found = The page does not exist
err-no-municipality = The municipality is not on this site
err-forbidden = You do not have access to this page
err-login-required = You need to log in
err-csrf = The form has expired. Go back, reload the page and try again.
err-rate-limited = Too many attempts. Wait a while and try again.
err-internal = Something went wrong on our side. Please try again in a while.
err-too-large = What you sent is too large.
err-file-too-large = The file is too large. It can be at most 1 MB.
err-link-unknown = The link does not exist. Check that you have the whole link.
err-link-expired = The link has expired. Ask for a new link.
err-link-used = The link has already been used. Ask for a new link if you need one.
err-bad-language = That language is not available.
err-bad-form = The form could not be read. Go back and try again.
err-status = Error code
err-go-home = To the start page

start-title = Local agreements with civil society
start-intro = Here municipalities and associations work together on their local agreement: the principles, the signing book, the association registry, the dialog meetings and the action plan.
start-municipalities = Municipalities
start-none = There are no municipalities yet.

home-lead = The municipality's and civil society's shared agreement on collaboration.
home-sections = Contents
home-contact = Contact person
home-phone = Phone

admin-title = Administer
admin-staff-intro = What you are responsible for as municipal staff is gathered here.
departments-title = Departments and units
departments-name = Name of department or unit
departments-add = Add a department or unit
departments-none = There are no departments or units yet.
departments-exists = There is already a department or unit with that name.
departments-added = { $name } has been added.
people-title = People and roles
people-caption = People with a role in the municipality
people-role = Role
people-unit = Department or association
people-department = Department or unit
people-no-department = None
people-grant = Give a person a role
people-email-hint = The person first needs to create an account with this address.
people-granted = { $name } now has the role.
people-no-account = There is no account with that address.
people-already = The person already has that role.
audit-title = Change log
audit-intro = Every change to the municipality's data: who, when and what.
audit-caption = Latest changes
audit-when = When
audit-who = Who
audit-what = What
audit-details = Details

login-title = Log in
login-to-continue = You need to log in to continue. After logging in you come back to the page.
login-submit = Log in
login-by-link = Log in with a link by e-mail
login-forgot = Forgot your password?
login-no-account = Create an account
login-wrong = Wrong e-mail address or password.
login-unverified = You need to confirm your e-mail address first. We have sent a new link.

register-title = Create account
register-intro = With an account you can represent your association, register for meetings and follow the work.
register-submit = Create account
register-consent = I agree that my data is kept as described on the personal data page.
register-consent-hint = We keep your name and e-mail address for as long as you have the account. You can download and erase your data whenever you like.
register-consent-required = You need to agree to create an account.
register-have-account = I already have an account
register-done-title = Check your e-mail
register-done = We have sent a message to { $name }. Open the link in it to confirm the address.

verify-title = Confirm e-mail address
verify-intro = Press the button to confirm your e-mail address.
verify-submit = Confirm

link-title = Log in with an e-mail link
link-intro = Write your e-mail address and we will send a link that logs you in. The link is valid for 20 minutes and can be used once.
link-submit = Send link
link-sent-title = Check your e-mail
link-sent = If there is an account for { $name }, we have sent a message with a link.
link-login-title = Log in
link-login-intro = Press the button to log in.

reset-request-title = Forgot password
reset-request-intro = Write your e-mail address and we will send a link where you choose a new password. The link is valid for one hour.
reset-request-submit = Send link
reset-title = Choose a new password
reset-intro = Write your new password twice.
reset-submit = Save the password
reset-mismatch = The passwords are not the same.

account-title = My account
account-verified = Your e-mail address is confirmed. Welcome!
account-password-changed = Your new password has been saved.
account-roles = Roles
account-no-roles = You have no role yet. A coordinator can give you one, or you can join an association.
account-your-data = Your data
account-export-intro = You can download everything we keep about you.
account-export = Download my data (JSON)
account-erase-title = Erase the account
account-erase-intro = The account and your data are erased. Changes you made remain, but without your name.
account-erase-confirm = I understand that the account is erased and cannot be restored.
account-erase-confirm-required = Tick the box to erase the account.
account-erase-submit = Erase my account
account-erased-title = The account is erased
account-erased = Your account and your data have been erased.
account-language-title = Language
account-language = Language of the pages and of e-mail
account-language-hint = E-mail to you, such as reminders, is sent in the language you choose. You can also switch language at the top of every page.
account-language-submit = Save the language

mail-verify-subject = Confirm your e-mail address
mail-verify-body =
    Hello { $name }!

    Open the link to confirm your e-mail address at Överens:
    { $link }

    The link is valid for 48 hours. If you did not create an account, you can ignore this message.
mail-login-subject = Your login link
mail-login-body =
    Hello { $name }!

    Open the link to log in to Överens:
    { $link }

    The link is valid for 20 minutes and can be used once. If you did not ask for it, you can ignore this message.
mail-reset-subject = Choose a new password
mail-reset-body =
    Hello { $name }!

    Open the link to choose a new password at Överens:
    { $link }

    The link is valid for one hour. If you did not ask for it, you can ignore this message.
mail-exists-subject = You already have an account
mail-exists-body =
    Hello!

    Someone tried to create an account at Överens with your e-mail address, but you already have one.
    If you have forgotten your password, you can choose a new one here:
    { $link }

operator-title = Operations
operator-add = Add a municipality
operator-slug = Address
operator-slug-hint = Lower-case letters without å, ä, ö, for example orebro. Becomes the page address: /orebro/
operator-slug-taken = The address is already used by another municipality.
operator-added = { $name } has been added.
operator-jobs = Job queue
operator-no-jobs = The queue is empty.
outbox-title = E-mail outbox
outbox-intro = Without an e-mail server, every message ends up here instead of being sent. Personal links (login, password reset, cancellation) are shown masked, and messages are removed after a few days.
outbox-empty = No messages.
outbox-to = To

a11y-title = Accessibility statement
a11y-intro = Everyone should be able to use Överens. Each municipality on Överens has its own accessibility statement under the Swedish law on accessibility to digital public services, with known shortcomings and a form where you can give feedback without an account.
a11y-per-municipality = The municipalities' statements
a11y-lead = Here we describe how the site meets the Swedish law (2018:1937) on accessibility to digital public services, the known shortcomings, and how you can report shortcomings to us.
a11y-body-label = Public body
a11y-body = { $name } municipality
a11y-service-label = Service
a11y-service = Överens – { $name }'s local agreement with civil society (the agreement, the signing book, the association registry, dialogue meetings, the action plan, premises and grants)
a11y-status-heading = How accessible is the site?
a11y-compliance-full = The site is fully compliant with the law on accessibility to digital public services.
a11y-compliance-partial = The site is partially compliant with the law on accessibility to digital public services, due to the shortcomings described below.
a11y-compliance-none = The site is not compliant with the law on accessibility to digital public services.
a11y-known-heading = Content that is not accessible
a11y-known-intro = The content described below does not yet meet the law's requirements (WCAG 2.1 level AA).
a11y-reason = Reason
a11y-problem-documents = Documents uploaded by associations and applicants (statutes, attachments to grant applications) may lack headings, text alternatives and a title, and may be hard to read with a screen reader.
a11y-problem-documents-why = The associations make the documents themselves, and they are not checked on upload. Contact the municipality if you need a document in another format.
a11y-problem-photos = Photos of premises have only the room's name as their text alternative and do not describe what they show.
a11y-problem-photos-why = Whoever uploads a photo is not yet asked to describe it. We plan to ask for a description on upload.
a11y-problem-spreadsheets = Exports in Excel format (XLSX) and calendar files (.ics) have not been reviewed for accessibility.
a11y-problem-spreadsheets-why = The files are meant for other programs. The same information is available as accessible web pages and as CSV.
a11y-problem-language = Text entered by the municipality or associations (such as meeting minutes and association descriptions) is shown in Swedish even when the page is in English, without its language being marked.
a11y-problem-language-why = The content exists only in the language it was written in, and the language is not recorded when it is entered.
a11y-burden-heading = Disproportionate burden
a11y-burden-none = We do not claim the exemption for disproportionate burden for any content.
a11y-scope-heading = Content outside the scope of the law
a11y-scope-third-party = Third-party content that the municipality neither funds, develops nor controls, such as the associations' own documents and images.
a11y-scope-old-files = Documents in office formats published before 23 September 2018, unless they are needed for an ongoing process.
a11y-method-heading = How we tested the site
a11y-method = We have made a self-assessment (internal testing). Every page is checked automatically with axe-core in headless Chromium on every change of the code, and login, forms and the premises' week view have been tested manually with the keyboard alone.
a11y-assessed = Last assessed
a11y-updated = Statement last updated
a11y-feedback-heading = Report shortcomings or ask for content in another format
a11y-feedback-intro = Do you meet obstacles on the site, or need content in an accessible format? Write to us here. You do not need an account. The message goes to the municipality's coordinator for the local agreement.
a11y-contact = You can also contact
a11y-feedback-message = What is it about?
a11y-feedback-message-hint = Describe what did not work, or what content you need in another format.
a11y-feedback-page = Page or address
a11y-feedback-reply = Your e-mail address
a11y-feedback-reply-hint = If you want an answer. We use the address only to answer you.
a11y-feedback-honeypot = Leave this field empty
a11y-feedback-submit = Send
a11y-feedback-sent = Thank you! Your message has been sent to the municipality's coordinator.
a11y-enforcement-heading = Enforcement
a11y-enforcement = The Agency for Digital Government (Digg) is responsible for enforcing the law on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can contact Digg and tell them.
a11y-enforcement-link = Report a lack of accessibility to Digg
a11y-received-title = Feedback on accessibility
a11y-received-intro = Visitors have sent this through the form in the
a11y-received-none = No feedback has come in.
a11y-received-reply = Answer to
a11y-received-anonymous = no address given
a11y-received-lang = Language
a11y-mail-subject = Feedback on accessibility – { $name }
a11y-mail-body =
    A visitor has sent feedback on the accessibility of Överens for { $name } municipality.

    Page: { $page }
    Answer to: { $reply }

    { $message }

    All feedback is here: { $link }

privacy-title = Personal data
privacy-intro = This is how Överens handles your personal data. The controller is the municipality in which you use the service.
privacy-what-heading = What is kept?
privacy-what-account = Your name, your e-mail address and your password (as a one-way hash that cannot be read).
privacy-what-roles = Which roles you have: coordinator, municipal staff or representative of an association.
privacy-what-sessions = When you logged in, for as long as the login lasts.
privacy-what-audit = Changes you make to the municipality's data, with your name and the time.
privacy-why-heading = Why?
privacy-why = The data is needed so that you can log in and so that it is visible who changed shared data. We keep it only with your consent and only for as long as you have the account.
privacy-cookies-heading = Cookies
privacy-cookies = We use only necessary cookies: one for your login, one that protects the forms and one for the chosen language. No cookies for statistics or advertising.
privacy-rights-heading = Your rights
privacy-rights = At any time you can download everything we keep about you and erase your account under
privacy-complaint-heading = Complaints
privacy-complaint = If you are unhappy with how your data is handled, contact the municipality or complain to the Swedish Authority for Privacy Protection (IMY).

# Accessibility features of a place (platform::features)
feature-step-free = Step-free entrance
feature-ground-floor = Ground floor
feature-lift = Lift
feature-accessible-toilet = Accessible toilet
feature-hearing-loop = Hearing loop
feature-parking = Parking

## Sessions, password change and fresh login (issue 14)
err-busy = The server is busy right now. Wait a moment and try again.
field-current-password = Current password
account-sessions = Your logins
account-session-created = Logged in
account-session-last-seen = Last active
account-session-current = This login
account-logout-others = Log out all other logins
account-others-logged-out = Your other logins have ended.
account-password-title = Change password
account-choose-password-title = Choose a password
account-choose-password-notice = Choose a password below if you want to log in with a password. A password chosen before the address was confirmed no longer works.
account-password-submit = Save the password
account-password-wrong = Wrong password.
fresh-login-title = Confirm it is you
fresh-login-intro = This needs a recent login. Type your password again and you will continue where you were.
fresh-login-submit = Continue
fresh-login-by-link = Log in with a link by e-mail instead
people-unverified = This person has not confirmed their e-mail address yet. Ask them to log in once first.
people-revoke = Remove the role
people-revoked = The role has been removed.
people-last-coordinator = The role stays: the municipality must have at least one coordinator. Give someone else the coordinator role first.
brand-title = Municipality profile
brand-intro = The municipality's colour, logo and welcome text appear on the municipality's pages on this site.
brand-colour = Colour
brand-colour-hint = Write the colour as #rrggbb, for example #1d5a8a. The page header takes the colour with white text, so white text must be readable on it (contrast at least 4.5:1). Leave empty for no colour.
brand-colour-format = Write the colour as # and six characters 0–9 or a–f, for example #1d5a8a.
brand-colour-contrast = The colour { $colour } gives a contrast of { $ratio }:1 against white text; at least 4.5:1 is required. Choose a darker colour.
brand-colour-none = The municipality has no colour of its own.
brand-colour-current = The municipality's colour:
brand-welcome = Welcome text
brand-welcome-hint = Shown under the heading of the municipality's start page. At most { $n } characters, plain text; a new line starts a new paragraph.
brand-save = Save colour and welcome text
brand-saved = The colour and the welcome text are saved.
brand-logo = Logo
brand-logo-field = Logo file
brand-logo-hint = A PNG or JPEG picture of at most 200 kB. It is shown in the page header, at most 40 pixels high.
brand-logo-upload = Upload the logo
brand-logo-current = The municipality's logo:
brand-logo-none = The municipality has no logo.
brand-logo-remove = Remove the logo
brand-logo-saved = The logo is saved.
brand-logo-removed = The logo is removed.
brand-logo-missing = Choose a picture file.
brand-logo-too-large = The file is larger than 200 kB.
brand-logo-type = The file is not a PNG or JPEG picture. Other kinds of file (SVG, for example) are not accepted.
brand-logo-alt = Logo of { $name }
start-about = What Överens is
start-about-agree-title = The agreement
start-about-agree = The principles of collaboration between the municipality and civil society, and the signing book where associations, departments and others join.
start-about-meet-title = Dialogue
start-about-meet = Dialogue meetings with registration, invitation, minutes and the groups' answers, and a register of the associations.
start-about-follow-title = Action plan and follow-up
start-about-follow = What the municipality and civil society will do, who is responsible and how it is going, open to everyone.

## The API's reference page (/api)
api-title = Open data: API for developers
api-intro = All public information on Överens can be fetched by machine as JSON, with no login or key. This page lists each address, the parameters it takes and the fields of its answer.
api-document = The same description as a machine-readable OpenAPI file:
api-rules-heading = How the API works
api-rule-read = The API is read only, with GET. Each municipality's data is under its short name, for example /api/v1/sala/meetings.
api-rule-pages = Lists come in pages: give limit (1–500, otherwise 100). The answer has the field next and a Link header with the address of the next page. The last page has no next.
api-rule-etag = Every answer has an ETag. Ask again with If-None-Match and you get 304 without content when nothing has changed.
api-rule-cors = Web pages on other sites may read the API (CORS for GET).
api-rule-errors = Errors come as application/problem+json with the status and an explanation.
api-endpoints-heading = Addresses
api-parameters = Parameters
api-name = Name
api-where = Where
api-type = Type
api-description = Description
api-in-path = in the address
api-in-query = in the query (?…)
api-required = required
api-answer = Answer
api-fields = Fields of the answer
api-field = Field
api-bad-cursor = The page cursor (after) cannot be read. Use the address in next from the previous page.
api-bad-limit = limit must be a whole number from 1 to 500.

links-heading = Linked here
