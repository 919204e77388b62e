//! Storage of a season's lifecycle (issue 15): closing a season early, its holiday dates, and
//! an applicant's changes to their own application (edit, withdraw). Every query names the
//! municipality; every change is in the audit trail.

use super::domain::NewApplication;
use super::lifecycle::Holiday;
use platform::audit::{self, Change};
use platform::auth::CurrentUser;
use platform::db::{Db, Insert};
use platform::MunicipalityId;
use sea_query::Iden;

/// The holidays' table.
#[derive(Iden)]
#[iden = "premises_season_holidays"]
enum Holidays {
    Table,
    MunicipalityId,
    SeasonId,
    Date,
    Name,
}

/// Close a season that takes applications, from this moment. False when it was not open.
pub async fn close(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    actor: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE premises_seasons SET status = 'closed', closed_at = $1 \
         WHERE municipality_id = $2 AND id = $3 AND status = 'open'",
    )
    .bind(now)
    .bind(municipality_id)
    .bind(season_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n > 0 {
        let change = Change::new(
            municipality_id,
            Some(actor),
            "premises.season.close",
            "premises_season",
            season_id,
            "closed early",
        );
        audit::record(&mut tx, change, now).await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// A season's holidays, by date.
pub async fn holidays(db: &Db, municipality_id: MunicipalityId, season_id: i64) -> Result<Vec<Holiday>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT date, name FROM premises_season_holidays WHERE municipality_id = $1 AND season_id = $2 ORDER BY date",
    )
    .bind(municipality_id)
    .bind(season_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(d, name)| {
            Some(Holiday {
                date: crate::domain::parse_date(&d)?,
                name,
            })
        })
        .collect())
}

/// Replace a season's holidays with these.
pub async fn set_holidays(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    list: &[Holiday],
    actor: &CurrentUser,
    now: i64,
) -> Result<(), sqlx::Error> {
    platform::db::write(db, now, async |tx| {
        sqlx::query("DELETE FROM premises_season_holidays WHERE municipality_id = $1 AND season_id = $2")
            .bind(municipality_id)
            .bind(season_id)
            .execute(&mut *tx)
            .await?;
        for h in list {
            let _: i64 = Insert::into(Holidays::Table)
                .set(Holidays::MunicipalityId, municipality_id)
                .set(Holidays::SeasonId, season_id)
                .set(Holidays::Date, h.date.to_string())
                .set(Holidays::Name, h.name.as_str())
                .returning_id(tx)
                .await?;
        }
        let summary = super::lifecycle::holidays_text(list).replace('\n', ", ");
        let change = Change::new(
            municipality_id,
            Some(actor),
            "premises.season.holidays",
            "premises_season",
            season_id,
            summary,
        );
        Ok::<_, sqlx::Error>(((), change))
    })
    .await
}

/// The applications a person may change: theirs, in this season, not yet decided on.
const MINE_UNDECIDED: &str =
    "municipality_id = $1 AND season_id = $2 AND id = $3 AND user_id = $4 AND status = 'pending' AND decided_at IS NULL";

/// Change one's own application (still pending, not decided). False when there is no such
/// application (someone else's, decided, or gone).
#[allow(clippy::too_many_arguments)]
pub async fn edit_application(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    id: i64,
    a: &NewApplication,
    booker_name: &str,
    user: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let n = sqlx::query(&format!(
        "UPDATE premises_applications SET organisation_id = $5, booker_name = $6, email = $7, room_id = $8, \
         weekday = $9, start_min = $10, end_min = $11, target_group = $12, attendees = $13, note = $14 \
         WHERE {MINE_UNDECIDED}"
    ))
    .bind(municipality_id)
    .bind(season_id)
    .bind(id)
    .bind(user.id)
    .bind(a.organisation_id)
    .bind(booker_name)
    .bind(a.email.as_str())
    .bind(a.room_id)
    .bind(a.weekday)
    .bind(a.start_min)
    .bind(a.end_min)
    .bind(a.target_group.as_str())
    .bind(a.attendees)
    .bind(a.note.as_str())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n > 0 {
        let change = Change::new(
            municipality_id,
            Some(user),
            "premises.season.application.edit",
            "premises_application",
            id,
            booker_name,
        );
        audit::record(&mut tx, change, now).await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// Withdraw one's own application (still pending, not decided): it is removed; the audit trail
/// keeps that it was. False when there is no such application.
pub async fn withdraw_application(
    db: &Db,
    municipality_id: MunicipalityId,
    season_id: i64,
    id: i64,
    user: &CurrentUser,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.write().await?;
    let name: Option<(String,)> = sqlx::query_as(&format!(
        "SELECT booker_name FROM premises_applications WHERE {MINE_UNDECIDED}"
    ))
    .bind(municipality_id)
    .bind(season_id)
    .bind(id)
    .bind(user.id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((name,)) = name else {
        tx.rollback().await?;
        return Ok(false);
    };
    sqlx::query(&format!("DELETE FROM premises_applications WHERE {MINE_UNDECIDED}"))
        .bind(municipality_id)
        .bind(season_id)
        .bind(id)
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    let change = Change::new(
        municipality_id,
        Some(user),
        "premises.season.application.withdraw",
        "premises_application",
        id,
        name,
    );
    audit::record(&mut tx, change, now).await?;
    tx.commit().await?;
    Ok(true)
}
