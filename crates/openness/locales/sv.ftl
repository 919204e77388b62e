openness-nav-decisions = Beslut

openness-list-title = Beslut som rör civilsamhället
openness-list-title-filtered = Beslut: { $filter }
openness-list-description = Beslut i kommunfullmäktige, kommunstyrelsen och nämnderna i { $name } som rör civilsamhället.
openness-list-intro = Här publicerar kommunen beslut i kommunfullmäktige, kommunstyrelsen och nämnderna som rör civilsamhället, med länk till protokollet. Du kan följa besluten med RSS eller Atom.
openness-filter-body = Beslutande organ
openness-filter-tag = Ämne
openness-filter-year = År
openness-filter-all-bodies = Alla organ
openness-filter-all-tags = Alla ämnen
openness-filter-all-years = Alla år
openness-filter-submit = Visa beslut
openness-results = Beslut
openness-count = { $n ->
    [0] Inga beslut matchar.
    [one] Ett beslut.
   *[other] { $n } beslut.
}
openness-tags = Ämnen
openness-withdrawn = Återkallat
openness-in-force = Gäller
openness-pages = Sidor
openness-previous = Föregående sida
openness-next = Nästa sida
openness-page-of = Sida { $n } av { $of }
openness-feeds-heading = Följ besluten
openness-feeds-intro = Lägg in adressen i din flödesläsare för att få nya beslut automatiskt. Flödena följer de filter du har valt för organ och ämne.
openness-feed-link = Beslutsflöde ({ $kind })
openness-feed-link-filtered = Beslutsflöde för { $filter } ({ $kind })
openness-feed-title = Beslut – { $name }
openness-feed-title-filtered = Beslut: { $filter } – { $name }
openness-feed-withdrawn = Återkallat: { $title }

openness-body-council = Kommunfullmäktige
openness-body-board = Kommunstyrelsen
openness-body-committee = Nämnd

openness-category-agreement = Överenskommelsen och principerna
openness-category-action-plan = Handlingsplanen
openness-category-grants = Bidrag och stöd
openness-category-premises = Lokaler och anläggningar
openness-category-policy = Styrdokument och riktlinjer
openness-category-budget = Budget och taxor
openness-category-dialog = Dialog och delaktighet
openness-category-other = Övrigt
openness-tag-principle = Princip { $n }
openness-tag-principle-named = Princip { $n }: { $name }

openness-protocol-link = Läs protokollet
openness-organisations = Berörda föreningar
openness-attachments = Bilagor
openness-back-to-list = Alla beslut
openness-edit-link = Ändra beslutet

openness-manage-title = Hantera beslut
openness-manage-intro = Registrera beslut i kommunfullmäktige, kommunstyrelsen och nämnderna som rör civilsamhället. Ett beslut som återkallas finns kvar och märks som återkallat.
openness-manage-caption = Registrerade beslut, senaste mötet först
openness-col-meta = Organ, datum och paragraf
openness-col-status = Status
openness-public-list = Den publika listan
openness-public-page = Beslutets publika sida
openness-back-to-manage = Tillbaka till alla beslut
openness-empty = Inga beslut är registrerade ännu.
openness-add-heading = Registrera ett beslut
openness-add = Registrera beslutet
openness-save = Spara ändringarna
openness-edit-title = Ändra beslut: { $title }
openness-field-body = Organ
openness-field-committee = Nämndens namn
openness-hint-committee = Fylls i när beslutet fattades av en nämnd, till exempel Kultur- och fritidsnämnden.
openness-field-meeting-on = Sammanträdesdatum
openness-hint-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2018-06-07.
openness-field-paragraph = Paragraf
openness-hint-paragraph = Paragrafen i protokollet, till exempel § 112.
openness-field-title = Rubrik
openness-field-summary = Sammanfattning
openness-hint-summary = Vad beslutet innebär, i klarspråk. Högst { $n } tecken. En tom rad börjar ett nytt stycke.
openness-field-protocol-url = Länk till protokollet
openness-hint-protocol-url = En webbadress som börjar med https:// eller http://.
openness-field-category = Kategori
openness-field-organisation = Berörd förening { $n }
openness-hint-organisation = Föreningar i föreningsregistret som beslutet gäller.
openness-no-organisation = Ingen
openness-attachment-field = Bilaga
openness-attachment-hint = PDF eller dokument från ett kontorsprogram, högst 10 MB.
openness-attachment-upload = Ladda upp bilagan
openness-no-attachments = Beslutet har inga bilagor.
openness-remove = Ta bort
openness-withdraw-heading = Återkalla beslutet
openness-withdraw-hint = Ett återkallat beslut finns kvar i listan och i flödena, märkt som återkallat.
openness-field-reason = Skäl
openness-withdraw = Återkalla beslutet

