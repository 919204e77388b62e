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
