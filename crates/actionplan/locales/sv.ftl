nav-actionplan = Handlingsplan
actionplan-title = Handlingsplan
actionplan-intro = Här ser du vad kommunen och civilsamhället har lovat att göra för varje princip, vem som ansvarar, när det ska ske och hur långt arbetet har kommit.
actionplan-none = Det finns ingen handlingsplan här ännu.
actionplan-period = Gäller
actionplan-adopted = Antagen av
actionplan-action-groups = Arbetsgrupper
actionplan-action-mine = Mina aktiviteter
actionplan-action-overdue = Försenade aktiviteter
actionplan-action-import = Importera planen från en tabell
actionplan-action-settings = Planens namn, period och beslut
actionplan-action-edit = Ändra datum och ansvar
actionplan-filter-heading = Visa bara vissa aktiviteter
actionplan-filter-owner = Vem målet gäller
actionplan-filter-any-owner = Alla
actionplan-filter-status = Status
actionplan-filter-any-status = Alla
actionplan-filter-responsible = Ansvarig
actionplan-filter-responsible-hint = En del av namnet, till exempel ”Kultur”.
actionplan-filter-submit = Visa
actionplan-filter-clear = Visa alla
actionplan-filter-found = { $n ->
    [0] Inga aktiviteter passar.
    [one] 1 aktivitet passar.
   *[other] { $n } aktiviteter passar.
}
actionplan-owner-municipality = Kommunen ska:
actionplan-owner-civil-society = Civilsamhället ska:
actionplan-owner-both = Kommunen och civilsamhället ska:
actionplan-owner-unstated = Mål:
actionplan-status-not-started = Inte påbörjad
actionplan-status-ongoing = Pågår
actionplan-status-done = Klar
actionplan-status-paused = Pausad eller försenad
actionplan-overdue = försenad
actionplan-progress-heading = Hur långt arbetet har kommit
actionplan-progress-summary = { $done } av { $total } aktiviteter är klara ({ $percent } procent).
actionplan-activities-heading = Aktiviteter
actionplan-activities-caption = Aktiviteter för målet
actionplan-no-activities = Inga aktiviteter.
actionplan-col-area = Område
actionplan-col-goal = Mål
actionplan-col-owner = Vem målet gäller
actionplan-col-activity = Aktivitet
actionplan-col-time = Tid
actionplan-col-responsible = Ansvar
actionplan-col-follow-up = Uppföljning
actionplan-col-status = Status
actionplan-col-group = Arbetsgrupp
actionplan-col-members = Medlemmar
actionplan-download-heading = Ladda ner planen
actionplan-download-csv = Som CSV (för Excel)
actionplan-download-xlsx = Som Excel-fil (XLSX)
actionplan-download-print = Som utskrift
actionplan-download-json = Som JSON
actionplan-back-to-plan = Tillbaka till handlingsplanen
actionplan-back-to-groups = Tillbaka till arbetsgrupperna
actionplan-to-goal = Till målet
actionplan-history-heading = Vad som hänt
actionplan-history-none = Ingen har rapporterat något ännu.
actionplan-progress-form-heading = Rapportera hur det går
actionplan-login-to-report = Logga in för att rapportera hur det går
actionplan-field-status = Status efter det här
actionplan-field-note = Vad har hänt?
actionplan-field-note-hint = Skriv kort vad som är gjort och vad som är kvar.
actionplan-field-noted-on = Datum
actionplan-submit-progress = Spara rapporten
actionplan-done-progress = Tack! Din rapport är sparad.
actionplan-done-activity = Aktiviteten är sparad.
actionplan-done-settings = Planens uppgifter är sparade.
actionplan-edit-title = Ändra aktivitet
actionplan-choose-none = Ingen
actionplan-field-time-text = Tid som den är skriven
actionplan-field-time-text-hint = Till exempel ”Höst -19” eller ”Årligen eller vid behov”.
actionplan-field-time-start = Från datum
actionplan-field-time-end = Till datum
actionplan-field-responsible-text = Ansvar som det är skrivet
actionplan-field-department = Ansvarig förvaltning
actionplan-field-user = Ansvarig person
actionplan-field-user-hint = Personen kan rapportera och får en påminnelse före uppföljningen.
actionplan-field-organisation = Ansvarig organisation
actionplan-field-follow-up-text = Uppföljning som den är skriven
actionplan-field-follow-up-on = Datum för uppföljning
actionplan-field-follow-up-on-hint = De ansvariga får en påminnelse med e-post { $n } dagar före.
actionplan-submit-activity = Spara aktiviteten
actionplan-settings-title = Planens namn, period och beslut
actionplan-field-title = Namn på planen
actionplan-field-period-start = Gäller från år
actionplan-field-period-end = Gäller till år
actionplan-field-adopted-by = Antagen av
actionplan-field-adopted-by-hint = Till exempel ”Kommunstyrelsen” eller ”Samverkansrådet”.
actionplan-field-adopted-on = Datum för beslutet
actionplan-submit-settings = Spara
actionplan-mine-title = Mina aktiviteter
actionplan-mine-intro = Aktiviteter där du, din förvaltning eller din organisation är ansvarig.
actionplan-mine-none = Du är inte ansvarig för någon aktivitet.
actionplan-mine-caption = Aktiviteter du ansvarar för
actionplan-overdue-title = Försenade aktiviteter
actionplan-overdue-intro = Aktiviteter som inte är klara fast datumet för uppföljning har passerat (i dag är det { $date }).
actionplan-overdue-none = Inga aktiviteter är försenade.
actionplan-overdue-caption = Försenade aktiviteter, äldst först
actionplan-groups-title = Arbetsgrupper
actionplan-groups-intro = I arbetsgrupperna arbetar kommunen och civilsamhället tillsammans med en princip i planen. Alla kan gå med.
actionplan-groups-none = Det finns inga arbetsgrupper ännu.
actionplan-groups-caption = Arbetsgrupper
actionplan-group-new-heading = Ny arbetsgrupp
actionplan-field-group-name = Namn
actionplan-field-convener = Sammankallande
actionplan-field-description = Vad gruppen gör
actionplan-submit-group = Skapa gruppen
actionplan-whole-plan = Hela planen
actionplan-no-convener = Ingen ännu
actionplan-members-heading = Medlemmar
actionplan-join-heading = Gå med i gruppen
actionplan-join-intro = Gruppens medlemmar och samordnaren ser ditt namn och din e-postadress. Du kan gå ur när du vill.
actionplan-field-consent = Jag går med på att gruppens medlemmar och samordnaren ser mitt namn och min e-postadress
actionplan-submit-join = Gå med
actionplan-submit-leave = Gå ur gruppen
actionplan-login-to-join = Logga in för att gå med i gruppen
actionplan-done-joined = Du är med i gruppen.
actionplan-done-left = Du har gått ur gruppen.
actionplan-import-title = Importera handlingsplanen
actionplan-import-intro = Klistra in tabellen med kolumnerna Område, Mål, Aktiviteter, Tid, Ansvar och Uppföljning, eller välj en fil (Excel, CSV eller text med tabbar). Du ser först vad som kommer att skapas och vilka rader som inte gick att läsa. Inget sparas förrän du bekräftar.
actionplan-import-again = Att importera samma tabell igen ändrar ingenting.
actionplan-import-field = Tabellen
actionplan-import-field-hint = Kopiera tabellen från Word eller Excel och klistra in den här.
actionplan-import-file-heading = Välj en fil
actionplan-import-file-field = Fil
actionplan-import-file-hint = Excel (XLSX), CSV eller text med tabbar, högst 1 MB.
actionplan-import-paste-heading = Eller klistra in tabellen
actionplan-import-no-file = Välj en fil.
actionplan-import-bad-file = Filen gick inte att läsa. Spara den som XLSX eller CSV och försök igen.
actionplan-import-too-large = Kalkylbladet är för stort: det har fler celler än en handlingsplan, eller celler långt från varandra (till exempel i A1 och XFD1048576). Ta bort det som inte hör till planen och försök igen.
actionplan-submit-check = Visa vad som skapas
actionplan-submit-check-file = Läs filen
actionplan-submit-import = Importera
actionplan-import-summary = Nya områden: { $areas }. Nya mål: { $goals }. Nya aktiviteter: { $activities }. Ändrade rader: { $changed }. Rader som inte gick att läsa: { $problems }.
actionplan-import-done = Importen är klar: { $goals } nya mål, { $activities } nya aktiviteter och { $changed } ändrade rader.
actionplan-import-problems = Rader som inte gick att läsa
actionplan-import-creates = Det här skapas eller ändras
actionplan-import-line = Rad
actionplan-import-problem = Problem
actionplan-import-text = Text
actionplan-import-what = Vad
actionplan-new-area = Nytt område
actionplan-renamed-area = Nytt namn på område
actionplan-new-goal = Nytt mål
actionplan-new-activity = Ny aktivitet
actionplan-changed-activity = Ändrad tid, ansvar eller uppföljning
actionplan-printed = Utskriven { $date }.
actionplan-print-hint = Skriv ut sidan med webbläsarens utskriftsfunktion.
actionplan-err-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-23.
actionplan-err-date-order = Slutet kan inte vara före början.
actionplan-err-future = Datumet kan inte vara i framtiden.
actionplan-err-choose = Välj ett av alternativen.
actionplan-err-consent = Kryssa i rutan för att gå med.
actionplan-reminder-subject = Påminnelse: uppföljning av en aktivitet { $date }
actionplan-reminder-body = Hej!

    Du är ansvarig för en aktivitet i handlingsplanen som ska följas upp { $date }:

    { $activity }

    Uppföljning: { $how }

    Rapportera gärna hur det går före dess:
    { $link }

    Det här meddelandet skickades automatiskt av Överens.

