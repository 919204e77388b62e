//! The grants' tables, each described once for the writes (`platform::db::{Insert, Update,
//! Delete}` name a column next to its value). Reads stay hand-written SQL in the stores.

use platform::db::Unique;
use sea_query::Iden;

#[derive(Iden)]
#[iden = "grants_programmes"]
pub enum Programmes {
    Table,
    Id,
    MunicipalityId,
    Kind,
    Name,
    Description,
    Criteria,
    Rules,
    Eligibility,
    Attachments,
    Published,
    CreatedAt,
    UpdatedAt,
}

/// One programme of a name per municipality.
pub const PROGRAMME_NAME: Unique = Unique {
    table: "grants_programmes",
    columns: &["municipality_id", "name"],
};

#[derive(Iden)]
#[iden = "grants_periods"]
pub enum Periods {
    Table,
    MunicipalityId,
    ProgrammeId,
    Name,
    StartsOn,
    EndsOn,
    OpensOn,
    Deadline,
    BudgetOre,
    CreatedAt,
}

/// One period of a name per programme.
pub const PERIOD_NAME: Unique = Unique {
    table: "grants_periods",
    columns: &["programme_id", "name"],
};
