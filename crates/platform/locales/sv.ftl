site-name = Överens
site-description = Kommunens och civilsamhällets gemensamma plats för den lokala överenskommelsen om samverkan.
skip-to-content = Hoppa till innehållet
nav-home = Start
nav-login = Logga in
nav-logout = Logga ut
nav-register = Skapa konto
nav-account = Mitt konto
nav-admin = Administrera
nav-operator = Drift
breadcrumbs-label = Du är här
breadcrumbs-up = Tillbaka till
nav-operator-label = Drift av plattformen
nav-municipality-label = Kommunens sidor
footer-accessibility = Tillgänglighetsredogörelse
footer-privacy = Personuppgifter
footer-api = Öppna data (API)
footer-about = Överens är en öppen plattform för lokala överenskommelser mellan kommuner och civilsamhället.
form-has-errors = Något behöver rättas innan du kan gå vidare
form-optional = frivilligt
field-name = Namn
field-email = E-postadress
field-password = Lösenord
field-new-password = Nytt lösenord
field-repeat-password = Upprepa lösenordet
password-hint = Minst { $n } tecken. En mening du kommer ihåg fungerar bra.

role-operator = Driftansvarig
role-coordinator = Samordnare
role-staff = Tjänsteperson
role-representative = Föreningsrepresentant

err-required = Fyll i fältet.
err-too-long = Texten är för lång. Högst { $n } tecken.
err-too-short = För kort. Minst { $n } tecken.
err-email = Skriv en e-postadress, till exempel namn@exempel.se.
err-control-chars = Texten innehåller otillåtna tecken.
err-slug = Använd 2–40 små bokstäver a–z, siffror och bindestreck.
err-choose = Välj ett av alternativen.
err-not-found = Sidan finns inte
err-no-municipality = Kommunen finns inte på den här webbplatsen
err-forbidden = Du har inte behörighet till den här sidan
err-login-required = Du behöver logga in
err-csrf = Formuläret har gått ut. Gå tillbaka, ladda om sidan och försök igen.
err-rate-limited = För många försök. Vänta en stund och försök igen.
err-internal = Något gick fel hos oss. Försök igen om en stund.
err-too-large = Det du skickade är för stort.
err-file-too-large = Filen är för stor. Den får vara högst 1 MB.
err-link-unknown = Länken finns inte. Kontrollera att du fått med hela länken.
err-link-expired = Länken har gått ut. Be om en ny länk.
err-link-used = Länken är redan använd. Be om en ny länk om du behöver.
err-bad-language = Språket finns inte.
err-bad-form = Formuläret kunde inte läsas. Gå tillbaka och försök igen.
err-status = Felkod
err-go-home = Till startsidan

start-title = Lokala överenskommelser med civilsamhället
start-intro = Här samarbetar kommuner och föreningar kring sin lokala överenskommelse: principerna, signeringsboken, föreningsregistret, dialogmötena och handlingsplanen.
start-municipalities = Kommuner
start-none = Inga kommuner finns ännu.

home-lead = Kommunens och civilsamhällets gemensamma överenskommelse om samverkan.
home-sections = Innehåll
home-contact = Kontaktperson
home-phone = Telefon

admin-title = Administrera
admin-staff-intro = Här samlas det du som tjänsteperson ansvarar för.
departments-title = Förvaltningar och enheter
departments-name = Namn på förvaltning eller enhet
departments-add = Lägg till förvaltning eller enhet
departments-none = Inga förvaltningar eller enheter finns ännu.
departments-exists = Det finns redan en förvaltning eller enhet med det namnet.
departments-added = { $name } är tillagd.
people-title = Personer och roller
people-caption = Personer med roll i kommunen
people-role = Roll
people-unit = Förvaltning eller förening
people-department = Förvaltning eller enhet
people-no-department = Ingen
people-grant = Ge en person en roll
people-email-hint = Personen behöver först skapa ett konto med den här adressen.
people-granted = { $name } har fått rollen.
people-no-account = Det finns inget konto med den adressen.
people-already = Personen har redan den rollen.
audit-title = Ändringslogg
audit-intro = Alla ändringar av kommunens uppgifter: vem, när och vad.
audit-caption = Senaste ändringarna
audit-when = När
audit-who = Vem
audit-what = Vad
audit-details = Uppgifter

