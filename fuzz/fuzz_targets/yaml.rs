//! Any text that dokgen's YAML screen lets through holds no key twice in a
//! mapping and no character that does not show, as serde_yaml itself reads
//! it: the screen's own reading of YAML (saphyr's events, its resolution of
//! numbers) is checked against serde_yaml's, which is what types the
//! facts.
//!
//! Keys are compared as serde_yaml gives them to a map of texts and to a
//! map of numbers: `2019`, `+2019`, `0x7E3` and `"2019"` are one key.

#![no_main]

use std::collections::HashSet;
use std::fmt;

use libfuzzer_sys::fuzz_target;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // What the file's own text holds is refused as it is read.
    if dokgen::unseen::find(text).is_some() || dokgen::yaml::screen(text).is_err() {
        return;
    }
    // What serde_yaml reads whole (a file it cannot read is refused by its
    // syntax error, whatever it met first).
    if serde_yaml::from_str::<serde::de::IgnoredAny>(text).is_err() {
        return;
    }
    FOUND.with(|found| found.set(None));
    let _ = serde_yaml::from_str::<Checked>(text);
    // Told by a flag, not by a message: serde_yaml's messages quote the
    // input, which the fuzzer fills with the words it sees compared.
    if let Some(what) = FOUND.with(std::cell::Cell::get) {
        panic!("the screen let through {what}: {text:?}");
    }
});

const TWICE: &str = "a key twice";
const HIDDEN: &str = "a character that does not show";

thread_local! {
    /// What the reading below found that the screen should have refused.
    static FOUND: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// A key no other equals.
fn unique() -> String {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    format!("\u{0}{}", COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// Notes what was found, and stops the reading.
fn found<E: serde::de::Error>(what: &'static str) -> E {
    FOUND.with(|found| found.set(Some(what)));
    E::custom(what)
}

/// Any YAML value, checked as it is read.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckedVisitor)
    }
}

/// A key as serde_yaml hands it over, in the form two keys are compared
/// in: a number as its decimal digits, a text as itself.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key, E> {
        if dokgen::unseen::find(v).is_some() {
            return Err(found(HIDDEN));
        }
        Ok(Key(v.to_owned()))
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Key, A::Error> {
        use serde::de::VariantAccess;
        // A tagged key is its tag and its text together.
        let (Key(tag), variant) = data.variant::<Key>()?;
        let Key(text) = variant.newtype_variant::<Key>()?;
        Ok(Key(format!("!{tag} {text}")))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Key, E> {
        Ok(Key(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Key, E> {
        Ok(Key(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Key, E> {
        Ok(Key(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Key, E> {
        Ok(Key(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Key, E> {
        Ok(Key(format!("float {v:?}")))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Key, E> {
        Ok(Key(v.to_string()))
    }
    fn visit_unit<E>(self) -> Result<Key, E> {
        Ok(Key("null".to_owned()))
    }
    // A key that is a collection (through an alias: the screen refuses
    // one written as such) is compared by nothing: each is its own.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        while map.next_entry::<Checked, Checked>()?.is_some() {}
        Ok(Key(unique()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Key, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Key(unique()))
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Checked;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Checked, E> {
        match dokgen::unseen::find(v) {
            Some(_) => Err(found(HIDDEN)),
            None => Ok(Checked),
        }
    }
    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_i128<E>(self, _: i128) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Checked, D::Error> {
        Checked::deserialize(d)
    }
    fn visit_none<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        let mut seen = HashSet::new();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            if !seen.insert(key) {
                return Err(found(TWICE));
            }
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Checked, A::Error> {
        use serde::de::VariantAccess;
        let (Checked, variant) = data.variant::<Checked>()?;
        variant.newtype_variant::<Checked>()
    }
}