openness-done-saved = Beslutet är sparat.
openness-done-withdrawn = Beslutet är återkallat. Det finns kvar, märkt som återkallat.
openness-done-already-withdrawn = Beslutet var redan återkallat.
openness-done-attachment = Bilagan är uppladdad.
openness-done-attachment-removed = Bilagan är borttagen.

openness-err-body = Välj ett organ i listan.
openness-err-category = Välj en kategori i listan.
openness-err-date = Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.
openness-err-paragraph = Skriv paragrafen som § och ett nummer, till exempel § 112.
openness-err-url = Skriv en hel webbadress som börjar med https:// eller http://.
openness-err-organisation = Välj en förening i listan.
openness-err-attachment-missing = Välj en fil att ladda upp.
openness-err-attachment-too-large = Filen är för stor. Högst 10 MB.
openness-err-attachment-type = Filen måste vara en PDF eller ett dokument från ett kontorsprogram.

## News and good examples (news/)
openness-nav-news = Nyheter
openness-news-title = Nyheter och goda exempel
openness-news-description = Nyheter från { $name } och goda exempel från föreningslivet.
openness-news-intro = Här publicerar kommunen nyheter om samverkan med civilsamhället, och föreningar berättar om sin verksamhet: goda exempel som kommunen har granskat. Du kan följa dem med Atom.
openness-news-filter-kind = Visa
openness-news-filter-all-kinds = Nyheter och goda exempel
openness-news-filter-submit = Visa
openness-news-results = Publicerat
openness-news-count = { $n ->
    [0] Inget publicerat matchar.
    [one] En publicering.
   *[other] { $n } publiceringar.
}
openness-news-feed-heading = Följ nyheterna
openness-news-feed-title = Nyheter och goda exempel i { $name }
openness-news-kind-news = Nyhet
openness-news-kind-story = Gott exempel
openness-news-story-from = Gott exempel från { $name }
openness-news-status = Läge
openness-news-status-draft = Utkast
openness-news-status-submitted = Väntar på granskning
openness-news-status-published = Publicerad
openness-news-status-declined = Inte godkänd
openness-news-category-collaboration = Samverkan
openness-news-category-diversity = Mångfald
openness-news-category-associations = Föreningsliv
openness-news-category-culture = Kultur och fritid
openness-news-category-sport = Idrott och friluftsliv
openness-news-category-other = Övrigt
openness-news-preview = Förhandsvisning: det här är inte publicerat än.
openness-news-submitted-by = Inskickad av
openness-news-edit-link = Ändra
openness-news-back-to-list = Alla nyheter och goda exempel
openness-news-field-title = Rubrik
openness-news-field-lead = Ingress
openness-news-hint-lead = En eller två meningar som sammanfattar texten. Visas i listan och i flödet.
openness-news-field-body = Text
openness-news-hint-body = Skriv med Markdown: tom rad mellan stycken, **fetstil**, [länktext](https://adress), rader som börjar med - blir en lista.
openness-news-field-category = Kategori
openness-news-field-published-on = Publiceringsdag
openness-news-hint-published-on = Lämna tomt för att publicera i dag. Skriv som 2026-12-24.
openness-news-field-organisation = Förening
openness-news-field-image = Bild
openness-news-hint-image = En PNG- eller JPEG-bild på högst 2 MB.
openness-news-field-alt = Bildbeskrivning (alternativtext)
openness-news-hint-alt = Beskriv vad bilden visar för den som inte ser den. Krävs när det finns en bild.
openness-news-err-date = Skriv ett datum som 2026-12-24.
openness-news-err-category = Välj en kategori.
openness-news-err-organisation = Välj en förening som du företräder.
openness-news-err-image-missing = Välj en bild att ladda upp.
openness-news-err-image-too-large = Bilden är för stor. Den får vara högst 2 MB.
openness-news-err-image-type = Bilden måste vara en PNG- eller JPEG-fil.
openness-news-err-alt-missing = Skriv en bildbeskrivning: vad bilden visar.
openness-news-save = Spara
openness-news-save-draft = Spara utkast
openness-news-publish = Publicera nyheten
openness-news-done-saved = Sparat.
openness-news-done-published = Nyheten är publicerad.
openness-news-done-submitted = Berättelsen är skickad till kommunen för granskning.
openness-news-done-approved = Berättelsen är godkänd och publicerad.
openness-news-done-declined = Berättelsen är inte godkänd. Föreningen ser varför.
openness-news-done-image = Bilden är sparad.
openness-news-done-not-now = Det går inte i det här läget.
openness-news-manage-title = Hantera nyheter och goda exempel
openness-news-manage-intro = Publicera kommunens nyheter och granska föreningarnas berättelser. Berättelser som väntar på granskning står först.
openness-news-manage-caption = Nyheter och berättelser
openness-news-public-list = Den publika listan
openness-news-empty = Inget är skrivet än.
openness-news-add-heading = Publicera en nyhet
openness-news-markdown-help = Texten skrivs med Markdown. HTML visas som text.
openness-news-edit-title = Ändra: { $title }
openness-news-back-to-manage = Hantera nyheter och goda exempel
openness-news-back-to-mine = Mina berättelser
openness-news-public-page = Visa sidan
openness-news-text-heading = Text och ämnen
openness-news-image-heading = Bild
openness-news-no-image = Ingen bild.
openness-news-image-upload = Spara bilden
openness-news-review-heading = Granska berättelsen
openness-news-approve = Godkänn och publicera
openness-news-decline = Godkänn inte
openness-news-decline-reason = Skäl till att berättelsen inte godkändes
openness-news-submit = Skicka till kommunen
openness-news-submit-hint = När berättelsen är klar skickar du den till kommunen. Den publiceras när kommunen har godkänt den.
openness-news-mine-title = Mina berättelser
openness-news-mine-intro = Berätta om er förenings verksamhet: ett gott exempel som andra kan lära av. Ni sparar ett utkast, skickar det till kommunen, och berättelsen publiceras när kommunen har godkänt den.
openness-news-mine-empty = Er förening har inga berättelser än.
openness-news-mine-caption = Föreningens berättelser
openness-news-write-heading = Skriv en berättelse

# --- The shared event calendar (events/)
openness-nav-events = Evenemang
openness-events-title = Evenemang
openness-events-description = Föreningarnas evenemang och kommunens dialogmöten i { $name }.
openness-events-intro = Här visar föreningarna sina evenemang, och kommunen sina dialogmöten. Du kan se dem som lista, vecka eller månad, söka och filtrera, och prenumerera på kalendern.
openness-events-upcoming = Kommande evenemang
openness-events-count = { $n ->
    [0] Inga evenemang matchar.
    [one] Ett evenemang.
   *[other] { $n } evenemang.
}
openness-events-filter-search = Sök
openness-events-filter-all-categories = Alla kategorier
openness-events-filter-all-audiences = Alla målgrupper
openness-events-filter-all-organisations = Alla föreningar
openness-events-filter-accessible = Bara evenemang som beskriver sin tillgänglighet
openness-events-filter-submit = Visa evenemang
openness-events-views = Visa som
openness-events-view-list = Lista
openness-events-view-week = Vecka
openness-events-view-month = Månad
openness-events-week-heading = Vecka { $week }, { $year }
openness-events-previous-week = Föregående vecka
openness-events-next-week = Nästa vecka
openness-events-previous-month = Föregående månad
openness-events-next-month = Nästa månad
openness-events-previous-page = Föregående sida
openness-events-next-page = Nästa sida
openness-events-pages = Bläddra
openness-events-today = i dag
openness-events-day-more = Visa fler
openness-events-nothing = Inga evenemang.
openness-events-month-caption = Evenemang i
openness-events-subscribe-heading = Prenumerera på kalendern
openness-events-subscribe-intro = Lägg in adressen i din kalender (till exempel Outlook, Google eller Apple) så får du nya evenemang automatiskt. Kalendern följer de filter du har valt.
openness-events-ics-link = Evenemangskalender (iCalendar)
openness-events-ics-name = Evenemang – { $name }
openness-events-day-mon = måndag
openness-events-day-tue = tisdag
openness-events-day-wed = onsdag
openness-events-day-thu = torsdag
openness-events-day-fri = fredag
openness-events-day-sat = lördag
openness-events-day-sun = söndag
openness-events-month-1 = januari
openness-events-month-2 = februari
openness-events-month-3 = mars
openness-events-month-4 = april
openness-events-month-5 = maj
openness-events-month-6 = juni
openness-events-month-7 = juli
openness-events-month-8 = augusti
openness-events-month-9 = september
openness-events-month-10 = oktober
openness-events-month-11 = november
openness-events-month-12 = december
openness-events-free = Gratis
openness-events-repeats = varje vecka till { $until }
openness-events-audience-alla = Alla
openness-events-audience-barn = Barn
openness-events-audience-unga = Unga
openness-events-audience-vuxna = Vuxna
openness-events-audience-seniorer = Seniorer
openness-events-audience-familjer = Familjer
openness-events-category-kultur = Kultur
openness-events-category-idrott = Idrott och motion
openness-events-category-friluftsliv = Friluftsliv
openness-events-category-forelasning = Föreläsning och studier
openness-events-category-gemenskap = Gemenskap och träffar
openness-events-category-dialog = Dialog och möten
openness-events-category-ovrigt = Övrigt
openness-events-status-pending = Väntar på granskning
openness-events-status-approved = Publicerat
openness-events-status-declined = Inte publicerat
openness-events-when = När
openness-events-no-accessibility = Arrangören har inte beskrivit tillgängligheten.
openness-events-register = Anmäl dig
openness-events-more = Mer information
openness-events-dates = Kommande tillfällen
openness-events-back = Alla evenemang
openness-events-edit-link = Ändra evenemanget
openness-events-new-title = Publicera ett evenemang
openness-events-new-intro = Evenemanget publiceras i kalendern när samordnaren har granskat det, eller direkt om din förening är betrodd.
openness-events-new-intro-coordinator = Som samordnare publicerar du evenemanget direkt, för den förening du väljer.
openness-events-edit-title = Ändra evenemang: { $title }
openness-events-edit-intro = En ändring granskas av samordnaren innan den syns, om inte din förening är betrodd.
openness-events-edit-intro-coordinator = Som samordnare publicerar du ändringen direkt.
openness-events-publish = Publicera evenemanget
openness-events-save = Spara ändringarna
openness-events-field-organisation = Förening
openness-events-field-title = Rubrik
openness-events-field-description = Beskrivning
openness-events-field-starts-on = Datum
openness-events-field-start-time = Börjar klockan
openness-events-field-end-time = Slutar klockan
openness-events-field-ends-on = Slutdatum
openness-events-field-repeat-until = Upprepa varje vecka till och med
openness-events-field-skipped = Datum som utgår
openness-events-field-place = Plats
openness-events-field-room = Lokal
openness-events-field-accessibility = Tillgänglighet
openness-events-field-audience = Målgrupp
openness-events-field-category = Kategori
openness-events-field-price = Pris
openness-events-field-link = Länk
openness-events-field-registration-link = Länk för anmälan
openness-events-hint-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-14.
openness-events-hint-time = Skriv tiden som TT:MM, till exempel 18:00.
openness-events-hint-ends-on = Fylls bara i om evenemanget slutar en annan dag.
openness-events-hint-repeat-until = Fylls i om evenemanget återkommer samma veckodag varje vecka, som ÅÅÅÅ-MM-DD.
openness-events-hint-skipped = Datum då ett återkommande evenemang inte blir av, åtskilda med kommatecken, till exempel 2026-12-24, 2026-12-31.
openness-events-hint-place = Adress eller plats med egna ord. Lämna tomt om du väljer en lokal nedan.
openness-events-hint-room = En av kommunens bokningsbara lokaler. Boka den separat under Lokaler.
openness-events-hint-accessibility = Till exempel: Entré utan trappsteg, hörslinga, tillgänglig toalett.
openness-events-hint-price = Lämna tomt om evenemanget är gratis.
openness-events-hint-link = En webbadress som börjar med https:// eller http://.
openness-events-no-room = Ingen lokal vald
openness-events-err-organisation = Välj en förening som du företräder.
openness-events-err-room = Välj en av lokalerna i listan.
openness-events-err-place = Skriv en plats eller välj en lokal.
openness-events-err-audience = Välj en målgrupp i listan.
openness-events-err-category = Välj en kategori i listan.
openness-events-err-date = Skriv ett datum som ÅÅÅÅ-MM-DD.
openness-events-err-time = Skriv en tid som TT:MM.
openness-events-err-end = Evenemanget måste sluta efter att det börjar, och högst 14 dagar senare.
openness-events-err-until = Upprepningen måste sluta efter första datumet och högst två år senare.
openness-events-err-skipped = Datum som utgår måste skrivas som ÅÅÅÅ-MM-DD, ligga inom upprepningen och vara samma veckodag.
openness-events-done-published = Klart! Evenemanget är publicerat i kalendern.
openness-events-done-pending = Tack! Evenemanget publiceras när samordnaren har granskat det.
openness-events-done-approved = Evenemanget är godkänt och publicerat.
openness-events-done-declined = Evenemanget är avböjt. Föreningen ser ditt skäl.
openness-events-done-already = Evenemanget var redan granskat.
openness-events-done-trusted = Ändringen är sparad.
openness-events-mine-title = Mina evenemang
openness-events-mine-empty = Din förening har inte publicerat några evenemang ännu.
openness-events-review-title = Granska evenemang
openness-events-review-intro = Evenemang från föreningar som inte är betrodda väntar här tills du godkänner dem. Avböjer du ett evenemang ser föreningen ditt skäl.
openness-events-pending-heading = Väntar på granskning
openness-events-pending-empty = Inga evenemang väntar.
openness-events-approve = Godkänn
openness-events-decline = Avböj
openness-events-decline-reason = Skäl till att evenemanget avböjs
openness-events-trusted-heading = Betrodda föreningar
openness-events-trusted-intro = En betrodd förenings evenemang publiceras direkt, utan granskning.
openness-events-trusted = betrodd
openness-events-not-trusted = granskas
openness-events-trust = Gör betrodd
openness-events-distrust = Granska igen
openness-events-no-organisations = Det finns inga föreningar i registret ännu.

# Events: public bookings of the premises in the calendar
openness-events-booking = Bokad lokal

# Events: the area filter
openness-events-field-area = Område
openness-events-hint-area = Den del av kommunen där evenemanget är. Då hittar den som söker på området det.
openness-events-no-area = Inget särskilt område
openness-events-filter-all-areas = Alla områden
openness-events-err-area = Välj ett av områdena i listan.

# Open data
openness-nav-data = Öppna data
openness-data-title = Öppna data
openness-data-intro = Här kan du ladda ner data från { $name } som filer. Du får använda dem fritt, också i egna tjänster.
openness-data-licence-heading = Fritt att använda
openness-data-licence = All data här är allmän egendom enligt CC0 1.0. Du behöver inte fråga om lov och inte ange källan.
openness-data-licence-link = Läs om CC0 1.0 hos Creative Commons
openness-data-formats = Varje datamängd finns som CSV (för kalkylprogram, med semikolon mellan fälten) och som JSON (för program). Tider är i svensk tid.
openness-data-catalogue-heading = För dataportaler
openness-data-catalogue = Sveriges dataportal och andra kataloger kan hämta beskrivningen av datamängderna här:
openness-data-catalogue-link = Katalog över datamängderna (DCAT-AP-SE, RDF/XML)
openness-data-catalogue-description = Föreningar, överenskommelsen, handlingsplanen, dialogmöten, beslut, evenemang, bidrag och lokaler i kommunens arbete med den lokala överenskommelsen med det civila samhället.
openness-data-datasets = Datamängder
openness-data-modified = Senast ändrad
openness-data-count = Antal rader
openness-data-licence-short = Licens
openness-data-rows = { $n ->
    [one] 1 rad
   *[other] { $n } rader
}
openness-data-download = Ladda ner { $title } som { $format }
openness-data-foreningar = Föreningar
openness-data-foreningar-description = Föreningarna i kommunens register: namn, organisationsnummer, form, verksamhetsområden, ändamål, webbplats, om föreningen har skrivit under överenskommelsen och om den har egna lokaler. Inga kontaktpersoner.
openness-data-undertecknare = Undertecknare av överenskommelsen
openness-data-undertecknare-description = Föreningar, förvaltningar och andra som har skrivit under den lokala överenskommelsen och inte dragit tillbaka sin underskrift: vem som skrev under, i vilken roll och när.
openness-data-handlingsplan = Handlingsplanen
openness-data-handlingsplan-description = Aktiviteterna i den gällande handlingsplanen med princip, mål, tid, ansvar och hur långt de har kommit.
openness-data-moten = Dialogmöten
openness-data-moten-description = Dialogmötena mellan kommunen och det civila samhället: tid, plats, tema och tillgänglighet. Inställda möten är markerade.
openness-data-beslut = Beslut
openness-data-beslut-description = Beslut i kommunfullmäktige, kommunstyrelsen och nämnderna som rör det civila samhället, med sammanfattning och länk till protokollet. Återkallade beslut är markerade.
openness-data-evenemang = Evenemang
openness-data-evenemang-description = Föreningarnas evenemang i den gemensamma kalendern: tid, plats, målgrupp, tillgänglighet och pris.
openness-data-bidragsbeslut = Beslut om bidrag
openness-data-bidragsbeslut-description = Kommunens beslut om bidrag till föreningar: förening, bidrag, beviljat belopp i kronor och datum.
openness-data-lokaler = Lokaler
openness-data-lokaler-description = Rummen i de lokaler som går att boka: storlek, utrustning, tillgänglighet och hur de bokas.

## Newsletters
openness-nav-newsletters = Nyhetsbrev
openness-newsletter-title = Nyhetsbrev
openness-newsletter-intro = Här finns de nyhetsbrev som kommunen har skickat om samarbetet med föreningslivet. Du kan också få dem med e-post.
openness-newsletter-subscribe-heading = Få nyhetsbrevet med e-post
openness-newsletter-email = Din e-postadress
openness-newsletter-consent = Jag vill få nyhetsbrevet
openness-newsletter-consent-text = { $municipality } sparar din e-postadress bara för att skicka nyhetsbrevet. Du får först ett mejl med en länk som du klickar på för att bekräfta. Varje nyhetsbrev har en länk där du avslutar prenumerationen.
openness-newsletter-subscribe-submit = Prenumerera
openness-newsletter-err-consent = Kryssa i rutan om du vill få nyhetsbrevet.
openness-newsletter-archive-heading = Skickade nyhetsbrev
openness-newsletter-archive-empty = Inga nyhetsbrev har skickats ännu.
openness-newsletter-sent-on = Skickat
openness-newsletter-back = Alla nyhetsbrev
openness-newsletter-check-mail-title = Titta i din e-post
openness-newsletter-check-mail = Vi har skickat ett mejl till { $email }. Klicka på länken i mejlet för att börja få nyhetsbrevet. Om du inte ser mejlet, titta bland skräpposten.
openness-newsletter-confirm-subject = Bekräfta att du vill få nyhetsbrev från { $municipality }
openness-newsletter-confirm-body = Hej!

    Någon, troligen du, vill få nyhetsbrev från { $municipality } till den här adressen. Öppna länken för att bekräfta:

    { $link }

    Om det inte var du behöver du inte göra något. Då får du inga nyhetsbrev.
openness-newsletter-confirm-title = Bekräfta prenumerationen
openness-newsletter-confirm-intro = Vill du få nyhetsbrev från { $municipality } till { $email }?
openness-newsletter-confirm-submit = Ja, skicka nyhetsbrevet till mig
openness-newsletter-confirmed-title = Prenumerationen är klar
openness-newsletter-confirmed = Tack! Du får nu nyhetsbrev från { $municipality }.
openness-newsletter-unsubscribe-link = Avsluta prenumerationen
openness-newsletter-unsubscribe-title = Avsluta nyhetsbrevet
openness-newsletter-unsubscribe-intro = Vill du sluta få nyhetsbrev från { $municipality } till { $email }?
openness-newsletter-unsubscribe-submit = Ja, skicka inga fler nyhetsbrev
openness-newsletter-unsubscribed-title = Du får inga fler nyhetsbrev
openness-newsletter-unsubscribed = Klart. Du får inga fler nyhetsbrev från { $municipality }.
openness-newsletter-mail-footer = Du får det här nyhetsbrevet från { $municipality }.
openness-newsletter-mail-leave = Avsluta nyhetsbrevet
openness-newsletter-manage-title = Skriv nyhetsbrev
openness-newsletter-list-heading = Nyhetsbrev
openness-newsletter-list-empty = Du har inte skrivit något nyhetsbrev ännu.
openness-newsletter-new-heading = Nytt nyhetsbrev
openness-newsletter-subject = Ämne
openness-newsletter-body = Text
openness-newsletter-body-hint = Skriv med Markdown: en tom rad mellan stycken, # före en rubrik, * före en punkt i en lista och [text](https://…) för en länk.
openness-newsletter-audience = Skicka till
openness-newsletter-group-subscribers = de som prenumererar
openness-newsletter-group-contacts = föreningarnas kontaktpersoner
openness-newsletter-group-signatories = kontaktpersoner i föreningar som har skrivit under
openness-newsletter-err-audience = Välj minst en grupp att skicka till.
openness-newsletter-err-time = Skriv datum och tid, till exempel 2026-05-04T09:00.
openness-newsletter-err-past = Tiden har redan varit. Välj en senare tid.
openness-newsletter-save = Spara
openness-newsletter-saved = Nyhetsbrevet är sparat.
openness-newsletter-status = Läge
openness-newsletter-status-draft = utkast
openness-newsletter-status-scheduled = ska skickas
openness-newsletter-status-sending = skickas nu
openness-newsletter-status-sent = skickat
openness-newsletter-progress = Skickade
openness-newsletter-public-link = Nyhetsbrevet i arkivet
openness-newsletter-preview = Så här ser det ut
openness-newsletter-edit-heading = Ändra
openness-newsletter-test-heading = Prova först
openness-newsletter-test-submit = Skicka ett prov till mig
openness-newsletter-test-sent = Ett prov är skickat till din e-post.
openness-newsletter-test-prefix = [Prov]
openness-newsletter-schedule-heading = Skicka
openness-newsletter-schedule-time = Dag och tid att skicka
openness-newsletter-schedule-hint = Svensk tid. Nyhetsbrevet skickas till alla i de valda grupperna, men inte till den som har avslutat nyhetsbrevet.
openness-newsletter-schedule-submit = Skicka vid den tiden
openness-newsletter-send-now = Skicka nu
openness-newsletter-scheduled = Nyhetsbrevet ska skickas.

# Events: the letter after moderation
openness-events-mail-approved-subject = Ert evenemang finns nu i kalendern: { $title }
openness-events-mail-approved-body = Hej!

    { $municipality } har godkänt ert evenemang "{ $title }". Nu syns det i den gemensamma evenemangskalendern:
    { $url }

    Vänliga hälsningar
    { $municipality }
openness-events-mail-declined-subject = Ert evenemang kom inte med i kalendern: { $title }
openness-events-mail-declined-body = Hej!

    { $municipality } har inte godkänt ert evenemang "{ $title }" för den gemensamma evenemangskalendern.

    Skäl: { $reason }

    Ni kan ändra evenemanget och skicka det igen:
    { $url }

    Vänliga hälsningar
    { $municipality }

# Decisions: grants decisions published into the feed
openness-grants-heading = Bidragsbeslut till beslutsflödet
openness-grants-intro = Här är kommunens beslut om föreningsbidrag. Publicera ett beslut så syns det i beslutsflödet med taggen bidrag och en länk till bidragsbesluten. Varje beslut kan publiceras en gång.
openness-grants-none = Det finns inga bidragsbeslut ännu.
openness-grants-title = Bidrag till { $association }: { $programme }
openness-grants-granted = Beviljat { $amount }, beslutat { $date }
openness-grants-rejected = Avslag, beslutat { $date }
openness-grants-summary = { $facts }. Antal år: { $years }.
openness-grants-published = Publicerat i beslutsflödet
openness-grants-body = Vem fattade beslutet?
openness-grants-committee = Nämndens namn (om en nämnd beslutade)
openness-grants-publish = Publicera i beslutsflödet
openness-grants-already = Beslutet finns redan i beslutsflödet. Det publicerades inte en gång till.
openness-grants-link = Bidragsbeslut att publicera
openness-grants-committee-missing = Skriv nämndens namn när en nämnd fattade beslutet.

# Newsletter audiences: working groups, one meeting, one category
openness-newsletter-group-working-groups = medlemmarna i arbetsgrupperna
openness-newsletter-meeting = Skicka till de anmälda till ett dialogmöte
openness-newsletter-meeting-none = Inget möte
openness-newsletter-meeting-hint = De anmälda har bara godkänt kontakt om just det mötet. Skriv om mötet.
openness-newsletter-category = Skicka till kontaktpersoner i föreningar inom en kategori
openness-newsletter-category-none = Ingen kategori
openness-newsletter-err-choice = Välj ett av alternativen i listan.
openness-digest-choice = Skicka mig också en veckosammanfattning
openness-digest-choice-hint = Varje måndag morgon: nya beslut, evenemang och nyheter från veckan som gått. Den kommer bara när det finns något nytt.
openness-digest-subject = Veckan i { $municipality }, vecka { $week }
openness-digest-intro = Det här är nytt från { $municipality } den senaste veckan.
openness-digest-decisions = Beslut
openness-digest-events = Evenemang som kommer
openness-digest-news = Nyheter
openness-digest-footer = Du får veckosammanfattningen från { $municipality } eftersom du bad om den.
