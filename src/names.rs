//! The names by which scripts, share links and the page refer to the core's enumerations
//! ("kPerMin", "perMixedSite", "log", "flux", …): one table per type, next to the type.

/// An enumeration with a fixed name for each value.
pub trait Named: Copy + PartialEq + 'static {
    /// Every value with its name.
    const NAMES: &'static [(&'static str, Self)];

    /// The value called `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, v)| v)
    }

    /// The name of this value.
    fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|&&(_, v)| v == self)
            .map_or("", |(n, _)| n)
    }

    /// Every name, quoted and comma-separated, for messages.
    fn choices() -> String {
        let quoted: Vec<String> = Self::NAMES
            .iter()
            .map(|(n, _)| format!("\"{n}\""))
            .collect();
        quoted.join(", ")
    }

    /// Why `given` is not a name: the names there are, and the start of what was given.
    fn refusal(given: &str) -> String {
        let quoted: String = given.chars().take(QUOTED_CHARS).collect();
        let more = if given.chars().count() > QUOTED_CHARS {
            "…"
        } else {
            ""
        };
        format!(
            "expected one of {}; got \"{quoted}{more}\"",
            Self::choices()
        )
    }
}

/// Longest piece of a caller's unknown name quoted back in a message.
const QUOTED_CHARS: usize = 24;

#[cfg(test)]
mod tests {
    use super::Named;
    use crate::charts::{ChartKind, TimeAxis};
    use crate::mixing::EntropyBasis;
    use crate::scenario::TimeScale;
    use crate::units::Unit;

    /// Names are unique, every value has one, and names and values map onto each other.
    fn round_trips<T: Named + std::fmt::Debug>(all: &[T]) {
        assert_eq!(T::NAMES.len(), all.len(), "one name per value");
        for &v in all {
            assert_eq!(T::from_name(v.name()), Some(v), "{v:?}");
        }
        for (i, (a, _)) in T::NAMES.iter().enumerate() {
            assert!(T::NAMES[i + 1..].iter().all(|(b, _)| a != b), "{a} twice");
        }
        assert_eq!(T::from_name("no such name"), None);
    }

    #[test]
    fn every_enumeration_round_trips_through_its_names() {
        round_trips(&ChartKind::ALL);
        round_trips(&[TimeAxis::Linear, TimeAxis::Log, TimeAxis::Normalised]);
        round_trips(&[EntropyBasis::PerFormulaUnit, EntropyBasis::PerMixedSite]);
        round_trips(&[TimeScale::Linear, TimeScale::Log]);
        use Unit::*;
        round_trips(&[
            Kelvin,
            Celsius,
            KPerS,
            KPerMin,
            KPerH,
            Millisecond,
            Second,
            Minute,
            Hour,
            Day,
            JPerMol,
            KjPerMol,
            ElectronVolt,
            KcalPerMol,
            M2PerS,
            Cm2PerS,
            Metre,
            Micrometre,
            Nanometre,
        ]);
        use crate::units::Quantity;
        round_trips(&[
            Quantity::Temperature,
            Quantity::Rate,
            Quantity::Time,
            Quantity::Energy,
            Quantity::Diffusivity,
            Quantity::Length,
        ]);
        assert_eq!(Unit::from_name("kPerMin"), Some(Unit::KPerMin));
        assert_eq!(EntropyBasis::PerMixedSite.name(), "perMixedSite");
        assert!(TimeScale::choices().contains("\"log\""));
    }
}
