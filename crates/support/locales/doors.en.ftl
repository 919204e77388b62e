# En dörr in (issue 18): the contact form, the asker's page, the staff's cases, the topics.
support-doors-title = One way in
support-doors-description = Ask { $name } a question – for example about grants, premises or how to apply. You get a case number and an answer from the person responsible.
support-doors-intro = Ask the municipality your question here, as an association or a resident. You need no account. The question goes to whoever is responsible for the topic, and you get a case number and an answer by e-mail.
support-doors-public-record = What you send becomes a public record at the municipality.
support-doors-form-choose = Choose a topic
support-doors-form-topic = Topic
support-doors-form-question = Your question
support-doors-form-organisation = Association or organisation
support-doors-form-organisation-hint = If you ask for an association.
support-doors-form-name = Name
support-doors-form-email = E-mail address
support-doors-form-email-hint = We send the receipt and the answer here.
support-doors-form-consent = I agree that my details are processed to answer the question
support-doors-form-consent-hint = { $municipality } keeps your name and e-mail address with the question to be able to answer you. The question is a public record and is kept by the municipality's archive rules.
support-doors-form-submit = Send the question
support-doors-not-now = That is not possible now.
support-doors-thanks-title = Thank you for your question
support-doors-thanks-number = Your case number is { $number }.
support-doors-thanks-intro = We have sent a receipt to your e-mail address with a link where you can follow the case and reply.
support-doors-thanks-back = Ask another question
support-doors-faq-heading = Frequently asked questions
support-doors-faq-none = No questions are published yet.
support-doors-status = Status
support-doors-status-received = Received
support-doors-status-assigned = Assigned
support-doors-status-answered = Answered
support-doors-status-closed = Closed
support-doors-topic = Topic
support-doors-received = Received
support-doors-due = Answer by
support-doors-responsible = Responsible
support-doors-unrouted = No one responsible yet
support-doors-asker = Asked by
support-doors-asker-erased = Removed
support-doors-rating = Satisfaction
support-doors-thread-title = Case { $number }
support-doors-thread-heading = Questions and answers
support-doors-your-question = Your question
support-doors-you = You
support-doors-the-municipality = The municipality
support-doors-the-question = The question
support-doors-the-asker = The asker
support-doors-reply-label = Reply or ask more
support-doors-reply-submit = Send
support-doors-done-replied = Your reply has been sent.
support-doors-done-rated = Thank you for your rating!
support-doors-rate-heading = How satisfied are you?
support-doors-rate-question = How satisfied are you with the answer? 1 is not at all, 5 is very satisfied.
support-doors-rate-comment = Comment
support-doors-rate-submit = Send the rating
support-doors-rate-refused = Choose a number from 1 to 5.
support-doors-rated = Thank you, you have given your rating.
support-doors-cases-title = Cases of One way in
support-doors-cases-count = { $n ->
    [0] No cases.
    [one] One case.
   *[other] { $n } cases.
}
support-doors-cases-all = Show all cases
support-doors-cases-overdue = Show overdue cases
support-doors-cases-export = Export the cases (CSV)
support-doors-late = overdue
support-doors-late-notice = The case has passed its last day for an answer.
support-doors-answer-label = Answer
support-doors-answer-hint = The answer is sent to the asker by e-mail and kept in the case.
support-doors-answer-submit = Send the answer
support-doors-close = Close the case
support-doors-done-answered = The answer has been sent.
support-doors-done-closed = The case is closed.
support-doors-done-published = The question is published among the frequently asked questions.
support-doors-faq-publish-heading = Publish as a frequently asked question
support-doors-faq-publish-intro = Edit the question and the answer so that no person or association can be recognised before you publish.
support-doors-faq-question = Question
support-doors-faq-answer = Answer
support-doors-faq-publish = Publish
support-doors-faq-refused = Write both a question and an answer.
support-doors-topics-title = Topics and answer time
support-doors-topics-intro = Each topic sends its questions to a department or a named person.
support-doors-topics-empty = No topics yet.
support-doors-topics-add = Add a topic
support-doors-topics-name = The topic's name
support-doors-topics-department = Department
support-doors-topics-person = Person
support-doors-topics-route-hint = Choose a department or a person (the person comes first).
support-doors-topics-none = None
support-doors-topics-remove = Remove
support-doors-topics-saved = Saved.
support-doors-topics-taken = There already is a topic with that name.
support-doors-topics-unknown = Choose one of the municipality's departments and people.
support-doors-days-heading = Answer time
support-doors-days-label = Answer within this many working days
support-doors-days-submit = Save the answer time
support-doors-days-refused = Give a number of working days from 1 to { $max }.
support-doors-csv-number = Case number
support-doors-csv-received = Received
support-doors-csv-topic = Topic
support-doors-csv-organisation = Organisation
support-doors-csv-asker = Asked by
support-doors-csv-status = Status
support-doors-csv-department = Department
support-doors-csv-person = Case officer
support-doors-csv-due = Answer by
support-doors-csv-answered = Answered
support-doors-csv-closed = Closed
support-doors-csv-question = Question
support-doors-csv-rating = Satisfaction
support-doors-mail-receipt-subject = We have received your question ({ $number })
support-doors-mail-receipt-body = Hello!

    Thank you for your question to { $municipality }. Your case number is { $number }.
    You will get an answer by { $due }.

    Follow the case and reply here:
    { $url }

    Kind regards
    { $municipality }
support-doors-mail-answer-subject = Answer to your question ({ $number })
support-doors-mail-answer-body = Hello!

    Here is the answer to your question to { $municipality } (case { $number }):

    { $answer }

    Reply or ask more here:
    { $url }

    Kind regards
    { $municipality }
support-doors-mail-late-subject = Overdue case of One way in: { $number }
support-doors-mail-late-body = Hello!

    Case { $number } ({ $topic }) has no answer, and its last day was { $due }.

    The case:
    { $url }
support-doors-home-empty = Ask the municipality your question – you get a case number and an answer from the person responsible.
support-doors-home-answered = Frequently asked, with an answer
support-doors-home-ask = Ask a question
support-doors-staff-cases = Cases of One way in (for the municipality's staff)
support-doors-assign-heading = Assign the case
support-doors-assign-submit = Assign
support-doors-done-assigned = The case is assigned.
support-doors-mail-waiting-subject = A question in One way in: { $number } ({ $topic })
support-doors-mail-waiting-body = Hello!

    A question in One way in of { $municipality } waits for an answer: case { $number } ({ $topic }).
    Answer by { $due }.

    The case:
    { $url }
support-doors-not-open = The municipality has not opened One way in yet. Contact the municipality the ways its website gives.
support-doors-faq-remove = Remove the question