login-title = Logga in
login-to-continue = Du behöver logga in för att fortsätta. Efter inloggningen kommer du tillbaka till sidan.
login-submit = Logga in
login-by-link = Logga in med en länk via e-post
login-forgot = Glömt lösenordet?
login-no-account = Skapa ett konto
login-wrong = Fel e-postadress eller lösenord.
login-unverified = Du behöver bekräfta din e-postadress först. Vi har skickat en ny länk.

register-title = Skapa konto
register-intro = Med ett konto kan du företräda din förening, anmäla dig till möten och följa arbetet.
register-submit = Skapa konto
register-consent = Jag godkänner att mina uppgifter sparas enligt beskrivningen om personuppgifter.
register-consent-hint = Vi sparar namn och e-postadress så länge du har kontot. Du kan ladda ner och radera dina uppgifter när du vill.
register-consent-required = Du behöver godkänna för att kunna skapa ett konto.
register-have-account = Jag har redan ett konto
register-done-title = Kolla din e-post
register-done = Vi har skickat ett meddelande till { $name }. Öppna länken i meddelandet för att bekräfta adressen.

verify-title = Bekräfta e-postadress
verify-intro = Tryck på knappen för att bekräfta din e-postadress.
verify-submit = Bekräfta

link-title = Logga in med e-postlänk
link-intro = Skriv din e-postadress så skickar vi en länk som loggar in dig. Länken gäller i 20 minuter och kan användas en gång.
link-submit = Skicka länk
link-sent-title = Kolla din e-post
link-sent = Om det finns ett konto för { $name } har vi skickat ett meddelande med en länk.
link-login-title = Logga in
link-login-intro = Tryck på knappen för att logga in.

reset-request-title = Glömt lösenordet
reset-request-intro = Skriv din e-postadress så skickar vi en länk där du väljer ett nytt lösenord. Länken gäller i en timme.
reset-request-submit = Skicka länk
reset-title = Välj nytt lösenord
reset-intro = Skriv ditt nya lösenord två gånger.
reset-submit = Spara lösenordet
reset-mismatch = Lösenorden är inte lika.

account-title = Mitt konto
account-verified = Din e-postadress är bekräftad. Välkommen!
account-password-changed = Ditt nya lösenord är sparat.
account-roles = Roller
account-no-roles = Du har ingen roll ännu. En samordnare kan ge dig en roll, eller så ansluter du dig till en förening.
account-your-data = Dina uppgifter
account-export-intro = Du kan ladda ner allt vi har sparat om dig.
account-export = Ladda ner mina uppgifter (JSON)
account-erase-title = Radera kontot
account-erase-intro = Kontot och dina uppgifter raderas. Ändringar du gjort finns kvar, men utan ditt namn.
account-erase-confirm = Jag förstår att kontot raderas och inte kan återställas.
account-erase-confirm-required = Kryssa i rutan för att radera kontot.
account-erase-submit = Radera mitt konto
account-erased-title = Kontot är raderat
account-erased = Ditt konto och dina uppgifter är raderade.
account-language-title = Språk
account-language = Språk för sidorna och e-post
account-language-hint = E-post till dig, till exempel påminnelser, skickas på det språk du väljer. Du kan också byta språk överst på varje sida.
account-language-submit = Spara språket

mail-verify-subject = Bekräfta din e-postadress
mail-verify-body =
    Hej { $name }!

    Öppna länken för att bekräfta din e-postadress hos Överens:
    { $link }

    Länken gäller i 48 timmar. Har du inte skapat något konto kan du bortse från meddelandet.
mail-login-subject = Din inloggningslänk
mail-login-body =
    Hej { $name }!

    Öppna länken för att logga in hos Överens:
    { $link }

    Länken gäller i 20 minuter och kan användas en gång. Har du inte bett om den kan du bortse från meddelandet.
mail-reset-subject = Välj ett nytt lösenord
mail-reset-body =
    Hej { $name }!

    Öppna länken för att välja ett nytt lösenord hos Överens:
    { $link }

    Länken gäller i en timme. Har du inte bett om den kan du bortse från meddelandet.
mail-exists-subject = Du har redan ett konto
mail-exists-body =
    Hej!

    Någon försökte skapa ett konto hos Överens med din e-postadress, men du har redan ett konto.
    Har du glömt lösenordet kan du välja ett nytt här:
    { $link }

