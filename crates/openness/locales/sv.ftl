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
