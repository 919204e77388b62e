//! Writing a profile: editing an organisation (name and organisationsnummer included) and
//! registering a new one; each change with its audit entry in one transaction.

use crate::confirmation::reminders;
use crate::domain::{self, Category, OrgNumber};
use crate::facts::domain::FactsEdit;
use crate::facts::store::{giro_summary, write_facts};
use crate::store::{search_texts, Organisations, ProfileEdit, Profiles, RegistryError, ORG_NUMBER};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Insert, OnConstraint, Update};
use platform::{MunicipalityId, OrganisationId};

/// Write the profile's own columns (the row exists: the trigger made it with the organisation).
async fn write_profile(
    tx: &mut sqlx::AnyConnection,
    id: OrganisationId,
    e: &ProfileEdit,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (search_name, search_body) = search_texts(e);
    Update::table(Profiles::Table)
        .set(Profiles::LegalForm, e.legal_form.code())
        .set(Profiles::Categories, Category::to_bits(&e.categories))
        .set(Profiles::Mission, &e.mission)
        .set(Profiles::Email, &e.email)
        .set(Profiles::Phone, &e.phone)
        .set(Profiles::Website, &e.website)
        .set(Profiles::SocialLinks, e.social_links.join("\n"))
        .set(Profiles::PostalAddress, &e.postal_address)
        .set(Profiles::VisitingAddress, &e.visiting_address)
        .set(Profiles::MemberCount, e.member_count)
        .set(Profiles::TargetGroups, &e.target_groups)
        .set(Profiles::UpdatedAt, now)
        .set(Profiles::SortKey, domain::sort_key(&e.name))
        .set(Profiles::SearchName, search_name)
        .set(Profiles::SearchBody, search_body)
        .filter(Profiles::OrganisationId, id)
        .run(tx)
        .await?;
    Ok(())
}

fn org_number(e: &ProfileEdit) -> Option<String> {
    e.org_number.as_ref().map(|n| OrgNumber::as_str(n).to_string())
}

/// Change an organisation's profile (name and organisationsnummer included).
pub async fn update(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    e: &ProfileEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), RegistryError> {
    save(db, municipality_id, id, e, None, actor, now).await
}

/// Change an organisation's profile and its grant facts (account, board, annual meeting). A
/// changed account is named in the audit entry.
pub async fn update_with_facts(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    e: &ProfileEdit,
    facts: &FactsEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), RegistryError> {
    save(db, municipality_id, id, e, Some(facts), actor, now).await
}

async fn save(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    e: &ProfileEdit,
    facts: Option<&FactsEdit>,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), RegistryError> {
    db::write(db, now, async |tx| {
        let done = Update::table(Organisations::Table)
            .set(Organisations::Name, &e.name)
            .set(Organisations::OrgNumber, org_number(e))
            .filter(Organisations::Id, id)
            .filter(Organisations::MunicipalityId, municipality_id)
            .run(tx)
            .await
            .on_unique(ORG_NUMBER, || RegistryError::DuplicateNumber)?;
        if done != 1 {
            return Err(RegistryError::NotFound);
        }
        write_profile(tx, id, e, now).await?;
        let mut summary = e.name.clone();
        if let Some(f) = facts {
            let before = write_facts(tx, id, f).await?;
            let after = f
                .giro
                .as_ref()
                .map(|g| (g.kind.code().to_string(), g.number().to_string()));
            if before != after {
                summary = format!("{summary}; utbetalningskonto: {}", giro_summary(f.giro.as_ref()));
            }
        }
        let change = Change::new(
            municipality_id,
            actor,
            "registry.profile.update",
            "organisation",
            id,
            summary,
        );
        Ok(((), change))
    })
    .await
}

/// In the caller's transaction: the organisation and its profile (not audited: the caller
/// records the change).
pub(crate) async fn insert(
    tx: &mut sqlx::AnyConnection,
    municipality_id: MunicipalityId,
    e: &ProfileEdit,
    now: i64,
) -> Result<OrganisationId, RegistryError> {
    let id: OrganisationId = Insert::into(Organisations::Table)
        .set(Organisations::MunicipalityId, municipality_id)
        .set(Organisations::Name, &e.name)
        .set(Organisations::OrgNumber, org_number(e))
        .set(Organisations::CreatedAt, now)
        .returning_id(tx)
        .await
        .on_unique(ORG_NUMBER, || RegistryError::DuplicateNumber)?;
    write_profile(tx, id, e, now).await?;
    Ok(id)
}

/// Register a new organisation with its profile.
pub async fn create(
    db: &Db,
    municipality_id: MunicipalityId,
    e: &ProfileEdit,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<OrganisationId, RegistryError> {
    db::write(db, now, async |tx| {
        let id = insert(tx, municipality_id, e, now).await?;
        // An instance with organisations always has its daily reminder run queued.
        reminders::ensure(tx, now + reminders::DAY, now).await?;
        let change = Change::new(
            municipality_id,
            actor,
            "registry.profile.create",
            "organisation",
            id,
            &e.name,
        );
        Ok((id, change))
    })
    .await
}
