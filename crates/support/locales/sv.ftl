support-idea = Idé
support-home-ideas = Idébanken
support-home-no-ideas = Inga idéer ännu. Har du en idé om samverkan? Skicka in den!
support-home-all-ideas = Alla idéer och skicka in en egen

support-ideas-title = Idébanken
support-ideas-description = Idéer om utveckling för samhället i { $name }, från civilsamhället och kommunen.
support-ideas-intro = Här samlar vi idéer om hur civilsamhället och kommunen kan utveckla samhället och samverkan. Alla som är inloggade kan skicka in en idé, stödja andras idéer och kommentera. Samordnaren tar hand om idéerna och berättar vad som händer med dem.
support-ideas-new-link = Skicka in en idé
support-ideas-new-login = Logga in för att skicka in en idé
support-ideas-status = Status
support-ideas-principle = Princip
support-ideas-category = Kategori
support-ideas-sort = Sortera
support-ideas-filter-all-statuses = Alla statusar
support-ideas-filter-all-principles = Alla principer
support-ideas-filter-all-categories = Alla kategorier
support-ideas-sort-support = Mest stöd först
support-ideas-sort-newest = Nyast först
support-ideas-filter-submit = Visa idéer
support-ideas-results = Idéer
support-ideas-count = { $n ->
    [0] Inga idéer matchar.
    [one] En idé.
   *[other] { $n } idéer.
}
support-ideas-supports = { $n ->
    [0] Inget stöd ännu
    [one] 1 person stödjer
   *[other] { $n } personer stödjer
}
support-ideas-comments = { $n ->
    [0] inga kommentarer
    [one] 1 kommentar
   *[other] { $n } kommentarer
}
support-ideas-submitted-on = inskickad { $date }
support-ideas-hidden-mark = dold
support-ideas-feed-heading = Följ idébanken
support-ideas-feed-title = Idébanken i { $name }

support-ideas-status-new = Ny
support-ideas-status-preparing = Under beredning
support-ideas-status-on-agenda = På dagordningen för ett dialogmöte
support-ideas-status-on-agenda-n = På dagordningen för dialogmöte { $n }
support-ideas-status-on-agenda-title = På dagordningen för { $title }
support-ideas-status-activity = Blir aktivitet i handlingsplanen
support-ideas-status-done = Genomförd
support-ideas-status-closed = Avslutad

support-ideas-category-premises = Lokaler
support-ideas-category-training = Utbildning och kunskap
support-ideas-category-collaboration = Dialog, nätverk och samverkan
support-ideas-category-information = Information och kommunikation
support-ideas-category-activities = Aktiviteter och evenemang
support-ideas-category-other = Övrigt

support-ideas-new-title = Skicka in en idé
support-ideas-new-intro = Beskriv din idé så att andra förstår vad du vill uppnå. Idén visas för alla med ditt namn, och samordnaren berättar för dig med e-post när den får en ny status.
support-ideas-form-title = Rubrik
support-ideas-form-description = Beskrivning
support-ideas-form-description-hint = Vad vill du göra, och vad skulle det ge? En tom rad gör nytt stycke.
support-ideas-form-principle = Princip i överenskommelsen
support-ideas-form-principle-hint = Vilken av överenskommelsens principer hör idén till?
support-ideas-form-no-principle = Ingen särskild princip
support-ideas-form-category = Kategori
support-ideas-form-choose = Välj kategori
support-ideas-form-area = Område
support-ideas-form-area-hint = En ort eller del av kommunen, om idén gäller en viss plats.
support-ideas-form-submit = Skicka in idén

support-ideas-done-submitted = Tack! Din idé är inskickad.
support-ideas-done-supported = Du stödjer nu idén.
support-ideas-done-unsupported = Du stödjer inte längre idén.
support-ideas-done-commented = Din kommentar är publicerad.
support-ideas-done-status = Idén har fått en ny status och den som skickade in den har fått e-post.
support-ideas-done-hidden = Dolt. Bara samordnare ser det nu.
support-ideas-done-shown = Visas igen för alla.
support-ideas-done-closed = Idén är genomförd eller avslutad och tar inte emot stöd längre.
support-ideas-not-now = Det går inte att göra med idén nu.

support-ideas-reason = Motivering
support-ideas-about = Om idén
support-ideas-submitter = Inskickad av
support-ideas-hidden-notice = Idén är dold. Bara samordnare ser den.
support-ideas-support-heading = Stöd
support-ideas-support = Stöd idén
support-ideas-unsupport = Ta tillbaka mitt stöd
support-ideas-you-support = Du stödjer den här idén.
support-ideas-support-closed = Idén är genomförd eller avslutad och tar inte emot stöd längre.
support-ideas-login-to-support = Logga in för att stödja idén
support-ideas-comments-heading = Kommentarer
support-ideas-no-comments = Inga kommentarer ännu.
support-ideas-comment-anonymous = En tidigare användare
support-ideas-comment-label = Din kommentar
support-ideas-comment-submit = Kommentera
support-ideas-login-to-comment = Logga in för att kommentera
support-ideas-comment-hide = Dölj kommentaren
support-ideas-comment-show = Visa kommentaren igen
support-ideas-manage-heading = Hantera idén
support-ideas-new-status = Ny status
support-ideas-meeting = Dialogmöte
support-ideas-meeting-hint = Behövs för ”På dagordningen”: mötet som tar upp idén.
support-ideas-activity = Aktivitet i handlingsplanen
support-ideas-activity-hint = Behövs för ”Blir aktivitet”: aktiviteten som idén blir.
support-ideas-reason-hint = Behövs när idén avslutas. Den som skickade in idén får läsa motiveringen.
support-ideas-none = Inget valt
support-ideas-move = Ändra status
support-ideas-no-moves = Idén är genomförd och har ingen status att gå vidare till.
support-ideas-hide = Dölj idén
support-ideas-show = Visa idén igen
support-ideas-back = Tillbaka till idébanken

support-ideas-refused-not-allowed = Idén kan inte få den statusen härifrån.
support-ideas-refused-unchanged = Idén är redan på det mötets dagordning.
support-ideas-refused-meeting = Välj det dialogmöte som tar upp idén.
support-ideas-refused-activity = Välj den aktivitet i handlingsplanen som idén blir.
support-ideas-refused-reason = Skriv en motivering när idén avslutas.
support-ideas-refused-reason-long = Motiveringen är för lång.

support-ideas-mail-subject = Din idé ”{ $title }” har fått en ny status
support-ideas-mail-body = Hej!

    Din idé ”{ $title }” i idébanken i { $municipality } har fått en ny status: { $status }.
    { $detail }

    Läs mer om idén:
    { $url }

    Med vänliga hälsningar
    { $municipality }
support-ideas-mail-meeting = Mötet: { $url }
support-ideas-mail-activity = Aktiviteten i handlingsplanen: { $activity } ({ $url })
support-ideas-mail-reason = Motivering: { $reason }
