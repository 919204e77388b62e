nav-meetings = Möten
meetings-title = Dialogmöten och samverkansråd
meetings-intro = Här finns kommunens och civilsamhällets möten: när och var de är, hur du anmäler dig och vad som kom fram.
meetings-coming = Kommande möten
meetings-past = Tidigare möten
meetings-none-coming = Inga möten är planerade just nu.
meetings-none-past = Inga tidigare möten.
meetings-subscribe = Prenumerera på kalendern
meetings-subscribe-intro = Lägg till länken i din kalender, så kommer nya möten in av sig själva.
meetings-feed-all = Alla möten
meetings-feed-name = Möten i { $name }
meetings-action-new = Nytt möte
meetings-action-series = Mötesserier
meetings-action-edit = Ändra mötet
meetings-action-participants = Deltagare och närvaro
meetings-back-to-list = Tillbaka till mötena
meetings-back-to-meeting = Tillbaka till mötet
meetings-back-to-participants = Tillbaka till deltagarna
meetings-series-title = Mötesserier
meetings-series-none = Det finns inga mötesserier ännu.
meetings-series-first = Skapa först en mötesserie, till exempel ”Dialogmöten” eller ”Samverkansrådet”.
meetings-submit-series = Skapa serien
meetings-done-series = Serien är skapad.
meetings-field-series-name = Seriens namn
meetings-field-series-name-hint = Till exempel ”Tillsammans för framtidens Sala – dialogmöten”.
meetings-field-series-description = Beskrivning
meetings-err-series-exists = Det finns redan en serie med det namnet.
meetings-new-title = Nytt möte
meetings-edit-title = Ändra { $title }
meetings-submit-meeting = Spara mötet
meetings-field-series = Serie
meetings-field-number = Nummer i serien
meetings-field-number-hint = Till exempel 6 för dialogmöte nr 6.
meetings-field-title = Rubrik
meetings-field-theme = Dialogtema
meetings-field-date = Datum
meetings-field-gathering = Samling
meetings-field-gathering-text = Vad som finns vid samlingen
meetings-field-gathering-text-hint = Till exempel ”fika (kaffe/te och smörgås)”.
meetings-field-start = Mötet börjar
meetings-field-end = Mötet slutar
meetings-field-time-hint = Klockslag, till exempel 18:30.
meetings-field-place = Plats
meetings-field-accessibility = Tillgänglighet
meetings-field-accessibility-hint = Till exempel markplan, tillgänglig toalett, hörslinga.
meetings-field-agenda = Dagordning
meetings-field-contacts = Kontaktpersoner
meetings-field-contacts-hint = Namn, e-post och telefon, en person per rad.
meetings-field-capacity = Antal platser
meetings-field-capacity-hint = Lämna tomt om antalet inte är begränsat.
meetings-field-deadline = Sista dag för anmälan
meetings-field-consent-text = Text om samtycke
meetings-field-invitation-text = Text i inbjudan
meetings-field-invitation-text-hint = Hälsning och bakgrund som står i inbjudan.
meetings-default-consent = Anmälan innebär godkännande av att lämnade kontaktuppgifter registreras för deltagar- och kontaktlista.
meetings-default-gathering = fika (kaffe/te och smörgås)
meetings-theme = Dialogtema
meetings-when = Tid
meetings-at = kl
meetings-gathering = Samling
meetings-gathering-short = samling
meetings-place = Plats
meetings-accessibility = Tillgänglighet
meetings-deadline = Sista dag för anmälan
meetings-agenda = Dagordning
meetings-contacts = Kontaktpersoner
meetings-seats-unlimited = { $n } anmälda.
meetings-seats-left = { $n } av { $capacity } platser kvar.
meetings-seats-full = Mötet är fullt. Anmäl dig ändå, så hamnar du på väntelistan ({ $waiting } väntar).
meetings-register-link = Anmäl dig till mötet
meetings-add-to-calendar = Lägg till i kalendern (.ics)
meetings-register-title = Anmälan till { $title }
meetings-register-by = Anmäl dig senast { $date }.
meetings-submit-register = Anmäl mig
meetings-field-name = Namn
meetings-field-email = E-post
meetings-field-email-hint = Dit skickar vi bekräftelsen och en länk för att ångra anmälan.
meetings-field-organisation = Organisation eller förvaltning
meetings-field-organisation-hint = Till exempel din förening eller din enhet i kommunen.
meetings-field-party = Jag kommer som
meetings-field-dietary = Önskemål om mat (allergier, specialkost)
meetings-field-needs = Behov för att kunna delta
meetings-field-needs-hint = Till exempel hörslinga, teckentolk eller plats för rullstol.
meetings-field-consent = Jag godkänner detta
meetings-choose = Välj
meetings-party-municipality = Kommunen
meetings-party-civil-society = Civilsamhället
meetings-party-politician = Förtroendevald
meetings-party-guest = Gäst
meetings-status-confirmed = Anmäld
meetings-status-waiting = På väntelistan
meetings-status-cancelled = Avanmäld
meetings-registered-title = Du är anmäld
meetings-registered-waiting-title = Du står på väntelistan
meetings-registered = Du är anmäld till { $title }. Vi har skickat en bekräftelse till { $email }.
meetings-registered-waiting = Mötet är fullt, så du står på väntelistan till { $title }. Om någon lämnar återbud får du platsen och ett mejl till { $email }.
meetings-cancel-link = Ångra anmälan
meetings-cancel-title = Ångra anmälan till { $title }
meetings-cancel-intro = { $name }, vill du ångra din anmälan?
meetings-submit-cancel = Ja, ångra min anmälan
meetings-cancelled = Din anmälan är borttagen.
meetings-err-no-registration = Anmälan finns inte. Länken kan vara fel.
meetings-err-date = Skriv ett datum som 2018-09-20.
meetings-err-time = Skriv ett klockslag som 18:30.
meetings-err-end-before-start = Mötet måste sluta efter att det har börjat.
meetings-err-number = Skriv ett heltal.
meetings-err-party = Välj hur du kommer.
meetings-err-consent = Du behöver godkänna texten för att kunna anmäla dig.
meetings-err-series = Välj en serie.
meetings-err-closed = Anmälan är stängd.
meetings-err-already = Den här e-postadressen är redan anmäld till mötet.
meetings-participants-title = Deltagare: { $title }
meetings-participants = Deltagare
meetings-no-participants = Ingen har anmält sig ännu.
meetings-by-party = Närvaro per part
meetings-total = Totalt
meetings-print = Utskriftsvänlig lista
meetings-download-csv = Ladda ner som CSV
meetings-download-xlsx = Ladda ner som Excel (XLSX)
meetings-submit-attendance = Spara närvaro
meetings-done-attendance = Närvaron är sparad.
meetings-col-name = Namn
meetings-col-email = E-post
meetings-col-organisation = Organisation
meetings-col-party = Part
meetings-col-dietary = Mat
meetings-col-needs = Behov
meetings-col-status = Status
meetings-col-present = Närvarande
meetings-col-registered = Anmälda
meetings-yes = Ja
meetings-mail-confirmed-subject = Du är anmäld: { $title }
meetings-mail-confirmed-body =
    Hej { $name }!

    Du är anmäld till mötet. Välkommen!

    { $facts }

    Mötet finns i bifogad kalenderfil. Läs mer: { $link }

    Kan du inte komma? Ångra din anmälan här, så får någon på väntelistan platsen:
    { $cancel }
