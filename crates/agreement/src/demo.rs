//! Demo data from the seeds: Sala's adopted agreement (seed 001: its six principles in Sala's
//! order and the "Kort bakgrund" timeline), Örebro's adopted agreement (seed 002), and Luleå's
//! draft with the published compilation of seed 004 (the working group meeting of
//! 19 June 2018). Written through the store, so every row has its audit entry.

use crate::consultation::store as consultation;
use crate::domain::Party;
use crate::draft::store::{self as draft, CommitmentInput, PrincipleInput};
use crate::store;
use crate::timeline::domain::TimelineKind;
use crate::timeline::store::{self as timeline, TimelineInput};
use platform::db::Db;
use platform::tenants::store as tenants;
use platform::MunicipalityId;

/// A principle with the municipality's and civil society's commitments.
struct DemoPrinciple {
    name: &'static str,
    body: &'static str,
    municipality: &'static [&'static str],
    civil_society: &'static [&'static str],
}

const SALA_INTRO: &str = "Från föreningen IKS, Ideell Kultur i Sala, kom förslaget att civilsamhällets organisationer, tillsammans med Sala kommun, ska arbeta fram en överenskommelse om samarbete.\n\nSex lokala principer för samverkan mellan civilsamhället i Sala och Sala kommun beskriver kortfattat hur vi vill att vårt samarbete ska vara. De delar av civilsamhället som väljer att ansluta sig gör det genom att skriva i signeringsboken. Signering innebär att man ställer upp på principerna.\n\nPrinciperna är övergripande och gäller hela det organiserade civilsamhället och hela kommunen. Salas lokala överenskommelse är baserad på den nationella överenskommelsen i Sverige och den europeiska koden om utveckling av samverkan mellan civilsamhället och det offentliga.";

const SALA: &[DemoPrinciple] = &[
    DemoPrinciple {
        name: "Självständighet och oberoende",
        body: "Civilsamhällets organisationer är självständiga och oberoende. De har rätt att driva opinion och kritik, också mot kommunen, oavsett samarbete och bidrag.",
        municipality: &[
            "Sala kommun respekterar civilsamhällets rätt att själv bestämma över sin verksamhet och att vara kritisk röst.",
            "Sala kommun ställer inte villkor som inskränker organisationernas självständighet när stöd ges.",
        ],
        civil_society: &[
            "Civilsamhällets organisationer utgår från sina egna idéer och sina medlemmars vilja när de samverkar med kommunen.",
        ],
    },
    DemoPrinciple {
        name: "Dialog",
        body: "Samverkan bygger på en öppen och regelbunden dialog där båda parter lyssnar och får komma till tals.",
        municipality: &[
            "Sala kommun bjuder in till dialogmöten minst två gånger om året och tar med civilsamhällets synpunkter i sitt arbete.",
            "Sala kommun för dialog med civilsamhället tidigt i frågor som berör det.",
        ],
        civil_society: &[
            "Civilsamhällets organisationer deltar i dialogmötena och för vidare det som sägs till sina medlemmar.",
        ],
    },
    DemoPrinciple {
        name: "Kvalitet",
        body: "Båda parter strävar efter god kvalitet i det som görs tillsammans och följer upp det gemensamt.",
        municipality: &[
            "Sala kommun ger tydlig information om stöd, lokaler och villkor och följer upp samarbeten tillsammans med civilsamhället.",
        ],
        civil_society: &[
            "Civilsamhällets organisationer bidrar med sin kunskap och sina erfarenheter och medverkar i uppföljningen.",
        ],
    },
    DemoPrinciple {
        name: "Långsiktighet",
        body: "Samverkan ska vara långsiktig, så att båda parter kan planera och bygga förtroende över tid.",
        municipality: &[
            "Sala kommun verkar för att stöd till civilsamhället kan ges för längre perioder än ett år.",
        ],
        civil_society: &[
            "Civilsamhällets organisationer planerar sin verksamhet långsiktigt och håller kommunen informerad om förändringar.",
        ],
    },
    DemoPrinciple {
        name: "Öppenhet och insyn",
        body: "Samverkan ska präglas av öppenhet och insyn, så att alla kan se hur beslut fattas och hur resurser används.",
        municipality: &[
            "Sala kommun informerar öppet om beslut som rör civilsamhället och om hur man söker stöd.",
        ],
        civil_society: &[
            "Civilsamhällets organisationer redovisar öppet hur stöd från kommunen används och håller sina uppgifter aktuella.",
        ],
    },
    DemoPrinciple {
        name: "Mångfald",
        body: "Civilsamhällets mångfald är en styrka. Alla ska kunna delta, oavsett bakgrund och förutsättningar.",
        municipality: &[
            "Sala kommun verkar för jämlika förutsättningar för alla delar av civilsamhället, även nya och små föreningar.",
        ],
        civil_society: &[
            "Civilsamhällets organisationer arbetar för att vara öppna för alla och för att samverka med varandra.",
        ],
    },
];