operator-title = Drift
operator-add = Lägg till kommun
operator-slug = Adress
operator-slug-hint = Små bokstäver utan å, ä, ö, till exempel orebro. Blir sidans adress: /orebro/
operator-slug-taken = Adressen används redan av en annan kommun.
operator-added = { $name } är tillagd.
operator-jobs = Jobbkö
operator-no-jobs = Kön är tom.
outbox-title = Utkorg för e-post
outbox-intro = Utan e-postserver hamnar alla meddelanden här i stället för att skickas. Personliga länkar (inloggning, återställning av lösenord, avanmälan) visas maskerade, och meddelandena tas bort efter några dagar.
outbox-empty = Inga meddelanden.
outbox-to = Till

a11y-title = Tillgänglighetsredogörelse
a11y-intro = Överens ska kunna användas av alla. Varje kommun på Överens har en egen tillgänglighetsredogörelse enligt lagen om tillgänglighet till digital offentlig service, med kända brister och ett formulär där du kan lämna synpunkter utan konto.
a11y-per-municipality = Kommunernas redogörelser
a11y-lead = Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister till oss.
a11y-body-label = Offentlig aktör
a11y-body = { $name } kommun
a11y-service-label = Tjänst
a11y-service = Överens – { $name }s lokala överenskommelse med civilsamhället (överenskommelsen, signeringsboken, föreningsregistret, dialogmöten, handlingsplanen, lokaler och bidrag)
a11y-status-heading = Hur tillgänglig är webbplatsen?
a11y-compliance-full = Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.
a11y-compliance-partial = Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.
a11y-compliance-none = Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service.
a11y-known-heading = Innehåll som inte är tillgängligt
a11y-known-intro = Det innehåll som beskrivs nedan uppfyller ännu inte lagens krav (WCAG 2.1 nivå AA).
a11y-reason = Orsak
a11y-problem-documents = Dokument som föreningar och sökande laddar upp (stadgar, bilagor till bidragsansökningar) kan sakna rubriker, textalternativ och en titel, och kan vara svåra att läsa med skärmläsare.
a11y-problem-documents-why = Dokumenten skapas av föreningarna själva och kontrolleras inte när de laddas upp. Kontakta kommunen om du behöver ett dokument i ett annat format.
a11y-problem-photos = Foton av lokaler har bara lokalens namn som textalternativ och beskriver inte vad bilden visar.
a11y-problem-photos-why = Den som laddar upp ett foto ombeds ännu inte beskriva det. Vi planerar att be om en beskrivning vid uppladdning.
a11y-problem-spreadsheets = Exporter i Excel-format (XLSX) och kalenderfiler (.ics) är inte granskade för tillgänglighet.
a11y-problem-spreadsheets-why = Filerna är avsedda för andra program. Samma uppgifter finns som tillgängliga webbsidor och som CSV.
a11y-problem-language = Text som kommunen eller föreningar skriver in (till exempel mötesanteckningar och föreningsbeskrivningar) visas på svenska även när sidan visas på engelska, utan att språket är markerat.
a11y-problem-language-why = Innehållet finns bara på det språk som det skrevs på, och språket anges inte när det skrivs in.
a11y-burden-heading = Oskäligt betungande anpassning
a11y-burden-none = Vi åberopar inte undantaget för oskäligt betungande anpassning för något innehåll.
a11y-scope-heading = Innehåll som inte omfattas av lagen
a11y-scope-third-party = Innehåll från tredje part som kommunen varken finansierar, utvecklar eller kontrollerar, till exempel föreningarnas egna dokument och bilder.
a11y-scope-old-files = Dokument i kontorsformat som publicerades före den 23 september 2018, om de inte behövs för en pågående process.
a11y-method-heading = Hur vi testat webbplatsen
a11y-method = Vi har gjort en självskattning (intern testning). Varje sida granskas automatiskt med axe-core i en huvudlös Chromium-webbläsare vid varje ändring av koden, och inloggning, formulär och veckovyn för lokaler har testats manuellt med enbart tangentbord.
a11y-assessed = Senaste bedömning
a11y-updated = Redogörelsen uppdaterades senast
a11y-feedback-heading = Rapportera brister eller be om innehåll i ett annat format
a11y-feedback-intro = Upplever du hinder på webbplatsen, eller behöver du innehåll i ett tillgängligt format? Skriv till oss här. Du behöver inget konto. Meddelandet går till kommunens samordnare för den lokala överenskommelsen.
a11y-contact = Du kan också kontakta
a11y-feedback-message = Vad gäller det?
a11y-feedback-message-hint = Beskriv vad som inte fungerade, eller vilket innehåll du behöver i ett annat format.
a11y-feedback-page = Sida eller adress
a11y-feedback-reply = Din e-postadress
a11y-feedback-reply-hint = Om du vill ha svar. Vi använder adressen bara för att svara dig.
a11y-feedback-honeypot = Lämna det här fältet tomt
a11y-feedback-submit = Skicka
a11y-feedback-sent = Tack! Ditt meddelande har skickats till kommunens samordnare.
a11y-enforcement-heading = Tillsyn
a11y-enforcement = Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.
a11y-enforcement-link = Anmäl bristande tillgänglighet till Digg
a11y-received-title = Synpunkter på tillgängligheten
a11y-received-intro = Det här har besökare skickat via formuläret i
a11y-received-none = Inga synpunkter har kommit in.
a11y-received-reply = Svar till
a11y-received-anonymous = ingen adress angiven
a11y-received-lang = Språk
a11y-mail-subject = Synpunkt på tillgängligheten – { $name }
a11y-mail-body =
    En besökare har skickat en synpunkt på tillgängligheten i Överens för { $name } kommun.

    Sida: { $page }
    Svar till: { $reply }

    { $message }

    Alla synpunkter finns här: { $link }