meetings-mail-waiting-subject = Du står på väntelistan: { $title }
meetings-mail-waiting-body =
    Hej { $name }!

    Mötet är fullt, så du står på väntelistan. Om någon lämnar återbud får du platsen och ett nytt mejl.

    { $facts }

    Läs mer: { $link }

    Vill du inte stå kvar på väntelistan? Ångra här:
    { $cancel }
meetings-mail-promoted-subject = Du har fått en plats: { $title }
meetings-mail-promoted-body =
    Hej { $name }!

    Någon har lämnat återbud, så nu har du en plats på mötet. Välkommen!

    { $facts }

    Mötet finns i bifogad kalenderfil. Läs mer: { $link }

    Kan du inte komma? Ångra din anmälan här:
    { $cancel }
meetings-mail-cancelled-subject = Din anmälan är borttagen: { $title }
meetings-mail-cancelled-body =
    Hej { $name }!

    Din anmälan till mötet är borttagen.

    { $facts }

    Vill du anmäla dig igen? { $link }
meetings-mail-reminder-subject = Påminnelse: { $title }
meetings-mail-reminder-body =
    Hej { $name }!

    Snart är det dags för mötet. Välkommen!

    { $facts }

    Läs mer: { $link }
meetings-action-minutes = Minnesanteckningar och gruppsamtal
meetings-read-minutes = Läs minnesanteckningarna
meetings-minutes-title = Minnesanteckningar: { $title }
meetings-minutes-edit-title = Skriv minnesanteckningar: { $title }
meetings-minutes-draft = Utkast. Anteckningarna är inte publicerade, bara samordnaren ser dem.
meetings-minutes-is-published = Anteckningarna är publicerade och syns för alla.
meetings-minutes-is-draft = Anteckningarna är inte publicerade ännu.
meetings-minutes-view = Visa anteckningarna
meetings-submit-publish = Publicera anteckningarna
meetings-submit-unpublish = Ta bort publiceringen
meetings-err-no-minutes = Det finns inga publicerade minnesanteckningar från mötet.
meetings-minutes-heading = Närvarande och nästa möte
meetings-item-heading = Ny punkt
meetings-assignment-heading = Nytt uppdrag
meetings-question-heading = Ny fråga för gruppsamtalen
meetings-answer-heading = En grupps svar
meetings-summary-heading = Sammanställning av fråga { $n }: { $text }
meetings-items-so-far = Punkter
meetings-questions-so-far = Frågor (antal svar)
meetings-assignments = Uppdrag
meetings-decision = Beslut
meetings-views-heading = Synpunkter och förbättringsförslag
meetings-submit-minutes = Spara
meetings-submit-item = Lägg till punkten
meetings-submit-assignment = Lägg till uppdraget
meetings-submit-question = Lägg till frågan
meetings-submit-answer = Lägg till svaret
meetings-submit-summary = Spara sammanställningen
meetings-field-present = Närvarande
meetings-field-present-hint = Namn, gärna med parti eller organisation, åtskilda med komma.
meetings-field-guests = Inbjudna
meetings-field-next-meeting = Nästa möte
meetings-field-written-by = Vid anteckningarna
meetings-field-item-heading = Rubrik
meetings-field-item-body = Text
meetings-field-item-decision = Beslut
meetings-field-who = Vem
meetings-field-what = Vad
meetings-field-due = Senast
meetings-field-activity = Aktivitet i handlingsplanen
meetings-no-activity = Ingen
meetings-field-question = Fråga
meetings-field-answer-question = Fråga
meetings-field-group = Grupp
meetings-field-group-hint = Till exempel ”Grupp 1” eller ”Civilsamhället, grupp 2”.
meetings-field-answer = Gruppens svar
meetings-field-summary = Sammanställning
meetings-err-activity = Välj en aktivitet i kommunens handlingsplan.
meetings-err-question = Välj en av mötets frågor.
meetings-done-minutes = Anteckningarna är sparade.
meetings-done-item = Punkten är tillagd.
meetings-done-assignment = Uppdraget är tillagt.
meetings-done-question = Frågan är tillagd.
meetings-done-answer = Svaret är tillagt.
meetings-done-summary = Sammanställningen är sparad.
meetings-done-published = Anteckningarna är publicerade.
meetings-done-unpublished = Anteckningarna är inte längre publicerade.
meetings-weekday-1 = måndag
meetings-weekday-2 = tisdag
meetings-weekday-3 = onsdag
meetings-weekday-4 = torsdag
meetings-weekday-5 = fredag
meetings-weekday-6 = lördag
meetings-weekday-7 = söndag
meetings-invitation-title = Inbjudan: { $title }
meetings-invitation-subject = Inbjudan: { $title }
meetings-invitation-link = Läs inbjudan
meetings-invitation-print = Utskriftsvänlig inbjudan
meetings-invitation-send = Skicka inbjudan med e-post
meetings-letter-to = Till föreningar i { $name } och till representanter för { $name }
meetings-letter-gathering = kl { $from }–{ $to } samling och { $what }
meetings-letter-dialog = kl { $from }–{ $to } dialog
meetings-letter-registration = Anmälan
meetings-letter-register-by = Anmäl dig senast { $date } via { $link }. Hör av dig per telefon eller e-post om du vill ha hjälp att anmäla dig!
meetings-letter-register = Anmäl dig via { $link }. Hör av dig per telefon eller e-post om du vill ha hjälp att anmäla dig!
meetings-letter-background = Kort bakgrund
meetings-letter-unsubscribe = Vill du inte få fler inbjudningar? Avsluta här:
meetings-send-title = Skicka inbjudan: { $title }
meetings-send-intro = Välj vilka listor inbjudan ska gå till. Var och en får ett eget mejl med en länk för att avsluta. Den som har avslutat får inget.
meetings-list-contacts = Kontaktpersoner i föreningsregistret ({ $n })
meetings-list-signatories = De som har signerat överenskommelsen ({ $n })
meetings-list-participants = Deltagare i tidigare möten ({ $n })
meetings-submit-send = Skicka inbjudan
meetings-sent = Inbjudan skickas till { $n } mottagare.
meetings-back-to-invitation = Tillbaka till inbjudan
meetings-unsubscribe-title = Avsluta inbjudningar
meetings-unsubscribe-intro = Vill du att { $email } inte längre får inbjudningar till möten i { $name }?
meetings-submit-unsubscribe = Ja, avsluta
meetings-unsubscribed = { $email } får inga fler inbjudningar.
meetings-err-no-subscription = Länken finns inte. Den kan vara fel.
meetings-privacy-title = Deltagarnas personuppgifter
meetings-privacy-intro = Här bestämmer du hur länge deltagarnas kontaktuppgifter sparas efter ett möte, och du kan ta ut eller radera allt om en person. Antalet deltagare per part och närvaron finns kvar.
meetings-field-retention = Antal dagar kontaktuppgifterna sparas efter mötet
meetings-field-retention-hint = Mellan 1 och 3650 dagar. Sedan tas namn, e-post, organisation och önskemål bort.
meetings-submit-retention = Spara
meetings-done-retention = Lagringstiden är sparad.
meetings-err-retention = Skriv ett antal dagar mellan 1 och 3650.
meetings-submit-export = Ta ut en persons uppgifter
meetings-export-intro = Du får en fil (JSON) med allt som finns om personen i mötenas anmälningar.
meetings-submit-erase = Radera en persons uppgifter
meetings-erase-intro = Namn, e-post, organisation och önskemål tas bort från alla personens anmälningar. Antalet deltagare per part och närvaron finns kvar. Det går inte att ångra.
meetings-field-person-email = Personens e-postadress
meetings-field-erase-confirm = Jag förstår att det inte går att ångra
meetings-err-erase-confirm = Bekräfta att du vill radera.
meetings-done-erased = Uppgifterna är raderade från { $n } anmälningar.
meetings-field-premises = Lokal i föreningsregistret
meetings-field-premises-hint = Välj en lokal, så fylls plats och tillgänglighet i om du lämnar dem tomma.
meetings-field-place-hint = Adress eller lokalens namn, om du inte har valt en lokal ovan.
meetings-premises-none = Ingen, jag skriver platsen
meetings-premises-ground-floor = Lokalen ligger i markplan.
meetings-premises-step-free = Entrén saknar trappsteg.
meetings-premises-lift = Hiss finns.
meetings-premises-toilet = Tillgänglig toalett finns.
meetings-premises-hearing-loop = Hörslinga finns.
meetings-attendance-heading = Närvarande per part
meetings-series-heading = Mötesserier
meetings-series-feed = Kalender för { $name } (.ics)
meetings-own-link = Se och radera dina uppgifter
meetings-own-title = Dina uppgifter i anmälan
meetings-own-intro = Det här har du lämnat när du anmälde dig:
meetings-own-erase-intro = Om du raderar dina uppgifter tas din anmälan bort och uppgifterna raderas. Det går inte att ångra.
meetings-submit-erase-own = Radera mina uppgifter
meetings-own-erased = Dina uppgifter är raderade och din anmälan är borttagen.
meetings-erased-person = (uppgifterna är raderade)
meetings-link-expired-title = Länken har gått ut
meetings-link-expired = Länken har gått ut. Länkar för avanmälan och dina uppgifter gäller till { $days } dagar efter mötet. Vill du se eller radera dina uppgifter, kontakta { $name }.
meetings-check-mail-title = Bekräfta din anmälan
meetings-check-mail = Tack! Vi har skickat ett mejl till { $email }. Öppna länken i mejlet för att bekräfta anmälan till { $title }; först då räknas den. Är adressen redan anmäld får du ett mejl om det i stället.
meetings-confirm-title = Bekräfta anmälan till { $title }
meetings-confirm-intro = { $name }, bekräfta att du vill anmäla dig med adressen { $email }.
meetings-submit-confirm = Bekräfta anmälan
meetings-err-no-pending = Anmälan finns inte eller är redan bekräftad. Länken gäller i två dygn.
meetings-mail-confirm-subject = Bekräfta din anmälan: { $title }
meetings-mail-confirm-body =
    Hej { $name }!

    Någon, troligen du, har anmält den här adressen till mötet nedan. Bekräfta anmälan genom att öppna länken (den gäller i två dygn):
    { $confirm }

    { $facts }

    Har du inte anmält dig kan du bortse från mejlet; då sparas inget.