/// Seed 001, "Kort bakgrund": (date, kind, title, text).
const SALA_TIMELINE: &[(&str, TimelineKind, &str, &str)] = &[
    (
        "2017-05-31",
        TimelineKind::Meeting,
        "Första dialogmötet",
        "Sveriges sex nationella principer för samverkan diskuterades i grupper. ”Vad betyder varje princip för oss?”",
    ),
    (
        "2017-09-05",
        TimelineKind::Meeting,
        "Andra dialogmötet",
        "Då fortsatte vi med att svara på frågan ”Vad ska vi göra”, kopplat till varje princip. En arbetsgrupp utsågs att formulera ett förslag till överenskommelse om principer.",
    ),
    (
        "2017-11-21",
        TimelineKind::Meeting,
        "Tredje dialogmötet",
        "Arbetsgruppens förslag om principer förankrades och förädlades.",
    ),
    (
        "2018-01-30",
        TimelineKind::Meeting,
        "Fjärde dialogmötet",
        "Vi går vidare från principer till handlingsplan. Förslagen ”Vad ska vi göra” utgör grunden till handlingsplan. En arbetsgrupp utses att formulera förslag till handlingsplan.",
    ),
    (
        "2018-02-28",
        TimelineKind::Decision,
        "Kommunfullmäktige antar principerna",
        "Kommunfullmäktige i Sala kommun beslutar, för Sala kommuns räkning, att anta de gemensamt framtagna sex principerna.",
    ),
    (
        "2018-04-21",
        TimelineKind::Signing,
        "Signering vid Kulturnatta",
        "Före invigningen av Kulturnatta erbjuds intresserade föreningar och organisationer inom civilsamhället att signera den lokala överenskommelsen om principerna. En signeringsbok finns nu hos kommunens kontaktperson.",
    ),
    (
        "2018-05-14",
        TimelineKind::Meeting,
        "Dialogmöte 5",
        "Arbetsgruppens förslag till handlingsplan presenteras och förbättras till en slutversion.",
    ),
    (
        "2018-06-07",
        TimelineKind::Decision,
        "Kommunstyrelsen antar handlingsplanen",
        "Kommunstyrelsen i Sala kommun beslutar, för Sala kommuns räkning, att anta den gemensamt framtagna handlingsplanen.",
    ),
    (
        "2018-09-20",
        TimelineKind::Meeting,
        "Dialogmöte 6",
        "Nu är det dags att bilda arbetsgrupper för att genomföra handlingsplanen. Var och en av de sex principerna har åtgärder kopplade till sig – som vi enats om att utföra. Vilken principens åtgärder vill du börja arbeta med?",
    ),
];

const OREBRO_INTRO: &str = "Örebro kommun och civilsamhället i Örebro har en gemensam lokal överenskommelse om samverkan, byggd på de sex nationella principerna. Samverkansrådet följer arbetet och tar fram en handlingsplan utifrån överenskommelsen.";