actionplan-table-unknown-layout = Raden liknar inte tabellens sex kolumner (Område, Mål, Aktiviteter, Tid, Ansvar, Uppföljning).
actionplan-table-no-area = Raden saknar område och följer inte på en rad den kan fortsätta.
actionplan-table-unknown-area = Området ska skrivas som ”Nr 1 Självständighet”.
actionplan-table-area-conflict = Områdets nummer används redan för ett område med ett annat namn.
actionplan-table-no-goal = Raden har aktiviteter men inget mål.
actionplan-activity-unnamed = Aktivitet utan beskrivning
actionplan-import-unnamed-activity = Aktivitet utan beskrivning: cellen Aktiviteter är tom (ansvar: { $responsible }, uppföljning: { $follow_up }). Den visas som ”Aktivitet utan beskrivning” tills någon skriver vad som ska göras.
actionplan-move-up = Flytta upp
actionplan-move-down = Flytta ned
actionplan-action-new-goal = Nytt mål
actionplan-action-new-activity = Ny aktivitet
actionplan-action-edit-goal = Ändra målet
actionplan-action-remove-goal = Ta bort målet
actionplan-action-remove-activity = Ta bort aktiviteten
actionplan-new-goal-title = Nytt mål
actionplan-edit-goal-title = Ändra målet
actionplan-submit-goal = Spara målet
actionplan-remove-goal-title = Ta bort målet
actionplan-remove-goal-intro = { $n ->
    [0] Målet har inga aktiviteter.
    [one] Målets aktivitet tas bort med det, och dess rapporter.
   *[other] Målets { $n } aktiviteter tas bort med det, och deras rapporter.
}
actionplan-submit-remove-goal = Ta bort målet
actionplan-new-activity-title = Ny aktivitet
actionplan-submit-new-activity = Lägg till aktiviteten
actionplan-remove-activity-title = Ta bort aktiviteten
actionplan-remove-activity-intro = Aktiviteten tas bort med sina rapporter. Det går inte att ångra.
actionplan-submit-remove-activity = Ta bort aktiviteten
actionplan-field-intro = Inledning
actionplan-field-intro-hint = Vad planen är till för och hur den följs upp. Visas överst i planen. Tom rad mellan styckena.
actionplan-field-goal-hint = Välj ett annat mål för att flytta aktiviteten dit.
actionplan-done-goal = Målet är sparat.
actionplan-done-moved = Ordningen är ändrad.
actionplan-done-goal-removed = Målet är borttaget.
actionplan-done-activity-removed = Aktiviteten är borttagen.
actionplan-no-single-goal = Inget enskilt mål
actionplan-field-group-goal = Mål
actionplan-field-group-goal-hint = Välj ett mål om gruppen bildas kring ett enda mål. Gruppen hör då till målets område.

