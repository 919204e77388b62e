support-idea = Idea
support-home-ideas = The idea bank
support-home-no-ideas = No ideas yet. Have an idea about collaboration? Send it in!
support-home-all-ideas = All ideas, and send in your own

support-ideas-title = The idea bank
support-ideas-description = Ideas for developing { $name }, from civil society and the municipality.
support-ideas-intro = Here we gather ideas on how civil society and the municipality can develop the community and their collaboration. Anyone signed in can send in an idea, support other people's ideas and comment. The coordinator takes care of the ideas and tells what happens to them.
support-ideas-new-link = Send in an idea
support-ideas-new-login = Sign in to send in an idea
support-ideas-status = Status
support-ideas-principle = Principle
support-ideas-category = Category
support-ideas-sort = Sort
support-ideas-filter-all-statuses = All statuses
support-ideas-filter-all-principles = All principles
support-ideas-filter-all-categories = All categories
support-ideas-sort-support = Most supported first
support-ideas-sort-newest = Newest first
support-ideas-filter-submit = Show ideas
support-ideas-results = Ideas
support-ideas-count = { $n ->
    [0] No ideas match.
    [one] One idea.
   *[other] { $n } ideas.
}
support-ideas-supports = { $n ->
    [0] No support yet
    [one] 1 person supports it
   *[other] { $n } people support it
}
support-ideas-comments = { $n ->
    [0] no comments
    [one] 1 comment
   *[other] { $n } comments
}
support-ideas-submitted-on = sent in { $date }
support-ideas-hidden-mark = hidden
support-ideas-feed-heading = Follow the idea bank
support-ideas-feed-title = The idea bank of { $name }

support-ideas-status-new = New
support-ideas-status-preparing = Being prepared
support-ideas-status-on-agenda = On the agenda of a dialog meeting
support-ideas-status-on-agenda-n = On the agenda of dialog meeting { $n }
support-ideas-status-on-agenda-title = On the agenda of { $title }
support-ideas-status-activity = Becomes an activity of the action plan
support-ideas-status-done = Done
support-ideas-status-closed = Closed

support-ideas-category-premises = Premises
support-ideas-category-training = Training and knowledge
support-ideas-category-collaboration = Dialogue, networks and collaboration
support-ideas-category-information = Information and communication
support-ideas-category-activities = Activities and events
support-ideas-category-other = Other

support-ideas-new-title = Send in an idea
support-ideas-new-intro = Describe your idea so that others understand what you want to achieve. The idea is shown to everyone with your name, and the coordinator tells you by e-mail when its status changes.
support-ideas-form-title = Title
support-ideas-form-description = Description
support-ideas-form-description-hint = What do you want to do, and what would it bring? An empty line starts a new paragraph.
support-ideas-form-principle = Principle of the agreement
support-ideas-form-principle-hint = Which of the agreement's principles does the idea belong to?
support-ideas-form-no-principle = No particular principle
support-ideas-form-category = Category
support-ideas-form-choose = Choose a category
support-ideas-form-area = Area
support-ideas-form-area-hint = A town or part of the municipality, if the idea concerns a particular place.
support-ideas-form-submit = Send in the idea

support-ideas-done-submitted = Thank you! Your idea has been sent in.
support-ideas-done-supported = You now support the idea.
support-ideas-done-unsupported = You no longer support the idea.
support-ideas-done-commented = Your comment is published.
support-ideas-done-status = The idea has a new status and the person who sent it in has been e-mailed.
support-ideas-done-hidden = Hidden. Only coordinators see it now.
support-ideas-done-shown = Shown to everyone again.
support-ideas-done-closed = The idea is done or closed and takes no more support.
support-ideas-not-now = That cannot be done with the idea now.

support-ideas-reason = Reason
support-ideas-about = About the idea
support-ideas-submitter = Sent in by
support-ideas-hidden-notice = The idea is hidden. Only coordinators see it.
support-ideas-support-heading = Support
support-ideas-support = Support the idea
support-ideas-unsupport = Withdraw my support
support-ideas-you-support = You support this idea.
support-ideas-support-closed = The idea is done or closed and takes no more support.
support-ideas-login-to-support = Sign in to support the idea
support-ideas-comments-heading = Comments
support-ideas-no-comments = No comments yet.
support-ideas-comment-anonymous = A former user
support-ideas-comment-label = Your comment
support-ideas-comment-submit = Comment
support-ideas-login-to-comment = Sign in to comment
support-ideas-comment-hide = Hide the comment
support-ideas-comment-show = Show the comment again
support-ideas-manage-heading = Manage the idea
support-ideas-new-status = New status
support-ideas-meeting = Dialog meeting
support-ideas-meeting-hint = Needed for "On the agenda": the meeting that takes up the idea.
support-ideas-activity = Activity of the action plan
support-ideas-activity-hint = Needed for "Becomes an activity": the activity the idea becomes.
support-ideas-reason-hint = Needed when the idea is closed. The person who sent it in reads the reason.
support-ideas-none = None chosen
support-ideas-move = Change status
support-ideas-no-moves = The idea is done and has no status to move on to.
support-ideas-hide = Hide the idea
support-ideas-show = Show the idea again
support-ideas-back = Back to the idea bank

support-ideas-refused-not-allowed = The idea cannot get that status from where it is.
support-ideas-refused-unchanged = The idea is already on that meeting's agenda.
support-ideas-refused-meeting = Choose the dialog meeting that takes up the idea.
support-ideas-refused-activity = Choose the activity of the action plan the idea becomes.
support-ideas-refused-reason = Write a reason when the idea is closed.
support-ideas-refused-reason-long = The reason is too long.

support-ideas-mail-subject = Your idea "{ $title }" has a new status
support-ideas-mail-body = Hello!

    Your idea "{ $title }" in the idea bank of { $municipality } has a new status: { $status }.
    { $detail }

    Read more about the idea:
    { $url }

    Kind regards
    { $municipality }
support-ideas-mail-meeting = The meeting: { $url }
support-ideas-mail-activity = The activity of the action plan: { $activity } ({ $url })
support-ideas-mail-reason = Reason: { $reason }