const OREBRO: &[DemoPrinciple] = &[
    DemoPrinciple {
        name: "Självständighet och oberoende",
        body: "Civilsamhällets organisationer är självständiga och bestämmer själva över sin verksamhet.",
        municipality: &[],
        civil_society: &[],
    },
    DemoPrinciple {
        name: "Dialog",
        body: "Kommunen och civilsamhället möts regelbundet, bland annat i samverkansrådet.",
        municipality: &[],
        civil_society: &[],
    },
    DemoPrinciple {
        name: "Kvalitet",
        body: "Samverkan ska ge verksamhet av god kvalitet för dem som berörs.",
        municipality: &[],
        civil_society: &[],
    },
    DemoPrinciple {
        name: "Långsiktighet",
        body: "Samverkan planeras för lång tid, med tålamod och engagemang från båda parter.",
        municipality: &[],
        civil_society: &[],
    },
    DemoPrinciple {
        name: "Öppenhet och insyn",
        body: "Arbetet sker öppet – ”ett sätt att ha persiennerna uppdragna”.",
        municipality: &[],
        civil_society: &[],
    },
    DemoPrinciple {
        name: "Mångfald",
        body: "Alla delar av civilsamhället ska kunna vara med, även grupper som inte är organiserade som föreningar.",
        municipality: &[],
        civil_society: &[],
    },
];

/// A commitment of Luleå's draft with the comments of seed 004 on it.
struct Remarked {
    party: Party,
    heading: &'static str,
    body: &'static str,
    comments: &'static [&'static str],
}

/// Seed 004: Luleå's principles in Luleå's order, the proposed commitments and the groups'
/// comments on them.
const LULEA: &[(&str, &[Remarked])] = &[
    (
        "Självständighet och oberoende",
        &[
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "Kommunen ska visa respekt för civilsamhällets självständighet och oberoende.",
                comments: &[],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "Tillit",
                body: "Det civila samhället ska respektera kommunens skyldigheter och ansvar samt ha tillit att beslut fattas enligt fastställda lagar och riktlinjer.",
                comments: &[
                    "Riktlinjer är föränderliga",
                    "Kommunen behöver kommunicera detta bättre tex vid avslag på ansökningar för att öka förståelsen",
                ],
            },
        ],
    ),
    (
        "Öppenhet och insyn",
        &[
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "Det ska vara enkelt att kontakta kommunen. Via kommunens kundcenter ska man få svar på frågor eller komma i kontakt med ansvarig tjänsteperson.",
                comments: &[],
            },
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "Kommunen ska ansvara för att det civila samhällets villkor och förutsättningar är kända bland berörda tjänstepersoner.",
                comments: &[
                    "Kommunen behöver göra ett internt förvaltningsövergripande arbete kring \"våra\" åtaganden",
                    "Samordnare?",
                    "\"Villkor och förutsättningar\" – ett luddigt begrepp",
                ],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "",
                body: "Det civila samhället ska regelbundet uppdatera sina uppgifter i föreningsregistret.",
                comments: &[
                    "Vill man ha service måste man tillhandahålla korrekta uppgifter.",
                    "Nyhetsbrev/påminnelse",
                ],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "",
                body: "Det civila samhället ska medverka till att öka kommunanställdas förståelse.",
                comments: &[
                    "Remissgrupp, civilsamhälle och kommunen som diskuterar enstaka frågor, tex öka hälsan i en viss målgrupp eller integration mm",
                ],
            },
        ],
    ),
    (
        "Dialog",
        &[
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "Kommunen har ett ansvar att kalla till två dialogträffar mellan kommunen och det civila samhället varje år.",
                comments: &[
                    "Kring konkreta och aktuella behov hos medborgarna",
                    "En möjlighet för civilsamhället att komma med förslag/input på ämnen på träffarna",
                    "En FB-sida eller webbsida för kommunikation och samverkan",
                    "Gemensam evenemangskalender?",
                    "Teman? Tydlig agenda för träffarna",
                    "Omvärldsanalys",
                    "Möte inför sammanslagningen av fritids- och kulturförvaltningarna!",
                    "Kommunen måste ge bra incitament till deltagande",
                ],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "",
                body: "Det civila samhället åtar sig att genom sina kanaler sprida information om och i hög grad delta vid de dialogträffar som arrangeras.",
                comments: &[
                    "Den är ju självklar!",
                    "\"Hög grad\"? – minst en representant från minst 90% av föreningarna?",
                ],
            },
        ],
    ),
    (
        "Kvalitet",
        &[
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "Kommunen ska utveckla förutsättningarna för det civila samhället att delta i upphandlingar.",
                comments: &[
                    "Tex snöröjning på mindre områden. Tex Røjning av sly",
                    "Förslag på samverkansområde: En förening kan vara \"vaktmästare\" för lokalen när de är där.",
                    "Förslag 2: Samverka kring områdesgrupperna – konkret!",
                    "Bättre kommunikationssystem",
                    "Gemensam definition av kvalitet",
                    "Metoder för utvärdering",
                    "Kommunen tar fram metoder för utvärdering",
                ],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "",
                body: "Det civila samhället har ett eget ansvar att söka information om kommande upphandlingar.",
                comments: &["Delta i utvärderingsarbete"],
            },
        ],
    ),
    (
        "Långsiktighet",
        &[
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "Kommunen ska ge förutsättningar för att civilsamhället ska kunna planera sin verksamhet på lång sikt.",
                comments: &[
                    "Bevilja bidrag mer än ett år i taget",
                    "Tillhandahålla det stöd som föreningarna behöver för att kunna driva sin verksamhet",
                    "\"Generella riktlinjer\" för bidrag. Ej riktade. En trend idag?",
                    "Instruktioner och utbildning från kommunen.",
                ],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "",
                body: "Det civila samhället stimulerar detta genom att till kommunen lämna väl genomarbetade och korrekta ansökningar.",
                comments: &[
                    "Väl genomarbetade -> vad menas?",
                    "Kommunicera ut att kommunen kan hjälpa till med ansökningar",
                    "\"En dörr in\"",
                ],
            },
        ],
    ),
    (
        "Mångfald",
        &[
            Remarked {
                party: Party::Municipality,
                heading: "",
                body: "I syfte att åstadkomma en bredd av föreningar och föreningsaktiva ska kommunen bland annat via En dörr in verka för jämlika förutsättningar vid bidragsgivning och vid uthyrning av lokaler.",
                comments: &[
                    "Det ska finnas föreningar för alla",
                    "Viktigt att göra det i föreningsliv, annars kommer kommersiella aktörer och gör samma sak och då kan det bli dyrt.",
                    "BRA!",
                ],
            },
            Remarked {
                party: Party::CivilSociety,
                heading: "",
                body: "Det civila samhället ska arbeta för att öka samverkan med andra föreningar och organisationer.",
                comments: &["Samverkan kring lokaler tex"],
            },
        ],
    ),
];

