nav-registry = Föreningar
registry-title = Föreningsregister
registry-intro = Föreningar och andra organisationer i det civila samhället i { $name }. Sök på namn, verksamhet eller ord i verksamhetsidén.
registry-search-label = Sök
registry-search-hint = Till exempel ”idrott”, ”kör” eller en förenings namn.
registry-search-submit = Sök och filtrera
registry-filter-category = Kategori
registry-filter-any-category = Alla kategorier
registry-filter-more = Visa bara
registry-filter-signed = Har signerat överenskommelsen
registry-filter-premises = Har egen lokal
registry-filter-accessibility = Tillgänglighet i lokalen
registry-results-heading = Resultat
registry-found = { $n ->
    [0] Inga organisationer hittades.
    [one] 1 organisation hittades.
   *[other] { $n } organisationer hittades.
}
registry-past-last-page = Sidan finns inte. Gå till en av sidorna nedan.
registry-pagination = Sidor
registry-page = Sida
registry-tag-signed = Har signerat
registry-tag-premises = Egen lokal
registry-download-json = Samma lista som JSON
registry-action-new = Lägg till en organisation
registry-action-import = Importera från CSV
registry-action-export-csv = Exportera till CSV
registry-action-export-xlsx = Exportera till Excel (XLSX)
registry-action-stale = Organisationer som inte bekräftat sina uppgifter
registry-action-requests = Ansökningar om att företräda en organisation
registry-action-edit = Ändra uppgifterna
registry-action-contacts = Kontaktpersoner
registry-action-premises = Lokaler
registry-action-join = Företräder du organisationen? Ansök om att bli företrädare
registry-back-to-directory = Tillbaka till föreningsregistret
registry-back-to-profile = Tillbaka till organisationen
registry-profile-signed = Organisationen har signerat överenskommelsen.
registry-profile-not-signed = Organisationen har inte signerat överenskommelsen.
registry-profile-facts = Uppgifter
registry-profile-last-confirmed = Senast bekräftad
registry-profile-stale = mer än tolv månader sedan
registry-profile-manage = Hantera organisationen
registry-confirm-intro = Stämmer uppgifterna? Bekräfta dem en gång om året.
registry-submit-confirm = Uppgifterna stämmer
registry-contacts-heading = Kontaktpersoner
registry-contacts-none = Inga kontaktpersoner visas.
registry-premises-heading = Egna lokaler
registry-premises-none = Organisationen har inga egna lokaler i registret.
registry-premises-no-features = Inga uppgifter
registry-field-name = Namn
registry-field-orgnr = Organisationsnummer
registry-field-orgnr-hint = Tio siffror, till exempel 802002-4280.
registry-field-form = Organisationsform
registry-field-categories = Kategorier
registry-field-category = Kategori: { $name }
registry-field-mission = Verksamhetsidé
registry-field-mission-hint = Vad organisationen gör och för vilka, med några meningar.
registry-field-target-groups = Målgrupper
registry-field-members = Antal medlemmar
registry-field-email = E-post
registry-field-phone = Telefon
registry-field-website = Webbplats
registry-field-link = Länk
registry-field-links = Länkar till sociala medier
registry-field-links-hint = En adress per rad, högst fem.
registry-field-postal = Postadress
registry-field-visiting = Besöksadress
registry-edit-title = Ändra uppgifterna för { $name }
registry-edit-intro = Uppgifterna visas öppet i föreningsregistret.
registry-new-title = Lägg till en organisation
registry-submit-save = Spara
registry-done-saved = Uppgifterna är sparade.
registry-done-confirmed = Tack! Uppgifterna är bekräftade.
registry-done-requested = Din ansökan är skickad. En företrädare för organisationen eller samordnaren svarar.
registry-done-approved = Ansökan är godkänd. Personen är nu företrädare för organisationen.
registry-done-rejected = Ansökan är avslagen.
registry-done-reminders = { $n ->
    [0] Ingen påminnelse behövde skickas nu: de som inte har bekräftat har fått en påminnelse den senaste månaden.
    [one] En påminnelse skickas nu till 1 organisation.
   *[other] Påminnelser skickas nu till { $n } organisationer.
}
registry-err-orgnr-format = Skriv organisationsnumret med tio siffror, till exempel 802002-4280.
registry-err-orgnr-checksum = Organisationsnumret stämmer inte. Kontrollera siffrorna.
registry-err-orgnr-personal = Det här ser ut som ett personnummer. Skriv organisationens nummer.
registry-giro-bankgiro = Bankgiro
registry-giro-plusgiro = Plusgiro
registry-err-giro-format = Skriv numret med siffror: bankgiro har 7 eller 8 siffror, plusgiro 2 till 8.
registry-err-giro-checksum = Numret stämmer inte. Kontrollera siffrorna.
registry-err-giro-kind = Välj bankgiro eller plusgiro.
registry-giro-none = Inget konto
registry-giro-missing = Inget konto angivet
registry-field-giro-kind = Konto för utbetalning
registry-field-giro-number = Bankgiro- eller plusgironummer
registry-field-giro-number-hint = Till exempel 5381-7425. Numret visas bara för organisationens företrädare och kommunens handläggare.
registry-field-board = Antal ledamöter i styrelsen
registry-field-board-hint = Ordinarie ledamöter, högst { $n }.
registry-field-annual-meeting = Senaste årsmöte
registry-field-annual-meeting-hint = Dagen då organisationen senast höll årsmöte.
registry-err-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.
registry-err-date-future = Datumet kan inte vara senare än i dag.
registry-statutes-heading = Stadgar
registry-statutes-on-file = Uppladdade stadgar:
registry-statutes-none = Inga stadgar är uppladdade.
registry-statutes-field = Fil med stadgarna
registry-statutes-hint = En PDF eller ett Word- eller OpenDocument-dokument, högst 10 MB. Nya stadgar ersätter de gamla. Bara organisationens företrädare och kommunens handläggare kan öppna filen.
registry-submit-statutes = Ladda upp stadgarna
registry-statutes-missing = Välj en fil.
registry-statutes-too-large = Filen är för stor. Den får vara högst 10 MB.
registry-statutes-type = Filen måste vara en PDF eller ett Word- eller OpenDocument-dokument.
registry-done-statutes = Stadgarna är sparade.
registry-err-orgnr-taken = En annan organisation i kommunen har redan det organisationsnumret.
registry-err-phone = Skriv ett telefonnummer med siffror, till exempel 0224-123 45.
registry-err-url = Skriv en webbadress, till exempel www.exempel.se.
registry-err-links = Högst { $n } länkar.
registry-err-count = Skriv ett heltal mellan 0 och { $n }.
registry-err-consent = Kontaktpersonen måste ha godkänt att finnas i registret.
registry-err-already-requested = Du har redan en ansökan som väntar på svar.
registry-contacts-title = Kontaktpersoner för { $name }
registry-contacts-intro = Kontaktpersoner som inte valt att visas öppet syns bara för organisationens företrädare och samordnaren.
registry-contact-name = Namn
registry-contact-role = Roll, till exempel ordförande
registry-contact-public = Visa personen öppet i registret
registry-contact-public-hint = Annars syns personen bara för företrädare och samordnaren.
registry-contact-consent = Personen har godkänt att uppgifterna sparas i registret
registry-contact-is-public = visas öppet
registry-contact-not-public = visas inte öppet
registry-contact-consent-on = samtycke { $name }
registry-submit-add-contact = Lägg till kontaktperson
registry-remove = Ta bort
registry-premises-title = Lokaler för { $name }
registry-premises-intro = Beskriv lokalen och dess tillgänglighet, så kan andra hitta den.
registry-premises-name = Lokalens namn
registry-premises-address = Adress
registry-premises-capacity = Antal platser
registry-premises-equipment = Utrustning
registry-premises-equipment-hint = Till exempel kök, projektor, scen.
registry-submit-add-premises = Lägg till lokal
registry-join-title = Bli företrädare för { $name }
registry-join-intro = En företrädare kan ändra organisationens uppgifter och signera överenskommelsen. En nuvarande företrädare eller samordnaren godkänner din ansökan.
registry-join-message = Meddelande
registry-join-message-hint = Till exempel vilken roll du har i organisationen.
registry-submit-join = Skicka ansökan
registry-requests-title = Ansökningar om att bli företrädare
registry-requests-none = Inga ansökningar väntar.
registry-approve = Godkänn
registry-reject = Avslå
registry-stale-title = Uppgifter som inte bekräftats på tolv månader
registry-stale-intro = { $n ->
    [0] Alla organisationer har bekräftat sina uppgifter det senaste året.
    [one] 1 organisation har inte bekräftat sina uppgifter på tolv månader.
   *[other] { $n } organisationer har inte bekräftat sina uppgifter på tolv månader.
}
registry-stale-caption = Organisationer, äldst bekräftade först
registry-stale-never = aldrig (registrerad { $name })
registry-stale-reminded = Senast påmind
registry-stale-remind-intro = Företrädarna får en påminnelse per e-post, högst en gång i månaden.
registry-submit-remind = Skicka påminnelser nu
registry-reminder-subject = Stämmer uppgifterna om { $name }?
registry-reminder-body = Hej!

    Det har gått mer än ett år sedan uppgifterna om { $name } i föreningsregistret bekräftades. Titta på dem och tryck på ”Uppgifterna stämmer”, eller ändra det som behövs:

    { $link }

    Tack för hjälpen!
