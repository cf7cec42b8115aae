//! The one input-validation path of the core and its typed error.
//!
//! Every user-supplied number passes through [`check`] exactly once, when a validated domain
//! value is built from it. Field names are the JavaScript names of the scripting API (for example
//! `program.segments[2].rateKPerS`), so a message can be shown next to the input that caused it.

use std::fmt;

use crate::display::number;

/// Where a value came from: a parent path, an optional list index and a field name. Formatting
/// is deferred until an error is reported, so validating a valid scenario allocates nothing.
#[derive(Debug, Clone, Copy)]
pub struct Field<'a> {
    parent: &'a str,
    index: Option<usize>,
    name: &'a str,
}

impl<'a> Field<'a> {
    /// A top-level field such as `referenceTemperatureK`.
    pub const fn new(name: &'a str) -> Self {
        Field {
            parent: "",
            index: None,
            name,
        }
    }

    /// A field of an object, as in `diffusion.d0M2PerS`.
    pub const fn of(parent: &'a str, name: &'a str) -> Self {
        Field {
            parent,
            index: None,
            name,
        }
    }

    /// A field of a list element, as in `program.segments[2].rateKPerS`.
    pub const fn item(parent: &'a str, index: usize, name: &'a str) -> Self {
        Field {
            parent,
            index: Some(index),
            name,
        }
    }
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.parent)?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        if !self.parent.is_empty() && !self.name.is_empty() {
            f.write_str(".")?;
        }
        f.write_str(self.name)
    }
}

/// The closed or half-open interval a value must lie in, with its SI unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Lower limit.
    pub min: f64,
    /// Whether `min` itself is allowed (false for quantities that must be strictly positive).
    pub min_inclusive: bool,
    /// Upper limit (always inclusive).
    pub max: f64,
    /// SI unit symbol shown in messages.
    pub unit: &'static str,
}

impl Bounds {
    /// `min ≤ v ≤ max`.
    pub const fn closed(min: f64, max: f64, unit: &'static str) -> Self {
        Bounds {
            min,
            min_inclusive: true,
            max,
            unit,
        }
    }

    /// `min < v ≤ max`.
    pub const fn above(min: f64, max: f64, unit: &'static str) -> Self {
        Bounds {
            min,
            min_inclusive: false,
            max,
            unit,
        }
    }

    fn contains(&self, v: f64) -> bool {
        let lower = if self.min_inclusive {
            v >= self.min
        } else {
            v > self.min
        };
        lower && v <= self.max
    }
}

impl fmt::Display for Bounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.min_inclusive { "[" } else { "(" };
        write!(f, "{open}{}, {}]", number(self.min), number(self.max))?;
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        Ok(())
    }
}

/// A rejected input, naming the field, the value and what is allowed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum InputError {
    /// A number that is NaN or infinite.
    NotFinite {
        /// JS path of the field.
        field: String,
        /// The offending value.
        value: f64,
        /// What the field allows.
        allowed: Bounds,
    },
    /// A finite number outside its allowed range.
    OutOfRange {
        /// JS path of the field.
        field: String,
        /// The offending value.
        value: f64,
        /// What the field allows.
        allowed: Bounds,
    },
    /// A structural problem: an empty program, a zero-length segment, a malformed object.
    Invalid {
        /// JS path of the field.
        field: String,
        /// Why it was rejected and what is allowed instead.
        reason: String,
    },
    /// A well-formed question with no answer under the model (e.g. a residual no temperature
    /// can reach in the given time).
    Unreachable {
        /// The question's input that cannot be satisfied.
        field: String,
        /// Why.
        reason: String,
    },
}

