//! Identifiers of facts and paths of prose files: the names by which one
//! file refers to what another defines.
//!
//! Ids are ASCII (`vallensbaek`); names are proper Danish (`Vallensbæk`)
//! and live in the facts, never in ids.
//!
//! Where a fact is defined, its id is an [`Id`]. Where one fact names
//! another, the id is a [`Ref`] of the kind it names ([`Scope`]): a
//! municipality, a member of the cooperation, an applicant of the
//! application around it, an area, a meeting, an application. The
//! JSON Schemas give each kind of reference a definition of its own
//! (`MunicipalityId`), which a project's schemas limit to its ids, and
//! the checks find every reference by its type (`facts::validate`): no
//! list of the fields that name ids is kept beside the types.

use std::fmt;
use std::marker::PhantomData;

/// An identifier of a municipality, an area, an application, a meeting …
/// where it is defined.
pub type Id = String;

/// Declares the scopes of references, each once: its variant of
/// [`Scope`], its type (in [`names`]) and its alias of [`Ref`], the name
/// of its ids in the schemas (references serialise under it too, so that
/// the checks find them), and what the schemas say of it. (Messages name
/// a scope in the catalogue's words: `facts-unknown-*`.)
macro_rules! scopes {
    ($($scope:ident, $alias:ident, $description:literal;)*) => {
        /// What a reference may name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Scope {
            $(#[doc = $description] $scope,)*
        }

        impl Scope {
            /// Every scope.
            pub const ALL: &[Scope] = &[$(Scope::$scope),*];

            /// The name of its ids in the schemas: `MunicipalityId`.
            pub const fn schema_name(self) -> &'static str {
                match self {
                    $(Scope::$scope => stringify!($alias),)*
                }
            }

            /// What the schemas say of its ids.
            const fn description(self) -> &'static str {
                match self {
                    $(Scope::$scope => $description,)*
                }
            }
        }

        /// The scopes of references, as types: what [`Ref`] is
        /// parameterised by.
        pub mod names {
            $(
                #[doc = $description]
                #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
                pub struct $scope;

                impl super::Names for $scope {
                    const SCOPE: super::Scope = super::Scope::$scope;
                }
            )*
        }

        $(
            #[doc = $description]
            pub type $alias = Ref<names::$scope>;
        )*
    };
}

scopes! {
    Municipality, MunicipalityId,
        "The id of a municipality of the facts.";
    Member, MemberId,
        "The id of a member of the cooperation (any municipality, where the cooperation names no members).";
    Applicant, ApplicantId,
        "The id of one of the applicants of the application it stands in.";
    Area, AreaId,
        "The id of an area of the cooperation.";
    OwnArea, OwnAreaId,
        "The id of one of the areas of the application it stands in.";
    Meeting, MeetingId,
        "The id of a meeting of the facts.";
    Application, ApplicationId,
        "The id of an application of the facts.";
}

impl Scope {
    /// The scope whose schema name is `name`.
    pub fn by_schema_name(name: &str) -> Option<Scope> {
        Scope::ALL.iter().copied().find(|s| s.schema_name() == name)
    }
}

/// A scope of references, as a type: what [`Ref`] is parameterised by.
pub trait Names: 'static {
    /// What it may name.
    const SCOPE: Scope;
}

/// An id where one fact names another of the kind `N`.
pub struct Ref<N> {
    id: String,
    names: PhantomData<N>,
}

impl<N> Ref<N> {
    /// A reference to `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            names: PhantomData,
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.id
    }
}

impl<N> From<&str> for Ref<N> {
    fn from(id: &str) -> Self {
        Self::new(id)
    }
}

impl<N> Clone for Ref<N> {
    fn clone(&self) -> Self {
        Self::new(self.id.clone())
    }
}

impl<N> fmt::Debug for Ref<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.id, f)
    }
}

impl<N> fmt::Display for Ref<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl<N> std::ops::Deref for Ref<N> {
    type Target = String;

