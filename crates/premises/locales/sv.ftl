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
