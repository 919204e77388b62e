openness-nav-decisions = Decisions

openness-list-title = Decisions concerning civil society
openness-list-title-filtered = Decisions: { $filter }
openness-list-description = Decisions of the municipal council, the executive board and the committees of { $name } that concern civil society.
openness-list-intro = The municipality publishes here the decisions of the municipal council, the executive board and the committees that concern civil society, with a link to the minutes. You can follow them with RSS or Atom.
openness-filter-body = Deciding body
openness-filter-tag = Topic
openness-filter-year = Year
openness-filter-all-bodies = All bodies
openness-filter-all-tags = All topics
openness-filter-all-years = All years
openness-filter-submit = Show decisions
openness-results = Decisions
openness-count = { $n ->
    [0] No decisions match.
    [one] One decision.
   *[other] { $n } decisions.
}
openness-tags = Topics
openness-withdrawn = Withdrawn
openness-in-force = In force
openness-pages = Pages
openness-previous = Previous page
openness-next = Next page
openness-page-of = Page { $n } of { $of }
openness-feeds-heading = Follow the decisions
openness-feeds-intro = Add the address to your feed reader to get new decisions automatically. The feeds follow the filters you chose for body and topic.
openness-feed-link = Decisions feed ({ $kind })
openness-feed-link-filtered = Decisions feed for { $filter } ({ $kind })
openness-feed-title = Decisions – { $name }
openness-feed-title-filtered = Decisions: { $filter } – { $name }
openness-feed-withdrawn = Withdrawn: { $title }

openness-body-council = Municipal council (kommunfullmäktige)
openness-body-board = Executive board (kommunstyrelsen)
openness-body-committee = Committee

openness-category-agreement = The agreement and its principles
openness-category-action-plan = The action plan
openness-category-grants = Grants and support
openness-category-premises = Premises and facilities
openness-category-policy = Policies and guidelines
openness-category-budget = Budget and fees
openness-category-dialog = Dialog and participation
openness-category-other = Other
openness-tag-principle = Principle { $n }
openness-tag-principle-named = Principle { $n }: { $name }

openness-protocol-link = Read the minutes
openness-organisations = Associations concerned
openness-attachments = Attachments
openness-back-to-list = All decisions
openness-edit-link = Change the decision

openness-manage-title = Manage decisions
openness-manage-intro = Record the decisions of the municipal council, the executive board and the committees that concern civil society. A withdrawn decision is kept and marked as withdrawn.
openness-manage-caption = Recorded decisions, latest meeting first
openness-col-meta = Body, date and paragraph
openness-col-status = Status
openness-public-list = The public list
openness-public-page = The decision's public page
openness-back-to-manage = Back to all decisions
openness-empty = No decisions are recorded yet.
openness-add-heading = Record a decision
openness-add = Record the decision
openness-save = Save the changes
openness-edit-title = Change decision: { $title }
openness-field-body = Body
openness-field-committee = The committee's name
openness-hint-committee = Filled in when a committee made the decision, for example Kultur- och fritidsnämnden.
openness-field-meeting-on = Date of the meeting
openness-hint-date = Write the date as YYYY-MM-DD, for example 2018-06-07.
openness-field-paragraph = Paragraph
openness-hint-paragraph = The paragraph in the minutes, for example § 112.
openness-field-title = Title
openness-field-summary = Summary
openness-hint-summary = What the decision means, in plain language. At most { $n } characters. A blank line starts a new paragraph.
openness-field-protocol-url = Link to the minutes
openness-hint-protocol-url = A web address starting with https:// or http://.
openness-field-category = Category
openness-field-organisation = Association concerned { $n }
openness-hint-organisation = Associations of the registry that the decision concerns.
openness-no-organisation = None
openness-attachment-field = Attachment
openness-attachment-hint = A PDF or an office document, at most 10 MB.
openness-attachment-upload = Upload the attachment
openness-no-attachments = The decision has no attachments.
openness-remove = Remove
openness-withdraw-heading = Withdraw the decision
openness-withdraw-hint = A withdrawn decision stays in the list and the feeds, marked as withdrawn.
openness-field-reason = Reason
openness-withdraw = Withdraw the decision

openness-done-saved = The decision is saved.
openness-done-withdrawn = The decision is withdrawn. It is kept, marked as withdrawn.
openness-done-already-withdrawn = The decision was already withdrawn.
openness-done-attachment = The attachment is uploaded.
openness-done-attachment-removed = The attachment is removed.