privacy-title = Personuppgifter
privacy-intro = Så här hanterar Överens dina personuppgifter. Personuppgiftsansvarig är den kommun du använder tjänsten i.
privacy-what-heading = Vilka uppgifter sparas?
privacy-what-account = Ditt namn, din e-postadress och ditt lösenord (som ett envägskrypterat värde som inte går att läsa).
privacy-what-roles = Vilka roller du har: samordnare, tjänsteperson eller företrädare för en förening.
privacy-what-sessions = När du loggade in, så länge inloggningen gäller.
privacy-what-audit = Ändringar du gör i kommunens uppgifter, med ditt namn och tidpunkt.
privacy-why-heading = Varför?
privacy-why = Uppgifterna behövs för att du ska kunna logga in och för att det ska gå att se vem som har ändrat gemensamma uppgifter. Vi sparar dem bara med ditt samtycke och bara så länge du har kontot.
privacy-cookies-heading = Kakor
privacy-cookies = Vi använder bara nödvändiga kakor: en för inloggningen, en som skyddar formulären och en för valt språk. Inga kakor för statistik eller reklam.
privacy-rights-heading = Dina rättigheter
privacy-rights = Du kan när som helst ladda ner allt vi har sparat om dig och radera ditt konto under
privacy-complaint-heading = Klagomål
privacy-complaint = Är du missnöjd med hur dina uppgifter hanteras kan du kontakta kommunen eller lämna klagomål till Integritetsskyddsmyndigheten (IMY).

# Accessibility features of a place (platform::features)
feature-step-free = Entré utan trappsteg
feature-ground-floor = I markplan
feature-lift = Hiss
feature-accessible-toilet = Tillgänglig toalett
feature-hearing-loop = Hörslinga
feature-parking = Parkering

