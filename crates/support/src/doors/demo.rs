//! "En dörr in" in the demo: Sala's topics routed to its departments and a few cases in each
//! status. Seed 004 asks for the way in ("En dörr in", reach the municipality and get an answer
//! from the responsible person, help with applications); the seeds hold no actual questions.
//!
//! INVENTED for the demo, all of it: the topics and where they go (Sala's demo departments),
//! the askers (plainly made-up names at example addresses), their questions, the answers, the
//! rating and the published question. The waiting case past its last day is marked as already
//! escalated, so loading the demo sends no letters; no receipts are sent either.

use super::domain::{self, Question, Status};
use super::store::{self, Cases, Messages};
use platform::db::{Db, Insert, Update};
use platform::tenants::store as tenants;
use platform::{MunicipalityId, UserId};

const DAY: i64 = 24 * 3600;

/// Sala's topics and cases, once.
pub(crate) async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some(m) = tenants::by_slug(db, "sala").await? else {
        return Ok(());
    };
    if !store::topics(db, m.id).await?.is_empty() {
        return Ok(());
    }
    let departments = tenants::departments(db, m.id).await?;
    let dept = |name: &str| departments.iter().find(|d| d.name == name).map(|d| d.id);
    let staff: Option<(UserId,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind("personal.sala@demo.overens.example")
        .fetch_optional(&db.pool)
        .await?;
    let staff = staff.map(|s| s.0);
    let topics = [
        ("Bidrag och ansökningar", dept("Kultur och fritid")),
        ("Lokaler och anläggningar", dept("Kultur och fritid")),
        ("Föreningsregistret", dept("Medborgarkontoret")),
        // No department: the coordinator routes these by hand.
        ("Övrigt", None),
    ];
    let mut ids = vec![];
    for (name, d) in topics {
        let id = insert_topic(db, m.id, name, d, now).await?;
        ids.push(id);
    }
    let ask = |topic: usize, question: &str, organisation: &str, name: &str, email: &str| Question {
        topic: ids[topic],
        question: question.into(),
        organisation: organisation.into(),
        name: name.into(),
        email: email.into(),
    };
    let days = domain::DEFAULT_ANSWER_DAYS;
    // Closed, answered, rated and published; answered; waiting past its last day; new, unrouted.
    let closed = receive(
        db,
        m.id,
        &ask(
            0,
            "Hur ansöker vi om aktivitetsstöd för hösten, och när ska ansökan vara inne?",
            "Exempelföreningen i Sala",
            "Exempel Exempelsson",
            "exempel.exempelsson@example.se",
        ),
        days,
        now - 30 * DAY,
    )
    .await?;
    answer(db, m.id, closed, staff, "Ansökan om aktivitetsstöd för hösten lämnas senast den 25 augusti. Ni hittar formuläret under Bidrag här på plattformen.", now - 28 * DAY).await?;
    finish(
        db,
        m.id,
        closed,
        Status::Closed,
        Some((5, "Snabbt och tydligt svar.")),
        now - 27 * DAY,
    )
    .await?;
    insert_faq(
        db,
        m.id,
        closed,
        "När ska ansökan om aktivitetsstöd för hösten vara inne?",
        "Senast den 25 augusti. Formuläret finns under Bidrag.",
        now - 27 * DAY,
    )
    .await?;
    let answered = receive(
        db,
        m.id,
        &ask(
            1,
            "Finns det en lokal för ett årsmöte med 40 personer en kväll i mars?",
            "",
            "Testa Testsson",
            "testa.testsson@example.se",
        ),
        days,
        now - 6 * DAY,
    )
    .await?;
    answer(
        db,
        m.id,
        answered,
        staff,
        "Ja, Väsby kungsgård går att boka för 40 personer. Boka under Lokaler.",
        now - 5 * DAY,
    )
    .await?;
    let late = receive(
        db,
        m.id,
        &ask(
            0,
            "Vi är en ny förening. Kan vi få hjälp att skriva vår första bidragsansökan?",
            "Nya föreningen",
            "Prov Provsson",
            "prov.provsson@example.se",
        ),
        days,
        now - 12 * DAY,
    )
    .await?;
    finish(db, m.id, late, Status::Assigned, None, now).await?;
    receive(
        db,
        m.id,
        &ask(
            3,
            "Vem kan jag prata med om en idé om en gemensam föreningsdag?",
            "",
            "Demo Demosson",
            "demo.demosson@example.se",
        ),
        days,
        now - DAY,
    )
    .await?;
    Ok(())
}

async fn insert_topic(
    db: &Db,
    m: MunicipalityId,
    name: &str,
    department: Option<platform::DepartmentId>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.write().await?;
    let id: i64 = Insert::into(store::Topics::Table)
        .set(store::Topics::MunicipalityId, m)
        .set(store::Topics::Name, name)
        .set(store::Topics::DepartmentId, department)
        .set(store::Topics::CreatedAt, now)
        .returning_id(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

async fn receive(db: &Db, m: MunicipalityId, q: &Question, days: i64, at: i64) -> anyhow::Result<crate::ids::CaseId> {
    let mut tx = db.write().await?;
    let (case, _) = store::receive(&mut tx, m, q, days, at).await?;
    tx.commit().await?;
    Ok(case.id)
}

async fn answer(
    db: &Db,
    m: MunicipalityId,
    id: crate::ids::CaseId,
    by: Option<UserId>,
    body: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    Insert::into(Messages::Table)
        .set(Messages::CaseId, id)
        .set(Messages::MunicipalityId, m)
        .set(Messages::FromAsker, 0)
        .set(Messages::UserId, by)
        .set(Messages::Body, body)
        .set(Messages::CreatedAt, at)
        .run(&mut tx)
        .await?;
    Update::table(Cases::Table)
        .set(Cases::Status, Status::Answered.as_str())
        .set(Cases::AnsweredAt, at)
        .filter(Cases::Id, id)
        .run(&mut tx)
        .await?;
    tx.commit().await
}

/// Close a case (with a rating), or mark a waiting one as already escalated.
async fn finish(
    db: &Db,
    m: MunicipalityId,
    id: crate::ids::CaseId,
    to: Status,
    rating: Option<(i64, &str)>,
    at: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    let mut q = Update::table(Cases::Table);
    if to == Status::Closed {
        q = q.set(Cases::Status, to.as_str()).set(Cases::ClosedAt, at);
    } else {
        q = q.set(Cases::EscalatedAt, at);
    }
    if let Some((grade, comment)) = rating {
        q = q.set(Cases::Rating, grade).set(Cases::RatingComment, comment);
    }
    q.filter(Cases::Id, id)
        .filter(Cases::MunicipalityId, m)
        .run(&mut tx)
        .await?;
    tx.commit().await
}

async fn insert_faq(
    db: &Db,
    m: MunicipalityId,
    id: crate::ids::CaseId,
    question: &str,
    answer: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    store::insert_faq(&mut tx, m, id, question, answer, at).await?;
    tx.commit().await
}
