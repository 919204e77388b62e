# En dörr in (issue 18): the contact form, the asker's page, the staff's cases, the topics.
support-doors-title = En dörr in
support-doors-description = Ställ en fråga till { $name } – till exempel om bidrag, lokaler eller hur man ansöker. Du får ett ärendenummer och svar från den som ansvarar.
support-doors-intro = Ställ din fråga till kommunen här, som förening eller privatperson. Du behöver inget konto. Frågan går till den som ansvarar för ämnet, och du får ett ärendenummer och svar via e-post.
support-doors-public-record = Det du skickar blir en allmän handling hos kommunen.
support-doors-form-choose = Välj ett ämne
support-doors-form-topic = Ämne
support-doors-form-question = Din fråga
support-doors-form-organisation = Förening eller organisation
support-doors-form-organisation-hint = Om du frågar för en förening.
support-doors-form-name = Namn
support-doors-form-email = E-postadress
support-doors-form-email-hint = Hit skickar vi kvittot och svaret.
support-doors-form-consent = Jag samtycker till att mina uppgifter behandlas för att besvara frågan
support-doors-form-consent-hint = { $municipality } sparar ditt namn och din e-postadress med frågan för att kunna svara dig. Frågan är en allmän handling och bevaras enligt kommunens arkivregler.
support-doors-form-submit = Skicka frågan
support-doors-not-now = Det går inte just nu.
support-doors-thanks-title = Tack för din fråga
support-doors-thanks-number = Ditt ärendenummer är { $number }.
support-doors-thanks-intro = Vi har skickat ett kvitto till din e-postadress med en länk där du kan följa ärendet och svara.
support-doors-thanks-back = Ställ en fråga till
support-doors-faq-heading = Vanliga frågor
support-doors-faq-none = Inga frågor är publicerade ännu.
support-doors-status = Status
support-doors-status-received = Mottagen
support-doors-status-assigned = Tilldelad
support-doors-status-answered = Besvarad
support-doors-status-closed = Stängd
support-doors-topic = Ämne
support-doors-received = Mottagen
support-doors-due = Svar senast
support-doors-responsible = Ansvarig
support-doors-unrouted = Ingen ansvarig ännu
support-doors-asker = Frågeställare
support-doors-asker-erased = Borttagen
support-doors-rating = Nöjdhet
support-doors-thread-title = Ärende { $number }
support-doors-thread-heading = Frågor och svar
support-doors-your-question = Din fråga
support-doors-you = Du
support-doors-the-municipality = Kommunen
support-doors-the-question = Frågan
support-doors-the-asker = Frågeställaren
support-doors-reply-label = Svara eller fråga vidare
support-doors-reply-submit = Skicka
support-doors-done-replied = Ditt svar är skickat.
support-doors-done-rated = Tack för ditt omdöme!
support-doors-rate-heading = Hur nöjd är du?
support-doors-rate-question = Hur nöjd är du med svaret? 1 är inte alls nöjd, 5 är mycket nöjd.
support-doors-rate-comment = Kommentar
support-doors-rate-submit = Skicka omdömet
support-doors-rate-refused = Välj en siffra från 1 till 5.
support-doors-rated = Tack, du har lämnat ditt omdöme.
support-doors-cases-title = Ärenden i En dörr in
support-doors-cases-count = { $n ->
    [0] Inga ärenden.
    [one] Ett ärende.
   *[other] { $n } ärenden.
}
support-doors-cases-all = Visa alla ärenden
support-doors-cases-overdue = Visa försenade ärenden
support-doors-cases-export = Exportera ärendena (CSV)
support-doors-late = försenat
support-doors-late-notice = Ärendet har passerat sista svarsdag.
support-doors-answer-label = Svar
support-doors-answer-hint = Svaret skickas till frågeställaren via e-post och sparas i ärendet.
support-doors-answer-submit = Skicka svaret
support-doors-close = Stäng ärendet
support-doors-done-answered = Svaret är skickat.
support-doors-done-closed = Ärendet är stängt.
support-doors-done-published = Frågan är publicerad bland vanliga frågor.
support-doors-faq-publish-heading = Publicera som vanlig fråga
support-doors-faq-publish-intro = Redigera frågan och svaret så att ingen person eller förening kan kännas igen innan du publicerar.
support-doors-faq-question = Fråga
support-doors-faq-answer = Svar
support-doors-faq-publish = Publicera
support-doors-faq-refused = Skriv både en fråga och ett svar.
support-doors-topics-title = Ämnen och svarstid
support-doors-topics-intro = Varje ämne skickar frågorna till en avdelning eller en namngiven person.
support-doors-topics-empty = Inga ämnen ännu.
support-doors-topics-add = Lägg till ämne
support-doors-topics-name = Ämnets namn
support-doors-topics-department = Avdelning
support-doors-topics-person = Person
support-doors-topics-route-hint = Välj en avdelning eller en person (personen går före).
support-doors-topics-none = Ingen
support-doors-topics-remove = Ta bort
support-doors-topics-saved = Sparat.
support-doors-topics-taken = Det finns redan ett ämne med det namnet.
support-doors-topics-unknown = Välj en av kommunens avdelningar och personer.
support-doors-days-heading = Svarstid
support-doors-days-label = Svar inom antal arbetsdagar
support-doors-days-submit = Spara svarstiden
support-doors-days-refused = Ange ett antal arbetsdagar från 1 till { $max }.
support-doors-csv-number = Ärendenummer
support-doors-csv-received = Mottaget
support-doors-csv-topic = Ämne
support-doors-csv-organisation = Organisation
support-doors-csv-asker = Frågeställare
support-doors-csv-status = Status
support-doors-csv-department = Avdelning
support-doors-csv-person = Handläggare
support-doors-csv-due = Svar senast
support-doors-csv-answered = Besvarat
support-doors-csv-closed = Stängt
support-doors-csv-question = Fråga
support-doors-csv-rating = Nöjdhet
support-doors-mail-receipt-subject = Vi har tagit emot din fråga ({ $number })
support-doors-mail-receipt-body = Hej!

    Tack för din fråga till { $municipality }. Ditt ärendenummer är { $number }.
    Du får svar senast { $due }.

    Här kan du följa ärendet och svara:
    { $url }

    Med vänliga hälsningar
    { $municipality }
