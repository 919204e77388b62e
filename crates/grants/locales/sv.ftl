nav-grants = Bidrag
grants-title = Bidrag till föreningar
grants-intro = Här finns kommunens bidrag till föreningar: vad varje bidrag är till för, vilka krav som gäller, när du senast kan söka och hur mycket pengar som finns.
grants-none = Kommunen har inte publicerat några bidrag ännu.
grants-caption = Bidrag och nästa sista ansökningsdag
grants-col-programme = Bidrag
grants-col-kind = Sort
grants-col-deadline = Sista dag att söka
grants-col-budget = Budget
grants-col-period = Period
grants-col-covers = Gäller verksamhet
grants-col-opens = Går att söka från
grants-unpublished = inte publicerat
grants-new-link = Skapa ett nytt bidrag
grants-api-link = Bidragen som JSON
grants-back = Tillbaka till bidragen
grants-kind-activity = Aktivitetsstöd
grants-kind-premises = Lokalbidrag
grants-kind-start = Startbidrag
grants-kind-project = Projekt- och arrangemangsbidrag
grants-kind-operating = Verksamhetsbidrag
grants-kind-multi-year = Flerårigt bidrag
grants-period-upcoming = öppnar senare
grants-period-open = öppen för ansökningar
grants-period-closed = stängd
grants-new-title = Nytt bidrag
grants-new-intro = Välj sort och skriv vad bidraget är till för. Bidraget får sortens vanliga regler och krav; det syns för alla först när du publicerar det.
grants-choose-kind = Välj sort
grants-field-kind = Sort av bidrag
grants-field-kind-hint = Sorten bestämmer vilka regler bidraget har, till exempel aktivitetsstöd per deltagartillfälle.
grants-field-name = Namn
grants-field-description = Vad bidraget är till för
grants-field-criteria = Bedömningsgrunder
grants-submit-programme = Skapa bidraget
grants-err-kind = Välj vilken sort av bidrag det är.
grants-err-name-taken = Kommunen har redan ett bidrag med det namnet.
grants-criteria = Bedömningsgrunder
grants-rules = Regler
grants-requirements = Krav på föreningen
grants-attachments = Bilagor till ansökan
grants-periods = Ansökningsperioder
grants-no-periods = Det finns ingen ansökningsperiod ännu.
grants-periods-caption = Perioder med sista ansökningsdag och budget
grants-publish = Publicera bidraget
grants-unpublish = Ta bort bidraget från den publika listan
grants-period-new-heading = Lägg till en ansökningsperiod
grants-field-period-name = Periodens namn
grants-field-period-name-hint = Till exempel ”Våren 2027”.
grants-field-starts-on = Verksamheten från och med
grants-field-ends-on = Verksamheten till och med
grants-field-opens-on = Går att söka från
grants-field-deadline = Sista dag att söka
grants-field-budget = Budget i kronor
grants-field-budget-hint = Hela kronor, till exempel 1 500 000.
grants-date-hint = Skriv datumet som ÅÅÅÅ-MM-DD.
grants-submit-period = Lägg till perioden
grants-err-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-08-25.
grants-err-order = Datumet kommer före det datum det ska följa.
grants-err-amount = Skriv beloppet i hela kronor med siffror.
grants-err-period-taken = Bidraget har redan en period med det namnet.
grants-rule-band-no-cap = Deltagare { $ages } år (räknat på kalenderår): { $amount } per deltagartillfälle, utan tak per vecka.
grants-rule-band = Deltagare { $ages } år (räknat på kalenderår): { $amount } per deltagartillfälle, högst { $cap } per vecka.
grants-rule-per-meeting = { $amount } per sammankomst som räknas.
grants-rule-minimums = En sammankomst räknas med minst { $participants } deltagare utöver ledaren, minst { $minutes } minuter och en ledare som är minst { $leader } år.
grants-rule-per-leader = Högst { $n } deltagare per ledare.
grants-rule-one-per-day = En deltagare räknas högst en gång per dag.
grants-rule-excluded = Räknas inte: { $list }.
grants-rule-premises = { $share } procent av lokalkostnaderna minus hyresintäkterna, högst { $cap } per år.
grants-rule-start = { $amount } en gång till en ny förening med minst { $members } medlemmar; inte igen inom { $years } år.
grants-rule-project = Sök senast { $before } veckor före start och redovisa senast { $after } veckor efter slut.
grants-rule-operating = { $amount } per år.
grants-rule-multi-year = Beslut för upp till { $years } år; varje nytt år betalas när förra årets redovisning är godkänd.
grants-req-confirmed = Föreningens uppgifter bekräftade senast { $n } månader efter årsmötet.
grants-req-org-number = Ett giltigt organisationsnummer.
grants-req-board = En styrelse med minst { $n } ledamöter.
grants-req-statutes = Stadgar inlämnade.
grants-req-giro = Ett giltigt bankgiro eller plusgiro.
grants-req-signed = Föreningen har signerat den lokala överenskommelsen.
grants-req-democracy = Föreningen intygar att den följer kommunens demokrativillkor.
grants-doc-verksamhetsberattelse = Verksamhetsberättelse
grants-doc-arsmotesprotokoll = Årsmötesprotokoll
grants-doc-ekonomisk-redovisning = Ekonomisk redovisning
grants-doc-revisionsberattelse = Revisionsberättelse
grants-doc-budget = Budget
grants-doc-stadgar = Stadgar
grants-edit-link = Ändra bidraget
grants-edit-title = Ändra { $name }
grants-edit-intro = Här ändrar du bidragets namn och text, regler, krav, bilagor och frågorna i ansökan. Varje del sparas för sig. Ändringarna syns direkt på bidragets sida.
grants-edit-parts = Delar av bidraget
grants-edit-saved = Ändringen är sparad.
grants-edit-back = Till bidragets sida
grants-edit-text = Namn och text
grants-edit-text-intro = Namnet, vad bidraget är till för och hur ansökningarna bedöms. Skriv en tom rad mellan stycken.
grants-edit-save-text = Spara namn och text
grants-edit-rules-intro = Reglerna för { $kind }. Belopp skrivs i kronor.
grants-edit-save-rules = Spara reglerna
grants-edit-requirements-intro = Det som kontrolleras i föreningsregistret när en förening ansöker.
grants-edit-save-requirements = Spara kraven
grants-edit-empty-not-asked = Lämna tomt om det inte är ett krav.
grants-edit-req-confirmed = Uppgifterna bekräftade inom så här många månader efter årsmötet
grants-edit-req-board = Minsta antal ledamöter i styrelsen
grants-edit-attachments-intro = De dokument som varje ansökan ska ha med.
grants-edit-save-attachments = Spara bilagorna
grants-rules-kronor-hint = I kronor, med öre efter kommatecken: till exempel 1 500 eller 7,86.
grants-rules-bands = Åldersgrupper
grants-rules-bands-hint = En grupp per rad: åldrar; kronor per deltagartillfälle; högst antal gånger per vecka. Till exempel 7–9; 7,86; 3. Skriv 65– för 65 år och äldre. Lämna veckotaket tomt om det inte finns något.
grants-rules-per-meeting = Belopp per sammankomst
grants-rules-min-participants = Minsta antal deltagare utöver ledaren
grants-rules-min-minutes = Minsta längd i minuter
grants-rules-max-per-leader = Högsta antal deltagare per ledare
grants-rules-empty-no-limit = Lämna tomt om det inte finns någon gräns.
grants-rules-min-leader-age = Ledarens lägsta ålder
grants-rules-one-per-day = En deltagare räknas högst en gång per dag
grants-rules-excluded = Aktiviteter som inte räknas
grants-rules-excluded-hint = En aktivitet per rad, till exempel Bingo.
grants-rules-share-percent = Andel av kostnaderna i procent
grants-rules-yearly-cap = Högsta belopp per år
grants-rules-amount = Belopp
grants-rules-min-members = Minsta antal medlemmar
grants-rules-no-restart-years = Antal år innan föreningen kan få startbidrag igen
grants-rules-weeks-before = Sök senast så här många veckor före start
grants-rules-weeks-after = Redovisa senast så här många veckor efter slut
grants-rules-amount-year = Belopp per år
grants-rules-max-years = Högsta antal år per beslut
grants-rules-err-number = Skriv ett heltal från { $min } till { $max }.
grants-rules-err-amount = Skriv beloppet i kronor, med öre efter kommatecken, till exempel 1 500 eller 7,86.
grants-rules-err-line = Rad { $line }: { $problem }
grants-rules-err-no-bands = Skriv minst en åldersgrupp.
grants-rules-err-many-bands = Skriv högst { $n } åldersgrupper.
grants-rules-err-excluded-long = Rad { $line }: skriv högst { $n } tecken.
grants-rules-err-many-excluded = Skriv högst { $n } aktiviteter.
grants-band-err-parts = Skriv åldrar, belopp och veckotak med semikolon emellan, till exempel 7–9; 7,86; 3.
grants-band-err-ages = Skriv åldrarna som 7–9, 65– eller 12 (högst 130).
grants-band-err-age-order = Den första åldern är högre än den sista.
grants-band-err-amount = Skriv beloppet i kronor, med öre efter kommatecken, till exempel 7,86.
grants-band-err-cap = Skriv veckotaket som ett heltal från 1 till 50, eller lämna det tomt.
grants-band-err-overlap = Åldrarna finns redan på rad { $line }.
grants-questions = Frågor i ansökan
grants-question-options = { $kind }: { $list }
grants-question-required = { $about }, måste besvaras
grants-qkind-text = Text
grants-qkind-number = Tal
grants-qkind-amount = Belopp i kronor
grants-qkind-date = Datum
grants-qkind-choice = Val
grants-qkind-file = Fil
grants-edit-questions-intro = Frågorna som föreningen svarar på när den ansöker, i den ordning de ställs.
grants-edit-no-questions = Ansökan har inga egna frågor ännu.
grants-edit-questions-caption = Frågorna i ansökan, i ordning
grants-col-question = Fråga
grants-col-answer-kind = Sorts svar
grants-col-required = Måste besvaras
grants-col-change = Ändra
grants-yes = Ja
grants-no = Nej
grants-q-up = Flytta upp
grants-q-down = Flytta ned
grants-q-remove = Ta bort
grants-edit-new-question = Lägg till en fråga
grants-edit-add-question = Lägg till frågan
grants-q-label = Frågan
grants-q-kind = Sorts svar
grants-q-options = Svarsalternativ
grants-q-options-hint = Bara för Val: ett alternativ per rad, 2 till 20.
grants-q-required = Frågan måste besvaras
grants-q-hint = Hjälptext
grants-q-hint-hint = Visas under frågan, till exempel vad svaret ska innehålla.
grants-q-err-kind = Välj vilken sorts svar frågan har.
grants-q-err-no-options = Skriv svarsalternativen, ett per rad.
grants-q-err-few-options = Skriv minst { $n } svarsalternativ.
grants-q-err-many-options = Skriv högst { $n } svarsalternativ.
grants-q-err-option-too-long = Ett svarsalternativ får vara högst { $n } tecken.
grants-q-err-same-option = Samma svarsalternativ står två gånger.
grants-q-err-too-many = Ansökan kan ha högst { $n } frågor.
grants-answer-required = Svara på frågan.
grants-answer-too-long = Svaret är för långt: skriv högst 4 000 tecken.
grants-answer-number = Skriv ett heltal med siffror.
grants-answer-amount = Skriv beloppet i hela kronor med siffror, till exempel 12 500.
grants-answer-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-08-25.
grants-answer-choice = Välj ett av svarsalternativen.
grants-refusal-excluded = Den sortens aktivitet räknas inte.
grants-refusal-too-short = Sammankomsten var kortare än kravet.
grants-refusal-no-leader = Ingen ledare var gammal nog.
grants-refusal-too-few = För få deltagare räknas.
grants-refusal-too-many = Fler deltagare än ledarna får ha.
grants-why-no-annual-meeting = Föreningen har inte angett något årsmöte.
grants-why-not-confirmed = Föreningen har inte bekräftat sina uppgifter efter årsmötet.
grants-why-confirmed-before-meeting = Uppgifterna bekräftades före det senaste årsmötet.
grants-why-confirmed-late = Uppgifterna bekräftades för sent efter årsmötet.
grants-why-no-org-number = Föreningen har inget organisationsnummer i registret.
grants-why-org-number-invalid = Organisationsnumret stämmer inte.
grants-why-org-number-group = Numret börjar inte med 8 som en ideell förenings nummer gör. Kontrollera föreningsformen.
grants-why-board = Styrelsen har för få ledamöter.
grants-why-statutes = Stadgarna saknas.
grants-why-no-giro = Föreningen har inget bankgiro eller plusgiro i registret.
grants-why-giro-invalid = Bankgirot eller plusgirot stämmer inte.
grants-why-not-signed = Föreningen har inte signerat överenskommelsen.
grants-why-not-attested = Intyget om demokrativillkoren saknas.
grants-import-err-date = Skriv datumet som ÅÅÅÅ-MM-DD.
grants-import-err-time = Skriv starttiden som TT:MM.
grants-import-err-minutes = Skriv längden i hela minuter.
grants-import-err-role = Rollen ska vara Ledare eller Deltagare.
grants-import-err-birth-year = Skriv födelseåret med fyra siffror.
grants-import-err-gender = Könet ska vara Flicka, Pojke eller Annat (eller tomt).
grants-file-empty = Filen är tom.
grants-file-too-large = Filen är större än 10 MB.
grants-file-type = Bifoga en PDF, en bild eller ett Office- eller OpenDocument-dokument.
grants-att-title = Närvaro – { $name }
grants-att-intro = Här finns föreningens närvaro: grupperna, sammankomsterna och vilka som var ledare och deltagare. Aktivitetsstödet räknas fram ur den. Läs in en fil från föreningens medlemssystem eller skriv in en sammankomst i taget på närvarokortet.
grants-att-results-heading = Aktivitetsstöd per period
grants-att-groups-heading = Grupper
grants-att-no-groups = Föreningen har ingen närvaro här ännu.
grants-att-groups-caption = Föreningens grupper och deras sammankomster
grants-att-latest-caption = De senaste sammankomsterna
grants-att-col-group = Grupp
grants-att-col-meetings = Sammankomster
grants-att-col-first = Första
grants-att-col-last = Senaste
grants-att-col-date = Datum
grants-att-col-start = Start
grants-att-col-minutes = Minuter
grants-att-col-activity = Aktivitet
grants-att-col-leaders = Ledare
grants-att-col-participants = Deltagare
grants-att-col-source = Från
grants-att-source-file = fil
grants-att-source-card = närvarokort
grants-att-upload-heading = Läs in en närvarofil
grants-att-upload-intro = Filen har en rad per person och sammankomst, som medlemssystemen exporterar den. En sammankomst som redan finns (samma grupp, datum och starttid) ersätts; läser du in samma fil igen ändras ingenting. Har filen en felaktig rad läses ingenting in, och varje felaktig rad visas med rad och kolumn.
grants-att-upload-columns = Kolumner: Grupp, Datum (ÅÅÅÅ-MM-DD), Start (TT:MM), Minuter, Aktivitet, Roll (Ledare eller Deltagare), Id (medlemsnummer, kan utelämnas), Namn, Födelseår och Kön (Flicka, Pojke eller Annat). Semikolon eller komma mellan kolumnerna.
grants-att-field-file = Närvarofil (CSV eller XLSX)
grants-att-field-file-hint = En CSV-fil eller en Excel-fil (XLSX, första bladet) med kolumnerna ovan, högst 20 MB.
grants-att-upload-submit = Läs in filen
grants-att-errors-caption = Rader som behöver rättas
grants-att-col-line = Rad
grants-att-col-column = Kolumn
grants-att-col-problem = Fel
grants-att-errors-capped = Bara de första 200 felen visas.
grants-att-err-rows = Filen lästes inte in: några rader behöver rättas. Ingenting sparades.
grants-att-err-missing-column = Filen saknar kolumnen { $column }. Ingenting sparades.
grants-att-err-not-csv = Filen går inte att läsa som CSV. Ingenting sparades.
grants-att-err-not-xlsx = Filen går inte att öppna som en Excel-fil (XLSX). Ingenting sparades.
grants-att-err-sheet-too-large = Kalkylbladet är för stort: det har för många celler, eller celler långt från varandra (till exempel i A1 och XFD1048576). Ta bort det som inte är närvaro och försök igen. Ingenting sparades.
grants-att-err-no-file = Välj en fil att läsa in.
grants-att-err-too-large = Filen är större än 20 MB. Dela upp den, till exempel per termin.
grants-att-err-empty = Filen har inga rader med närvaro.
grants-att-done = Klart: { $added } nya sammankomster, { $replaced } ersatta och { $unchanged } oförändrade; { $rows } närvarorader sparade.
grants-att-done-nothing = Ingenting ändrades: alla { $unchanged } sammankomster fanns redan precis så.
grants-att-card-heading = Närvarokort
grants-att-card-intro = Skriv in en sammankomst. En sammankomst med samma grupp, datum och starttid som redan finns ersätts.
grants-att-card-submit = Spara sammankomsten
grants-att-card-line = Rad { $line }: { $problem }
grants-att-field-group = Grupp
grants-att-field-group-hint = Gruppens namn, till exempel P16. En ny grupp läggs till.
grants-att-field-date = Datum
grants-att-field-start = Starttid
grants-att-field-start-hint = Skriv tiden som TT:MM, till exempel 17:30.
grants-att-field-minutes = Längd i minuter
grants-att-field-activity = Aktivitet
grants-att-field-activity-hint = Till exempel Fotboll eller Körsång.
grants-att-field-leaders = Ledare
grants-att-field-participants = Deltagare
grants-att-field-people-hint = En person per rad: Namn;Födelseår;Kön, till exempel Sara Ek;2012;Flicka. Kön är Flicka, Pojke eller Annat och kan utelämnas.
grants-card-err-name = Skriv personens namn först på raden.
grants-card-err-too-long = Skriv högst 100 tecken.
grants-card-err-no-leader = Skriv minst en ledare.
grants-not-counted-leader = ledare på sammankomsten
grants-not-counted-age = utanför åldrarna som räknas
grants-not-counted-today = redan räknad en gång den dagen
grants-not-counted-week = har redan nått veckans tak
grants-not-counted-duplicate = står två gånger på kortet
grants-att-result-title = Aktivitetsstöd – { $name }, { $period }
grants-att-covers = sammankomster från
grants-att-result-intro = Varje sammankomst i perioden med vad som räknades och varför något inte gjorde det, efter bidragets regler.
grants-att-totals-heading = Summering
grants-att-totals-caption = Det som räknas i perioden
grants-att-total-meetings = Sammankomster som räknas
grants-att-of = { $n } av { $all }
grants-att-total-participations = Deltagartillfällen
grants-att-total-girls = varav flickor
grants-att-total-boys = varav pojkar
grants-att-total-other = varav annat eller inte angivet
grants-att-total-band = Deltagartillfällen { $name } år
grants-att-total-amount = Belopp
grants-att-amount-note = Beloppet är det reglerna ger. Överstiger periodens ansökningar budgeten räknas alla ned med samma andel.
grants-att-meetings-heading = Sammankomster per grupp
grants-att-no-meetings = Föreningen har inga sammankomster i perioden.
grants-att-group-summary = { $counted } av { $all } sammankomster räknas, { $amount }.
grants-att-group-caption = Sammankomster i gruppen
grants-att-col-counts = Räknas
grants-att-col-counted = Deltagare som räknas
grants-att-col-amount = Belopp
grants-att-col-why = Varför inte
grants-att-counts-yes = Ja
grants-att-counts-no = Nej
grants-att-why-too-short = ({ $minutes } minuter, minst { $min } krävs.)
grants-att-why-too-few = ({ $counted } räknas, minst { $min } krävs.)
grants-att-why-too-many = ({ $present } deltagare, ledarna får ha högst { $allowed }.)
grants-att-to-attendance = Till föreningens närvaro
grants-att-to-programme = Till bidraget

