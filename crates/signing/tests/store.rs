//! The signing book's store as other capabilities use it: whether an organisation has signed.

use chrono::NaiveDate;
use platform::{MunicipalityId, OrganisationId};
use signing::domain::{OnlineSigning, SignedBy};
use signing::{in_force_for_organisation, Channel, SignerKind};
use testkit::{both, Backend, TestApp};

async fn organisation(app: &TestApp, municipality_id: MunicipalityId, name: &str) -> OrganisationId {
    let (id,): (OrganisationId,) = sqlx::query_as(
        "INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(municipality_id)
    .bind(name)
    .bind(app.state.now())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    id
}

async fn in_force_for_an_organisation_is_its_signature_until_withdrawn(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let iks = organisation(&app, sala, "IKS – Ideell Kultur i Sala").await;
    let db = &app.state.db;
    assert_eq!(in_force_for_organisation(db, sala, iks).await.unwrap(), None);

    let user_id = app.user("isa@iks.example", None).await;
    let user = platform::auth::CurrentUser {
        id: user_id,
        name: "Isa Österberg".into(),
        email: "isa@iks.example".into(),
        roles: vec![],
    };
    let on = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let signing = OnlineSigning {
        organisation_id: iks,
        by: SignedBy {
            name: "Isa Österberg".into(),
            role: "Ordförande".into(),
            on,
        },
    };
    let id = signing::store::sign_online(db, sala, &user, &signing, app.state.now())
        .await
        .unwrap();
    let s = in_force_for_organisation(db, sala, iks).await.unwrap().expect("signed");
    assert_eq!(s.id, id);
    assert_eq!(s.kind, SignerKind::Association);
    assert_eq!(s.channel, Channel::Online);
    assert_eq!(s.signed_on, on);
    assert_eq!(s.signed_by_name, "Isa Österberg");
    assert_eq!(s.signed_by_role, "Ordförande");
    assert_eq!(s.signer_name, "IKS – Ideell Kultur i Sala");
    assert_eq!(
        in_force_for_organisation(db, orebro, iks).await.unwrap(),
        None,
        "asked in the wrong municipality"
    );

    signing::store::withdraw(db, sala, id, None, &user, app.state.now())
        .await
        .unwrap();
    assert_eq!(in_force_for_organisation(db, sala, iks).await.unwrap(), None);
}

both!(in_force_for_an_organisation_is_its_signature_until_withdrawn);
