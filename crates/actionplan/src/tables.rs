//! The action plan's tables, each described once for the writes (`platform::db::{Insert,
//! Update, Delete}` name a column next to its value). Reads stay hand-written SQL in the stores.

use platform::db::Unique;
use sea_query::Iden;

#[derive(Iden)]
#[iden = "actionplan_plans"]
pub enum Plans {
    Table,
    Id,
    MunicipalityId,
    Title,
    PeriodStart,
    PeriodEnd,
    AdoptedBy,
    AdoptedOn,
    Intro,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden)]
#[iden = "actionplan_areas"]
pub enum Areas {
    Table,
    Id,
    MunicipalityId,
    PlanId,
    Number,
    Name,
    GroupName,
    CreatedAt,
}

#[derive(Iden)]
#[iden = "actionplan_goals"]
pub enum Goals {
    Table,
    Id,
    MunicipalityId,
    AreaId,
    Owner,
    Text,
    Position,
    CreatedAt,
}

#[derive(Iden)]
#[iden = "actionplan_activities"]
pub enum Activities {
    Table,
    Id,
    MunicipalityId,
    GoalId,
    Position,
    Text,
    TimeText,
    TimeStart,
    TimeEnd,
    ResponsibleText,
    ResponsibleDepartmentId,
    ResponsibleUserId,
    ResponsibleOrganisationId,
    FollowUpText,
    FollowUpOn,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden)]
#[iden = "actionplan_notes"]
pub enum Notes {
    Table,
    MunicipalityId,
    ActivityId,
    AuthorUserId,
    AuthorName,
    NotedOn,
    StatusAfter,
    Text,
    CreatedAt,
}

#[derive(Iden)]
#[iden = "actionplan_groups"]
pub enum Groups {
    Table,
    MunicipalityId,
    PlanId,
    AreaId,
    GoalId,
    Name,
    Description,
    ConvenerUserId,
    CreatedAt,
}

#[derive(Iden)]
#[iden = "actionplan_members"]
pub enum Members {
    Table,
    MunicipalityId,
    GroupId,
    UserId,
    ConsentAt,
}

#[derive(Iden)]
#[iden = "actionplan_import_drafts"]
pub enum Drafts {
    Table,
    Id,
    MunicipalityId,
    UserId,
    PlanJson,
    CreatedAt,
}

/// One membership per person and group.
pub const MEMBER: Unique = Unique {
    table: "actionplan_members",
    columns: &["group_id", "user_id"],
};