actionplan-group-meetings = Gruppens möten
actionplan-group-documents = Gruppens dokument

## Områdenas principer
actionplan-area-principles = Principer i överenskommelsen
actionplan-area-principles-edit = Välj områdets principer
actionplan-principles-title = Principer för { $area }
actionplan-principles-intro = Kryssa i de principer i överenskommelsen som området arbetar med.
actionplan-principles-none-in-force = Kommunen har ingen antagen överenskommelse med principer att välja.
actionplan-principles-save = Spara principerna
actionplan-principles-saved = Områdets principer är sparade.
actionplan-principles-back = Tillbaka till handlingsplanen
actionplan-principle-areas = Handlingsplanens områden som arbetar med principen:
actionplan-principle-no-areas = Inget område i handlingsplanen är kopplat till principen ännu.
actionplan-principle-in-agreement = Principen i överenskommelsen

## Plan periods
actionplan-action-new-period = Starta en ny period
actionplan-new-period-title = Starta en ny period
actionplan-new-period-intro = Den nya perioden blir den gällande planen. Alla områden följer med, och alla aktiviteter som inte är klara följer med till den nya perioden med sina mål, sin status och sin historik. Klara aktiviteter stannar i den tidigare perioden, som går att läsa men inte ändra.
actionplan-submit-new-period = Starta perioden
actionplan-done-new-period = Den nya perioden är startad. Aktiviteter som inte var klara har följt med.
actionplan-earlier-periods = Tidigare perioder
actionplan-period-earlier = Det här är en tidigare period av handlingsplanen. Den går att läsa men inte ändra.
actionplan-period-to-current = Till den gällande handlingsplanen
actionplan-home-progress = Handlingsplanen
actionplan-home-empty = Handlingsplanen har inga aktiviteter ännu.
actionplan-home-per-principle = Aktiviteter per princip
actionplan-home-per-area = Aktiviteter per område
actionplan-home-plan = Hela handlingsplanen
actionplan-home-principle = Princip
actionplan-home-area = Område
