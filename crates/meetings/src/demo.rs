//! Demo data: Sala's dialog meetings 1–6 (the timeline of seed 001), meeting 5 with its notes,
//! the summaries of the groups' answers and the other views noted (seed 000), meeting 6 with
//! its invitation (seed 001); Örebro's collaboration council of 2017-02-16 with its minutes,
//! working groups and next meeting (seed 002). Times the seeds do not give are the evening
//! hours of the meetings they do.

use crate::domain::MeetingForm;
use crate::groups::store as groups;
use crate::ids::{MeetingId, SeriesId};
use crate::minutes::store::{self as minutes, Minutes, NewAssignment, NewItem};
use crate::store;
use platform::db::Db;
use platform::MunicipalityId;

async fn municipality(db: &Db, slug: &str) -> anyhow::Result<Option<MunicipalityId>> {
    let row: Option<(MunicipalityId,)> = sqlx::query_as("SELECT id FROM municipalities WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0))
}

const CONSENT: &str =
    "Anmälan innebär godkännande av att lämnade kontaktuppgifter registreras för deltagar- och kontaktlista.";
const TALJSTENEN: &str = "Täljstenen, Vasagatan 17, 733 38 Sala";
const ACCESS: &str = "Tillgänglighet för funktionsvariation: Lokalen ligger i markplan. Handikapptoalett finns. \
                      Hörslinga finns i föreläsningssalen.";
const CONTACTS: &str = "Jane Allansson, jane.allansson@sala.se, tfn 0224-74 70 13 (Sala kommun)\n\
                        Isa Österberg, isa.osterberg.tarna@folkbildning.net, tfn 070-14 68 914";

fn sala_meeting(series: SeriesId, number: u32, date: &str, title: &str, theme: &str) -> MeetingForm {
    MeetingForm {
        series: series.to_string(),
        number: number.to_string(),
        title: title.into(),
        theme: theme.into(),
        date: date.into(),
        gathering: "18:30".into(),
        gathering_text: "fika (kaffe/the och smörgås)".into(),
        start: "19:00".into(),
        end: "21:00".into(),
        place: TALJSTENEN.into(),
        accessibility: ACCESS.into(),
        agenda: String::new(),
        contacts: CONTACTS.into(),
        capacity: String::new(),
        deadline: String::new(),
        consent_text: CONSENT.into(),
        invitation_text: String::new(),
        room: String::new(),
    }
}

async fn save(
    db: &Db,
    municipality_id: MunicipalityId,
    series: SeriesId,
    f: &MeetingForm,
    now: i64,
) -> anyhow::Result<MeetingId> {
    let input = f
        .check(&[series])
        .map_err(|p| anyhow::anyhow!("demo meeting {}: {p:?}", f.title))?;
    store::save_meeting(db, municipality_id, None, &input, None, now)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo meeting not saved"))
}

pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    if let Some(sala) = municipality(db, "sala").await? {
        load_sala(db, sala, now).await?;
    }
    if let Some(orebro) = municipality(db, "orebro").await? {
        load_orebro(db, orebro, now).await?;
    }
    Ok(())
}

