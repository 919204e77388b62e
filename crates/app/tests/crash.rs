//! Crash safety: the real `overens serve` (SQLite in WAL mode, and PostgreSQL) is killed with
//! SIGKILL in the middle of a load of meeting registrations from concurrent clients, then
//! started again. Every registration that got a success answer is stored, the waiting list is
//! consistent with the capacity, and each registration's mail (queued in the same transaction)
//! reaches the SMTP server after the restart: at least once, and twice only for the one the
//! worker was sending at the kill (exactly once would need the SMTP server's help; README, "Stopping and crashing").

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use testkit::process::{database_with_sala, Overens, Server};
use testkit::{Backend, Client, SmtpSink};

const CAPACITY: i64 = 12;
const CLIENTS: usize = 4;

/// The server under test: the real binary, mail to the sink, no rate limit in the way of the load.
async fn start(url: &str, smtp: u16) -> Server {
    Overens::serve(env!("CARGO_BIN_EXE_overens"), url)
        .smtp(smtp)
        .args(&["--register-per-hour", "1000000"])
        .start()
        .await
}

/// Anonymous clients, one per concurrent task.
fn anonymous(base: &str) -> Vec<Client> {
    (0..CLIENTS).map(|_| Client::new(base.to_string())).collect()
}

async fn sigkill_in_the_middle_of_registrations(backend: Backend) {
    let sink = SmtpSink::start().await;
    // The binary runs on the system clock, so the meeting is set in real time.
    let now = platform::clock::Clock::now(&platform::clock::SystemClock).timestamp();
    let (db, pool, m) = database_with_sala(backend, now).await;
    let (series,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_series (municipality_id, name, created_at) VALUES ($1, 'Dialogmöten', $2) RETURNING id",
    )
    .bind(m)
    .bind(now)
    .fetch_one(&pool.pool)
    .await
    .unwrap();
    let (meeting,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_meetings (municipality_id, series_id, title, starts_at, ends_at, capacity, \
         consent_text, created_at, updated_at) VALUES ($1, $2, 'Dialogmöte', $3, $4, $5, 'Jag godkänner.', $6, $6) \
         RETURNING id",
    )
    .bind(m)
    .bind(series)
    .bind(now + 30 * 86_400)
    .bind(now + 30 * 86_400 + 7_200)
    .bind(CAPACITY)
    .bind(now)
    .fetch_one(&pool.pool)
    .await
    .unwrap();

    let mut server = start(&db.url, sink.port).await;
    let base = server.base.clone();

    // 1. Concurrent clients register until the server dies. A public registration is held
    // until its address confirms it; a success answer ("check your e-mail") is remembered.
    let path = format!("/sala/moten/{meeting}/anmalan");
    let held = load_until_kill(&mut server, anonymous(&base), CAPACITY as usize + 8, move |c, k, i| {
        let path = path.clone();
        async move {
            let email = format!("deltagare{k}-{i}@exempel.se");
            let form = c.get(&path).await;
            let token = testkit::csrf_token(&form.body)?;
            let fields = [
                ("_csrf", token.as_str()),
                ("name", "Deltagare"),
                ("email", email.as_str()),
                ("organisation", ""),
                ("party", "guest"),
                ("dietary", ""),
                ("accessibility", ""),
                ("consent", "on"),
            ];
            let res = c.post_raw(&path, &fields).await;
            (res.status == 200).then_some(email)
        }
    })
    .await;
    assert!(
        held.len() > CAPACITY as usize,
        "the load went past the seats: {}",
        held.len()
    );
    lease_runs_out(&pool).await;
    server.restart().await;

    // Every acknowledged registration is held, and its link reaches the address exactly once.
    let pending: Vec<(String,)> = sqlx::query_as("SELECT email FROM meetings_pending WHERE meeting_id = $1")
        .bind(meeting)
        .fetch_all(&pool.pool)
        .await
        .unwrap();
    let pending: Vec<String> = pending.into_iter().map(|(e,)| e).collect();
    for e in &held {
        assert!(
            pending.contains(e),
            "{e} was told to check the mail but nothing is held"
        );
    }
    let mails = mails_to(&sink, pending.len()).await;
    let mut links = vec![];
    for e in &pending {
        let to_e: Vec<&testkit::smtp::Received> = mails.iter().filter(|m| m.to.iter().any(|t| t == e)).collect();
        if to_e.is_empty() {
            let jobs: Vec<(String, i64, i64, Option<String>)> = sqlx::query_as(
                "SELECT status, attempts, run_at, last_error FROM jobs WHERE kind = 'email' AND status <> 'done'",
            )
            .fetch_all(&pool.pool)
            .await
            .unwrap();
            panic!("{e}: no mail with the link; jobs: {jobs:?}");
        }
        let body = to_e[0].body();
        let at = body.find("/sala/moten/bekrafta/").expect("a confirmation link");
        links.push(
            body[at..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect::<String>(),
        );
    }
    // At least once, not exactly once: the mail the worker was sending when it was killed
    // (accepted by the SMTP server, not yet marked sent) goes again after the restart.
    assert!(
        mails.len() <= pending.len() + 1,
        "at most the one in flight twice: {}",
        mails.len()
    );

    // 2. The links are used concurrently, and the server dies again in the middle: each use
    // takes the held registration and gives it a seat or a place on the waiting list, with its
    // mail, in one transaction.
    let queue = Arc::new(Mutex::new(links));
    let confirmed_before = sink.received().len();
    let confirmed = load_until_kill(&mut server, anonymous(&base), pending.len() / 2, move |c, _, _| {
        let queue = queue.clone();
        async move {
            let link = queue.lock().unwrap().pop()?;
            let page = c.get(&link).await;
            let token = testkit::csrf_token(&page.body)?;
            let res = c.post_raw(&link, &[("_csrf", token.as_str())]).await;
            (res.status == 200).then_some(link)
        }
    })
    .await;
    let mailed_before = sink.received().len() - confirmed_before;
    lease_runs_out(&pool).await;
    server.restart().await;

    // Every confirmed registration is stored once; seats and waiting list agree with the
    // capacity; whatever was not confirmed is still held (nothing half-written).
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT email, status FROM meetings_registrations WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_all(&pool.pool)
            .await
            .unwrap();
    let stored: HashMap<String, String> = rows.iter().cloned().collect();
    assert_eq!(stored.len(), rows.len(), "no registration twice");
    assert!(
        rows.len() >= confirmed.len(),
        "{} stored, {} confirmed",
        rows.len(),
        confirmed.len()
    );
    let (still,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM meetings_pending WHERE meeting_id = $1")
        .bind(meeting)
        .fetch_one(&pool.pool)
        .await
        .unwrap();
    assert_eq!(
        rows.len() as i64 + still,
        pending.len() as i64,
        "each held registration is either held or stored"
    );
    let seated = rows.iter().filter(|(_, s)| s == "confirmed").count() as i64;
    let waiting = rows.iter().filter(|(_, s)| s == "waiting").count() as i64;
    assert_eq!(seated, CAPACITY.min(rows.len() as i64), "{rows:?}");
    assert_eq!(waiting, rows.len() as i64 - seated, "{rows:?}");

    // Each stored registration's mail arrives exactly once (the queue survives the kill).
    let all = mails_to(&sink, pending.len() + rows.len()).await;
    let mut per: HashMap<String, usize> = HashMap::new();
    for r in &all {
        for to in &r.to {
            *per.entry(to.to_lowercase()).or_default() += 1;
        }
    }
    for (email, _) in &rows {
        assert!(
            per.get(email).copied().unwrap_or(0) >= 2,
            "{email}: the link and the registration: {per:?}"
        );
    }
    assert!(
        all.len() <= pending.len() + rows.len() + 2,
        "at most the mail in flight at each of the two kills twice, none to anyone else: {per:?}"
    );
    eprintln!(
        "{backend:?}: {} held before the first SIGKILL, {} confirmed before the second ({mailed_before} \
         mailed by then), {} stored ({seated} seated, {waiting} waiting), {still} still held, {} mails in all",
        held.len(),
        confirmed.len(),
        rows.len(),
        all.len()
    );
    server.kill();
}

/// Weeks in each weekly series the clients book.
const WEEKS: usize = 4;

/// One booking the server acknowledged: the id its answer points to and how many weeks it holds.
#[derive(Clone, Debug)]
struct Booked {
    first: i64,
    weeks: usize,
}

/// What the clients try: in one of two rooms, on one of five days from the day after
/// tomorrow, an hour between 08:00 and 16:00, a single booking in one of the four weeks or a
/// weekly series over all four. The space is small, so attempts collide and are refused.
fn plan(k: usize, i: usize, first_day: chrono::NaiveDate, rooms: &[i64]) -> (i64, Vec<(&'static str, String)>) {
    use rand::{Rng, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64((k * 100_000 + i) as u64);
    let room = rooms[rng.gen_range(0..rooms.len())];
    let hour = rng.gen_range(8..16);
    let weekly = rng.gen_bool(0.5);
    let week = if weekly { 0 } else { rng.gen_range(0..WEEKS as i64) };
    let day = first_day + chrono::Duration::days(rng.gen_range(0..5) + 7 * week);
    let mut fields = vec![
        ("datum", day.to_string()),
        ("fran", format!("{hour:02}:00")),
        ("till", format!("{:02}:00", hour + 1)),
        ("personer", "10".into()),
        ("bokare", "company".into()),
        ("namn", format!("Bokare {k} AB")),
    ];
    if weekly {
        let last = day + chrono::Duration::days(7 * (WEEKS as i64 - 1));
        fields.push(("upprepa_till", last.to_string()));
    }
    (room, fields)
}

async fn sigkill_in_the_middle_of_bookings(backend: Backend) {
    let sink = SmtpSink::start().await;
    let now = platform::clock::Clock::now(&platform::clock::SystemClock).timestamp();
    let (db, pool, m) = database_with_sala(backend, now).await;
    let premises = premises::inventory::store::save_premises(
        &pool,
        m,
        None,
        &premises::inventory::store::PremisesInput {
            name: "Täljstenen".into(),
            address: "Vasagatan 17, 733 38 Sala".into(),
            ..Default::default()
        },
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let mut rooms = vec![];
    for name in ["Stora salen", "Lilla salen"] {
        let room = premises::inventory::store::RoomInput {
            name: name.into(),
            capacity: 40,
            mode: Some(premises::domain::Mode::Instant),
            prices: premises::domain::Prices {
                association: None,
                private: None,
                company: Some(500),
            },
            // Open around the clock: the hours are not what this test is about.
            hours: premises::domain::Hours([Some((0, 1440)); 7]),
            ..Default::default()
        };
        let id = premises::inventory::store::save_room(&pool, m, premises, None, &room, None, now)
            .await
            .unwrap()
            .unwrap();
        rooms.push(i64::from(id));
    }
    let mut server = start(&db.url, sink.port).await;
    let mut clients = vec![];
    for k in 0..CLIENTS {
        let email = format!("bokare{k}@exempel.se");
        app::users::add(
            &pool,
            &app::users::NewUser {
                email: &email,
                name: &format!("Bokare {k}"),
                password: testkit::PASSWORD,
                role: None,
                municipality: None,
                department: None,
                organisation: None,
            },
            now,
        )
        .await
        .unwrap();
        let c = Client::new(server.base.clone());
        c.login(&email, testkit::PASSWORD).await;
        clients.push(c);
    }

    // Clients book through the form until the server dies; an answer that leads to the new
    // booking's page is a success.
    let first_day = chrono::DateTime::from_timestamp(now, 0).unwrap().date_naive() + chrono::Duration::days(2);
    let statuses = Arc::new(Mutex::new(HashMap::<u16, usize>::new()));
    let counted = statuses.clone();
    let room_ids = rooms.clone();
    let booked = load_until_kill(&mut server, clients, 24, move |c, k, i| {
        let (room_ids, counted) = (room_ids.clone(), counted.clone());
        async move {
            let (room, fields) = plan(k, i, first_day, &room_ids);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(f, v)| (*f, v.as_str())).collect();
            let path = format!("/sala/lokaler/rum/{room}/boka");
            let res = c.submit(&path, &path, &fields).await;
            *counted.lock().unwrap().entry(res.status).or_default() += 1;
            let first = res
                .location
                .as_deref()?
                .strip_prefix("/sala/lokaler/bokningar/")?
                .strip_suffix("?ny=1")?
                .parse()
                .ok()?;
            let weeks = if fields.iter().any(|(f, _)| *f == "upprepa_till") {
                WEEKS
            } else {
                1
            };
            Some(Booked { first, weeks })
        }
    })
    .await;
    let statuses = statuses.lock().unwrap().clone();
    // A refused booking says the time is taken (409); nothing else fails.
    assert!(statuses.keys().all(|s| [303, 409].contains(s)), "{statuses:?}");
    assert!(
        booked.iter().any(|b| b.weeks == WEEKS) && booked.iter().any(|b| b.weeks == 1),
        "both kinds were booked: {booked:?}"
    );
    lease_runs_out(&pool).await;
    server.restart().await;

    // Every acknowledged booking is stored whole; every series stored is whole.
    let rows: Vec<(i64, Option<i64>, String)> =
        sqlx::query_as("SELECT id, series_id, status FROM premises_bookings WHERE municipality_id = $1 ORDER BY id")
            .bind(m)
            .fetch_all(&pool.pool)
            .await
            .unwrap();
    assert!(rows.iter().all(|(_, _, s)| s == "confirmed"), "{rows:?}");
    let mut actions: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for (id, series, _) in &rows {
        actions.entry(series.map_or(-id, |s| s)).or_default().insert(*id);
    }
    for (key, ids) in &actions {
        let want = if *key > 0 { WEEKS } else { 1 };
        assert_eq!(ids.len(), want, "series {key} is stored whole: {ids:?}");
    }
    let (empty,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM premises_series s WHERE NOT EXISTS \
         (SELECT 1 FROM premises_bookings b WHERE b.series_id = s.id)",
    )
    .fetch_one(&pool.pool)
    .await
    .unwrap();
    assert_eq!(empty, 0, "no series without its bookings");
    for b in &booked {
        let held = actions.values().find(|ids| ids.first() == Some(&b.first));
        assert_eq!(held.map(|ids| ids.len()), Some(b.weeks), "{b:?} was acknowledged");
    }
    assert_eq!(
        crate::common::overlapping_bookings(&pool).await,
        0,
        "no time booked twice"
    );

    // Each stored booking's confirmation (queued with it) arrives, its calendar holding every
    // date of the booking: at least once, twice only for the one in flight at the kill.
    let mails = mails_to(&sink, actions.len()).await;
    let mut seen: HashMap<BTreeSet<i64>, usize> = HashMap::new();
    for mail in &mails {
        let text: String = testkit::smtp::parts(&mail.data).into_iter().map(|(_, b)| b).collect();
        let ids: BTreeSet<i64> = text
            .split("UID:booking-")
            .skip(1)
            .filter_map(|s| s.split('@').next()?.parse().ok())
            .collect();
        *seen.entry(ids).or_default() += 1;
    }
    for ids in actions.values() {
        assert!(seen.contains_key(ids), "the confirmation of {ids:?}: {seen:?}");
    }
    assert_eq!(seen.len(), actions.len(), "no mail of a booking not stored: {seen:?}");
    assert!(
        mails.len() <= actions.len() + 1,
        "at most the one in flight twice: {seen:?}"
    );
    eprintln!(
        "{backend:?}: {} bookings acknowledged before the SIGKILL ({} series), {} stored ({} bookings), \
         answers {statuses:?}, {} mails",
        booked.len(),
        booked.iter().filter(|b| b.weeks > 1).count(),
        actions.len(),
        rows.len(),
        mails.len()
    );
    server.kill();
}

/// Run one task per client, each calling `attempt` with its client in a loop, until `target`
/// attempts succeeded (or 15 s passed), then SIGKILL the server. Returns what the successful
/// attempts returned; an attempt cut off by the kill is not counted.
async fn load_until_kill<T, F, Fut>(server: &mut Server, clients: Vec<Client>, target: usize, attempt: F) -> Vec<T>
where
    T: Clone + Send + 'static,
    F: Fn(Arc<Client>, usize, usize) -> Fut + Send + Sync + Clone + 'static,
    Fut: std::future::Future<Output = Option<T>> + Send,
{
    let done = Arc::new(Mutex::new(Vec::<T>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = vec![];
    for (k, c) in clients.into_iter().enumerate() {
        let (done, stop, attempt, c) = (done.clone(), stop.clone(), attempt.clone(), Arc::new(c));
        tasks.push(tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                i += 1;
                // The client panics on a refused connection, which ends this task after the kill.
                match tokio::time::timeout(Duration::from_secs(5), attempt(c.clone(), k, i)).await {
                    Ok(Some(v)) => done.lock().unwrap().push(v),
                    Ok(None) | Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
                }
            }
        }));
    }
    let started = Instant::now();
    while done.lock().unwrap().len() < target && started.elapsed() < Duration::from_secs(15) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    stop.store(true, Ordering::SeqCst);
    for t in tasks {
        let _ = t.await;
    }
    let v = done.lock().unwrap().clone();
    v
}

/// A job the killed server had claimed is taken again when its lease runs out
/// (`platform::jobs::LEASE_SECONDS`, five minutes of the system clock the binary runs on); while
/// no server runs, the test lets that time pass by ending the leases now.
async fn lease_runs_out(pool: &platform::db::Db) {
    sqlx::query("UPDATE jobs SET locked_until = 0 WHERE status = 'running'")
        .execute(&pool.pool)
        .await
        .unwrap();
}

/// Wait until the sink holds `n` mails (or 20 s passed, then a little longer for any extra one).
async fn mails_to(sink: &SmtpSink, n: usize) -> Vec<testkit::smtp::Received> {
    let started = Instant::now();
    while sink.received().len() < n && started.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    sink.received()
}

testkit::both!(
    sigkill_in_the_middle_of_registrations,
    sigkill_in_the_middle_of_bookings
);
