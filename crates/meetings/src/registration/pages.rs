//! The registration pages that the form and the confirmation link share.

use crate::domain::Status;
use crate::paths;
use crate::store::Meeting;
use crate::views::{seats, when};
use platform::format;
use platform::web::prelude::*;

pub(super) fn register_intro(ctx: &Ctx, mt: &Meeting) -> Vec<String> {
    let mut v = vec![
        format!("{}: {}", ctx.t("meetings-when"), when(&ctx.tr, mt)),
        format!("{}: {}", ctx.t("meetings-place"), mt.place),
        seats(ctx, mt),
    ];
    if let Some(d) = mt.registration_deadline {
        v.push(ctx.tr.ta("meetings-register-by", &[("date", &format::date(d))]));
    }
    v
}

pub(super) fn render_register(
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    form: Option<Form>,
    status: StatusCode,
) -> AppResult<Response> {
    let mut p = FormPage::new(crate::views::meeting_page(
        ctx,
        m,
        mt,
        ctx.tr.ta("meetings-register-title", &[("title", &mt.title)]),
    ));
    p.intro = register_intro(ctx, mt);
    if form.is_none() {
        p.intro.push(ctx.t("meetings-err-closed"));
    }
    p.form = form;
    p.links = vec![(paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting"))];
    html_status(status, &p)
}

/// The page of a registration that counts: a seat or the waiting list, with the calendar file
/// and the cancellation link.
pub(super) fn registered_page(
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    status: Status,
    email: &str,
    token: &str,
) -> AppResult<Response> {
    let waiting = status == Status::Waiting;
    let mut p = FormPage::new(ctx.page_in(
        m,
        ctx.t(if waiting {
            "meetings-registered-waiting-title"
        } else {
            "meetings-registered-title"
        }),
    ));
    p.notice = Some(ctx.tr.ta(
        if waiting {
            "meetings-registered-waiting"
        } else {
            "meetings-registered"
        },
        &[("title", &mt.title), ("email", &email)],
    ));
    p.intro = register_intro(ctx, mt);
    p.links = vec![
        (paths::ics(&m.slug, mt.id), ctx.t("meetings-add-to-calendar")),
        (paths::cancel(&m.slug, token), ctx.t("meetings-cancel-link")),
        (paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting")),
    ];
    html(&p)
}
