//! Looking into values through serde without writing them anywhere: the
//! names of the fields a struct reads ([`field_names`]), and the error of
//! such a look, which says no more than that it stopped ([`Stop`]). The
//! checks find the references in the facts so (`facts::validate`), a view
//! finds the fields it derives (`context`), a declaration its kind's
//! fields (`kinds`).

use serde::de::{self, DeserializeOwned, Visitor};

/// A look into a value stopped: it met what it does not look into, or it
/// has seen what it wanted.
#[derive(Debug)]
pub(crate) struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl serde::ser::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Stop
    }
}

impl de::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Stop
    }
}

/// The fields of `T`, as serde reads them, in the order declared.
pub(crate) fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    /// A deserializer that only listens to which fields a struct asks for.
    struct Listen<'a>(&'a mut &'static [&'static str]);

    impl<'de> de::Deserializer<'de> for Listen<'_> {
        type Error = Stop;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            *self.0 = fields;
            Err(Stop)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Listen(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Two {
        first: u8,
        #[serde(rename = "second_one")]
        second: u8,
    }

    #[test]
    fn the_fields_of_a_struct_are_those_serde_reads_in_their_order() {
        assert_eq!(field_names::<Two>(), ["first", "second_one"]);
        assert!(field_names::<u8>().is_empty());
    }
}