support-doors-mail-answer-subject = Svar på din fråga ({ $number })
support-doors-mail-answer-body = Hej!

    Här är svaret på din fråga till { $municipality } (ärende { $number }):

    { $answer }

    Svara eller fråga vidare här:
    { $url }

    Med vänliga hälsningar
    { $municipality }
support-doors-mail-late-subject = Försenat ärende i En dörr in: { $number }
support-doors-mail-late-body = Hej!

    Ärende { $number } ({ $topic }) har inte fått svar, och sista svarsdag var { $due }.

    Ärendet:
    { $url }
support-doors-home-empty = Ställ din fråga till kommunen – du får ett ärendenummer och svar från den som ansvarar.
support-doors-home-answered = Vanlig fråga med svar
support-doors-home-ask = Ställ en fråga
support-doors-staff-cases = Ärenden i En dörr in (för kommunens personal)
support-doors-assign-heading = Tilldela ärendet
support-doors-assign-submit = Tilldela
support-doors-done-assigned = Ärendet är tilldelat.
support-doors-mail-waiting-subject = Ny fråga i En dörr in: { $number } ({ $topic })
support-doors-mail-waiting-body = Hej!

    En fråga till { $municipality } i En dörr in väntar på svar: ärende { $number } ({ $topic }).
    Svara senast { $due }.

    Ärendet:
    { $url }
support-doors-not-open = Kommunen har inte öppnat En dörr in ännu. Kontakta kommunen på de vägar som anges på dess webbplats.
support-doors-faq-remove = Ta bort frågan
