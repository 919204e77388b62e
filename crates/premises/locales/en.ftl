nav-premises = Premises
premises-mode-instant = Booked at once
premises-mode-request = Request, approved by the owner
premises-kind-association = Association
premises-kind-private = Private person
premises-kind-company = Company
premises-status-requested = Requested, awaiting an answer
premises-status-confirmed = Booked
premises-status-rejected = Rejected
premises-status-cancelled = Cancelled
premises-eq-projector = Projector
premises-eq-screen = Screen
premises-eq-wifi = Wireless network
premises-eq-sound = Sound system
premises-eq-whiteboard = Whiteboard
premises-eq-kitchen = Kitchen
premises-eq-piano = Piano
premises-eq-stage = Stage
premises-mail-confirmed-subject = Booked: { $room }
premises-mail-confirmed-body = Hello { $name }!

    Your booking of { $room } is done:
    { $times }

    The calendar file is attached. See or cancel the booking here:
    { $link }
premises-mail-requested-subject = Request sent: { $room }
premises-mail-requested-body = Hello { $name }!

    We have received your request for { $room }:
    { $times }

    The time is held for you until the owner answers. You will get an e-mail when the request is approved or rejected.
    { $link }
premises-mail-new-request-subject = New request for { $room }
premises-mail-new-request-body = { $name } asks for { $room }:
    { $times }

    Approve or reject the request here:
premises-mail-approved-subject = Approved: { $room }
premises-mail-approved-body = Hello!

    Your request for { $room } is approved:
    { $times }

    The calendar file is attached.
    { $link }
premises-mail-rejected-subject = Rejected: { $room }
premises-mail-rejected-body = Hello!

    Your request for { $room } was rejected:
    { $times }

    Reason: { $reason }
    { $link }
premises-mail-cancelled-subject = Cancelled: { $room }
premises-mail-cancelled-body = Hello!

    The booking of { $room } is cancelled:
    { $times }

    The time is free for others again. The attached calendar file removes it from your calendar.
    { $link }
