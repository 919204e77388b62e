site-name = Överens
skip-to-content = Skip to content
nav-home = Home
nav-login = Log in
nav-logout = Log out
nav-register = Create account
nav-account = My account
nav-admin = Administer
nav-operator = Operations
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
a11y-intro = Everyone should be able to use Överens. Here we describe how the site meets the Swedish law on accessible digital public services, known shortcomings and how you can report problems.
a11y-status-heading = How accessible is the site?
a11y-status = The site is built to meet WCAG 2.1 level AA. Every page works with a keyboard and without JavaScript, and has headings, landmarks, labelled form fields and visible focus.
a11y-known-heading = Known shortcomings
a11y-known = We know of no shortcomings right now. If you find one, we would like to hear about it.
a11y-report-heading = Report shortcomings
a11y-report = Contact your municipality's contact person for the local agreement if you meet obstacles, or if you need content in another format. The contact details are on the municipality's home page here.
a11y-enforcement-heading = Enforcement
a11y-enforcement = The Agency for Digital Government (Digg) enforces the law. If you are not satisfied with how we handle your report, you can notify Digg.
a11y-enforcement-link = Notify Digg
a11y-method-heading = How we tested
a11y-method = Every page is checked automatically with axe-core in a real browser on every change of the code, and login and forms are tested with the keyboard alone.

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
