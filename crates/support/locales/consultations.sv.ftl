# The consultation group (remissgrupp).
support-consultations-title = Remissgrupp
support-consultations-description = { $name }s remissgrupp: civilsamhället och kommunen diskuterar enstaka frågor.
support-consultations-intro = I remissgruppen möts föreningar och kommunens medarbetare för att tycka till om enstaka frågor. Kommunens samordnare skickar en remiss till gruppen med frågor, underlag och ett sista svarsdatum, och medlemmarna svarar för sin förening.
support-consultations-kept = Som medlem sparas ditt namn, din e-postadress (för inbjudningarna), föreningen du svarar för och när du gick med. Du kan lämna gruppen när du vill med en knapp; då tas uppgifterna bort.
support-consultations-login = Logga in för att gå med i remissgruppen
support-consultations-join = Gå med i remissgruppen
support-consultations-organisation = Förening eller organisation du svarar för
support-consultations-organisation-hint = Frivilligt. Lämna tomt om du är med som kommunens medarbetare eller för dig själv.
support-consultations-consent = Jag samtycker till att mina uppgifter sparas för remissgruppen
support-consultations-consent-hint = { $municipality } sparar ditt namn, din e-postadress och föreningen för att bjuda in dig till remisser. Du kan lämna gruppen när du vill.
support-consultations-consent-required = Kryssa i rutan för att gå med.
support-consultations-member = Du är med i remissgruppen.
support-consultations-member-for = Du är med i remissgruppen för
support-consultations-leave = Lämna remissgruppen
support-consultations-joined = Du är nu med i remissgruppen.
support-consultations-left = Du har lämnat remissgruppen.
support-consultations-removed = Medlemmen är borttagen.
support-consultations-members = Medlemmar
support-consultations-no-members = Inga medlemmar ännu.
support-consultations-remove = Ta bort
support-consultations-open = Öppna en remiss
support-consultations-open-intro = En remiss gäller en enstaka fråga. När du öppnar den får varje medlem i remissgruppen en inbjudan med e-post.
support-consultations-opened = Remissen är öppnad och medlemmarna har bjudits in.
support-consultations-f-title = Rubrik
support-consultations-f-question = Fråga eller frågor
support-consultations-f-documents = Underlag
support-consultations-f-documents-hint = Länkar till underlaget, en per rad (börjar med https://). Frivilligt.
support-consultations-f-deadline = Sista svarsdag
support-consultations-title-required = Skriv en rubrik.
support-consultations-question-required = Skriv frågan.
support-consultations-too-long = Texten är för lång.
support-consultations-documents-links = Skriv bara länkar, en per rad, som börjar med https://.
support-consultations-deadline-required = Välj sista svarsdag.
support-consultations-deadline-past = Sista svarsdag kan inte ha passerat.
support-consultations-list = Remisser
support-consultations-deadline = Sista svarsdag:
support-consultations-mail-subject = Remiss från { $municipality }: { $title }
support-consultations-mail-body =
    Hej!

    { $municipality } skickar en remiss till remissgruppen: { $title }.

    Svara för din förening senast { $deadline }. Läs frågorna och underlaget här:
    { $url }

    Du får brevet för att du är med i remissgruppen. Du kan lämna gruppen på samma sida.
