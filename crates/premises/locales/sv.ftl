nav-premises = Lokaler
premises-mode-instant = Bokas direkt
premises-mode-request = Förfrågan som godkänns
premises-kind-association = Förening
premises-kind-private = Privatperson
premises-kind-company = Företag
premises-status-requested = Förfrågan, väntar på svar
premises-status-confirmed = Bokad
premises-status-rejected = Avslagen
premises-status-cancelled = Avbokad
premises-eq-projector = Projektor
premises-eq-screen = Skärm
premises-eq-wifi = Trådlöst nätverk
premises-eq-sound = Ljudanläggning
premises-eq-whiteboard = Whiteboard
premises-eq-kitchen = Kök
premises-eq-piano = Piano
premises-eq-stage = Scen
premises-mail-confirmed-subject = Bokad: { $room }
premises-mail-confirmed-body = Hej { $name }!

    Din bokning av { $room } är klar:
    { $times }

    Kalenderfilen är bifogad. Se eller avboka bokningen här:
    { $link }
premises-mail-requested-subject = Förfrågan skickad: { $room }
premises-mail-requested-body = Hej { $name }!

    Vi har tagit emot din förfrågan om { $room }:
    { $times }

    Tiden är preliminärt din tills lokalens ägare har svarat. Du får ett mejl när förfrågan är godkänd eller avslagen.
    { $link }
premises-mail-new-request-subject = Ny förfrågan om { $room }
premises-mail-new-request-body = { $name } frågar efter { $room }:
    { $times }

    Godkänn eller avslå förfrågan här:
premises-mail-approved-subject = Godkänd: { $room }
premises-mail-approved-body = Hej!

    Din förfrågan om { $room } är godkänd:
    { $times }

    Kalenderfilen är bifogad.
    { $link }
premises-mail-rejected-subject = Avslagen: { $room }
premises-mail-rejected-body = Hej!

    Din förfrågan om { $room } är tyvärr avslagen:
    { $times }

    Skäl: { $reason }
    { $link }
premises-mail-cancelled-subject = Avbokad: { $room }
premises-mail-cancelled-body = Hej!

    Bokningen av { $room } är avbokad:
    { $times }

    Tiden är ledig för andra igen. Den bifogade kalenderfilen tar bort tiden ur din kalender.
    { $link }