## Applications
grants-status-draft = Utkast, inte inskickad
grants-status-awaiting-co-signature = Väntar på en andra styrelseledamots underskrift
grants-status-submitted = Inskickad
grants-status-in-review = Under handläggning
grants-status-completion-requested = Komplettering begärd
grants-status-proposed = Förslag till beslut
grants-status-granted = Beviljad
grants-status-reduced = Beviljad med lägre belopp
grants-status-rejected = Avslagen
grants-status-paid = Utbetald
grants-next-submit = Fyll i ansökan, bifoga det som behövs och skicka in den före sista ansökningsdagen.
grants-next-closed = Sista ansökningsdagen har passerat; utkastet kan inte skickas in längre.
grants-next-co-sign = En andra styrelseledamot behöver skriva under ansökan innan den räknas som inskickad.
grants-next-complete = Handläggaren har bett om en komplettering. Ändra ansökan och skicka in den igen före datumet nedan.
grants-next-wait = Ingenting just nu: kommunen handlägger ansökan. Du får e-post när något händer.
grants-next-payout = Bidraget betalas ut till föreningens bankgiro eller plusgiro.
grants-next-appeal = Läs skälen till beslutet nedan och hur du kan överklaga det.
grants-next-report = Redovisa hur pengarna används när redovisningen ska lämnas.
grants-no-case-number = Får ett diarienummer när ansökan skickas in
grants-case-number = Diarienummer
grants-association = Förening
grants-col-status = Läge
grants-col-next = Vad händer nu
grants-col-amount = Belopp
grants-col-year = År
grants-col-report = Redovisning
grants-col-paid = Utbetalt
grants-col-requirement = Krav
grants-col-result = Resultat
grants-col-why = Varför
grants-col-sent = Inskickade
grants-col-waiting = Väntar på handläggning eller beslut
grants-col-submitted = Inskickad
grants-col-proposed = Föreslaget
grants-col-handler = Handläggare
grants-col-name = Namn
grants-col-email = E-post
grants-col-actions = Åtgärder
grants-applied = Sökt belopp
grants-answers-heading = Det föreningen har skrivit
grants-answers-form-heading = Fyll i ansökan
grants-attendance-link = Se föreningens närvaro och vad som räknas
grants-checks-heading = Krav på föreningen
grants-checks-caption = Kraven kontrollerade mot föreningsregistret
grants-checks-all-pass = Föreningen uppfyller kraven.
grants-checks-some-fail = Föreningen uppfyller inte alla krav än. Rätta uppgifterna i föreningsregistret eller i ansökan.
grants-check-pass = Uppfyllt
grants-check-warn = Uppfyllt, men kontrollera
grants-check-fail = Inte uppfyllt
grants-files-heading = Bilagor
grants-no-files = Inga bilagor ännu.
grants-doc-other = Annan bilaga
grants-field-file-kind = Vad filen är
grants-field-file = Fil
grants-field-file-hint = En PDF, en bild eller ett Office- eller OpenDocument-dokument, högst 10 MB. En ny fil av samma slag ersätter den gamla.
grants-upload = Bifoga filen
grants-field-purpose = Vad ni söker pengar till
grants-field-purpose-hint = Beskriv verksamheten och vad bidraget ska användas till.
grants-field-purpose-hint-project = Beskriv projektet: vad ni ska göra, med vilka och vad det ska leda till.
grants-field-amount = Belopp ni söker, i kronor
grants-field-amount-yearly = Belopp ni söker per år, i kronor
grants-field-years = Antal år
grants-field-costs = Årets lokalkostnader, i kronor
grants-field-costs-hint = Hyra, el, värme och försäkring för lokalen. Bifoga hyresavtal eller hyresavier.
grants-field-income = Årets hyresintäkter, i kronor
grants-field-members = Antal medlemmar
grants-field-project-starts = Projektet börjar
grants-field-project-ends = Projektet slutar
grants-field-democracy = Vi intygar att föreningen följer kommunens demokrativillkor
grants-field-democracy-hint = Föreningen är demokratiskt uppbyggd, öppen för alla och respekterar alla människors lika värde.
grants-field-co-signer = E-post till en andra styrelseledamot som ska skriva under
grants-field-co-signer-hint = Lämna tomt om ingen mer ska skriva under. Personen behöver vara företrädare för föreningen i Överens.
grants-save = Spara
grants-submit-heading = Skicka in
grants-submit-intro = När ansökan är inskickad får den ett diarienummer och du får ett kvitto med e-post. Du kan ändra den fram till sista ansökningsdagen.
grants-submit = Skicka in ansökan
grants-co-sign-heading = Skriv under ansökan
grants-co-sign-intro = Som andra styrelseledamot intygar du att uppgifterna stämmer. Först då räknas ansökan som inskickad.
grants-co-sign = Skriv under
grants-problems-heading = Det här saknas innan ansökan kan skickas in
grants-missing-purpose = Skriv vad ni söker pengar till.
grants-missing-amount = Skriv hur mycket ni söker.
grants-missing-attendance = Föreningen har ingen närvaro som räknas under perioden. Läs in närvaron först.
grants-missing-field = Fyll i { $field }.
grants-missing-field-costs = lokalkostnaderna
grants-missing-field-members = antalet medlemmar
grants-missing-field-starts_on = när projektet börjar
grants-missing-field-ends_on = när projektet slutar
grants-missing-project-late = Ett projekt ska sökas senast { $date } för att hinna handläggas före start.
grants-missing-members = Föreningen har { $members } medlemmar; bidraget kräver minst { $min }.
grants-missing-recent-start = Föreningen fick startbidrag { $year } och kan inte få det igen så snart.
grants-missing-attachment = Bifoga { $what }.
grants-err-number = Skriv ett heltal med siffror.
grants-err-project-order = Projektet kan inte sluta innan det börjar.
grants-err-years = Välj mellan 1 och { $n } år.
grants-err-co-signer-self = Den som skriver under ska vara en annan än du.
grants-err-completion-past = Välj ett datum efter i dag.
grants-err-reason-required = Skriv skälen. Ett avslag eller ett lägre belopp än det sökta ska alltid motiveras.
grants-err-over-budget = Beslutet ryms inte i periodens budget: { $left } finns kvar.
grants-err-prefix = Använd högst 20 bokstäver, siffror, mellanslag, bindestreck eller punkter.
grants-refused-not-allowed = Du kan inte göra det här steget i ärendet.
grants-refused-status = Ärendet har ändrats under tiden; det här steget går inte längre. Sidan visar läget nu.
grants-refused-deadline = Tiden för att ändra ansökan har gått ut.
grants-refused-decided = Ärendet är redan beslutat av någon annan. Sidan visar beslutet.
grants-done-saved = Ansökan är sparad.
grants-done-submitted = Ansökan är inskickad. Ett kvitto med diarienumret kommer med e-post.
grants-done-co-signed = Du har skrivit under ansökan. Den är nu inskickad.
grants-done-attached = Filen är bifogad.
grants-done-taken = Du handlägger nu ärendet.
grants-done-note = Anteckningen är sparad.
grants-done-scored = Bedömningen är sparad.
grants-done-completion = Begäran om komplettering är skickad till föreningen.
grants-done-proposed = Förslaget till beslut är sparat.
grants-done-decided = Beslutet är fattat och föreningen får beslutsbrevet med e-post.
grants-completion-heading = Komplettering begärd
grants-completion-until = Komplettera senast
grants-decision-heading = Beslut
grants-decision-reason = Skäl
grants-outcome-granted = Beviljat
grants-outcome-reduced = Beviljat med lägre belopp än det sökta
grants-outcome-rejected = Avslag
grants-appeal = Beslutet fattades { $date }. Den som är medlem i kommunen kan överklaga det genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet skickas skriftligt till förvaltningsrätten och ska ha kommit in inom tre veckor från den dag då { $municipality } på sin anslagstavla tillkännagav att protokollet med beslutet har justerats.
grants-years-caption = Bidragets år, redovisningar och utbetalningar
grants-report-none = Ingen redovisning krävs
grants-report-due-on = Redovisas senast { $date }
grants-report-submitted = Inlämnad, väntar på granskning
grants-paid-not-yet = Inte utbetalt än
grants-paid-recovery = Återkrav
grants-budget-use = Periodens budget: { $decided } beslutat av { $budget }; { $left } kvar.
grants-proposal = Handläggarens förslag: { $amount }. { $note }
grants-back-mine = Till mina ansökningar
grants-back-queue = Till periodens ärenden
grants-back-queues = Till handläggningen
grants-take-heading = Handlägg ärendet
grants-take = Ta ärendet
grants-note-heading = Intern anteckning
grants-note-intro = Syns bara för kommunens handläggare, aldrig för föreningen.
grants-field-note = Anteckning
grants-field-note-hint = Till exempel vad du har kontrollerat eller vem du har pratat med.
grants-note-save = Spara anteckningen
grants-notes-heading = Interna anteckningar
grants-score-heading = Bedömning mot bedömningsgrunderna
grants-score-none = Inte bedömd
grants-score-save = Spara bedömningen
grants-completion-form-heading = Be om komplettering
grants-completion-form-intro = Föreningen får ditt meddelande med e-post och kan ändra ansökan fram till datumet du väljer.
grants-field-completion-message = Vad som behöver kompletteras
grants-field-completion-deadline = Komplettera senast
grants-completion-send = Skicka begäran
grants-propose-heading = Föreslå beslut
grants-field-proposed = Föreslaget belopp i kronor
grants-field-proposed-hint = 0 för avslag.
grants-field-proposal-note = Motivering till beslutsfattaren
grants-field-proposal-note-hint = Vid avslag eller lägre belopp: skälen, som beslutsfattaren kan använda i beslutet.
grants-propose = Spara förslaget
grants-decide-heading = Fatta beslut
grants-decide-intro = Du fattar beslutet på delegation. Föreningen får beslutet med skälen och hur det kan överklagas.
grants-field-decided = Beviljat belopp i kronor
grants-field-decided-hint = Sökt: { $applied }. 0 betyder avslag.
grants-field-reason = Skäl för beslutet
grants-field-reason-hint = Krävs vid avslag och när beloppet är lägre än det sökta. Skriv så att föreningen förstår beslutet.
grants-decide = Fatta beslutet
grants-mine-title = Mina ansökningar
grants-mine-intro = Här finns ansökningarna från de föreningar du företräder, vilket läge de är i och vad som väntas av er.
grants-mine-caption = Föreningarnas ansökningar
grants-mine-empty = Föreningarna har inga ansökningar ännu.
grants-mine-none-represented = Du företräder ingen förening här. Be om att få företräda din förening från dess sida i föreningsregistret.
grants-mine-directory = Till föreningsregistret
grants-mine-open-heading = Går att söka nu
grants-mine-open-none = Inget bidrag går att söka just nu.
grants-apply-title = Ansök om { $programme }
grants-apply-intro = Välj vilken förening som söker. Ansökan sparas som utkast tills du skickar in den.
grants-apply-begin = Börja en ansökan för
grants-apply-existing = har redan en ansökan i perioden – öppna den
grants-apply-not-open = Det går inte att söka i den här perioden nu.
grants-queues-title = Handläggning av bidrag
grants-queues-intro = Alla perioder med inskickade ansökningar och hur många som väntar på handläggning eller beslut.
grants-queues-caption = Perioder och deras ärenden
grants-payouts-link = Utbetalningar
grants-deciders-link = Vem som beslutar och diarienummer
grants-queue-title = Ärenden – { $period }
grants-queue-all = Alla inskickade
grants-queue-filter = Visa ärenden som är
grants-queue-show = Visa
grants-queue-caption = Periodens ärenden i den ordning de kom in
grants-queue-empty = Inga ärenden att visa.
grants-queue-showing = Visar { $from }–{ $to } av { $total } ärenden.
grants-queue-pages = Sidor
grants-queue-previous = Föregående sida
grants-queue-next = Nästa sida
grants-budget-decided = Beslutat
grants-budget-proposed = Föreslaget, inte beslutat
grants-budget-left = Kvar att besluta om
grants-budget-over = Beslutat och föreslaget tillsammans är mer än budgeten.
grants-deciders-title = Beslutsfattare och diarienummer
grants-deciders-intro = Handläggare föreslår beslut; bara personer med beslutsrätt (enligt nämndens delegationsordning) kan fatta dem.
grants-deciders-none = Ingen har beslutsrätt ännu.
grants-deciders-caption = Personer med beslutsrätt
grants-deciders-remove = Ta bort beslutsrätten för
grants-deciders-add-heading = Ge beslutsrätt
grants-deciders-field-user = Person bland kommunens handläggare
grants-deciders-add = Ge beslutsrätt
grants-deciders-saved = Ändringen är sparad.
grants-prefix-heading = Diarienummer
grants-prefix-field = Förled
grants-prefix-hint = Nämndens förkortning, till exempel KFN. Diarienumren blir då som KFN 2027/0042.
grants-prefix-save = Spara förledet
grants-mail-receipt-subject = Vi har tagit emot er ansökan { $case }
grants-mail-receipt-body =
    Hej!

    { $municipality } har tagit emot ansökan från { $association } om { $programme }.
    Diarienummer: { $case }
    Sökt belopp: { $amount }

    Ni kan ändra ansökan fram till sista ansökningsdagen { $date }. Ni får e-post när ansökan har handlagts.
    Ansökan: { $url }
