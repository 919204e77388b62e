//! Adding and removing an organisation's contact people and premises (read by
//! `store::contacts` and `store::premises`); each change audited, and the profile marked
//! changed, in one transaction.

use crate::domain::Feature;
use crate::ids::{ContactId, PremisesId};
use crate::store::{owns, touch, RegistryError};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert};
use platform::{MunicipalityId, OrganisationId};

#[derive(sea_query::Iden)]
#[iden = "registry_contacts"]
enum Contacts {
    Table,
    Id,
    OrganisationId,
    Position,
    Name,
    Role,
    Email,
    Phone,
    IsPublic,
    ConsentAt,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "registry_premises"]
enum Places {
    Table,
    Id,
    OrganisationId,
    Position,
    Name,
    Address,
    Capacity,
    Equipment,
    CreatedAt,
}

/// A new contact person (consent is recorded as given now).
#[derive(Clone, Debug)]
pub struct NewContact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub is_public: bool,
}

/// New premises of an organisation.
#[derive(Clone, Debug)]
pub struct NewPremises {
    pub name: String,
    pub address: String,
    pub capacity: Option<i64>,
    pub equipment: String,
    pub features: Vec<Feature>,
}

/// The position after the organisation's last row of `table` (contacts or premises).
async fn next_position(tx: &mut sqlx::AnyConnection, table: &str, id: OrganisationId) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!(
        "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM {table} WHERE organisation_id = $1"
    ))
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    Ok(n)
}

pub async fn add_contact(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    c: &NewContact,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<ContactId, RegistryError> {
    db::write(db, now, async |tx| {
        if !owns(tx, municipality_id, id).await? {
            return Err(RegistryError::NotFound);
        }
        let position = next_position(tx, "registry_contacts", id).await?;
        let cid: ContactId = Insert::into(Contacts::Table)
            .set(Contacts::OrganisationId, id)
            .set(Contacts::Position, position)
            .set(Contacts::Name, &c.name)
            .set(Contacts::Role, &c.role)
            .set(Contacts::Email, &c.email)
            .set(Contacts::Phone, &c.phone)
            .set(Contacts::IsPublic, i64::from(c.is_public))
            .set(Contacts::ConsentAt, now)
            .set(Contacts::CreatedAt, now)
            .returning_id(tx)
            .await?;
        touch(tx, id, now).await?;
        let change = Change::new(
            municipality_id,
            actor,
            "registry.contact.add",
            "organisation",
            id,
            &c.name,
        );
        Ok((cid, change))
    })
    .await
}

pub async fn remove_contact(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    contact_id: ContactId,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    let part = Part {
        remove: Delete::from(Contacts::Table)
            .filter(Contacts::Id, contact_id)
            .filter(Contacts::OrganisationId, id),
        action: "registry.contact.remove",
        summary: format!("contact {contact_id}"),
    };
    remove_part(db, municipality_id, id, part, actor, now).await
}

pub async fn add_premises(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    p: &NewPremises,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<PremisesId, RegistryError> {
    db::write(db, now, async |tx| {
        if !owns(tx, municipality_id, id).await? {
            return Err(RegistryError::NotFound);
        }
        let position = next_position(tx, "registry_premises", id).await?;
        let mut insert = Insert::into(Places::Table)
            .set(Places::OrganisationId, id)
            .set(Places::Position, position)
            .set(Places::Name, &p.name)
            .set(Places::Address, &p.address)
            .set(Places::Capacity, p.capacity)
            .set(Places::Equipment, &p.equipment)
            .set(Places::CreatedAt, now);
        // One 0/1 column per accessibility feature, named by the feature.
        for f in Feature::ALL {
            insert = insert.set(sea_query::Alias::new(f.column()), i64::from(p.features.contains(&f)));
        }
        let pid: PremisesId = insert.returning_id(tx).await?;
        touch(tx, id, now).await?;
        let change = Change::new(
            municipality_id,
            actor,
            "registry.premises.add",
            "organisation",
            id,
            &p.name,
        );
        Ok((pid, change))
    })
    .await
}

pub async fn remove_premises(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    premises_id: PremisesId,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    let part = Part {
        remove: Delete::from(Places::Table)
            .filter(Places::Id, premises_id)
            .filter(Places::OrganisationId, id),
        action: "registry.premises.remove",
        summary: format!("premises {premises_id}"),
    };
    remove_part(db, municipality_id, id, part, actor, now).await
}

/// The removal of a contact person or premises of an organisation and how it is audited.
struct Part {
    remove: Delete,
    action: &'static str,
    summary: String,
}

/// Remove one row of an organisation's part (contacts, premises), audited, or `NotFound` when
/// the organisation is not this municipality's or the row is not the organisation's.
async fn remove_part(
    db: &Db,
    municipality_id: MunicipalityId,
    id: OrganisationId,
    part: Part,
    actor: &CurrentUser,
    now: i64,
) -> Result<(), RegistryError> {
    db::write(db, now, async |tx| {
        if !owns(tx, municipality_id, id).await? {
            return Err(RegistryError::NotFound);
        }
        if part.remove.run(tx).await? != 1 {
            return Err(RegistryError::NotFound);
        }
        touch(tx, id, now).await?;
        let change = Change::new(
            municipality_id,
            Some(actor),
            part.action,
            "organisation",
            id,
            part.summary,
        );
        Ok(((), change))
    })
    .await
}
