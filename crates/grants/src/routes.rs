//! The grants' routes: each sub-area's router, merged.

use platform::web::prelude::*;

pub fn router() -> Routes {
    crate::programmes::routes::router()
        .merge(crate::activity::routes::router())
        .merge(crate::applications::routes::router())
        .merge(crate::payouts::routes::router())
        .merge(crate::decisions::routes::router())
        .merge(crate::reports::routes::router())
        .merge(crate::activity::period::routes::router())
}