impl InputError {
    /// Structural error at `field`.
    pub fn invalid(field: Field<'_>, reason: impl Into<String>) -> Self {
        InputError::Invalid {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// Unanswerable question at `field`.
    pub fn unreachable(field: Field<'_>, reason: impl Into<String>) -> Self {
        InputError::Unreachable {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// The JS path of the field the error is about.
    pub fn field(&self) -> &str {
        match self {
            InputError::NotFinite { field, .. }
            | InputError::OutOfRange { field, .. }
            | InputError::Invalid { field, .. }
            | InputError::Unreachable { field, .. } => field,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFinite {
                field,
                value,
                allowed,
            } => {
                write!(
                    f,
                    "{field} must be a finite number in {allowed}; got {}",
                    number(*value)
                )
            }
            InputError::OutOfRange {
                field,
                value,
                allowed,
            } => {
                write!(
                    f,
                    "{field} = {} is out of range; allowed {allowed}",
                    number(*value)
                )
            }
            InputError::Invalid { field, reason } => write!(f, "{field}: {reason}"),
            InputError::Unreachable { field, reason } => write!(f, "{field}: {reason}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Checks one number against its bounds: the single validation gate of the core.
pub fn check(field: Field<'_>, value: f64, allowed: Bounds) -> Result<f64, InputError> {
    if !value.is_finite() {
        return Err(InputError::NotFinite {
            field: field.to_string(),
            value,
            allowed,
        });
    }
    if !allowed.contains(value) {
        return Err(InputError::OutOfRange {
            field: field.to_string(),
            value,
            allowed,
        });
    }
    Ok(value)
}

/// The allowed range of every kind of input, in SI units. Generous enough for any synthesis
/// technique in the paper (furnaces to 10⁵ K/s shocks), tight enough to reject absurd magnitudes.
pub mod limits {
    use super::Bounds;

    /// Any temperature inside a program (a start temperature of exactly 0 K is checked apart).
    pub const TEMPERATURE: Bounds = Bounds::closed(1.0, 1.0e4, "K");
    /// Ramp rate magnitude.
    pub const RATE: Bounds = Bounds::closed(1.0e-9, 1.0e12, "K/s");
    /// A hold, a pulse's on or off time.
    pub const DURATION: Bounds = Bounds::closed(1.0e-12, 1.0e10, "s");
    /// Number of pulses in a train.
    pub const PULSE_COUNT: Bounds = Bounds::closed(1.0, 10_000.0, "");
    /// Segments in one program.
    pub const SEGMENT_COUNT: Bounds = Bounds::closed(1.0, 1_000.0, "");
    /// Pulses in one program, all trains together (each pulse adds two exact grid points).
    pub const TOTAL_PULSES: f64 = 100_000.0;
    /// Activation energy.
    pub const ACTIVATION_ENERGY: Bounds = Bounds::closed(1.0, 2.0e6, "J/mol");
    /// Diffusion pre-exponential factor D0.
    pub const DIFFUSIVITY: Bounds = Bounds::closed(1.0e-30, 1.0e3, "m²/s");
    /// Molar concentration C.
    pub const CONCENTRATION: Bounds = Bounds::closed(1.0e-12, 1.0e7, "mol/m³");
    /// Linear control coefficient G = ∂²S/∂N∂x.
    pub const LINEAR_COEFFICIENT: Bounds = Bounds::closed(1.0e-30, 1.0e20, "J/(K·mol·m)");
    /// A length: mixing length, modulation wavelength, diffusion length, grain size.
    pub const LENGTH: Bounds = Bounds::closed(1.0e-12, 1.0, "m");
    /// Initial grain size (may be zero).
    pub const INITIAL_GRAIN_SIZE: Bounds = Bounds::closed(0.0, 1.0, "m");
    /// Grain-growth exponent n.
    pub const GROWTH_EXPONENT: Bounds = Bounds::closed(1.0, 10.0, "");
    /// Grain-growth rate constant k0 [m^n/s].
    pub const GROWTH_CONSTANT: Bounds = Bounds::closed(1.0e-300, 1.0e300, "m^n/s");
    /// Residual amplitude of a composition modulation that a question targets.
    pub const RESIDUAL: Bounds = Bounds::closed(1.0e-300, 0.999_999, "");
    /// Site multiplicity of a sublattice (sites per formula unit).
    pub const MULTIPLICITY: Bounds = Bounds::closed(1.0e-6, 1.0e3, "");
    /// Amount of one species on a sublattice (any consistent unit; normalised by eq. 2).
    pub const AMOUNT: Bounds = Bounds::closed(0.0, 1.0e30, "");
    /// Number of samples of the base time grid.
    pub const SAMPLES: Bounds = Bounds::closed(2.0, 20_000.0, "");
    /// σ of Eₐ in an uncertainty band.
    pub const EA_UNCERTAINTY: Bounds = Bounds::closed(0.0, 1.0e6, "J/mol");
    /// The factor by which D0 is multiplied and divided in an uncertainty band.
    pub const D0_FACTOR: Bounds = Bounds::closed(1.0, 1.0e6, "");
    /// ΔT of a program's temperatures in an uncertainty band.
    pub const TEMPERATURE_UNCERTAINTY: Bounds = Bounds::closed(0.0, 1.0e3, "K");
    /// Decades spanned by a logarithmic time grid.
    pub const LOG_DECADES: Bounds = Bounds::closed(0.5, 15.0, "");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_field_value_and_range() {
        let e = check(
            Field::item("program.segments", 2, "rateKPerS"),
            -5.0,
            limits::RATE,
        )
        .unwrap_err();
        assert_eq!(e.field(), "program.segments[2].rateKPerS");
        let msg = e.to_string();
        assert!(msg.contains("program.segments[2].rateKPerS"), "{msg}");
        assert!(msg.contains("= −5 is"), "{msg}");
        assert!(msg.contains("[10⁻⁹, 10¹²] K/s"), "{msg}");
    }

    #[test]
    fn rejects_non_finite_and_accepts_limits() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let e = check(Field::new("x"), v, limits::TEMPERATURE).unwrap_err();
            assert!(matches!(e, InputError::NotFinite { .. }));
        }
        assert!(check(Field::new("x"), 0.0, limits::TEMPERATURE).is_err());
        assert!(check(Field::new("x"), 1.0e4, limits::TEMPERATURE).is_ok());
        assert!(check(Field::new("x"), 1.0e4 + 1.0, limits::TEMPERATURE).is_err());
        assert!(
            check(
                Field::new("x"),
                f64::MIN_POSITIVE / 2.0,
                limits::TEMPERATURE
            )
            .is_err()
        );
    }
}