meetings-mail-already-subject = Du är redan anmäld: { $title }
meetings-mail-already-body =
    Hej!

    Någon försökte anmäla den här adressen till mötet nedan, men du är redan anmäld. Vill du ångra din anmälan använder du länken i ditt första mejl.

    { $facts }

    Läs mer: { $link }

# Calling off and moving a meeting
meetings-action-call-off = Ställ in mötet
meetings-call-off-title = Ställ in: { $title }
meetings-call-off-intro = Alla som är anmälda ({ $confirmed }) och alla på väntelistan ({ $waiting }) får ett mejl om att mötet är inställt, med en kalenderfil som tar bort mötet ur deras kalender. Anmälan stängs. Det går inte att ångra.
meetings-call-off-message = Meddelande till de anmälda
meetings-call-off-message-hint = Valfritt. Till exempel varför mötet ställs in och om det kommer ett nytt datum.
meetings-call-off-submit = Ställ in mötet och meddela de anmälda
meetings-call-off-over = Mötet är redan över och kan inte ställas in.
meetings-called-off = Mötet är inställt.
meetings-called-off-on = Inställt { $date }.
meetings-listed-called-off = { $title } (inställt)
meetings-mail-called-off-subject = Inställt: { $title }
meetings-mail-called-off-body =
    Hej { $name }!

    Mötet nedan är inställt. Du behöver inte göra något. Kalenderfilen i mejlet tar bort mötet ur din kalender.

    { $message }{ $facts }

    Läs mer: { $link }