premises-title = Premises and booking
premises-intro = Find premises that fit: choose a day and time, how many you are, and the equipment and accessibility you need. The rooms are shown with their free times that week.
premises-search-date-hint = We show the free times of the whole week the day is in.
premises-field-date = Date
premises-field-from = From
premises-field-to = To
premises-field-time-hint = For example 18:00.
premises-field-people = Number of people
premises-field-area = Area
premises-area-all = All areas
premises-field-equipment = Equipment
premises-field-access = Accessibility
premises-search-submit = Search
premises-results-heading = Rooms that fit
premises-found = Showing rooms { $from }–{ $to } of those that fit, with free times in week { $week }.
premises-found-none = No room fits. Try another time, fewer needs or another area.
premises-free-this-week = Free times this week
premises-no-free-time = No free times
premises-pages = More pages
premises-prev-page = Previous page
premises-next-page = Next page
premises-capacity = Room for { $n } people
premises-my-bookings = My bookings
premises-requests-title = Requests to answer
premises-manage-premises = Manage premises
premises-seasons-link = Seasonal booking
premises-back-to-search = Back to the search
premises-back-to-room = Back to the room
premises-edit-room = Edit the room
premises-label-address = Address
premises-label-owner = Owned by
premises-label-capacity = Places
premises-label-mode = Booking
premises-label-buffer = Time between bookings
premises-label-rules = Rules
premises-label-prices = Prices
premises-label-hours = Opening hours
premises-label-photos = Photos
premises-buffer-minutes = { $n } minutes between bookings
premises-buffer-none = None
premises-price-none = Cannot book
premises-price-free = Free
premises-price-per-hour = { $kr } kr per hour
premises-closed = Closed
premises-week-heading = Week { $week }: { $from } – { $to }
premises-week-nav = Choose a week
premises-prev-week = Previous week
premises-next-week = Next week
premises-free = free
premises-book = Book
premises-taken = Booked
premises-taken-preliminary = Provisionally booked
premises-subscribe = Subscribe
premises-feed-link = The room's calendar (for your calendar app)
premises-book-title = Book { $room }
premises-submit-book = Book
premises-field-booker = Who is booking?
premises-field-name = Name of the booker
premises-field-name-hint = For an association, its name is used.
premises-field-purpose = What will the room be used for?
premises-field-purpose-hint = Only you and the room's owner see this.
premises-field-repeat = Repeat every week until
premises-field-repeat-hint = Leave empty for a single booking.
premises-field-exceptions = Dates to skip
premises-field-exceptions-hint = Holidays, for example. Write dates like 2026-12-29, separated by commas.
premises-err-date = Write the date as YYYY-MM-DD, for example 2026-12-01.
premises-err-time = Write the time as HH:MM, for example 18:00.
premises-err-end-before-start = The end must be after the start.
premises-err-people = Write how many you are, in digits.
premises-err-too-many = The room has places for { $n } people.
premises-err-booker = Choose who is booking.
premises-err-private-upcoming = As a private person you can hold at most { $n } upcoming bookings here. Cancel one or choose fewer weeks.
premises-err-private-horizon = As a private person you can book at most { $days } days ahead.
premises-err-too-long = The text is too long.
premises-err-exception-date = "{ $date }" is not a date. Write dates as YYYY-MM-DD.
premises-err-exceptions-without-series = Dates to skip are only needed when the booking repeats.
premises-err-span = A booking lasts at most a day and must end after it starts.
premises-err-skipped = That time does not exist on { $date }: the clocks change to summer time that night. Choose another time or skip the date.
premises-err-closed = The room is closed then on { $date }. See the opening hours.
premises-err-past = That time has passed.
premises-err-period = The last date must be after the first and at most a year ahead.
premises-err-exception = { $date } is not part of the series (another weekday or outside the period).
premises-err-all-excepted = Every date is skipped, so there is nothing to book.
premises-err-taken = Already booked: the time is taken on { $dates }. Choose another time, or skip those dates.
premises-err-reason = Write why the request is rejected. The person who asked will read it.
premises-booking-title = Booking of { $room }
premises-done-booked = Done! The room is booked. We have e-mailed a confirmation with a calendar file.
premises-done-requested = The request is sent. The time is held for you until the owner answers.
premises-label-room = Room
premises-label-when = When
premises-label-booker = Booked by
premises-label-people = Number of people
premises-label-purpose = Used for
premises-label-reason = Reason
premises-label-status = Status
premises-add-to-calendar = Add to your calendar (.ics)
premises-series-heading = The series' other times
premises-decide-heading = Answer the request
premises-approve = Approve
premises-reject = Reject
premises-field-reason = Reason for rejecting
premises-cancel-heading = Cancel
premises-cancel-what = What do you want to cancel?
premises-cancel-one = Only this time
premises-cancel-series = This and all later times in the series
premises-cancel-submit = Cancel the booking
premises-done-approved = Approved: { $n } times for { $name }.
premises-done-rejected = Rejected: { $n } times for { $name }.
premises-requests-none = There are no requests to answer.
premises-people-short = people
premises-is-series = Repeats every week
premises-find-room = Find premises
premises-mine-none = You have no coming bookings.
premises-mine-caption = Your coming bookings
premises-more-filters = Equipment and accessibility

premises-description = Premises that associations and residents can book in { $name }: search by day, size, equipment and accessibility.
premises-room-description = { $address }. Room for { $n } people.

# Public bookings in the shared event calendar (issue 17)
premises-field-public = Show in the shared calendar
premises-field-public-hint = Tick this if anyone may come. The time, the room and the title below then show in the municipality's event calendar once the booking is confirmed. Otherwise the booking does not show there.
premises-field-public-title = Title in the calendar
premises-field-public-title-hint = Only needed if the booking is to show in the calendar. "Christmas market", for example.
premises-err-public-title = Write a title for the calendar, or untick the box.
premises-err-public-title-bad = The title may be at most 200 characters on one line.
premises-label-public = In the shared calendar
premises-public-yes = Yes, as "{ $title }"
premises-public-no = No