const LULEA_INTRO: &str = "På arbetsgruppsmötet den 19 juni 2018 deltog 12 personer, varav fem var representanter från civila samhället och sju var tjänstepersoner från Luleå kommun. Mötet pågick under två timmar och deltagarna diskuterade förslagen till åtaganden i två grupper.";

/// Load the agreement's demo data. Skips a municipality that is missing or already has an
/// agreement, so running it twice changes nothing.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    if let Some(m) = tenants::by_slug(db, "sala").await? {
        if store::versions(db, m.id).await?.is_empty() {
            // Seed 001, "Kort bakgrund": kommunfullmäktige adopted the six principles on
            // 28 February 2018.
            adopted(db, m.id, SALA_INTRO, SALA, "kommunfullmäktige", "2018-02-28", now).await?;
            for (on, kind, title, body) in SALA_TIMELINE {
                let input = TimelineInput {
                    happened_on: on,
                    kind: *kind,
                    title,
                    body,
                };
                timeline::add_timeline_entry(db, m.id, &input, None, now).await?;
            }
        }
        // An invented IOP (see `specific::demo`), after the registry's associations.
        crate::specific::demo::load(db, m.id, now).await?;
    }
    if let Some(m) = tenants::by_slug(db, "orebro").await? {
        if store::versions(db, m.id).await?.is_empty() {
            // Invented: no seed says when or by whom Örebro's agreement was adopted.
            adopted(db, m.id, OREBRO_INTRO, OREBRO, "kommunfullmäktige", "2016-06-21", now).await?;
        }
    }
    if let Some(m) = tenants::by_slug(db, "lulea").await? {
        if store::versions(db, m.id).await?.is_empty() {
            lulea(db, m.id, now).await?;
        }
    }
    Ok(())
}