meetings-mail-moved-subject = Ny tid eller plats: { $title }
meetings-mail-moved-body =
    Hej { $name }!

    Mötet har fått ny tid eller ny plats. Så här gäller nu:

    { $facts }

    Tidigare: { $before }

    Har du en plats uppdaterar kalenderfilen i mejlet mötet i din kalender.

    Läs mer: { $link }

# Reminder lead time per series
meetings-field-remind-days = Påminnelse, antal dagar före mötet
meetings-field-remind-days-hint = De som har en plats får en påminnelse så här många dagar före varje möte i serien. 0 betyder ingen påminnelse. Högst { $max }. Tomt betyder { $default }.
meetings-err-remind-days = Skriv ett helt antal dagar, från 0 till 60.
meetings-remind-days-link = Påminnelse för { $name }: { $days } dagar före
meetings-remind-days-title = Påminnelse: { $name }
meetings-remind-days-intro = Ändringen gäller möten som inte har fått sin påminnelse än.
meetings-submit-remind-days = Spara
meetings-done-remind-days = Sparat. Påminnelsen går { $days } dagar före mötet.
## Corrections of the minutes, general comments and discussion groups
meetings-changed-on = Ändrad { $date }
meetings-corrected-note = Anteckningarna har rättats efter att de publicerades.
meetings-answers-to = Svar på fråga { $n }: { $text }
meetings-comments-heading = Övriga synpunkter
meetings-comment-heading = Lägg till en övrig synpunkt
meetings-field-comment-topic = Ämne
meetings-field-comment-topic-hint = Till exempel ”Dialog om lokaler”. En övrig synpunkt svarar inte på någon av frågorna.
meetings-field-comment = Synpunkt
meetings-submit-comment = Lägg till synpunkten
meetings-done-comment = Synpunkten är tillagd.
meetings-done-corrected = Ändringen är sparad.
meetings-done-moved = Ordningen är ändrad.
meetings-done-removed = Det är borttaget.
meetings-entry-edit = Ändra
meetings-entry-up = Flytta upp
meetings-entry-down = Flytta ned
meetings-entry-remove = Ta bort
meetings-correct-title = Ändra i minnesanteckningarna: { $title }
meetings-correct-published = Anteckningarna är publicerade. En ändring visas med dagens datum på de publicerade anteckningarna.
meetings-correct-draft = Anteckningarna är ett utkast. Ändringen syns när de publiceras.
meetings-submit-correction = Spara ändringen
meetings-back-to-minutes-edit = Tillbaka till anteckningarna
meetings-action-groups = Grupper i gruppsamtalen
meetings-groups-title = Grupper: { $title }
meetings-groups-intro = Dela in de anmälda deltagarna i grupper om ungefär fem personer. En grupp kan vara för en part i taget, till exempel bara civilsamhället.
meetings-groups-none = Det finns inga grupper ännu.
meetings-groups-participants = Anmälda deltagare och deras grupper
meetings-group-empty = Ingen är placerad i gruppen ännu.
meetings-group-mixed = Flera parter
meetings-group-none = Ingen grupp
meetings-group-new-heading = Ny grupp
meetings-group-place-heading = Placera en deltagare i en grupp
meetings-field-group-name = Gruppens namn
meetings-field-group-party = Part
meetings-field-group-party-hint = Välj en part om gruppen bara är för den parten.
meetings-field-participant = Deltagare
meetings-submit-group = Skapa gruppen
meetings-submit-place = Placera
meetings-done-group = Gruppen är skapad.
meetings-done-placed = Deltagaren är placerad.
meetings-err-group-taken = Mötet har redan en grupp med det namnet.
meetings-err-group-party = Gruppen är för en annan part än deltagarens.
meetings-err-participant = Välj en bekräftad deltagare i mötet.

