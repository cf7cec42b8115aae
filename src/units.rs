//! Physical constants and unit conversions: the one place that owns both.
//!
//! The kinetic core works in SI units only (K, s, J/mol, m, m²/s, mol/m³). The page converts
//! user-facing units at its edge through [`Unit`], so no conversion factor lives in JavaScript.

use crate::names::Named;

/// Molar gas constant R [J/(mol·K)], exact since the 2019 SI (= N_A·k_B).
pub const R_J_PER_MOL_K: f64 = 8.314_462_618;
/// Boltzmann constant k_B [eV/K].
pub const K_B_EV_PER_K: f64 = 8.617_333_262e-5;
/// One electronvolt per particle expressed per mole [J/mol] (96.485332 kJ/mol).
pub const J_PER_MOL_PER_EV: f64 = 96_485.332;
/// One thermochemical kilocalorie [J].
pub const J_PER_KCAL: f64 = 4184.0;
/// 0 °C on the absolute scale [K].
pub const ZERO_CELSIUS_K: f64 = 273.15;

/// A quantity whose display unit the user chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// Absolute temperature.
    Temperature,
    /// Heating or cooling rate.
    Rate,
    /// Time or duration.
    Time,
    /// Activation energy.
    Energy,
    /// Diffusivity.
    Diffusivity,
    /// Length.
    Length,
}

impl Quantity {
    /// The quantity whose SI unit has symbol `symbol` ("K", "s", "m²/s", …), if any.
    pub fn of_si_symbol(symbol: &str) -> Option<Quantity> {
        [
            (Unit::Kelvin, Quantity::Temperature),
            (Unit::KPerS, Quantity::Rate),
            (Unit::Second, Quantity::Time),
            (Unit::JPerMol, Quantity::Energy),
            (Unit::M2PerS, Quantity::Diffusivity),
            (Unit::Metre, Quantity::Length),
        ]
        .into_iter()
        .find(|(unit, _)| unit.symbol() == symbol)
        .map(|(_, q)| q)
    }
}

impl Named for Quantity {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("temperature", Quantity::Temperature),
        ("rate", Quantity::Rate),
        ("time", Quantity::Time),
        ("energy", Quantity::Energy),
        ("diffusivity", Quantity::Diffusivity),
        ("length", Quantity::Length),
    ];
}

/// A display unit the page offers. Absolute temperatures and temperature *differences* are
/// different things: a rate in °C/min equals the same number in K/min, whereas 25 °C is 298.15 K.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unit {
    /// Absolute temperature in kelvin (SI).
    Kelvin,
    /// Absolute temperature in degrees Celsius.
    Celsius,
    /// Heating rate in K/s (SI).
    KPerS,
    /// Heating rate in K/min.
    KPerMin,
    /// Heating rate in K/h.
    KPerH,
    /// Time in milliseconds.
    Millisecond,
    /// Time in seconds (SI).
    Second,
    /// Time in minutes.
    Minute,
    /// Time in hours.
    Hour,
    /// Time in days.
    Day,
    /// Activation energy in J/mol (SI).
    JPerMol,
    /// Activation energy in kJ/mol.
    KjPerMol,
    /// Activation energy in eV per particle.
    ElectronVolt,
    /// Activation energy in kcal/mol.
    KcalPerMol,
    /// Diffusivity in m²/s (SI).
    M2PerS,
    /// Diffusivity in cm²/s.
    Cm2PerS,
    /// Length in metres (SI).
    Metre,
    /// Length in micrometres.
    Micrometre,
    /// Length in nanometres.
    Nanometre,
}

impl Named for Unit {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("kelvin", Unit::Kelvin),
        ("celsius", Unit::Celsius),
        ("kPerS", Unit::KPerS),
        ("kPerMin", Unit::KPerMin),
        ("kPerH", Unit::KPerH),
        ("millisecond", Unit::Millisecond),
        ("second", Unit::Second),
        ("minute", Unit::Minute),
        ("hour", Unit::Hour),
        ("day", Unit::Day),
        ("jPerMol", Unit::JPerMol),
        ("kjPerMol", Unit::KjPerMol),
        ("electronVolt", Unit::ElectronVolt),
        ("kcalPerMol", Unit::KcalPerMol),
        ("m2PerS", Unit::M2PerS),
        ("cm2PerS", Unit::Cm2PerS),
        ("metre", Unit::Metre),
        ("micrometre", Unit::Micrometre),
        ("nanometre", Unit::Nanometre),
    ];
}

crate::serde_by_name!(Unit);