async fn adopted(
    db: &Db,
    municipality_id: MunicipalityId,
    intro: &str,
    principles: &[DemoPrinciple],
    by: &str,
    on: &str,
    now: i64,
) -> anyhow::Result<()> {
    let v = draft::start_draft(db, municipality_id, &[], None, now).await?;
    draft::update_intro(db, municipality_id, v.id, intro, None, now).await?;
    for p in principles {
        let input = PrincipleInput {
            number: None,
            name: p.name,
            body: p.body,
        };
        let pid = draft::add_principle(db, municipality_id, v.id, &input, None, now).await?;
        for (party, list) in [
            (Party::Municipality, p.municipality),
            (Party::CivilSociety, p.civil_society),
        ] {
            for body in list {
                let input = CommitmentInput {
                    party,
                    number: None,
                    heading: "",
                    body,
                };
                draft::add_commitment(db, municipality_id, pid, &input, None, now).await?;
            }
        }
    }
    draft::adopt(db, municipality_id, v.id, by, on, None, now).await?;
    Ok(())
}

/// A moment (UTC) as unix seconds.
fn at(year: i32, month: u32, day: u32, hour: u32) -> Option<i64> {
    Some(
        chrono::NaiveDate::from_ymd_opt(year, month, day)?
            .and_hms_opt(hour, 0, 0)?
            .and_utc()
            .timestamp(),
    )
}

/// Where a commitment stands: principle number, party, number within the party.
type Place = (i64, Party, i64);

async fn lulea(db: &Db, municipality_id: MunicipalityId, now: i64) -> anyhow::Result<()> {
    let v = draft::start_draft(db, municipality_id, &[], None, now).await?;
    draft::update_intro(
        db,
        municipality_id,
        v.id,
        "Förslag till lokal överenskommelse mellan Luleå kommun och det civila samhället.",
        None,
        now,
    )
    .await?;
    // (principle number, party, number within the party) → comments
    let mut wanted: Vec<(Place, &'static [&'static str])> = vec![];
    for ((name, commitments), number) in LULEA.iter().zip(1i64..) {
        let input = PrincipleInput {
            number: None,
            name,
            body: "",
        };
        let pid = draft::add_principle(db, municipality_id, v.id, &input, None, now).await?;
        let mut counts = [0i64; 2];
        for c in *commitments {
            let slot = usize::from(c.party == Party::CivilSociety);
            counts[slot] += 1;
            let input = CommitmentInput {
                party: c.party,
                number: None,
                heading: c.heading,
                body: c.body,
            };
            draft::add_commitment(db, municipality_id, pid, &input, None, now).await?;
            wanted.push(((number, c.party, counts[slot]), c.comments));
        }
    }
    // The consultation carries the seed's dates: the meeting of 19 June 2018 and the
    // compilation of 25 June 2018 (the demo's "now" when a date cannot be made).
    let meeting = at(2018, 6, 19, 16).unwrap_or(now);
    let compiled = at(2018, 6, 25, 10).unwrap_or(now);
    let cid = consultation::open_consultation(
        db,
        municipality_id,
        "Förslag till åtaganden, juni 2018",
        LULEA_INTRO,
        None,
        meeting,
    )
    .await?;
    let items = consultation::items(db, municipality_id, cid).await?;
    for ((principle, party, position), comments) in wanted {
        let Some(item) = items
            .iter()
            .find(|i| i.principle_position == principle && i.party == party && i.position == position)
        else {
            continue;
        };
        for body in comments {
            consultation::add_comment(db, municipality_id, item.id, None, body, meeting).await?;
        }
    }
    // Seed 004 is the compilation as it was sent out afterwards: closed and public.
    consultation::close_consultation(db, municipality_id, cid, None, meeting).await?;
    consultation::publish_consultation(db, municipality_id, cid, None, compiled).await?;
    Ok(())
}