## Documents
meetings-documents-title = Dokument: { $title }
meetings-documents-intro = Här lägger du upp dokument till mötet, till exempel förslaget som ska diskuteras, och till minnesanteckningarna, till exempel en rapport. Mötets dokument länkas från inbjudan. Minnesanteckningarnas dokument blir synliga för alla när anteckningarna publiceras.
meetings-documents-group-intro = Arbetsgruppens dokument. Alla kan läsa dem.
meetings-documents-heading = Dokument
meetings-documents-meeting = Mötets dokument
meetings-documents-minutes = Minnesanteckningarnas dokument
meetings-documents-none = Det finns inga dokument ännu.
meetings-documents-to-meeting = Mötet (länkas från inbjudan)
meetings-documents-to-minutes = Minnesanteckningarna
meetings-document-upload-heading = Lägg upp ett dokument
meetings-document-field = Fil
meetings-document-hint = PDF, Word, Excel, PowerPoint, OpenDocument eller en bild, högst 10 MB.
meetings-document-title = Rubrik
meetings-document-title-hint = Visas i listan. Utan rubrik visas filens namn.
meetings-document-parent = Dokumentet hör till
meetings-document-submit = Lägg upp dokumentet
meetings-document-remove = Ta bort
meetings-document-missing = Välj en fil.
meetings-document-too-large = Filen är större än 10 MB.
meetings-document-type = Filen är inte en PDF, ett Office-dokument eller en bild.
meetings-document-title-long = Rubriken får vara högst 300 tecken.
meetings-done-document = Dokumentet är upplagt.
meetings-done-document-removed = Dokumentet är borttaget.
meetings-back-to-group = Tillbaka till arbetsgruppen
meetings-action-documents = Dokument
meetings-letter-documents = Dokument

