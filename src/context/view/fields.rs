//! Serialisers of a struct's fields: their names ([`Names`]), or each
//! into a map that is being written ([`Into`]). A view's parts are
//! structs (or nothing); anything else is an error.

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, SerializeStruct};

use crate::probe::Stop;

/// What a part of a view cannot be.
fn not_a_struct<E: ser::Error>() -> E {
    E::custom("a view is made of structs")
}

/// The methods of a serialiser that only structs reach, and the error
/// each of the others gives.
macro_rules! struct_serializer {
    ($error:ty) => {
        type Ok = ();
        type Error = $error;
        type SerializeSeq = Impossible<(), $error>;
        type SerializeTuple = Impossible<(), $error>;
        type SerializeTupleStruct = Impossible<(), $error>;
        type SerializeTupleVariant = Impossible<(), $error>;
        type SerializeMap = Impossible<(), $error>;
        type SerializeStruct = Self;
        type SerializeStructVariant = Impossible<(), $error>;

        struct_serializer!(@refuse $error;
            serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
            serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
            serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
            serialize_str(&str), serialize_bytes(&[u8]), serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
        );

        fn serialize_none(self) -> Result<(), $error> {
            Ok(())
        }

        fn serialize_unit(self) -> Result<(), $error> {
            Ok(())
        }

        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), $error> {
            value.serialize(self)
        }

        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<(), $error> {
            value.serialize(self)
        }

        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), $error> {
            Err(not_a_struct())
        }

        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, $error> {
            Err(not_a_struct())
        }

        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, $error> {
            Err(not_a_struct())
        }

        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, $error> {
            Err(not_a_struct())
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, $error> {
            Err(not_a_struct())
        }

        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, $error> {
            Err(not_a_struct())
        }

        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, $error> {
            Ok(self)
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, $error> {
            Err(not_a_struct())
        }
    };
    (@refuse $error:ty; $($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), $error> {
            Err(not_a_struct())
        })*
    };
}

/// Writes each field of a struct into `map`, but those in `skip`.
pub(super) struct Into<'m, M> {
    /// The map being written.
    pub map: &'m mut M,
    /// The fields to leave out.
    pub skip: &'m [&'static str],
}

impl<M: SerializeMap> ser::Serializer for Into<'_, M> {
    struct_serializer!(M::Error);
}

impl<M: SerializeMap> SerializeStruct for Into<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        if self.skip.contains(&key) {
            return Ok(());
        }
        self.map.serialize_entry(key, value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Collects the names of the fields a struct serialises; their values
/// are not serialised.
pub(super) struct Names<'n>(pub &'n mut Vec<&'static str>);

impl ser::Serializer for Names<'_> {
    struct_serializer!(Stop);
}

impl SerializeStruct for Names<'_> {
    type Ok = ();
    type Error = Stop;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        _: &T,
    ) -> Result<(), Stop> {
        self.0.push(key);
        Ok(())
    }

    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}
