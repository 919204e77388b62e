//! TEMPORARY copies of other crates' public.rs while they do not compile (removed before commit).
pub mod registry {
    pub mod public {

        use platform::db::Db;
        use platform::{MunicipalityId, OrganisationId};

        /// The e-mail addresses of the registry's contact persons in the municipality (every contact
        /// consented to be listed when added), optionally only those of the given organisations.
        pub async fn contact_emails(
            db: &Db,
            municipality_id: MunicipalityId,
            of: Option<&[OrganisationId]>,
        ) -> Result<Vec<String>, sqlx::Error> {
            let rows: Vec<(OrganisationId, String)> = sqlx::query_as(
        "SELECT c.organisation_id, c.email FROM registry_contacts c JOIN organisations o ON o.id = c.organisation_id \
         WHERE o.municipality_id = $1 AND c.email <> '' ORDER BY c.id",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
            Ok(rows
                .into_iter()
                .filter(|(o, _)| of.is_none_or(|of| of.contains(o)))
                .map(|(_, e)| e)
                .collect())
        }
    }
}
pub mod signing {
    pub mod public {

        use platform::db::Db;
        use platform::{MunicipalityId, OrganisationId};

        /// The organisations whose signature of the municipality's agreement is in force.
        pub async fn signatory_organisations(
            db: &Db,
            municipality_id: MunicipalityId,
        ) -> Result<Vec<OrganisationId>, sqlx::Error> {
            let rows: Vec<(OrganisationId,)> = sqlx::query_as(
                "SELECT organisation_id FROM signatures \
         WHERE municipality_id = $1 AND withdrawn_at IS NULL AND organisation_id IS NOT NULL ORDER BY id",
            )
            .bind(municipality_id)
            .fetch_all(&db.pool)
            .await?;
            Ok(rows.into_iter().map(|r| r.0).collect())
        }
    }
}
pub mod agreement {
    pub mod public {

        use platform::db::Db;
        use platform::MunicipalityId;

        /// One event of the agreement's timeline.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct TimelineEntry {
            /// ISO date.
            pub happened_on: String,
            pub title: String,
            pub body: String,
        }

        /// The timeline up to and including `until` (an ISO date), earliest first.
        pub async fn timeline_until(
            db: &Db,
            municipality_id: MunicipalityId,
            until: &str,
        ) -> Result<Vec<TimelineEntry>, sqlx::Error> {
            let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT happened_on, title, body FROM agreement_timeline WHERE municipality_id = $1 AND happened_on <= $2 \
         ORDER BY happened_on, id",
    )
    .bind(municipality_id)
    .bind(until)
    .fetch_all(&db.pool)
    .await?;
            Ok(rows
                .into_iter()
                .map(|(happened_on, title, body)| TimelineEntry {
                    happened_on,
                    title,
                    body,
                })
                .collect())
        }
    }
}
pub mod actionplan {
    pub mod public {

        use platform::db::Db;
        use platform::MunicipalityId;

        /// An activity of the action plan, as another capability links to it.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Activity {
            pub id: i64,
            pub text: String,
        }

        /// The municipality's activities, in the order they were added.
        pub async fn activities(db: &Db, municipality_id: MunicipalityId) -> Result<Vec<Activity>, sqlx::Error> {
            let rows: Vec<(i64, String)> =
                sqlx::query_as("SELECT id, text FROM actionplan_activities WHERE municipality_id = $1 ORDER BY id")
                    .bind(municipality_id)
                    .fetch_all(&db.pool)
                    .await?;
            Ok(rows.into_iter().map(|(id, text)| Activity { id, text }).collect())
        }

        /// One activity of the municipality, if it is one.
        pub async fn activity(
            db: &Db,
            municipality_id: MunicipalityId,
            id: i64,
        ) -> Result<Option<Activity>, sqlx::Error> {
            let row: Option<(i64, String)> =
                sqlx::query_as("SELECT id, text FROM actionplan_activities WHERE municipality_id = $1 AND id = $2")
                    .bind(municipality_id)
                    .bind(id)
                    .fetch_optional(&db.pool)
                    .await?;
            Ok(row.map(|(id, text)| Activity { id, text }))
        }
    }
}