grants-mail-co-sign-subject = Skriv under ansökan från { $association }
grants-mail-co-sign-body =
    Hej!

    { $association } har skickat en ansökan om { $programme } till { $municipality }. Den räknas först när en andra styrelseledamot har skrivit under.

    Logga in och skriv under här: { $url }
grants-mail-completion-subject = Komplettera ansökan { $case }
grants-mail-completion-body =
    Hej!

    Handläggaren hos { $municipality } behöver mer för att kunna handlägga ansökan från { $association } om { $programme }:

    { $text }

    Komplettera senast { $date } här: { $url }
grants-mail-granted-subject = Beslut om { $programme }: beviljat ({ $case })
grants-mail-granted-body =
    Hej!

    { $municipality } har beviljat { $association } { $amount } i { $programme }.
    Diarienummer: { $case }

    Beslutet fattades { $date }. Den som är medlem i kommunen kan överklaga det genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet skickas skriftligt till förvaltningsrätten och ska ha kommit in inom tre veckor från den dag då kommunen på sin anslagstavla tillkännagav att protokollet med beslutet har justerats.

    Beslutet: { $url }
grants-mail-reduced-subject = Beslut om { $programme }: lägre belopp ({ $case })
grants-mail-reduced-body =
    Hej!

    { $municipality } har beviljat { $association } { $amount } i { $programme }, mindre än det sökta.
    Diarienummer: { $case }

    Skäl: { $text }

    Beslutet fattades { $date }. Den som är medlem i kommunen kan överklaga det genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet skickas skriftligt till förvaltningsrätten och ska ha kommit in inom tre veckor från den dag då kommunen på sin anslagstavla tillkännagav att protokollet med beslutet har justerats.

    Beslutet: { $url }