async fn load_sala(db: &Db, sala: MunicipalityId, now: i64) -> anyhow::Result<()> {
    let series = store::create_series(
        db,
        sala,
        "Tillsammans för framtidens Sala – dialogmöten",
        "Dialogmöten mellan Sala kommun och civilsamhället om en lokal överenskommelse om samverkan.",
        None,
        now,
    )
    .await?;
    let early = [
        (1, "2017-05-31", "Dialogmöte 1", "Sveriges sex nationella principer för samverkan diskuteras i grupper. ”Vad betyder varje princip för oss?”"),
        (2, "2017-09-05", "Dialogmöte 2", "Vi fortsätter med att svara på frågan ”Vad ska vi göra”, kopplat till varje princip. En arbetsgrupp utses att formulera ett förslag till överenskommelse om principer."),
        (3, "2017-11-21", "Dialogmöte 3", "Arbetsgruppens förslag om principer förankras och förädlas."),
        (4, "2018-01-30", "Dialogmöte 4", "Vi går vidare från principer till handlingsplan. Förslagen ”Vad ska vi göra” utgör grunden till handlingsplan. En arbetsgrupp utses att formulera förslag till handlingsplan."),
    ];
    for (n, date, title, theme) in early {
        save(db, sala, series, &sala_meeting(series, n, date, title, theme), now).await?;
    }

    // Meeting 5 and what came out of it (seed 000).
    let five = save(
        db,
        sala,
        series,
        &sala_meeting(
            series,
            5,
            "2018-05-14",
            "Dialogmöte 5 - Handlingsplan",
            "Dialog om och förankring av förslag till handlingsplan baserad på principer och prioriterade aktiviteter.",
        ),
        now,
    )
    .await?;
    let items = [
        ("Välkommen", "Carola Gunnarsson hälsade välkommen, berättade kort om Salas process för samverkan med civilsamhället och tackade alla för engagemang och bidrag i detta arbete. Sala har nu sex principer som grund för samverkan. För kommunens del är principerna antagna av kommunfullmäktige 26 februari 2018. Nu fortsätter arbetet med en handlingsplan.", ""),
        ("Principer och handlingsplan", "Jane Allansson berättade kort om att principer och handlingsplan handlar om hela kommunen och hela civilsamhället. Handlingsplanen syftar till att skapa förutsättningar och strukturer för dialog och samverkan samt till att öka det organiserade civilsamhällets möjligheter att vara aktörer i samhällsutvecklingen. Samverkan med civilsamhället är en process ämnad att bli ett naturligt arbetssätt. Förväxla inte med projekt som har ett slutdatum! För kommunens del i handlingsplanen fordras att planen ska antas av kommunstyrelsen, vilket blir nästa steg.", ""),
        ("Dialog i grupper", "Dialog i grupper om ca fem personer, varje part för sig. Materialet bestod av förslaget till handlingsplan som den partsammansatta arbetsgruppen formulerat utifrån förra dialogmötets prioriterade punkter samt den inledande texten i samma dokument. Gruppens gemensamma förslag noterades och lämnades till Jane. Redovisas under ”Synpunkter och förbättringsförslag”.", ""),
        ("Återsamling", "Grupperna delgav varandra synpunkter och förbättringsförslag.", "Nästa dialogmöte bestämdes till den 20 september 2018."),
        ("Avslutning", "Anders Wigelsbo avslutade mötet genom att tacka alla deltagare för stort engagemang och förmedla ambitionen att fortsätta utveckla samverkan med civilsamhället. I höst är det val och oavsett hur valresultatet blir kommer arbetet med samverkan mellan kommunen och civilsamhället att fortsätta. De olika partierna är eniga om den saken.", ""),
    ];
    for (heading, body, decision) in items {
        minutes::add_item(
            db,
            sala,
            five,
            &NewItem {
                heading,
                body,
                decision,
            },
            None,
            now,
        )
        .await?;
    }
    let q1 = minutes::add_question(db, sala, five, "Är tiden rimlig för handlingsplanen?", None, now).await?;
    let q2 = minutes::add_question(db, sala, five, "Behöver den inledande texten förbättras?", None, now).await?;
    minutes::set_summary(
        db,
        sala,
        five,
        q1,
        "De flesta tycker att tiden är rimlig för handlingsplanen. En grupp uttrycker att punkten ”dialog och nätverksutbyte föreningar emellan” och punkten ”inventera och dokumentera idéer om utveckling för samhället” behöver mer tid för att sammanställa. Gruppen anser även att punkten ”långsiktighet” behöver längre tid.",
        None,
        now,
    )
    .await?;
    // "Övriga synpunkter som noterats på förslaget till handlingsplan": the seed's table, each
    // column's heading the topic and the cell below it the view. They answer neither question.
    for (topic, text) in [
        ("Dialog om lokaler", "Finns tillgängliga lokaler för alla föreningar att låna - som är anpassade? Läggs ut på hemsidan. Något som inte passar alla föreningar är att ”hyra ut” sina lokaler."),
        ("Utbildning i föreningsteknik och ledarskap", "För punkterna under principerna ”Dialog” och ”Kvalitet” är styrgrupp viktig."),
        ("Eget föreningsforum med föreningsregister på Facebook 2018", "Gruppen sätts samman av kommunen och vi vill att civilsamhället ska ingå."),
    ] {
        groups::add_comment(db, sala, five, topic, text, None, now).await?;
    }
    minutes::set_summary(
        db,
        sala,
        five,
        q2,
        "Skriv ut vilka de sex principerna är!\nBeskriv vem som ingått Sveriges nationella överenskommelse!\nÄndra rubriken ”Hur vi ska nå målet” till: ”Hur ska vi jobba för att tillgodose de sex principerna?”\nSkriv att Salas lokala principer är antagna av kommunfullmäktige!\nSkriv att handlingsplanen antas av kommunstyrelsen.\nÄndra ordet ”styrgrupp” till bara ”grupp” för att minska risken att processen förväxlas med ett tillfälligt projekt!\nI övrigt några smärre språkliga ändringar.",
        None,
        now,
    )
    .await?;
    minutes::save_minutes(
        db,
        sala,
        five,
        &Minutes {
            present: String::new(),
            guests: String::new(),
            next_meeting: "Dialogmöte 6, 20 september 2018".into(),
            written_by: "Jane Allansson, kommunstyrelsens förvaltning".into(),
            published_at: None,
        },
        None,
        now,
    )
    .await?;
    minutes::publish(db, sala, five, true, None, now).await?;

    // Meeting 6 with its invitation (seed 001).
    let mut six = sala_meeting(
        series,
        6,
        "2018-09-20",
        "Dialogmöte 6, arbete med handlingsplan",
        "Nu ska vi bilda arbetsgrupper och börja arbeta med handlingsplanen.",
    );
    six.deadline = "2018-09-18".into();
    six.gathering_text = "fika (kaffe/the och smörgås)".into();
    six.agenda =
        "Samling och fika\nDialog: vilken principens åtgärder vill du börja arbeta med?\nArbetsgrupper bildas".into();
    six.invitation_text = "Välkommen till dialogmöte nr 6!\n\nHar du inte haft möjlighet att delta vid tidigare möten? Ingen fara – du är välkommen ändå! Beskrivning av arbetet finns även på www.sala.se/civilsam.\n\nSALA KOMMUN\nAnders Wigelsbo, Kommunstyrelsens ordförande\nUlrika Spårebo, Kommunstyrelsens andre vice ordförande\nJenny Nohage, Kommunchef".into();
    // Held in Täljstenen's lecture hall when the premises have it (their demo data).
    let hall = premises::public::rooms(db, sala)
        .await?
        .into_iter()
        .find(|r| r.premises == "Täljstenen" && r.name == "Föreläsningssalen");
    if let Some(hall) = hall {
        six.room = hall.id.to_string();
    }
    save(db, sala, series, &six, now).await?;
    Ok(())
}

