//! How plain input data (a script's object, a share link, a test's JSON) is read with serde.
//!
//! Reading is strict about names and lenient about values: an unknown key, a missing field or an
//! unknown name is refused where it is read, while a value of the wrong type for a number (a
//! string, a boolean, a list) reads as NaN, so that the core's one validation path
//! ([`crate::error::check`]) reports it with its field and allowed range like any other bad
//! number.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

use crate::names::Named;

mod tagged;

pub use tagged::{MixingFields, MixingKind, SegmentFields, SegmentKind};

/// Reads a number; anything else is NaN.
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_any(Lenient).map(|n| n.unwrap_or(f64::NAN))
}

/// Reads an optional number: absent or `null` is `None`, anything but a number is NaN.
pub fn optional_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(Lenient)
}

/// Reads a number that is given: `None` only when the field is absent (with `#[serde(default)]`),
/// NaN when it is null or not a number.
pub fn given_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    number(d).map(Some)
}

/// Reads a list of numbers; an item that is not a number is NaN.
pub fn numbers<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
    /// One item of the list.
    struct Item(f64);
    impl<'de> de::Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            number(d).map(Item)
        }
    }
    let items: Vec<Item> = de::Deserialize::deserialize(d)?;
    Ok(items.into_iter().map(|Item(v)| v).collect())
}

/// The visitor of [`number`] and [`optional_number`].
struct Lenient;

impl<'de> Visitor<'de> for Lenient {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Some(f64::NAN))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Some(f64::NAN))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Ok(Some(f64::NAN))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Ok(Some(f64::NAN))
    }
}

/// Reads the value of a [`Named`] enumeration from its name.
pub fn named<'de, T: Named, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_any(NameOf::<T>(std::marker::PhantomData))
}

struct NameOf<T>(std::marker::PhantomData<T>);

impl<'de, T: Named> Visitor<'de> for NameOf<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {}", T::choices())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::from_name(v).ok_or_else(|| E::custom(T::refusal(v)))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        Err(self.wrong())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<T, E> {
        Err(self.wrong())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<T, E> {
        Err(self.wrong())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        Err(self.wrong())
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Err(self.wrong())
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(self.wrong())
    }
    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(self.wrong())
    }
}

impl<T: Named> NameOf<T> {
    fn wrong<E: de::Error>(&self) -> E {
        E::custom(format_args!("expected one of {}", T::choices()))
    }
}

/// Gives a [`Named`] enumeration serde's traits through its names.
#[macro_export]
macro_rules! serde_by_name {
    ($t:ty) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::input::named(d)
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::names::Named::name(*self))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::scenario::{Scenario, TimeScale};

    fn read(json: &str) -> Result<Scenario, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    const SCENARIO: &str = r#"{
      "program": { "startK": 300, "segments": [ { "kind": "hold", "durationS": 10 } ] },
      "diffusion": { "d0M2PerS": 1e-6, "eaJPerMol": "lots", "concentrationMolPerM3": 1e4 },
      "mixing": { "kind": "direct", "gJPerKMolM": 1e7 },
      "homogenisation": { "wavelengthM": 1e-6, "targetResidual": 0.01 },
      "sampling": { "scale": "log" }
    }"#;

    #[test]
    fn a_number_of_the_wrong_type_reads_as_nan_and_names_are_strict() {
        let s = read(SCENARIO).unwrap();
        assert!(s.diffusion.ea_j_per_mol.is_nan());
        assert_eq!(s.diffusion.valid_min_k, None);
        assert_eq!(s.sampling.scale, TimeScale::Log);
        assert_eq!(
            s.sampling.points, 600.0,
            "absent sampling fields keep their defaults"
        );
        let e =
            read(&SCENARIO.replace("\"log\"", "\"logarithmic-and-then-some-more\"")).unwrap_err();
        assert!(
            e.contains("expected one of \"linear\", \"log\"; got \"logarithmic-and-then-som…\""),
            "{e}"
        );
        let e = read(&SCENARIO.replace("\"hold\"", "\"soak\"")).unwrap_err();
        assert!(
            e.contains("expected one of \"ramp\", \"hold\", \"pulses\"; got \"soak\""),
            "{e}"
        );
        let e = read(&SCENARIO.replace("\"durationS\": 10", "\"targetK\": 10")).unwrap_err();
        assert!(
            e.contains("unknown field `targetK`, expected `durationS`"),
            "{e}"
        );
        let e = read(&SCENARIO.replace("\"durationS\": 10", "\"durationS\": 10, \"x\": 1"))
            .unwrap_err();
        assert!(e.contains("unknown field `x`"), "{e}");
    }
}