premises-title = Lokaler och bokning
premises-intro = Hitta en lokal som passar: välj dag och tid, hur många ni är, vilken utrustning och tillgänglighet ni behöver. Lokalerna visas med sina lediga tider den veckan.
premises-search-date-hint = Vi visar lediga tider för hela veckan som dagen ligger i.
premises-field-date = Datum
premises-field-from = Från klockan
premises-field-to = Till klockan
premises-field-time-hint = Skriv till exempel 18:00.
premises-field-people = Antal personer
premises-field-area = Område
premises-area-all = Alla områden
premises-field-equipment = Utrustning
premises-field-access = Tillgänglighet
premises-search-submit = Sök lokal
premises-results-heading = Lokaler som passar
premises-found = Visar lokal { $from }–{ $to } av dem som passar, med lediga tider vecka { $week }.
premises-found-none = Ingen lokal passar. Pröva en annan tid, färre krav eller ett annat område.
premises-free-this-week = Lediga tider den här veckan
premises-no-free-time = Inga lediga tider
premises-pages = Fler sidor
premises-prev-page = Föregående sida
premises-next-page = Nästa sida
premises-capacity = Plats för { $n } personer
premises-my-bookings = Mina bokningar
premises-requests-title = Förfrågningar att besvara
premises-manage-premises = Hantera lokaler
premises-seasons-link = Säsongsbokning
premises-back-to-search = Tillbaka till sökningen
premises-back-to-room = Tillbaka till lokalen
premises-edit-room = Ändra lokalen
premises-label-address = Adress
premises-label-owner = Ägs av
premises-label-capacity = Antal platser
premises-label-mode = Bokning
premises-label-buffer = Tid mellan bokningar
premises-label-rules = Regler
premises-label-prices = Pris
premises-label-hours = Öppettider
premises-label-photos = Bilder
premises-buffer-minutes = { $n } minuter mellan bokningar
premises-buffer-none = Ingen
premises-price-none = Kan inte boka
premises-price-free = Gratis
premises-price-per-hour = { $kr } kr i timmen
premises-closed = Stängt
premises-week-heading = Vecka { $week }: { $from } – { $to }
premises-week-nav = Välj vecka
premises-prev-week = Föregående vecka
premises-next-week = Nästa vecka
premises-free = ledigt
premises-book = Boka
premises-taken = Bokad
premises-taken-preliminary = Preliminärt bokad
premises-subscribe = Prenumerera
premises-feed-link = Lokalens kalender (för din kalenderapp)
premises-book-title = Boka { $room }
premises-submit-book = Boka
premises-field-booker = Vem bokar?
premises-field-name = Namn på den som bokar
premises-field-name-hint = För en förening används föreningens namn.
premises-field-purpose = Vad ska lokalen användas till?
premises-field-purpose-hint = Syns bara för dig och lokalens ägare.
premises-field-repeat = Upprepa varje vecka till och med
premises-field-repeat-hint = Lämna tomt för en enstaka bokning.
premises-field-exceptions = Datum som ska hoppas över
premises-field-exceptions-hint = Till exempel lov och helgdagar. Skriv datum som 2026-12-29, skilda med komma.
premises-err-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-01.
premises-err-time = Skriv tiden som TT:MM, till exempel 18:00.
premises-err-end-before-start = Sluttiden måste vara efter starttiden.
premises-err-people = Skriv hur många ni är, med siffror.
premises-err-too-many = Lokalen har plats för { $n } personer.
premises-err-booker = Välj vem som bokar.
premises-err-private-upcoming = Som privatperson kan du ha högst { $n } kommande bokningar här. Avboka någon eller välj färre veckor.
premises-err-private-horizon = Som privatperson kan du boka högst { $days } dagar framåt.
premises-err-too-long = Texten är för lång.
premises-err-exception-date = "{ $date }" är inte ett datum. Skriv datum som ÅÅÅÅ-MM-DD.
premises-err-exceptions-without-series = Datum att hoppa över behövs bara när bokningen upprepas.
premises-err-span = En bokning får vara högst ett dygn, och sluta efter att den börjar.
premises-err-skipped = Tiden finns inte { $date }: klockan ställs om till sommartid den natten. Välj en annan tid eller hoppa över datumet.
premises-err-closed = Lokalen är stängd då { $date }. Se öppettiderna.
premises-err-past = Tiden har redan varit.
premises-err-period = Sista datumet måste vara efter det första och högst ett år fram.
premises-err-exception = { $date } ingår inte i serien (fel veckodag eller utanför perioden).
premises-err-all-excepted = Alla datum hoppas över, så det finns inget att boka.
premises-err-taken = Redan bokad: tiden är upptagen { $dates }. Välj en annan tid, eller hoppa över de datumen.
premises-err-reason = Skriv varför förfrågan avslås. Den som frågade får läsa skälet.
premises-booking-title = Bokning av { $room }
premises-done-booked = Klart! Lokalen är bokad. Vi har mejlat en bekräftelse med kalenderfil.
premises-done-requested = Förfrågan är skickad. Tiden är preliminärt din tills ägaren har svarat.
premises-label-room = Lokal
premises-label-when = När
premises-label-booker = Bokad av
premises-label-people = Antal personer
premises-label-purpose = Används till
premises-label-reason = Skäl
premises-label-status = Läge
premises-add-to-calendar = Lägg till i din kalender (.ics)
premises-series-heading = Övriga tider i serien
premises-decide-heading = Svara på förfrågan
premises-approve = Godkänn
premises-reject = Avslå
premises-field-reason = Skäl till avslag
premises-cancel-heading = Avboka
premises-cancel-what = Vad vill du avboka?
premises-cancel-one = Bara den här tiden
premises-cancel-series = Den här och alla senare tider i serien
premises-cancel-submit = Avboka
premises-done-approved = Godkänt: { $n } tider för { $name }.
premises-done-rejected = Avslaget: { $n } tider för { $name }.
premises-requests-none = Det finns inga förfrågningar att besvara.
premises-people-short = personer
premises-is-series = Återkommande varje vecka
premises-find-room = Hitta en lokal
premises-mine-none = Du har inga kommande bokningar.
premises-mine-caption = Dina kommande bokningar
premises-more-filters = Utrustning och tillgänglighet

premises-description = Lokaler som föreningar och invånare kan boka i { $name }: sök efter dag, storlek, utrustning och tillgänglighet.
premises-room-description = { $address }. Plats för { $n } personer.

# Public bookings in the shared event calendar (issue 17)
premises-field-public = Visa i den gemensamma kalendern
premises-field-public-hint = Kryssa i om vem som helst får komma. Då syns tiden, lokalen och rubriken nedan i kommunens evenemangskalender när bokningen är bekräftad. Annars syns bokningen inte där.
premises-field-public-title = Rubrik i kalendern
premises-field-public-title-hint = Behövs bara om bokningen ska synas i kalendern. Till exempel "Julmarknad".
premises-err-public-title = Skriv en rubrik för kalendern, eller kryssa ur rutan.
premises-err-public-title-bad = Rubriken får vara högst 200 tecken på en rad.
premises-label-public = I den gemensamma kalendern
premises-public-yes = Ja, som "{ $title }"
premises-public-no = Nej
