nav-actionplan = Action plan
actionplan-title = Action plan
actionplan-intro = Here you see what the municipality and civil society have promised to do for each principle, who is responsible, when it is due and how far the work has come.
actionplan-none = There is no action plan here yet.
actionplan-period = Period
actionplan-adopted = Adopted by
actionplan-action-groups = Working groups
actionplan-action-mine = My activities
actionplan-action-overdue = Overdue activities
actionplan-action-import = Import the plan from a table
actionplan-action-settings = The plan's name, period and decision
actionplan-action-edit = Change dates and responsible
actionplan-filter-heading = Show only some activities
actionplan-filter-owner = Whose goal
actionplan-filter-any-owner = All
actionplan-filter-status = Status
actionplan-filter-any-status = All
actionplan-filter-responsible = Responsible
actionplan-filter-responsible-hint = Part of the name, for example “Kultur”.
actionplan-filter-submit = Show
actionplan-filter-clear = Show all
actionplan-filter-found = { $n ->
    [0] No activities match.
    [one] 1 activity matches.
   *[other] { $n } activities match.
}
actionplan-owner-municipality = The municipality will:
actionplan-owner-civil-society = Civil society will:
actionplan-owner-both = The municipality and civil society will:
actionplan-owner-unstated = Goal:
actionplan-status-not-started = Not started
actionplan-status-ongoing = Ongoing
actionplan-status-done = Done
actionplan-status-paused = Paused or late
actionplan-overdue = overdue
actionplan-progress-heading = How far the work has come
actionplan-progress-summary = { $done } of { $total } activities are done ({ $percent } percent).
actionplan-activities-heading = Activities
actionplan-activities-caption = Activities for the goal
actionplan-no-activities = No activities.
actionplan-col-area = Area
actionplan-col-goal = Goal
actionplan-col-owner = Whose goal
actionplan-col-activity = Activity
actionplan-col-time = Time
actionplan-col-responsible = Responsible
actionplan-col-follow-up = Follow-up
actionplan-col-status = Status
actionplan-col-group = Working group
actionplan-col-members = Members
actionplan-download-heading = Download the plan
actionplan-download-csv = As CSV (for Excel)
actionplan-download-xlsx = As an Excel file (XLSX)
actionplan-download-print = For printing
actionplan-download-json = As JSON
actionplan-back-to-plan = Back to the action plan
actionplan-back-to-groups = Back to the working groups
actionplan-to-goal = To the goal
actionplan-history-heading = What has happened
actionplan-history-none = Nobody has reported anything yet.
actionplan-progress-form-heading = Report how it is going
actionplan-login-to-report = Log in to report how it is going
actionplan-field-status = Status after this
actionplan-field-note = What has happened?
actionplan-field-note-hint = Write briefly what is done and what is left.
actionplan-field-noted-on = Date
actionplan-submit-progress = Save the report
actionplan-done-progress = Thank you! Your report is saved.
actionplan-done-activity = The activity is saved.
actionplan-done-settings = The plan's details are saved.
actionplan-edit-title = Change activity
actionplan-choose-none = None
actionplan-field-time-text = Time as written
actionplan-field-time-text-hint = For example “Höst -19” or “Årligen eller vid behov”.
actionplan-field-time-start = From date
actionplan-field-time-end = To date
actionplan-field-responsible-text = Responsible as written
actionplan-field-department = Responsible department
actionplan-field-user = Responsible person
actionplan-field-user-hint = The person can report progress and is reminded before the follow-up.
actionplan-field-organisation = Responsible organisation
actionplan-field-follow-up-text = Follow-up as written
actionplan-field-follow-up-on = Follow-up date
actionplan-field-follow-up-on-hint = The responsible get a reminder by e-mail { $n } days before.
actionplan-submit-activity = Save the activity
actionplan-settings-title = The plan's name, period and decision
actionplan-field-title = Name of the plan
actionplan-field-period-start = Valid from year
actionplan-field-period-end = Valid to year
actionplan-field-adopted-by = Adopted by
actionplan-field-adopted-by-hint = For example “Kommunstyrelsen” or “Samverkansrådet”.
actionplan-field-adopted-on = Date of the decision
actionplan-submit-settings = Save
actionplan-mine-title = My activities
actionplan-mine-intro = Activities for which you, your department or your organisation is responsible.
actionplan-mine-none = You are not responsible for any activity.
actionplan-mine-caption = Activities you are responsible for
actionplan-overdue-title = Overdue activities
actionplan-overdue-intro = Activities that are not done although their follow-up date has passed (today is { $date }).
actionplan-overdue-none = No activities are overdue.
actionplan-overdue-caption = Overdue activities, oldest first
actionplan-groups-title = Working groups
actionplan-groups-intro = In the working groups the municipality and civil society work together on a principle of the plan. Anyone can join.
actionplan-groups-none = There are no working groups yet.
actionplan-groups-caption = Working groups
actionplan-group-new-heading = New working group
actionplan-field-group-name = Name
actionplan-field-convener = Convener
actionplan-field-description = What the group does
actionplan-submit-group = Create the group
actionplan-whole-plan = The whole plan
actionplan-no-convener = Nobody yet
actionplan-members-heading = Members
actionplan-join-heading = Join the group
actionplan-join-intro = The group's members and the coordinator see your name and e-mail address. You can leave whenever you like.
actionplan-field-consent = I agree that the group's members and the coordinator see my name and e-mail address
actionplan-submit-join = Join
actionplan-submit-leave = Leave the group
actionplan-login-to-join = Log in to join the group
actionplan-done-joined = You are in the group.
actionplan-done-left = You have left the group.
actionplan-import-title = Import the action plan
actionplan-import-intro = Paste the table with the columns Område, Mål, Aktiviteter, Tid, Ansvar and Uppföljning, or choose a file (Excel, CSV or tab-separated text). You first see what will be created and which lines could not be read. Nothing is saved until you confirm.
actionplan-import-again = Importing the same table again changes nothing.
actionplan-import-field = The table
actionplan-import-field-hint = Copy the table from Word or Excel and paste it here.
actionplan-import-file-heading = Choose a file
actionplan-import-file-field = File
actionplan-import-file-hint = Excel (XLSX), CSV or tab-separated text, at most 1 MB.
actionplan-import-paste-heading = Or paste the table
actionplan-import-no-file = Choose a file.
actionplan-import-bad-file = The file could not be read. Save it as XLSX or CSV and try again.
actionplan-import-too-large = The worksheet is too large: it has more cells than an action plan, or cells far apart (in A1 and XFD1048576, say). Remove what is not part of the plan and try again.
actionplan-submit-check = Show what will be created
actionplan-submit-check-file = Read the file
actionplan-submit-import = Import
actionplan-import-summary = New areas: { $areas }. New goals: { $goals }. New activities: { $activities }. Changed rows: { $changed }. Lines that could not be read: { $problems }.
actionplan-import-done = The import is done: { $goals } new goals, { $activities } new activities and { $changed } changed rows.
actionplan-import-problems = Lines that could not be read
actionplan-import-creates = This will be created or changed
actionplan-import-line = Line
actionplan-import-problem = Problem
actionplan-import-text = Text
actionplan-import-what = What
actionplan-new-area = New area
actionplan-renamed-area = New name for an area
actionplan-new-goal = New goal
actionplan-new-activity = New activity
actionplan-changed-activity = Changed time, responsible or follow-up
actionplan-printed = Printed { $date }.
actionplan-print-hint = Print the page with your browser's print function.
actionplan-err-date = Write the date as YYYY-MM-DD, for example 2026-11-23.
actionplan-err-date-order = The end cannot be before the start.
actionplan-err-future = The date cannot be in the future.
actionplan-err-choose = Choose one of the options.
actionplan-err-consent = Tick the box to join.
actionplan-reminder-subject = Reminder: follow-up of an activity on { $date }
actionplan-reminder-body = Hello,

    You are responsible for an activity in the action plan that is to be followed up on { $date }:

    { $activity }

    Follow-up: { $how }

    Please report how it is going before then:
    { $link }

    This message was sent automatically by Överens.