## Sessions, password change and fresh login (issue 14)
err-busy = Servern är upptagen just nu. Vänta en stund och försök igen.
field-current-password = Nuvarande lösenord
account-sessions = Dina inloggningar
account-session-created = Inloggad
account-session-last-seen = Senast aktiv
account-session-current = Den här inloggningen
account-logout-others = Logga ut alla andra inloggningar
account-others-logged-out = Dina andra inloggningar är avslutade.
account-password-title = Byt lösenord
account-choose-password-title = Välj ett lösenord
account-choose-password-notice = Välj ett lösenord nedan om du vill logga in med lösenord. Ett lösenord som valdes innan adressen var bekräftad gäller inte längre.
account-password-submit = Spara lösenordet
account-password-wrong = Fel lösenord.
fresh-login-title = Bekräfta att det är du
fresh-login-intro = Det här kräver att du nyss har loggat in. Skriv ditt lösenord igen, så fortsätter du där du var.
fresh-login-submit = Fortsätt
fresh-login-by-link = Logga in med en länk via e-post i stället
people-unverified = Personen har inte bekräftat sin e-postadress ännu. Be personen logga in en gång först.
people-revoke = Ta bort rollen
people-revoked = Rollen är borttagen.
people-last-coordinator = Rollen är kvar: kommunen måste ha minst en samordnare. Ge någon annan rollen samordnare först.
brand-title = Kommunens profil
brand-intro = Kommunens färg, logotyp och välkomsttext syns på kommunens sidor på webbplatsen.
brand-colour = Färg
brand-colour-hint = Skriv färgen som #rrggbb, till exempel #1d5a8a. Sidhuvudet får färgen med vit text, så vit text måste gå att läsa på den (kontrast minst 4,5:1). Lämna tomt för ingen färg.
brand-colour-format = Skriv färgen som # och sex tecken 0–9 eller a–f, till exempel #1d5a8a.
brand-colour-contrast = Färgen { $colour } ger kontrasten { $ratio }:1 mot vit text; minst 4,5:1 krävs. Välj en mörkare färg.
brand-colour-none = Kommunen har ingen egen färg.
brand-colour-current = Kommunens färg:
brand-welcome = Välkomsttext
brand-welcome-hint = Visas under rubriken på kommunens startsida. Högst { $n } tecken, vanlig text; en ny rad blir ett nytt stycke.
brand-save = Spara färg och välkomsttext
brand-saved = Färgen och välkomsttexten är sparade.
brand-logo = Logotyp
brand-logo-field = Logotypfil
brand-logo-hint = En PNG- eller JPEG-bild på högst 200 kB. Den visas i sidhuvudet, högst 40 pixlar hög.
brand-logo-upload = Ladda upp logotypen
brand-logo-current = Kommunens logotyp:
brand-logo-none = Kommunen har ingen logotyp.
brand-logo-remove = Ta bort logotypen
brand-logo-saved = Logotypen är sparad.
brand-logo-removed = Logotypen är borttagen.
brand-logo-missing = Välj en bildfil.
brand-logo-too-large = Filen är större än 200 kB.
brand-logo-type = Filen är inte en PNG- eller JPEG-bild. Andra filtyper (till exempel SVG) tas inte emot.
brand-logo-alt = { $owner } logotyp
start-about = Vad Överens är
start-about-agree-title = Överenskommelsen
start-about-agree = Principerna för samverkan mellan kommunen och civilsamhället, och signeringsboken där föreningar, förvaltningar och andra ansluter sig.
start-about-meet-title = Dialog
start-about-meet = Dialogmöten med anmälan, inbjudan, protokoll och gruppernas svar, och ett register över föreningarna.
start-about-follow-title = Handlingsplan och uppföljning
start-about-follow = Vad kommunen och civilsamhället ska göra, vem som ansvarar och hur det går, öppet för alla.

## The API's reference page (/api)
api-title = Öppna data: API för utvecklare
api-intro = Alla offentliga uppgifter på Överens går att hämta maskinellt som JSON, utan inloggning eller nyckel. Här står varje adress, vilka parametrar den tar och vilka fält svaret har.
api-document = Samma beskrivning som maskinläsbar OpenAPI-fil:
api-rules-heading = Så fungerar API:t
api-rule-read = API:t går bara att läsa från, med GET. Varje kommuns uppgifter ligger under dess kortnamn, till exempel /api/v1/sala/meetings.
api-rule-pages = Listor kommer i sidor: ange limit (1–500, annars 100). Svaret har fältet next och rubriken Link med adressen till nästa sida. Sista sidan saknar next.
api-rule-etag = Varje svar har en ETag. Fråga igen med If-None-Match så får du 304 utan innehåll om inget har ändrats.
api-rule-cors = Webbsidor på andra webbplatser får läsa API:t (CORS för GET).
api-rule-errors = Fel kommer som application/problem+json med status och en förklaring.
api-endpoints-heading = Adresser
api-parameters = Parametrar
api-name = Namn
api-where = Var
api-type = Typ
api-description = Beskrivning
api-in-path = i adressen
api-in-query = i frågan (?…)
api-required = måste anges
api-answer = Svar
api-fields = Fält i svaret
api-field = Fält
api-bad-cursor = Sidmarkören (after) går inte att läsa. Använd adressen i next från förra sidan.
api-bad-limit = limit måste vara ett heltal från 1 till 500.

links-heading = Kopplat hit