openness-err-body = Choose a body from the list.
openness-err-category = Choose a category from the list.
openness-err-date = Write a date that exists, as YYYY-MM-DD.
openness-err-paragraph = Write the paragraph as § and a number, for example § 112.
openness-err-url = Write a whole web address starting with https:// or http://.
openness-err-organisation = Choose an association from the list.
openness-err-attachment-missing = Choose a file to upload.
openness-err-attachment-too-large = The file is too large. At most 10 MB.
openness-err-attachment-type = The file must be a PDF or an office document.

## News and good examples (news/)
openness-nav-news = News
openness-news-title = News and good examples
openness-news-description = News from { $name } and good examples from its associations.
openness-news-intro = The municipality publishes news about its collaboration with civil society here, and associations tell about what they do: good examples that the municipality has reviewed. You can follow them with Atom.
openness-news-filter-kind = Show
openness-news-filter-all-kinds = News and good examples
openness-news-filter-submit = Show
openness-news-results = Published
openness-news-count = { $n ->
    [0] Nothing published matches.
    [one] One item.
   *[other] { $n } items.
}
openness-news-feed-heading = Follow the news
openness-news-feed-title = News and good examples in { $name }
openness-news-kind-news = News
openness-news-kind-story = Good example
openness-news-story-from = Good example from { $name }
openness-news-status = State
openness-news-status-draft = Draft
openness-news-status-submitted = Waiting for review
openness-news-status-published = Published
openness-news-status-declined = Not approved
openness-news-category-collaboration = Collaboration
openness-news-category-diversity = Diversity
openness-news-category-associations = Association life
openness-news-category-culture = Culture and leisure
openness-news-category-sport = Sport and outdoor life
openness-news-category-other = Other
openness-news-preview = Preview: this is not published yet.
openness-news-submitted-by = Sent by
openness-news-edit-link = Edit
openness-news-back-to-list = All news and good examples
openness-news-field-title = Headline
openness-news-field-lead = Lead
openness-news-hint-lead = One or two sentences that sum up the text. Shown in the list and the feed.
openness-news-field-body = Text
openness-news-hint-body = Write in Markdown: a blank line between paragraphs, **bold**, [link text](https://address), lines starting with - make a list.
openness-news-field-category = Category
openness-news-field-published-on = Publication day
openness-news-hint-published-on = Leave empty to publish today. Write like 2026-12-24.
openness-news-field-organisation = Association
openness-news-field-image = Image
openness-news-hint-image = A PNG or JPEG image of at most 2 MB.
openness-news-field-alt = Image description (alternative text)
openness-news-hint-alt = Describe what the image shows for someone who cannot see it. Required when there is an image.
openness-news-err-date = Write a date like 2026-12-24.
openness-news-err-category = Choose a category.
openness-news-err-organisation = Choose an association you represent.
openness-news-err-image-missing = Choose an image to upload.
openness-news-err-image-too-large = The image is too large. It may be at most 2 MB.
openness-news-err-image-type = The image must be a PNG or JPEG file.
openness-news-err-alt-missing = Write an image description: what the image shows.
openness-news-save = Save
openness-news-save-draft = Save draft
openness-news-publish = Publish the news
openness-news-done-saved = Saved.
openness-news-done-published = The news is published.
openness-news-done-submitted = The story is sent to the municipality for review.
openness-news-done-approved = The story is approved and published.
openness-news-done-declined = The story is not approved. The association sees why.
openness-news-done-image = The image is saved.
openness-news-done-not-now = That is not possible in this state.
openness-news-manage-title = Manage news and good examples
openness-news-manage-intro = Publish the municipality's news and review the associations' stories. Stories waiting for review come first.
openness-news-manage-caption = News and stories
openness-news-public-list = The public list
openness-news-empty = Nothing is written yet.
openness-news-add-heading = Publish news
openness-news-markdown-help = The text is written in Markdown. HTML is shown as text.
openness-news-edit-title = Edit: { $title }
openness-news-back-to-manage = Manage news and good examples
openness-news-back-to-mine = My stories
openness-news-public-page = View the page
openness-news-text-heading = Text and topics
openness-news-image-heading = Image
openness-news-no-image = No image.
openness-news-image-upload = Save the image
openness-news-review-heading = Review the story
openness-news-approve = Approve and publish
openness-news-decline = Do not approve
openness-news-decline-reason = Reason the story was not approved
openness-news-submit = Send to the municipality
openness-news-submit-hint = When the story is ready, send it to the municipality. It is published once the municipality has approved it.
openness-news-mine-title = My stories
openness-news-mine-intro = Tell about your association's activities: a good example others can learn from. You save a draft, send it to the municipality, and the story is published once the municipality has approved it.
openness-news-mine-empty = Your association has no stories yet.
openness-news-mine-caption = The association's stories
openness-news-write-heading = Write a story

# --- The shared event calendar (events/)
openness-nav-events = Events
openness-events-title = Events
openness-events-description = Events of the associations and the municipality's dialog meetings in { $name }.
openness-events-intro = Here the associations show their events, and the municipality its dialog meetings. See them as a list, a week or a month, search and filter, and subscribe to the calendar.
openness-events-upcoming = Coming events
openness-events-count = { $n ->
    [0] No events match.
    [one] One event.
   *[other] { $n } events.
}
openness-events-filter-search = Search
openness-events-filter-all-categories = All categories
openness-events-filter-all-audiences = All audiences
openness-events-filter-all-organisations = All associations
openness-events-filter-accessible = Only events that describe their accessibility
openness-events-filter-submit = Show events
openness-events-views = Show as
openness-events-view-list = List
openness-events-view-week = Week
openness-events-view-month = Month
openness-events-week-heading = Week { $week }, { $year }
openness-events-previous-week = Previous week
openness-events-next-week = Next week
openness-events-previous-month = Previous month
openness-events-next-month = Next month
openness-events-previous-page = Previous page
openness-events-next-page = Next page
openness-events-pages = Browse
openness-events-today = today
openness-events-day-more = Show more
openness-events-nothing = No events.
openness-events-month-caption = Events in
openness-events-subscribe-heading = Subscribe to the calendar
openness-events-subscribe-intro = Add the address to your calendar (Outlook, Google or Apple, for instance) to get new events automatically. The calendar follows the filters you chose.
openness-events-ics-link = Event calendar (iCalendar)
openness-events-ics-name = Events – { $name }
openness-events-day-mon = Monday
openness-events-day-tue = Tuesday
openness-events-day-wed = Wednesday
openness-events-day-thu = Thursday
openness-events-day-fri = Friday
openness-events-day-sat = Saturday
openness-events-day-sun = Sunday
openness-events-month-1 = January
openness-events-month-2 = February
openness-events-month-3 = March
openness-events-month-4 = April
openness-events-month-5 = May
openness-events-month-6 = June
openness-events-month-7 = July
openness-events-month-8 = August
openness-events-month-9 = September
openness-events-month-10 = October
openness-events-month-11 = November
openness-events-month-12 = December
openness-events-free = Free of charge
openness-events-repeats = every week until { $until }
openness-events-audience-alla = Everyone
openness-events-audience-barn = Children
openness-events-audience-unga = Young people
openness-events-audience-vuxna = Adults
openness-events-audience-seniorer = Seniors
openness-events-audience-familjer = Families
openness-events-category-kultur = Culture
openness-events-category-idrott = Sport and exercise
openness-events-category-friluftsliv = Outdoor life
openness-events-category-forelasning = Talks and study
openness-events-category-gemenskap = Social gatherings
openness-events-category-dialog = Dialog and meetings
openness-events-category-ovrigt = Other
openness-events-status-pending = Waiting for review
openness-events-status-approved = Published
openness-events-status-declined = Not published
openness-events-when = When
openness-events-no-accessibility = The organiser has not described the accessibility.
openness-events-register = Register
openness-events-more = More information
openness-events-dates = Coming dates
openness-events-back = All events
openness-events-edit-link = Change the event
openness-events-new-title = Publish an event
openness-events-new-intro = The event is published in the calendar once the coordinator has reviewed it, or at once if your association is trusted.
openness-events-new-intro-coordinator = As coordinator you publish the event at once, for the association you choose.
openness-events-edit-title = Change event: { $title }
openness-events-edit-intro = The coordinator reviews a change before it shows, unless your association is trusted.
openness-events-edit-intro-coordinator = As coordinator you publish the change at once.
openness-events-publish = Publish the event
openness-events-save = Save the changes
openness-events-field-organisation = Association
openness-events-field-title = Title
openness-events-field-description = Description
openness-events-field-starts-on = Date
openness-events-field-start-time = Starts at
openness-events-field-end-time = Ends at
openness-events-field-ends-on = End date
openness-events-field-repeat-until = Repeat every week until
openness-events-field-skipped = Dates left out
openness-events-field-place = Place
openness-events-field-room = Room
openness-events-field-accessibility = Accessibility
openness-events-field-audience = Audience
openness-events-field-category = Category
openness-events-field-price = Price
openness-events-field-link = Link
openness-events-field-registration-link = Registration link
openness-events-hint-date = Write the date as YYYY-MM-DD, for instance 2026-12-14.
openness-events-hint-time = Write the time as HH:MM, for instance 18:00.
openness-events-hint-ends-on = Only when the event ends on another day.
openness-events-hint-repeat-until = When the event comes back on the same weekday every week, as YYYY-MM-DD.
openness-events-hint-skipped = Dates when a weekly event does not take place, separated by commas, for instance 2026-12-24, 2026-12-31.
openness-events-hint-place = An address or a place in your own words. Leave it empty if you choose a room below.
openness-events-hint-room = One of the municipality's bookable rooms. Book it separately under Premises.
openness-events-hint-accessibility = For instance: step-free entrance, hearing loop, accessible toilet.
openness-events-hint-price = Leave it empty if the event is free of charge.
openness-events-hint-link = A web address that begins with https:// or http://.
openness-events-no-room = No room chosen
openness-events-err-organisation = Choose an association you represent.
openness-events-err-room = Choose one of the rooms in the list.
openness-events-err-place = Write a place or choose a room.
openness-events-err-audience = Choose an audience from the list.
openness-events-err-category = Choose a category from the list.
openness-events-err-date = Write a date as YYYY-MM-DD.
openness-events-err-time = Write a time as HH:MM.
openness-events-err-end = The event must end after it starts, and at most 14 days later.
openness-events-err-until = The repetition must end after the first date and at most two years later.
openness-events-err-skipped = Dates left out must be written as YYYY-MM-DD, fall within the repetition and be on the same weekday.
openness-events-done-published = Done! The event is published in the calendar.
openness-events-done-pending = Thank you! The event is published once the coordinator has reviewed it.
openness-events-done-approved = The event is approved and published.
openness-events-done-declined = The event is declined. The association sees your reason.
openness-events-done-already = The event had already been reviewed.
openness-events-done-trusted = The change is saved.
openness-events-mine-title = My events
openness-events-mine-empty = Your association has not published any events yet.
openness-events-review-title = Review events
openness-events-review-intro = Events of associations that are not trusted wait here until you approve them. If you decline one, the association sees your reason.
openness-events-pending-heading = Waiting for review
openness-events-pending-empty = No events are waiting.
openness-events-approve = Approve
openness-events-decline = Decline
openness-events-decline-reason = Reason for declining the event
openness-events-trusted-heading = Trusted associations
openness-events-trusted-intro = A trusted association's events are published at once, without review.
openness-events-trusted = trusted
openness-events-not-trusted = reviewed
openness-events-trust = Trust
openness-events-distrust = Review again
openness-events-no-organisations = There are no associations in the registry yet.

# Events: public bookings of the premises in the calendar
openness-events-booking = Booked room

# Events: the area filter
openness-events-field-area = Area
openness-events-hint-area = The part of the municipality where the event is. People looking for events in that area then find it.
openness-events-no-area = No particular area
openness-events-filter-all-areas = All areas
openness-events-err-area = Choose one of the areas in the list.

# Open data
openness-nav-data = Open data
openness-data-title = Open data
openness-data-intro = Here you can download data from { $name } as files. You may use them freely, in your own services too.
openness-data-licence-heading = Free to use
openness-data-licence = All data here is in the public domain under CC0 1.0. You need not ask for permission or name the source.
openness-data-licence-link = Read about CC0 1.0 at Creative Commons
openness-data-formats = Each dataset is available as CSV (for spreadsheets, with semicolons between fields) and as JSON (for programs). Times are in Swedish time.
openness-data-catalogue-heading = For data portals
openness-data-catalogue = Sweden's data portal and other catalogues can harvest the description of the datasets here:
openness-data-catalogue-link = Catalogue of the datasets (DCAT-AP-SE, RDF/XML)
openness-data-catalogue-description = Associations, the agreement, the action plan, dialogue meetings, decisions, events, grants and premises in the municipality's work with the local agreement with civil society.
openness-data-datasets = Datasets
openness-data-modified = Last changed
openness-data-count = Number of rows
openness-data-licence-short = Licence
openness-data-rows = { $n ->
    [one] 1 row
   *[other] { $n } rows
}
openness-data-download = Download { $title } as { $format }
openness-data-foreningar = Associations
openness-data-foreningar-description = The associations in the municipality's register: name, organisation number, legal form, fields of activity, purpose, website, whether the association has signed the agreement and whether it has premises of its own. No contact persons.
openness-data-undertecknare = Signatories of the agreement
openness-data-undertecknare-description = Associations, departments and others who have signed the local agreement and not withdrawn their signature: who signed, in what role and when.
openness-data-handlingsplan = The action plan
openness-data-handlingsplan-description = The activities of the current action plan with principle, goal, time, responsibility and how far they have come.
openness-data-moten = Dialogue meetings
openness-data-moten-description = The dialogue meetings between the municipality and civil society: time, place, theme and accessibility. Cancelled meetings are marked.
openness-data-beslut = Decisions
openness-data-beslut-description = Decisions of the municipal council, the executive board and the committees that concern civil society, with a summary and a link to the minutes. Withdrawn decisions are marked.
openness-data-evenemang = Events
openness-data-evenemang-description = The associations' events in the shared calendar: time, place, audience, accessibility and price.
openness-data-bidragsbeslut = Grant decisions
openness-data-bidragsbeslut-description = The municipality's decisions on grants to associations: association, grant, amount granted in kronor and date.
openness-data-lokaler = Premises
openness-data-lokaler-description = The rooms of the premises that can be booked: size, equipment, accessibility and how they are booked.

## Newsletters
openness-nav-newsletters = Newsletters
openness-newsletter-title = Newsletters
openness-newsletter-intro = Here are the newsletters the municipality has sent about its work with civil society. You can also get them by e-mail.
openness-newsletter-subscribe-heading = Get the newsletter by e-mail
openness-newsletter-email = Your e-mail address
openness-newsletter-consent = I want the newsletter
openness-newsletter-consent-text = { $municipality } keeps your e-mail address only to send the newsletter. You first get a mail with a link to click to confirm. Every newsletter has a link to stop it.
openness-newsletter-subscribe-submit = Subscribe
openness-newsletter-err-consent = Tick the box if you want the newsletter.
openness-newsletter-archive-heading = Sent newsletters
openness-newsletter-archive-empty = No newsletter has been sent yet.
openness-newsletter-sent-on = Sent
openness-newsletter-back = All newsletters
openness-newsletter-check-mail-title = Check your e-mail
openness-newsletter-check-mail = We sent a mail to { $email }. Click the link in it to start getting the newsletter. If you do not see it, look in your spam folder.
openness-newsletter-confirm-subject = Confirm that you want newsletters from { $municipality }
openness-newsletter-confirm-body = Hello!

    Someone, probably you, wants newsletters from { $municipality } at this address. Open the link to confirm:

    { $link }

    If it was not you, do nothing. Then you get no newsletters.
openness-newsletter-confirm-title = Confirm the subscription
openness-newsletter-confirm-intro = Do you want newsletters from { $municipality } at { $email }?
openness-newsletter-confirm-submit = Yes, send me the newsletter
openness-newsletter-confirmed-title = You are subscribed
openness-newsletter-confirmed = Thank you! You now get newsletters from { $municipality }.
openness-newsletter-unsubscribe-link = Stop the subscription
openness-newsletter-unsubscribe-title = Stop the newsletter
openness-newsletter-unsubscribe-intro = Do you want to stop getting newsletters from { $municipality } at { $email }?
openness-newsletter-unsubscribe-submit = Yes, send no more newsletters
openness-newsletter-unsubscribed-title = You get no more newsletters
openness-newsletter-unsubscribed = Done. You get no more newsletters from { $municipality }.
openness-newsletter-mail-footer = You get this newsletter from { $municipality }.
openness-newsletter-mail-leave = Stop the newsletter
openness-newsletter-manage-title = Write newsletters
openness-newsletter-list-heading = Newsletters
openness-newsletter-list-empty = You have not written a newsletter yet.
openness-newsletter-new-heading = New newsletter
openness-newsletter-subject = Subject
openness-newsletter-body = Text
openness-newsletter-body-hint = Write in Markdown: an empty line between paragraphs, # before a heading, * before a list item and [text](https://…) for a link.
openness-newsletter-audience = Send to
openness-newsletter-group-subscribers = subscribers
openness-newsletter-group-contacts = the associations' contact persons
openness-newsletter-group-signatories = contact persons of associations that signed
openness-newsletter-err-audience = Choose at least one group to send to.
openness-newsletter-err-time = Write a date and time, for example 2026-05-04T09:00.
openness-newsletter-err-past = That time has passed. Choose a later time.
openness-newsletter-save = Save
openness-newsletter-saved = The newsletter is saved.
openness-newsletter-status = State
openness-newsletter-status-draft = draft
openness-newsletter-status-scheduled = to be sent
openness-newsletter-status-sending = being sent
openness-newsletter-status-sent = sent
openness-newsletter-progress = Sent
openness-newsletter-public-link = The newsletter in the archive
openness-newsletter-preview = How it looks
openness-newsletter-edit-heading = Change
openness-newsletter-test-heading = Try it first
openness-newsletter-test-submit = Send a test to me
openness-newsletter-test-sent = A test was sent to your e-mail.
openness-newsletter-test-prefix = [Test]
openness-newsletter-schedule-heading = Send
openness-newsletter-schedule-time = Day and time to send
openness-newsletter-schedule-hint = Swedish time. The newsletter goes to everyone in the chosen groups, but not to anyone who stopped the newsletter.
openness-newsletter-schedule-submit = Send at that time
openness-newsletter-send-now = Send now
openness-newsletter-scheduled = The newsletter will be sent.

# Events: the letter after moderation
openness-events-mail-approved-subject = Your event is now in the calendar: { $title }
openness-events-mail-approved-body = Hello,

    { $municipality } has approved your event "{ $title }". It now shows in the shared event calendar:
    { $url }

    Kind regards
    { $municipality }
openness-events-mail-declined-subject = Your event was not taken into the calendar: { $title }
openness-events-mail-declined-body = Hello,

    { $municipality } has not approved your event "{ $title }" for the shared event calendar.

    Reason: { $reason }

    You can change the event and send it again:
    { $url }

    Kind regards
    { $municipality }

# Decisions: grants decisions published into the feed
openness-grants-heading = Grants decisions for the decisions feed
openness-grants-intro = These are the municipality's decisions on grants to associations. Publish a decision and it shows in the decisions feed with the tag grants and a link to the grants decisions. Each decision can be published once.
openness-grants-none = There are no grants decisions yet.
openness-grants-title = Grant to { $association }: { $programme }
openness-grants-granted = Granted { $amount }, decided { $date }
openness-grants-rejected = Rejected, decided { $date }
openness-grants-summary = { $facts }. Years: { $years }.
openness-grants-published = Published in the decisions feed
openness-grants-body = Who made the decision?
openness-grants-committee = The committee's name (if a committee decided)
openness-grants-publish = Publish in the decisions feed
openness-grants-already = The decision is already in the decisions feed. It was not published again.
openness-grants-link = Grants decisions to publish
openness-grants-committee-missing = Write the committee's name when a committee made the decision.

# Newsletter audiences: working groups, one meeting, one category
openness-newsletter-group-working-groups = the members of the working groups
openness-newsletter-meeting = Send to those registered for a dialog meeting
openness-newsletter-meeting-none = No meeting
openness-newsletter-meeting-hint = Those registered only agreed to be contacted about that meeting. Write about the meeting.
openness-newsletter-category = Send to contact persons of associations in a category
openness-newsletter-category-none = No category
openness-newsletter-err-choice = Choose one of the options in the list.
openness-digest-choice = Also send me a weekly summary
openness-digest-choice-hint = Every Monday morning: new decisions, events and news from the past week. It only comes when there is something new.
openness-digest-subject = The week in { $municipality }, week { $week }
openness-digest-intro = This is new from { $municipality } in the past week.
openness-digest-decisions = Decisions
openness-digest-events = Coming events
openness-digest-news = News
openness-digest-footer = You get the weekly summary from { $municipality } because you asked for it.