meetings-turnout-title = Föreningarnas deltagande
meetings-turnout-link = Föreningarnas deltagande i mötena
meetings-turnout-intro = Hur stor del av föreningarna i föreningsregistret som deltar i mötena. En anmälan räknas för en förening när namnet som skrivs i anmälan är föreningens namn i registret. Innan närvaron är förd räknas de anmälda, därefter de som kom.
meetings-turnout-whole = { $whole ->
    [one] Föreningsregistret har en förening.
   *[other] Föreningsregistret har { $whole } föreningar.
}
meetings-turnout-none = Ingen förening i registret har anmält sig till ett möte ännu.
meetings-turnout-years-caption = Föreningar som deltog i minst ett möte, per år
meetings-turnout-meetings = Per möte
meetings-turnout-registered = { $n } av { $whole } föreningar i registret ({ $percent } %) är anmälda.
meetings-turnout-attended = { $n } av { $whole } föreningar i registret ({ $percent } %) deltog.
meetings-col-year = År
meetings-col-meetings = Möten
meetings-col-associations = Föreningar
meetings-col-share = Andel av registret

meetings-topics-title = Ämnen till mötena
meetings-topics-link = Föreslå ett ämne till ett kommande möte
meetings-topics-intro = Här föreslår föreningen ämnen som den vill ta upp på ett kommande möte. Samordnaren svarar: ämnet tas upp på ett möte eller får ett svar om varför inte.
meetings-topics-intro-coordinator = Ämnen som föreningarna föreslår till kommande möten. Ta upp ett ämne på ett möte, så syns det på mötets sida, eller svara föreningen varför inte.
meetings-topics-heading = Föreslagna ämnen
meetings-topics-none = Inga ämnen är föreslagna ännu.
meetings-topic-new-heading = Föreslå ett ämne
meetings-field-topic-organisation = Förening
meetings-field-topic-title = Ämne
meetings-field-topic-description = Vad vill ni ta upp?
meetings-field-topic-description-hint = Några meningar om bakgrunden hjälper samordnaren att planera mötet.
meetings-submit-topic = Skicka förslaget
meetings-done-topic = Förslaget är skickat till samordnaren.
meetings-done-topic-decision = Beslutet är sparat.
meetings-topic-proposed = Föreslaget { $date }, väntar på svar.
meetings-topic-accepted = Tas upp på ett möte.
meetings-topic-declined = Avböjt.
meetings-topic-taken-up = Tas upp på { $title }.
meetings-topic-declined-because = Avböjt: { $answer }
meetings-topic-decide = Besluta
meetings-topic-decision-title = Förslag: { $title }
meetings-topic-decision-intro = Föreslaget av { $organisation }.
meetings-topic-no-coming = Det finns inget kommande möte att ta upp ämnet på. Lägg upp mötet först, eller avböj.
meetings-topic-take-up-at = Ta upp på { $title }
meetings-topic-decline = Avböj
meetings-field-topic-choice = Beslut
meetings-field-topic-answer = Svar till föreningen
meetings-field-topic-answer-hint = Behövs när ämnet avböjs.
meetings-submit-topic-decision = Spara beslutet
meetings-back-to-topics = Tillbaka till ämnena
meetings-topics-at-meeting = Ämnen från föreningarna

