//! The programmes' and periods' queries. Every function takes the municipality and filters by
//! it; a programme of another municipality is not found.

use crate::ids::{PeriodId, ProgrammeId};
use crate::programmes::domain::{Attachment, Eligibility, Kind, NewPeriod, NewProgramme, PeriodDates, Rules};
use crate::programmes::questions::{self, ChangeRefused, Question, QuestionChange};
use crate::tables::{Periods, Programmes, PERIOD_NAME, PROGRAMME_NAME};
use chrono::NaiveDate;
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint};
use platform::MunicipalityId;
use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Debug, thiserror::Error)]
pub enum ProgrammeError {
    #[error("a programme or period of that name exists")]
    Taken,
    #[error("no such programme in this municipality")]
    NotFound,
    #[error("no such question in the programme")]
    NoQuestion,
    #[error("the programme has as many questions as it may")]
    TooManyQuestions,
    #[error("stored rules do not read: {0}")]
    Stored(#[from] serde_json::Error),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Clone, Debug)]
pub struct Programme {
    pub id: ProgrammeId,
    pub kind: Kind,
    pub name: String,
    pub description: String,
    pub criteria: String,
    pub rules: Rules,
    pub eligibility: Eligibility,
    pub attachments: Vec<Attachment>,
    /// The questions of the application form, in the order asked.
    pub questions: Vec<Question>,
    pub published: bool,
}

#[derive(Clone, Debug)]
pub struct Period {
    pub id: PeriodId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub dates: PeriodDates,
    pub budget_ore: i64,
}

const PROGRAMME: &str =
    "SELECT id, kind, name, description, criteria, rules, eligibility, attachments, questions, published \
     FROM grants_programmes";

fn programme(r: &AnyRow) -> Result<Programme, ProgrammeError> {
    let kind: String = r.try_get("kind")?;
    let rules: String = r.try_get("rules")?;
    let eligibility: String = r.try_get("eligibility")?;
    let attachments: String = r.try_get("attachments")?;
    let questions: String = r.try_get("questions")?;
    let published: i64 = r.try_get("published")?;
    let rules: Rules = serde_json::from_str(&rules)?;
    Ok(Programme {
        id: r.try_get("id")?,
        kind: Kind::parse(&kind).unwrap_or(rules.kind()),
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        criteria: r.try_get("criteria")?,
        rules,
        eligibility: serde_json::from_str(&eligibility)?,
        attachments: serde_json::from_str(&attachments)?,
        questions: serde_json::from_str(&questions)?,
        published: published != 0,
    })
}

fn date(s: &str) -> Result<NaiveDate, sqlx::Error> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn period(r: &AnyRow) -> Result<Period, sqlx::Error> {
    let text = |c: &str| -> Result<NaiveDate, sqlx::Error> { date(&r.try_get::<String, _>(c)?) };
    Ok(Period {
        id: r.try_get("id")?,
        programme_id: r.try_get("programme_id")?,
        name: r.try_get("name")?,
        dates: PeriodDates {
            starts_on: text("starts_on")?,
            ends_on: text("ends_on")?,
            opens_on: text("opens_on")?,
            deadline: text("deadline")?,
        },
        budget_ore: r.try_get("budget_ore")?,
    })
}

const PERIOD: &str =
    "SELECT id, programme_id, name, starts_on, ends_on, opens_on, deadline, budget_ore FROM grants_periods";

/// The municipality's programmes (only the published ones unless `all`), in Swedish order,
/// with every period of each (two queries, whatever the number of programmes).
pub async fn programmes(
    db: &Db,
    municipality_id: MunicipalityId,
    all: bool,
) -> Result<Vec<(Programme, Vec<Period>)>, ProgrammeError> {
    let only_published = if all { "" } else { " AND published = 1" };
    let rows = sqlx::query(&format!("{PROGRAMME} WHERE municipality_id = $1{only_published}"))
        .bind(municipality_id)
        .fetch_all(&db.pool)
        .await?;
    let mut list: Vec<Programme> = rows.iter().map(programme).collect::<Result<_, _>>()?;
    list.sort_by(|a, b| platform::rules::swedish_cmp(&a.name, &b.name).then(a.id.cmp(&b.id)));
    let periods: Vec<Period> = sqlx::query(&format!("{PERIOD} WHERE municipality_id = $1 ORDER BY deadline, id"))
        .bind(municipality_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(period)
        .collect::<Result<_, _>>()?;
    Ok(list
        .into_iter()
        .map(|p| {
            let of = periods.iter().filter(|x| x.programme_id == p.id).cloned().collect();
            (p, of)
        })
        .collect())
}

/// One programme with its periods (in deadline order), if it is the municipality's.
pub async fn programme_by_id(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ProgrammeId,
) -> Result<Option<(Programme, Vec<Period>)>, ProgrammeError> {
    let Some(row) = sqlx::query(&format!("{PROGRAMME} WHERE municipality_id = $1 AND id = $2"))
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
    else {
        return Ok(None);
    };
    let p = programme(&row)?;
    let periods = sqlx::query(&format!(
        "{PERIOD} WHERE municipality_id = $1 AND programme_id = $2 ORDER BY deadline, id"
    ))
    .bind(municipality_id)
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(period)
    .collect::<Result<_, _>>()?;
    Ok(Some((p, periods)))
}

/// What a new programme is made of besides its fields: the kind's rules (its defaults unless
/// given), the requirements, the attachments, the questions of its form and whether the public
/// sees it yet.
pub struct ProgrammeSetup {
    pub rules: Rules,
    pub eligibility: Eligibility,
    pub attachments: Vec<Attachment>,
    /// With their ids ("q1", …); a question added later gets a number after the highest.
    pub questions: Vec<Question>,
    pub published: bool,
}

impl ProgrammeSetup {
    /// A new programme with its kind's default rules and the usual requirements, unpublished.
    pub fn defaults(kind: Kind) -> ProgrammeSetup {
        ProgrammeSetup {
            rules: kind.default_rules(),
            eligibility: Eligibility::usual(),
            attachments: vec![
                Attachment::Verksamhetsberattelse,
                Attachment::Arsmotesprotokoll,
                Attachment::EkonomiskRedovisning,
            ],
            questions: Vec::new(),
            published: false,
        }
    }
}

pub async fn create_programme(
    db: &Db,
    municipality_id: MunicipalityId,
    new: &NewProgramme,
    setup: &ProgrammeSetup,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<ProgrammeId, ProgrammeError> {
    let rules = serde_json::to_string(&setup.rules)?;
    let eligibility = serde_json::to_string(&setup.eligibility)?;
    let attachments = serde_json::to_string(&setup.attachments)?;
    let questions = serde_json::to_string(&setup.questions)?;
    let question_seq = i64::from(questions::last_number(&setup.questions));
    db::write(db, now, async |tx| {
        let id: ProgrammeId = Insert::into(Programmes::Table)
            .set(Programmes::MunicipalityId, municipality_id)
            .set(Programmes::Kind, setup.rules.kind().code())
            .set(Programmes::Name, new.name.as_str())
            .set(Programmes::Description, new.description.as_str())
            .set(Programmes::Criteria, new.criteria.as_str())
            .set(Programmes::Rules, rules.as_str())
            .set(Programmes::Eligibility, eligibility.as_str())
            .set(Programmes::Attachments, attachments.as_str())
            .set(Programmes::Questions, questions.as_str())
            .set(Programmes::QuestionSeq, question_seq)
            .set(Programmes::Published, i64::from(setup.published))
            .set(Programmes::CreatedAt, now)
            .set(Programmes::UpdatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(PROGRAMME_NAME, || ProgrammeError::Taken)?;
        let change = Change::new(
            municipality_id,
            actor,
            "grants.programme.create",
            "grants_programme",
            id,
            new.name.as_str(),
        );
        Ok((id, change))
    })
    .await
}

/// A change the coordinator makes to a programme of the municipality (the kind stays).
pub enum ProgrammeEdit {
    /// The name, description and criteria (the kind given must be the programme's).
    Text(NewProgramme),
    /// The rules, of the programme's kind.
    Rules(Rules),
    Eligibility(Eligibility),
    Attachments(Vec<Attachment>),
}

/// Changes a programme of the municipality. A rule of another kind than the programme's is as
/// if the programme were not there.
pub async fn edit_programme(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ProgrammeId,
    edit: &ProgrammeEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), ProgrammeError> {
    let update = db::Update::table(Programmes::Table)
        .set(Programmes::UpdatedAt, now)
        .filter(Programmes::MunicipalityId, municipality_id)
        .filter(Programmes::Id, id);
    let (update, action, summary) = match edit {
        ProgrammeEdit::Text(t) => (
            update
                .set(Programmes::Name, t.name.as_str())
                .set(Programmes::Description, t.description.as_str())
                .set(Programmes::Criteria, t.criteria.as_str())
                .filter(Programmes::Kind, t.kind.code()),
            "grants.programme.update",
            t.name.clone(),
        ),
        ProgrammeEdit::Rules(r) => {
            let json = serde_json::to_string(r)?;
            (
                update
                    .set(Programmes::Rules, json.as_str())
                    .filter(Programmes::Kind, r.kind().code()),
                "grants.programme.rules",
                json,
            )
        }
        ProgrammeEdit::Eligibility(e) => {
            let json = serde_json::to_string(e)?;
            (
                update.set(Programmes::Eligibility, json.as_str()),
                "grants.programme.eligibility",
                json,
            )
        }
        ProgrammeEdit::Attachments(a) => {
            let json = serde_json::to_string(a)?;
            (
                update.set(Programmes::Attachments, json.as_str()),
                "grants.programme.attachments",
                json,
            )
        }
    };
    db::write(db, now, async |tx| {
        let n = update
            .run(tx)
            .await
            .on_unique(PROGRAMME_NAME, || ProgrammeError::Taken)?;
        if n == 0 {
            return Err(ProgrammeError::NotFound);
        }
        Ok((
            (),
            Change::new(municipality_id, actor, action, "grants_programme", id, summary),
        ))
    })
    .await
}

/// Adds, moves or removes a question of a programme's form (read and written in one
/// transaction, the row locked, so two coordinators' changes both count).
pub async fn change_questions(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ProgrammeId,
    change: &QuestionChange,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), ProgrammeError> {
    let lock = db.for_update();
    db::write(db, now, async |tx| {
        let found: Option<(String, i64)> = sqlx::query_as(&format!(
            "SELECT questions, question_seq FROM grants_programmes WHERE municipality_id = $1 AND id = $2{lock}"
        ))
        .bind(municipality_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((stored, seq)) = found else {
            return Err(ProgrammeError::NotFound);
        };
        let mut list: Vec<Question> = serde_json::from_str(&stored)?;
        let seq = questions::apply(&mut list, u32::try_from(seq).unwrap_or(0), change).map_err(|e| match e {
            ChangeRefused::NoSuchQuestion => ProgrammeError::NoQuestion,
            ChangeRefused::TooMany => ProgrammeError::TooManyQuestions,
        })?;
        let json = serde_json::to_string(&list)?;
        db::Update::table(Programmes::Table)
            .set(Programmes::Questions, json.as_str())
            .set(Programmes::QuestionSeq, i64::from(seq))
            .set(Programmes::UpdatedAt, now)
            .filter(Programmes::MunicipalityId, municipality_id)
            .filter(Programmes::Id, id)
            .run(tx)
            .await?;
        let summary = match change {
            QuestionChange::Add(q) => format!("add q{seq}: {}", q.label),
            QuestionChange::Remove(q) => format!("remove {q}"),
            QuestionChange::Move(q, d) => format!("move {q} {d:?}"),
        };
        Ok((
            (),
            Change::new(
                municipality_id,
                actor,
                "grants.programme.questions",
                "grants_programme",
                id,
                summary,
            ),
        ))
    })
    .await
}

/// Publishes (or withdraws from the public) a programme of the municipality.
pub async fn set_published(
    db: &Db,
    municipality_id: MunicipalityId,
    id: ProgrammeId,
    published: bool,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), ProgrammeError> {
    db::write(db, now, async |tx| {
        let n = db::Update::table(Programmes::Table)
            .set(Programmes::Published, i64::from(published))
            .set(Programmes::UpdatedAt, now)
            .filter(Programmes::MunicipalityId, municipality_id)
            .filter(Programmes::Id, id)
            .run(tx)
            .await?;
        if n == 0 {
            return Err(ProgrammeError::NotFound);
        }
        let action = if published {
            "grants.programme.publish"
        } else {
            "grants.programme.unpublish"
        };
        Ok((
            (),
            Change::new(municipality_id, actor, action, "grants_programme", id, ""),
        ))
    })
    .await
}

/// Adds an application period to a programme of the municipality.
pub async fn add_period(
    db: &Db,
    municipality_id: MunicipalityId,
    programme_id: ProgrammeId,
    new: &NewPeriod,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<PeriodId, ProgrammeError> {
    db::write(db, now, async |tx| {
        let found: Option<(ProgrammeId,)> =
            sqlx::query_as("SELECT id FROM grants_programmes WHERE municipality_id = $1 AND id = $2")
                .bind(municipality_id)
                .bind(programme_id)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(ProgrammeError::NotFound);
        }
        let d = |x: NaiveDate| x.format("%Y-%m-%d").to_string();
        let id: PeriodId = Insert::into(Periods::Table)
            .set(Periods::MunicipalityId, municipality_id)
            .set(Periods::ProgrammeId, programme_id)
            .set(Periods::Name, new.name.as_str())
            .set(Periods::StartsOn, d(new.dates.starts_on))
            .set(Periods::EndsOn, d(new.dates.ends_on))
            .set(Periods::OpensOn, d(new.dates.opens_on))
            .set(Periods::Deadline, d(new.dates.deadline))
            .set(Periods::BudgetOre, new.budget_ore)
            .set(Periods::CreatedAt, now)
            .returning_id(tx)
            .await
            .on_unique(PERIOD_NAME, || ProgrammeError::Taken)?;
        let change = Change::new(
            municipality_id,
            actor,
            "grants.period.create",
            "grants_period",
            id,
            new.name.as_str(),
        );
        Ok((id, change))
    })
    .await
}

impl From<ProgrammeError> for platform::error::AppError {
    fn from(e: ProgrammeError) -> Self {
        match e {
            ProgrammeError::NotFound | ProgrammeError::NoQuestion => {
                platform::error::AppError::NotFound("err-not-found")
            }
            e => platform::error::AppError::Internal(e.into()),
        }
    }
}

/// A period of the municipality with its programme, in one query.
pub async fn period_by_id(
    db: &Db,
    municipality_id: MunicipalityId,
    id: PeriodId,
) -> Result<Option<(Programme, Period)>, ProgrammeError> {
    let row = sqlx::query(
        "SELECT g.id, g.kind, g.name, g.description, g.criteria, g.rules, g.eligibility, g.attachments, \
         g.questions, g.published, p.id AS period_id, p.name AS period_name, p.starts_on, p.ends_on, \
         p.opens_on, p.deadline, p.budget_ore \
         FROM grants_periods p JOIN grants_programmes g ON g.id = p.programme_id \
         WHERE p.municipality_id = $1 AND p.id = $2 AND g.municipality_id = $1",
    )
    .bind(municipality_id)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let programme = programme(&r)?;
    let text = |c: &str| -> Result<NaiveDate, sqlx::Error> { date(&r.try_get::<String, _>(c)?) };
    let period = Period {
        id: r.try_get("period_id")?,
        programme_id: programme.id,
        name: r.try_get("period_name")?,
        dates: PeriodDates {
            starts_on: text("starts_on")?,
            ends_on: text("ends_on")?,
            opens_on: text("opens_on")?,
            deadline: text("deadline")?,
        },
        budget_ore: r.try_get("budget_ore")?,
    };
    Ok(Some((programme, period)))
}

/// A period of a published programme whose deadline has not passed, for the start page:
/// (programme, its name, period, its name, opens on, deadline).
pub type Deadline = (ProgrammeId, String, PeriodId, String, String, String);

/// The `n` nearest deadlines of published programmes on or after `today`, nearest first (one
/// query; dates are stored as `YYYY-MM-DD`, which sort as text).
pub async fn deadlines(db: &Db, m: MunicipalityId, today: &str, n: i64) -> Result<Vec<Deadline>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name, d.id, d.name, d.opens_on, d.deadline FROM grants_periods d \
         JOIN grants_programmes p ON p.id = d.programme_id \
         WHERE d.municipality_id = $1 AND p.published = 1 AND d.deadline >= $2 \
         ORDER BY d.deadline, p.name, d.id LIMIT $3",
    )
    .bind(m)
    .bind(today)
    .bind(n)
    .fetch_all(&db.pool)
    .await
}
