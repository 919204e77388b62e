//! Typed ids: a room's id is a `RoomId`, a municipality's a `MunicipalityId`, and one does not fit
//! where the other is expected. Each is an `i64` underneath, stored as the row's integer key on
//! both databases, read and written by sqlx (`#[sqlx(transparent)]`), bound in sea-query
//! statements, parsed from a path segment and shown in URLs as the plain number.
//!
//! A capability declares its own with [`crate::id!`] (the crate needs `serde` and `sqlx`, as every
//! capability has); the platform's are below.

/// Declare id newtypes: `platform::id!(pub RoomId, pub PremisesId);`.
#[macro_export]
macro_rules! id {
    ($($(#[$meta:meta])* $vis:vis $name:ident),* $(,)?) => {
        $(
            $(#[$meta])*
            #[derive(
                Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
                ::serde::Serialize, ::serde::Deserialize, ::sqlx::Type,
            )]
            #[serde(transparent)]
            #[sqlx(transparent)]
            $vis struct $name(i64);

            impl $name {
                /// The id of a row read or written elsewhere (a database key, a test's fixture).
                pub const fn new(raw: i64) -> Self {
                    Self(raw)
                }
                /// The number underneath, for URLs, JSON and logs.
                pub const fn get(self) -> i64 {
                    self.0
                }
            }

            impl ::std::fmt::Display for $name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Display::fmt(&self.0, f)
                }
            }

            impl ::std::str::FromStr for $name {
                type Err = ::std::num::ParseIntError;
                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    s.parse::<i64>().map(Self)
                }
            }

            impl From<$name> for i64 {
                fn from(id: $name) -> i64 {
                    id.0
                }
            }

            impl From<$name> for $crate::sea_query::Value {
                fn from(id: $name) -> Self {
                    $crate::sea_query::Value::BigInt(Some(id.0))
                }
            }

            impl $crate::utoipa::PartialSchema for $name {
                fn schema() -> $crate::utoipa::openapi::RefOr<$crate::utoipa::openapi::schema::Schema> {
                    <i64 as $crate::utoipa::PartialSchema>::schema()
                }
            }

            impl $crate::utoipa::ToSchema for $name {
                fn name() -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed(stringify!($name))
                }
            }

            impl $crate::sea_query::Nullable for $name {
                fn null() -> $crate::sea_query::Value {
                    $crate::sea_query::Value::BigInt(None)
                }
            }
        )*
    };
}

crate::id!(
    /// A municipality (the tenant every row of tenant data belongs to).
    pub MunicipalityId,
    /// An account.
    pub UserId,
    /// An organisation (association, foundation, …) of a municipality.
    pub OrganisationId,
    /// A department of a municipality.
    pub DepartmentId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_show_and_serialise_as_plain_numbers() {
        let id: MunicipalityId = "42".parse().unwrap();
        assert_eq!(id, MunicipalityId::new(42));
        assert_eq!(id.to_string(), "42");
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<UserId>("7").unwrap().get(), 7);
        assert!("x".parse::<OrganisationId>().is_err());
        assert_eq!(
            sea_query::Value::from(DepartmentId::new(3)),
            sea_query::Value::BigInt(Some(3))
        );
    }
}