grants-mail-rejected-subject = Beslut om { $programme }: avslag ({ $case })
grants-mail-rejected-body =
    Hej!

    { $municipality } har avslagit ansökan från { $association } om { $programme }.
    Diarienummer: { $case }

    Skäl: { $text }

    Beslutet fattades { $date }. Den som är medlem i kommunen kan överklaga det genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet skickas skriftligt till förvaltningsrätten och ska ha kommit in inom tre veckor från den dag då kommunen på sin anslagstavla tillkännagav att protokollet med beslutet har justerats.

    Har ni frågor om beslutet är ni välkomna att höra av er till kommunen.
    Beslutet: { $url }
grants-choose = Välj
## Payouts, public decisions, reports (h-payouts)

grants-pay-title = Utbetalningar
grants-pay-intro = Beviljade bidrag som får betalas ut och ännu inte är betalda, i listor efter dagen de blev möjliga att betala: beslutsdagen för första året, dagen då föregående års redovisning godkändes för senare år. Ladda ner en lista till ekonomisystemet och markera den som betald när pengarna har gått iväg.
grants-pay-none = Det finns inget att betala ut just nu.
grants-pay-done = { $n ->
    [one] En utbetalning är markerad som betald. Föreningen får ett brev om den.
   *[other] { $n } utbetalningar är markerade som betalda. Föreningarna får ett brev om dem.
}
grants-pay-list-heading = Utbetalningslista
grants-pay-list-summary = { $n } att betala, totalt { $total }.
grants-pay-flagged-note = Rader som saknar ett giltigt bankgiro eller plusgiro visas men kommer inte med i filerna och markeras inte som betalda förrän kontot är rättat i föreningsregistret.
grants-pay-caption = Utbetalningar som kan betalas från
grants-pay-col-association = Förening
grants-pay-col-org-number = Organisationsnummer
grants-pay-col-account = Bankgiro eller plusgiro
grants-pay-col-amount = Belopp
grants-pay-col-reference = Referens
grants-pay-col-decision = Beslut
grants-pay-not-exportable = Kan inte betalas ut:
grants-pay-account-missing = föreningen har inget bankgiro eller plusgiro.
grants-pay-account-invalid = numret på bankgiro eller plusgiro är inte giltigt.
grants-pay-fix = Rätta i föreningsregistret
grants-pay-nothing-exportable = Ingen rad i listan kan betalas ut än.
grants-pay-download = Ladda ner till ekonomisystemet:
grants-pay-csv = CSV-fil
grants-pay-xlsx = Excel-fil (XLSX)
grants-pay-mark-paid = Markera listan som betald
grants-dec-title = Beslut om bidrag { $year }
grants-dec-intro = Kommunens beslut om bidrag till föreningar under året. Skälen till ett beslut får den som har sökt, i sitt beslut.
grants-dec-year = År
grants-dec-show = Visa året
grants-dec-none = Det finns inga beslut det året.
grants-dec-summary = { $n } beslut, varav { $granted } beviljade, totalt { $total }.
grants-dec-col-association = Förening
grants-dec-col-programme = Bidrag
grants-dec-col-amount = Belopp
grants-dec-col-date = Beslutsdatum
grants-dec-col-outcome = Beslut
grants-dec-outcome-granted = Beviljat
grants-dec-outcome-reduced = Delvis beviljat
grants-dec-outcome-rejected = Avslag
grants-dec-amount-years = { $amount } per år i { $years } år
grants-dec-api = Besluten som JSON
grants-report-title = Redovisning år { $year }
grants-report-intro = { $association } redovisar { $programme }, år { $year } av { $years }.
grants-report-facts-caption = Året och redovisningen
grants-report-case = Ärende
grants-report-amount = Belopp för året
grants-report-due = Redovisas senast
grants-report-paid = Utbetalt
grants-report-not-paid = Inte utbetalt än
grants-report-state = Redovisningen
grants-report-sent = Skickad
grants-report-approved = Godkänd
grants-report-state-not-asked = Ingen redovisning behövs
grants-report-state-missing = Inte skickad
grants-report-state-submitted = Skickad, väntar på handläggaren
grants-report-state-returned = Handläggaren ber om mer
grants-report-state-approved = Godkänd
grants-report-overdue = Redovisningen är försenad. Nästa utbetalning görs inte förrän den är godkänd.
grants-report-recovery-started = Kommunen har begärt tillbaka bidraget för året (återkrav) { $date }: { $reason }
grants-report-payouts-stopped = Utbetalningarna av bidraget är stoppade eftersom kommunen har begärt tillbaka pengar för ett annat år.
grants-report-feedback-heading = Det här behöver redovisningen också
grants-report-text-heading = Redovisningen
grants-report-write-heading = Skriv redovisningen
grants-report-write-intro = Berätta vad föreningen har gjort med bidraget under året och hur det gick. Du kan skicka redovisningen före eller efter sista dagen, och ändra den tills den är godkänd.
grants-report-field = Redovisning
grants-report-field-hint = Högst 8 000 tecken. Skriv en tom rad mellan styckena.
grants-report-submit = Skicka redovisningen
grants-report-review-heading = Granska redovisningen
grants-report-approve = Godkänn redovisningen
grants-report-send-back = Be om mer
grants-report-message = Vad behöver föreningen lägga till?
grants-report-message-hint = Föreningen ser det du skriver här.
grants-report-recover-heading = Återkrav
grants-report-recover-intro = Kräv tillbaka bidraget för året när redovisningen inte har kommit in i tid eller inte kan godkännas. Bidragets fortsatta utbetalningar stoppas och föreningen får ett brev med skälet.
grants-report-reason = Skäl till återkravet
grants-report-reason-hint = Föreningen får skälet i brevet.
grants-report-recover = Starta återkrav
grants-report-back = Till ansökan
grants-reminder-soon = Redovisningen av år { $year } ska vara inne senast { $date }. Skriv den här: { $link }
grants-reminder-overdue = Redovisningen av år { $year } skulle ha varit inne { $date } och har inte kommit in. Nästa utbetalning görs inte förrän den är godkänd. Skriv den här: { $link }
grants-mail-paid-subject = Utbetalning av bidrag, { $case }
grants-mail-paid-body = Hej!

    { $municipality } har betalat ut { $amount } till { $association } för { $programme } ({ $date }). Betalningen har referensen { $text } och kommer till föreningens bankgiro eller plusgiro inom några bankdagar.

    Ansökan: { $url }