actionplan-table-unknown-layout = The line does not look like the table's six columns (Area, Goal, Activities, Time, Responsible, Follow-up).
actionplan-table-no-area = The line has no area and does not follow a line it could continue.
actionplan-table-unknown-area = The area must be written like “Nr 1 Självständighet”.
actionplan-table-area-conflict = The area's number is already used by an area with another name.
actionplan-table-no-goal = The line has activities but no goal.
actionplan-activity-unnamed = Activity without a description
actionplan-import-unnamed-activity = Activity without a description: the Aktiviteter cell is empty (responsible: { $responsible }, follow-up: { $follow_up }). It is shown as “Activity without a description” until someone writes what is to be done.
actionplan-move-up = Move up
actionplan-move-down = Move down
actionplan-action-new-goal = New goal
actionplan-action-new-activity = New activity
actionplan-action-edit-goal = Change the goal
actionplan-action-remove-goal = Remove the goal
actionplan-action-remove-activity = Remove the activity
actionplan-new-goal-title = New goal
actionplan-edit-goal-title = Change the goal
actionplan-submit-goal = Save the goal
actionplan-remove-goal-title = Remove the goal
actionplan-remove-goal-intro = { $n ->
    [0] The goal has no activities.
    [one] The goal's activity is removed with it, and its reports.
   *[other] The goal's { $n } activities are removed with it, and their reports.
}
actionplan-submit-remove-goal = Remove the goal
actionplan-new-activity-title = New activity
actionplan-submit-new-activity = Add the activity
actionplan-remove-activity-title = Remove the activity
actionplan-remove-activity-intro = The activity is removed with its reports. This cannot be undone.
actionplan-submit-remove-activity = Remove the activity
actionplan-field-intro = Introduction
actionplan-field-intro-hint = What the plan is for and how it is followed up. Shown at the top of the plan. A blank line between paragraphs.
actionplan-field-goal-hint = Choose another goal to move the activity there.
actionplan-done-goal = The goal is saved.
actionplan-done-moved = The order is changed.
actionplan-done-goal-removed = The goal is removed.
actionplan-done-activity-removed = The activity is removed.
actionplan-no-single-goal = No single goal
actionplan-field-group-goal = Goal
actionplan-field-group-goal-hint = Choose a goal if the group forms around a single goal. The group then belongs to the goal's area.