registry-import-title = Importera organisationer
registry-import-intro = Klistra in en CSV-fil med en rubrikrad. Du ser först vad som kommer att importeras och vilka rader som har fel. Inget sparas förrän du bekräftar.
registry-import-columns = Kolumner: { $name }
registry-import-field = CSV-text
registry-import-field-hint = Semikolon eller komma mellan fälten, som när du sparar som CSV i Excel.
registry-import-file-heading = Skicka en CSV-fil
registry-import-file-field = CSV-fil
registry-import-file-hint = En fil som du har sparat som CSV i Excel (UTF-8 eller Windows-tecken), högst 1 MB. Du får granska allt innan något sparas.
registry-submit-check-file = Granska filen
registry-import-paste-heading = Eller klistra in texten
registry-import-no-file = Välj en fil att skicka.
registry-submit-check-import = Granska
registry-submit-import = Importera raderna utan fel
registry-import-summary = Rader som kan importeras: { $good }. Fel som hittades: { $bad }.
registry-import-done = { $n ->
    [one] 1 organisation importerades.
   *[other] { $n } organisationer importerades.
}
registry-import-problems = Rader med fel (importeras inte)
registry-import-good = Rader som importeras
registry-import-line = Rad
registry-import-column = Kolumn
registry-import-problem = Fel
registry-import-value = Värde
registry-import-empty = Filen har inga rader att importera.
registry-import-no-header = Första raden måste vara rubriker med minst Namn och Organisationsnummer.
registry-import-too-many = Högst { $n } rader åt gången.
registry-import-dup-file = Organisationsnumret finns redan på rad { $n }.
registry-import-dup-registry = Organisationsnumret finns redan i registret.
registry-import-bad-form = Okänd organisationsform.
registry-import-bad-category = Okänd kategori.
registry-col-orgnr = Organisationsnummer
registry-col-name = Namn
registry-col-form = Organisationsform
registry-col-categories = Kategorier
registry-col-mission = Verksamhetsidé
registry-col-email = E-post
registry-col-phone = Telefon
registry-col-website = Webbplats
registry-col-postal = Postadress
registry-col-visiting = Besöksadress
registry-col-members = Medlemmar
registry-col-target-groups = Målgrupper
registry-col-giro = Konto för utbetalning
registry-col-board = Styrelseledamöter
registry-col-annual-meeting = Senaste årsmöte
registry-col-statutes = Stadgar
registry-form-ideell-forening = Ideell förening
registry-form-stiftelse = Stiftelse
registry-form-trossamfund = Registrerat trossamfund
registry-form-ekonomisk-forening = Ekonomisk förening
registry-form-kommunalt-bolag = Kommunalt bolag
registry-form-annan = Annan form
registry-cat-idrott = Idrott
registry-cat-kultur = Kultur
registry-cat-social = Social verksamhet
registry-cat-fritid = Fritid och friluftsliv
registry-cat-utbildning = Utbildning och studier
registry-cat-miljo = Miljö och natur
registry-cat-trossamfund = Trossamfund
registry-cat-intresse = Intresseförening
registry-cat-pensionarer = Pensionärer
registry-cat-barn-unga = Barn och unga
registry-join-mail-subject = Ny ansökan om att företräda { $name }
registry-join-mail-body = Hej!

    { $person } vill bli företrädare för { $name } i föreningsregistret. Godkänn eller avslå ansökan här:

    { $link }
registry-decided-mail-subject = Svar på din ansökan om att företräda { $name }
registry-approved-mail-body = Hej!

    Din ansökan är godkänd. Du är nu företrädare för { $name } och kan ändra organisationens uppgifter:

    { $link }
registry-rejected-mail-body = Hej!

    Din ansökan om att företräda { $name } är avslagen. Hör av dig till organisationen eller kommunens samordnare om du har frågor.

    { $link }
registry-unverified = Personen har inte bekräftat sin e-postadress ännu och kan inte godkännas som företrädare.
registry-tally = { $n ->
    [one] { $n } förening
   *[other] { $n } föreningar
}
