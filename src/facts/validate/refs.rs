//! Every reference in the facts, or in a declaration, found by its type:
//! a [`Ref`](crate::id::Ref) serialises as a newtype named for its scope
//! (`MunicipalityId`), so walking any value with serde finds each one with
//! its path (`applications.ansoegning-1.areas[2]`), the same path by which
//! `Sources` knows where it stands.

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::id::Scope;
use crate::probe::Stop;

/// A reference found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Where it stands: `cooperation.areas[0].carried_out_by`.
    pub path: String,
    /// What it may name.
    pub scope: Scope,
    /// The id it names.
    pub id: String,
}

/// Every reference in `value`, in the order serde writes its fields.
pub(crate) fn find<T: Serialize + ?Sized>(value: &T) -> Vec<Found> {
    let mut found = Vec::new();
    // A value that cannot be walked has no references to find; the facts
    // always can be.
    let _ = value.serialize(&mut Walker {
        path: String::new(),
        found: &mut found,
    });
    found
}

/// Walks a value at `path`, noting the references in it.
struct Walker<'f> {
    path: String,
    found: &'f mut Vec<Found>,
}

impl Walker<'_> {
    /// The walker of a part of this value, at `path`.
    fn at(&mut self, path: String) -> Walker<'_> {
        Walker {
            path,
            found: self.found,
        }
    }

    /// The path of the field `name` of this value.
    fn field(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }
}

/// The text of a map's key, as a path names it.
struct Key;

impl ser::Serializer for Key {
    type Ok = String;
    type Error = Stop;
    type SerializeSeq = Impossible<String, Stop>;
    type SerializeTuple = Impossible<String, Stop>;
    type SerializeTupleStruct = Impossible<String, Stop>;
    type SerializeTupleVariant = Impossible<String, Stop>;
    type SerializeMap = Impossible<String, Stop>;
    type SerializeStruct = Impossible<String, Stop>;
    type SerializeStructVariant = Impossible<String, Stop>;

    fn serialize_str(self, v: &str) -> Result<String, Stop> {
        Ok(v.to_owned())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Stop> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_i8(self, v: i8) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_f64(self, _: f64) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_char(self, v: char) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_none(self) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<String, Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Stop> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
}

/// The parts of a list, a map or a struct being walked.
struct Parts<'w, 'f> {
    walker: &'w mut Walker<'f>,
    /// The next item's index, in a list.
    next: usize,
    /// The key just read, in a map.
    key: Option<String>,
}

impl<'w, 'f> Parts<'w, 'f> {
    fn new(walker: &'w mut Walker<'f>) -> Self {
        Self {
            walker,
            next: 0,
            key: None,
        }
    }

    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        let path = format!("{}[{}]", self.walker.path, self.next);
        self.next += 1;
        value.serialize(&mut self.walker.at(path))
    }
}

impl<'w, 'f> ser::Serializer for &'w mut Walker<'f> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Parts<'w, 'f>;
    type SerializeTuple = Parts<'w, 'f>;
    type SerializeTupleStruct = Parts<'w, 'f>;
    type SerializeTupleVariant = Parts<'w, 'f>;
    type SerializeMap = Parts<'w, 'f>;
    type SerializeStruct = Parts<'w, 'f>;
    type SerializeStructVariant = Parts<'w, 'f>;

    fn serialize_bool(self, _: bool) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        match Scope::by_schema_name(name) {
            Some(scope) => {
                let id = value.serialize(Key)?;
                self.found.push(Found {
                    path: self.path.clone(),
                    scope,
                    id,
                });
                Ok(())
            }
            None => value.serialize(self),
        }
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
    fn serialize_tuple(self, _: usize) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Parts<'w, 'f>, Stop> {
        Ok(Parts::new(self))
    }
}

/// Lists, tuples and their kin: each item at its index.
macro_rules! items {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Parts<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
                self.item(value)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Parts<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = Some(key.serialize(Key)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().unwrap_or_default();
        let path = self.walker.field(&key);
        value.serialize(&mut self.walker.at(path))
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

/// Structs and struct variants: each field at its name.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Parts<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Stop> {
                let path = self.walker.field(key);
                value.serialize(&mut self.walker.at(path))
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::model::Facts;

    #[test]
    fn every_reference_is_found_with_its_path_and_scope() {
        let facts: Facts = serde_yaml::from_str(
            "
cooperation:
  name: s
  members: [a, b]
  since: 2007-01-01
  areas:
    - { id: natur, name: natur, carried_out_by: b, on_behalf_of: [a] }
applications:
  x:
    areas: [natur]
    start: 2020-01-01
    applicants: [a]
    signatories: [a]
    addressee: { name: M, address: [V] }
    case_number: '1'
    date: 2019-01-01
    requests: [{ area: natur, principal: p }]
",
        )
        .unwrap();
        let found: Vec<(String, Scope, String)> = find(&facts)
            .into_iter()
            .map(|f| (f.path, f.scope, f.id))
            .collect();
        let expect = |path: &str, scope, id: &str| (path.to_owned(), scope, id.to_owned());
        assert_eq!(
            found,
            [
                expect("cooperation.members[0]", Scope::Municipality, "a"),
                expect("cooperation.members[1]", Scope::Municipality, "b"),
                expect("cooperation.areas[0].carried_out_by", Scope::Member, "b"),
                expect("cooperation.areas[0].on_behalf_of[0]", Scope::Member, "a"),
                expect("applications.x.areas[0]", Scope::Area, "natur"),
                expect("applications.x.applicants[0]", Scope::Member, "a"),
                expect("applications.x.signatories[0]", Scope::Applicant, "a"),
                expect("applications.x.requests[0].area", Scope::OwnArea, "natur"),
            ]
        );
    }
}