meetings-list-group = Arbetsgruppens medlemmar ({ $n })
meetings-group-meetings-title = Möten i { $name }
meetings-group-meetings-intro = Arbetsgruppens egna möten, utöver dialogmötena. Inbjudan till ett möte kan skickas till gruppens medlemmar.
meetings-group-series-none = Arbetsgruppen har inga egna möten ännu. Starta gruppens mötesserie, så kan du lägga upp möten i den och bjuda in gruppens medlemmar.
meetings-submit-group-series = Starta arbetsgruppens möten
meetings-group-series-description = Möten i arbetsgruppen { $name }.
meetings-group-series-taken = Det finns redan en mötesserie som heter { $name }. Byt namn på den serien först.
meetings-group-series-link = Mötesserien
meetings-group-series-feed = Prenumerera på arbetsgruppens möten (kalender)
meetings-home-next = Kommande möten
meetings-home-none = Inga möten är utlysta just nu.
meetings-home-register = Anmäl dig
meetings-home-all = Alla möten
meetings-home-minutes = Senaste protokoll
meetings-home-no-minutes = Inga protokoll är publicerade ännu.
meetings-tally = { $n ->
    [one] { $n } möte hållet
   *[other] { $n } möten hållna
}

meetings-description = Dialogmöten mellan { $name } kommun och föreningslivet: kommande möten, anmälan, inbjudningar och protokoll.