actionplan-group-meetings = The group's meetings
actionplan-group-documents = The group's documents

## The areas' principles
actionplan-area-principles = Principles of the agreement
actionplan-area-principles-edit = Choose the area's principles
actionplan-principles-title = Principles of { $area }
actionplan-principles-intro = Tick the principles of the agreement that the area works on.
actionplan-principles-none-in-force = The municipality has no adopted agreement with principles to choose from.
actionplan-principles-save = Save the principles
actionplan-principles-saved = The area's principles are saved.
actionplan-principles-back = Back to the action plan
actionplan-principle-areas = The areas of the action plan that work on the principle:
actionplan-principle-no-areas = No area of the action plan is linked to the principle yet.
actionplan-principle-in-agreement = The principle in the agreement

## Plan periods
actionplan-action-new-period = Start a new period
actionplan-new-period-title = Start a new period
actionplan-new-period-intro = The new period becomes the current plan. Every area goes along, and every activity that is not done goes along to the new period with its goal, its status and its history. Activities that are done stay in the earlier period, which can be read but not changed.
actionplan-submit-new-period = Start the period
actionplan-done-new-period = The new period has started. Activities that were not done went along.
actionplan-earlier-periods = Earlier periods
actionplan-period-earlier = This is an earlier period of the action plan. It can be read but not changed.
actionplan-period-to-current = To the current action plan
actionplan-home-progress = The action plan
actionplan-home-empty = The action plan has no activities yet.
actionplan-home-per-principle = Activities per principle
actionplan-home-per-area = Activities per area
actionplan-home-plan = The whole action plan
actionplan-home-principle = Principle
actionplan-home-area = Area
