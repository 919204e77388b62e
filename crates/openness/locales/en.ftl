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