async fn load_orebro(db: &Db, orebro: MunicipalityId, now: i64) -> anyhow::Result<()> {
    let series = store::create_series(
        db,
        orebro,
        "Samverkansrådet",
        "Örebros samverkansråd mellan kommunen, civilsamhället och politiken.",
        None,
        now,
    )
    .await?;
    let council = |date: &str, title: &str| MeetingForm {
        series: series.to_string(),
        number: String::new(),
        title: title.into(),
        theme: String::new(),
        date: date.into(),
        gathering: String::new(),
        gathering_text: String::new(),
        start: "18:00".into(),
        end: "20:00".into(),
        place: "Föreningarnas hus".into(),
        accessibility: String::new(),
        agenda: String::new(),
        contacts: "Helena Astvald\nAnna Fogel".into(),
        capacity: String::new(),
        deadline: String::new(),
        consent_text: CONSENT.into(),
        invitation_text: String::new(),
        room: String::new(),
    };
    let meeting = save(
        db,
        orebro,
        series,
        &council("2017-02-16", "Samverkansrådet 2017-02-16"),
        now,
    )
    .await?;
    save(
        db,
        orebro,
        series,
        &council("2017-05-02", "Samverkansrådet 2017-05-02"),
        now,
    )
    .await?;
    minutes::save_minutes(
        db,
        orebro,
        meeting,
        &Minutes {
            present: "Helena Astvald, KG Granberg, Lennart Bondeson (KD), Niclas Persson (MP), Marie Brorson (S), Tina Modin, Anna Fogel, Peter Eriksson, Mats Einestam, Britten Uhlin, Elisabeth Rapp, Urban Svensson".into(),
            guests: "Per-Inge Hellman, Västerås kommun".into(),
            next_meeting: "2 maj kl. 18-20 på Föreningarnas hus".into(),
            written_by: "Anna Fogel, 2017-02-17".into(),
            published_at: None,
        },
        None,
        now,
    )
    .await?;
    let items = [
        ("Föregående minnesanteckningar", "", "Inga invändningar"),
        ("Lokal överenskommelse och handlingsplan i Västerås", "Per-Inge Hellman är strateg på stadsledningskontoret i Västerås kommun och arbetar bland annat med att utveckla samarbetet mellan kommun och civilsamhälle. Han berättar om hur man i Västerås valt att organisera arbetet och ger oss råd inför kommande arbete med att ta fram en handlingsplan utifrån den överenskommelse som finns i Örebro.\n\nMålsättningen med överenskommelsen i Västerås är att skapa tillit, bidra till transparens (”ett sätt att ha persiennerna uppdragna”) och bygga ett samhälle med medborgaren istället för medborgaren.\n\nTips till Örebro är att ge handlingsplanen minst 2 år i reellt arbete. Räkna inte med att kunna visa några resultat första halvåret.\n\nVästerås stad har 10 representanter på dialogträffar, civila samhället har 15 representanter.\n\nI Västerås är inte bara föreningarna fria att välja om man skriver på eller inte, även förvaltningarna och de kommunala bolagen skriver på utifrån frivillighet.\n\nViktiga ledord i arbetet är: gemensam värdegrund, tillit, tålamod och engagemang.", ""),
        ("Temakväll", "Den 12 april kommer Lars Bryntesson till Örebro för att prata om IOP – idéburet offentligt partnerskap. Det kommer att bli en föreläsning för tjänstemän (em) och en riktad till civilsamhället (kväll). Mer information kommer.", ""),
        ("Studiebesök i Malmö", "Den 16-17 maj ges möjlighet att besöka Malmö för ett studiebesök. Välkommen att kontakta Helena eller Anna vid intresse. Den verksamhet man representerar förväntas stå för kostnaden (resa och logi).", ""),
        ("Kartläggning av samverkan mellan civila samhället och kommunen", "Samverkansrådet äger rapporten.", "Till nästa möte förväntas man ha läst rapporten och då kunna diskutera hur man tar tillvara på resultatet."),
        ("Arbetsgrupper", "1. Handlingsplan. Arbetsgrupp: Tina Modin, Helena Astvald, Mats-Olof Liljegren, Urban Svensson, Elisabeth Rapp, Anna Fogel. Datum för ett första kortare möte: 22 februari kl. 16:30 på Föreningarnas hus.\n\n2. Riktlinjer för lokaler. Arbetsgrupp: K-G Granberg, Peter Eriksson och Ann-Mari Wulfstrand.", "Två arbetsgrupper bildas: Handlingsplan och Riktlinjer för lokaler."),
    ];
    for (heading, body, decision) in items {
        minutes::add_item(
            db,
            orebro,
            meeting,
            &NewItem {
                heading,
                body,
                decision,
            },
            None,
            now,
        )
        .await?;
    }
    for (who, what, due) in [
        (
            "Anna",
            "Bjuda in Malin Sandell, lokalstrateg, till ett möte torsdag 2 mars alternativt 16 mars.",
            Some("2017-03-16"),
        ),
        (
            "Arbetsgrupp Handlingsplan",
            "Första kortare möte kl. 16:30 på Föreningarnas hus.",
            Some("2017-02-22"),
        ),
        (
            "Samverkansrådet",
            "Läsa rapporten om kartläggning av samverkan till nästa möte.",
            Some("2017-05-02"),
        ),
    ] {
        let a = NewAssignment {
            who,
            what,
            due_on: due,
            activity_id: None,
        };
        minutes::add_assignment(db, orebro, meeting, &a, None, now).await?;
    }
    minutes::publish(db, orebro, meeting, true, None, now).await?;
    Ok(())
}