grants-mail-reminder-subject = Påminnelse om redovisning, { $case }
grants-mail-reminder-body = Hej!

    { $text }

    Det gäller { $programme } till { $association }.

    Ansökan: { $url }

    { $municipality }
grants-mail-recovery-subject = Återkrav av bidrag, { $case }
grants-mail-recovery-body = Hej!

    { $municipality } kräver tillbaka { $amount } av { $programme } till { $association }. Redovisningen skulle ha varit inne { $date }.

    Skäl: { $text }

    Bidragets fortsatta utbetalningar är stoppade. Kontakta kommunen om hur pengarna ska betalas tillbaka, eller om du vill överklaga beslutet.

    Ansökan: { $url }
grants-apply-in = Ansök för { $period }
grants-cases-in = Ärenden för { $period }
grants-decisions-link = Beslut om bidrag
grants-activity-heading = Aktivitetsstöd ur närvaron
grants-activity-intro = Räkna fram varje inskickad ansökans stöd ur föreningens närvaro under perioden enligt reglerna och föreslå beloppen. Räcker inte budgeten får alla samma andel av sitt belopp. Ärenden som inte är tagna tas av dig.
grants-activity-propose = Föreslå belopp ur närvaron
grants-activity-proposed = { $n } förslag till beslut är gjorda ur närvaron.
grants-activity-note = Räknat ur närvaron enligt reglerna: { $claim }.
grants-activity-note-shared = Räknat ur närvaron enligt reglerna: { $claim }. Periodens ansökningar är större än budgeten, så alla får samma andel av sitt belopp: { $share }.
## A period's activity support for all associations (staff)
grants-period-title = Aktivitetsstöd för alla föreningar – { $period }
grants-period-intro = Varje förening med närvaro i periodens datum: sammankomster och deltagartillfällen som räknas och beloppet efter bidragets regler. Klicka på en förening för att se varje sammankomst.
grants-period-claimed = Föreningarnas belopp enligt reglerna är sammanlagt { $claimed }. Periodens budget är { $budget }.
grants-period-within = Beloppen ryms i budgeten, så varje förening får hela sitt belopp.
grants-period-prorated = Beloppen är större än budgeten. Varje förening får därför samma andel av sitt belopp, { $share } (budgeten delad med summan av beloppen), avrundat nedåt till hela ören: sammanlagt { $paid }.
grants-period-associations-heading = Föreningar
grants-period-none = Ingen förening har närvaro i periodens datum.
grants-period-caption = Aktivitetsstöd per förening
grants-period-col-name = Förening
grants-period-col-meetings = Sammankomster som räknas
grants-period-col-participations = Deltagartillfällen
grants-period-col-amount = Belopp enligt reglerna
grants-period-col-prorated = Belopp inom budgeten
grants-period-sum = Summa
grants-period-csv = Ladda ner tabellen som CSV-fil
grants-period-totals-heading = Hela perioden
grants-period-totals-caption = Deltagartillfällen som räknas, efter kön och ålder
grants-period-link = Aktivitetsstöd för alla föreningar
grants-home-deadlines = Sista ansökningsdag
grants-home-none = Inga bidrag går att söka just nu.
grants-home-open-until = Öppen för ansökan till och med { $date }
grants-home-opens = Öppnar { $date }
grants-home-apply = Ansök
grants-home-all = Alla bidrag