    fn deref(&self) -> &String {
        &self.id
    }
}

impl<N> AsRef<str> for Ref<N> {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

impl<N> std::borrow::Borrow<str> for Ref<N> {
    fn borrow(&self) -> &str {
        &self.id
    }
}

// A reference equals another that names the same id, whatever the two
// may name: an applicant is a member.
impl<N, M> PartialEq<Ref<M>> for Ref<N> {
    fn eq(&self, other: &Ref<M>) -> bool {
        self.id == other.id
    }
}

impl<N> Eq for Ref<N> {}

impl<N> PartialOrd for Ref<N> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<N> Ord for Ref<N> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.id.cmp(&other.id)
    }
}

impl<N> std::hash::Hash for Ref<N> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl<N> From<&Ref<N>> for crate::message::Arg {
    /// The id, shown as it is written.
    fn from(reference: &Ref<N>) -> Self {
        crate::message::Arg::Text(reference.id.clone())
    }
}

impl<N> From<Ref<N>> for crate::message::Arg {
    fn from(reference: Ref<N>) -> Self {
        crate::message::Arg::Text(reference.id)
    }
}

impl<N> PartialEq<String> for Ref<N> {
    fn eq(&self, other: &String) -> bool {
        &self.id == other
    }
}

impl<N> PartialEq<Ref<N>> for String {
    fn eq(&self, other: &Ref<N>) -> bool {
        self == &other.id
    }
}

impl<N> PartialEq<str> for Ref<N> {
    fn eq(&self, other: &str) -> bool {
        self.id == other
    }
}

impl<N> PartialEq<&str> for Ref<N> {
    fn eq(&self, other: &&str) -> bool {
        self.id == *other
    }
}

impl<N: Names> serde::Serialize for Ref<N> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // As text; the name tells the checks what the text names.
        serializer.serialize_newtype_struct(N::SCOPE.schema_name(), &self.id)
    }
}

impl<'de, N> serde::Deserialize<'de> for Ref<N> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

impl<N: Names> schemars::JsonSchema for Ref<N> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        N::SCOPE.schema_name().into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": N::SCOPE.description(),
        })
    }
}

/// A path to a Markdown file, relative to `content/`.
pub type ProsePath = String;

/// ASCII letters, digits, `-` and `_`, starting with a letter.
pub(crate) fn is_valid(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The id a Danish name would have: `Vallensbæk` → `vallensbaek`: lower
/// case, Danish letters spelt out (æ ae, ø oe, å aa), other signs and
/// spaces as one `-`.
pub fn from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'æ' => id.push_str("ae"),
            'ø' => id.push_str("oe"),
            'å' => id.push_str("aa"),
            'é' | 'è' => id.push('e'),
            'ü' => id.push('u'),
            c if c.is_ascii_alphanumeric() || c == '_' => id.push(c),
            _ if !id.ends_with('-') && !id.is_empty() => id.push('-'),
            _ => {}
        }
    }
    id.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_and_danish_names_become_ids() {
        assert!(is_valid("vallensbaek"));
        assert!(is_valid("natur-miljoe"));
        assert!(!is_valid("vallensbæk"));
        assert!(!is_valid("Ishoej"));
        assert!(!is_valid("2-fase"));
        assert_eq!(from_name("Vallensbæk"), "vallensbaek");
        assert_eq!(from_name("Ishøj Kommune"), "ishoej-kommune");
        assert_eq!(from_name("Tårnby"), "taarnby");
        assert_eq!(from_name("Ærø"), "aeroe");
        assert_eq!(from_name("Lyngby-Taarbæk"), "lyngby-taarbaek");
        assert_eq!(
            from_name("natur- og miljøområdet"),
            "natur-og-miljoeomraadet"
        );
        assert_eq!(from_name("  Høje-Taastrup "), "hoeje-taastrup");
    }
}