impl Unit {
    /// Affine map `si = value·scale + offset` of this unit onto its SI unit.
    const fn affine(self) -> (f64, f64) {
        match self {
            Unit::Kelvin
            | Unit::KPerS
            | Unit::Second
            | Unit::JPerMol
            | Unit::M2PerS
            | Unit::Metre => (1.0, 0.0),
            Unit::Celsius => (1.0, ZERO_CELSIUS_K),
            Unit::KPerMin => (1.0 / 60.0, 0.0),
            Unit::KPerH => (1.0 / 3600.0, 0.0),
            Unit::Minute => (60.0, 0.0),
            Unit::Hour => (3600.0, 0.0),
            Unit::Millisecond => (1e-3, 0.0),
            Unit::Day => (86_400.0, 0.0),
            Unit::KjPerMol => (1e3, 0.0),
            Unit::ElectronVolt => (J_PER_MOL_PER_EV, 0.0),
            Unit::KcalPerMol => (J_PER_KCAL, 0.0),
            Unit::Cm2PerS => (1e-4, 0.0),
            Unit::Micrometre => (1e-6, 0.0),
            Unit::Nanometre => (1e-9, 0.0),
        }
    }

    /// Converts a value in this unit to SI.
    pub fn to_si(self, value: f64) -> f64 {
        let (scale, offset) = self.affine();
        value * scale + offset
    }

    /// Converts an SI value to this unit.
    pub fn from_si(self, si: f64) -> f64 {
        let (scale, offset) = self.affine();
        (si - offset) / scale
    }

    /// The quantity this unit measures.
    pub const fn quantity(self) -> Quantity {
        match self {
            Unit::Kelvin | Unit::Celsius => Quantity::Temperature,
            Unit::KPerS | Unit::KPerMin | Unit::KPerH => Quantity::Rate,
            Unit::Millisecond | Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
                Quantity::Time
            }
            Unit::JPerMol | Unit::KjPerMol | Unit::ElectronVolt | Unit::KcalPerMol => {
                Quantity::Energy
            }
            Unit::M2PerS | Unit::Cm2PerS => Quantity::Diffusivity,
            Unit::Metre | Unit::Micrometre | Unit::Nanometre => Quantity::Length,
        }
    }

    /// The unit's symbol as shown to users.
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Kelvin => "K",
            Unit::Celsius => "°C",
            Unit::KPerS => "K/s",
            Unit::KPerMin => "K/min",
            Unit::KPerH => "K/h",
            Unit::Millisecond => "ms",
            Unit::Second => "s",
            Unit::Minute => "min",
            Unit::Hour => "h",
            Unit::Day => "d",
            Unit::JPerMol => "J/mol",
            Unit::KjPerMol => "kJ/mol",
            Unit::ElectronVolt => "eV",
            Unit::KcalPerMol => "kcal/mol",
            Unit::M2PerS => "m²/s",
            Unit::Cm2PerS => "cm²/s",
            Unit::Metre => "m",
            Unit::Micrometre => "µm",
            Unit::Nanometre => "nm",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROUND_TRIP_ACC: f64 = 4e-16;

    #[test]
    fn constants_are_mutually_consistent() {
        // R = N_A k_B and 1 eV/particle = N_A · e J/mol: both follow from the defined SI constants.
        let n_a = 6.022_140_76e23;
        let e = 1.602_176_634e-19;
        assert!((R_J_PER_MOL_K / (K_B_EV_PER_K * e * n_a) - 1.0).abs() < 1e-9);
        assert!((J_PER_MOL_PER_EV / (e * n_a) - 1.0).abs() < 1e-8);
    }

    #[test]
    fn known_conversions() {
        assert_eq!(Unit::Celsius.to_si(25.0), 298.15);
        assert_eq!(Unit::Celsius.from_si(273.15), 0.0);
        assert!((Unit::KPerMin.to_si(10.0) - 1.0 / 6.0).abs() < 1e-16);
        assert_eq!(Unit::KPerH.to_si(3600.0), 1.0);
        assert_eq!(Unit::KjPerMol.to_si(318.0), 318_000.0);
        assert_eq!(Unit::KcalPerMol.to_si(1.0), 4184.0);
        assert_eq!(Unit::ElectronVolt.to_si(1.0), 96_485.332);
        assert_eq!(Unit::Cm2PerS.to_si(1.0), 1e-4);
        assert_eq!(Unit::Nanometre.to_si(1.0), 1e-9);
        assert_eq!(Unit::Hour.to_si(2.0), 7200.0);
    }

    #[test]
    fn conversions_round_trip() {
        let all = [
            Unit::Kelvin,
            Unit::Celsius,
            Unit::KPerS,
            Unit::KPerMin,
            Unit::KPerH,
            Unit::Millisecond,
            Unit::Second,
            Unit::Minute,
            Unit::Hour,
            Unit::Day,
            Unit::JPerMol,
            Unit::KjPerMol,
            Unit::ElectronVolt,
            Unit::KcalPerMol,
            Unit::M2PerS,
            Unit::Cm2PerS,
            Unit::Metre,
            Unit::Micrometre,
            Unit::Nanometre,
        ];
        for unit in all {
            for v in [1e-9_f64, 0.37, 1.0, 1234.5, 6.02e23] {
                // The Celsius offset limits the round trip to the precision of v + 273.15.
                let scale = v.abs() + unit.affine().1;
                let back = unit.from_si(unit.to_si(v));
                assert!(
                    (back - v).abs() <= ROUND_TRIP_ACC * scale,
                    "{unit:?} {v} -> {back}"
                );
            }
        }
    }
}
