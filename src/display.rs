//! Numbers and quantities as people write them: four significant digits, powers of ten with
//! superscripts (1.21 × 10⁴, 10⁻¹⁰), and each quantity in the unit its reader chose.

use crate::error::{Field, InputError};
use crate::names::Named;
use crate::units::{Quantity, Unit};

/// Significant digits of a number shown to a reader.
pub const DIGITS: usize = 4;

/// Decimal exponents written without a power of ten: 0.001234 to 9999.
const PLAIN_EXPONENTS: std::ops::RangeInclusive<i64> = -3..=3;

/// The unit a reader chose for each quantity; time may follow the span shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DisplayUnits {
    pub temperature: Unit,
    pub rate: Unit,
    /// `None`: ms, s, min, h or d, whichever suits the span shown.
    pub time: Option<Unit>,
    pub energy: Unit,
    pub diffusivity: Unit,
    pub length: Unit,
}

impl Default for DisplayUnits {
    /// SI units throughout.
    fn default() -> Self {
        DisplayUnits {
            temperature: Unit::Kelvin,
            rate: Unit::KPerS,
            time: Some(Unit::Second),
            energy: Unit::JPerMol,
            diffusivity: Unit::M2PerS,
            length: Unit::Metre,
        }
    }
}

impl DisplayUnits {
    /// Shows `quantity` in the unit named `name` ("auto" for time: whichever suits the span).
    pub fn set(&mut self, quantity: Quantity, name: &str) -> Result<(), InputError> {
        let field = Field::of("units", quantity.name());
        if quantity == Quantity::Time && name == "auto" {
            self.time = None;
            return Ok(());
        }
        let unit = Unit::from_name(name)
            .filter(|u| u.quantity() == quantity)
            .ok_or_else(|| {
                InputError::invalid(
                    field,
                    format!("not a unit of {}: {}", quantity.name(), Unit::refusal(name)),
                )
            })?;
        match quantity {
            Quantity::Temperature => self.temperature = unit,
            Quantity::Rate => self.rate = unit,
            Quantity::Time => self.time = Some(unit),
            Quantity::Energy => self.energy = unit,
            Quantity::Diffusivity => self.diffusivity = unit,
            Quantity::Length => self.length = unit,
        }
        Ok(())
    }

    /// The unit of `quantity`; time for a span of `span_s` seconds.
    pub fn unit(&self, quantity: Quantity, span_s: f64) -> Unit {
        match quantity {
            Quantity::Temperature => self.temperature,
            Quantity::Rate => self.rate,
            Quantity::Time => self.time.unwrap_or_else(|| time_unit_for(span_s)),
            Quantity::Energy => self.energy,
            Quantity::Diffusivity => self.diffusivity,
            Quantity::Length => self.length,
        }
    }

    /// The same units with an automatic time unit fixed for a span of `span_s` seconds.
    pub fn for_span(&self, span_s: f64) -> DisplayUnits {
        DisplayUnits {
            time: Some(self.unit(Quantity::Time, span_s)),
            ..*self
        }
    }

    /// Why an input was refused, in the reader's units: "−400 °C is outside the allowed
    /// −272.2 °C to 9727 °C"; a question without an answer says why.
    pub fn explain(&self, e: &InputError) -> String {
        match e {
            InputError::NotFinite { allowed, .. } | InputError::OutOfRange { allowed, .. } => {
                let show = |v: f64| match Quantity::of_si_symbol(allowed.unit) {
                    Some(q) => self.show(q, v),
                    None if allowed.unit.is_empty() => number(v),
                    None => format!("{} {}", number(v), allowed.unit),
                };
                let range = format!("{} to {}", show(allowed.min), show(allowed.max));
                match e {
                    InputError::OutOfRange { value, .. } => {
                        format!("{} is outside the allowed {range}", show(*value))
                    }
                    _ => format!("a finite number from {range} is needed"),
                }
            }
            InputError::Invalid { reason, .. } | InputError::Unreachable { reason, .. } => {
                reason.clone()
            }
        }
    }

    /// `si` in the chosen unit, with its symbol: "1227 °C", "3.4 h" (an automatic time unit
    /// follows the value itself).
    pub fn show(&self, quantity: Quantity, si: f64) -> String {
        self.show_to(quantity, si, DIGITS)
    }

    /// The same to `digits` significant digits (clamped to 1 to 12).
    pub fn show_to(&self, quantity: Quantity, si: f64, digits: usize) -> String {
        let unit = self.unit(quantity, si.abs());
        format!("{} {}", number_to(unit.from_si(si), digits), unit.symbol())
    }

    /// The same for a value given by its log10 in SI (a diffusivity or a length that may lie
    /// beyond a double's range); `quantity` must have a unit without an offset.
    pub fn show_log10(&self, quantity: Quantity, log10_si: f64) -> String {
        let unit = self.unit(quantity, 10f64.powf(log10_si));
        let shift = unit.from_si(1.0).log10();
        format!("{} {}", number_from_log10(log10_si + shift), unit.symbol())
    }
}

/// The time unit that reads best for a span of `span_s` seconds.
pub fn time_unit_for(span_s: f64) -> Unit {
    match span_s {
        s if s.is_nan() => Unit::Second,
        s if s < 1.0 => Unit::Millisecond,
        s if s < 120.0 => Unit::Second,
        s if s < 7200.0 => Unit::Minute,
        s if s < 2.0 * 86_400.0 => Unit::Hour,
        _ => Unit::Day,
    }
}

/// `value` to [`DIGITS`] significant digits, as a person writes it: 1500, 3.4, 0.01234,
/// 1.208 × 10⁴, 10⁻¹⁰, −5 (with a minus sign, not a hyphen).
pub fn number(value: f64) -> String {
    number_to(value, DIGITS)
}

/// The same to `digits` significant digits, clamped to 1 to 12 (the scaling by a power of ten
/// is exact to about 15): 10.0125 h is "10.01" to four, "10.0125" to six.
pub fn number_to(value: f64, digits: usize) -> String {
    let digits = digits.clamp(1, 12);
    if value.is_nan() {
        return "—".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "−∞" }.into();
    }
    if value == 0.0 {
        return "0".into();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    let a = value.abs();
    let exponent = a.log10().floor();
    // Exact scaling by a power of ten where one exists; from the logarithm near the ends of
    // the double range.
    let mantissa = if exponent.abs() < 300.0 {
        a * 10f64.powi(-exponent as i32)
    } else {
        10f64.powf(a.log10() - exponent)
    };
    format!("{sign}{}", written(mantissa, exponent as i64, digits))
}

/// A positive number given by its log10, even beyond a double's range: 2.3 × 10⁻⁷⁰⁰, 10⁻⁵⁹²³⁴⁸³;
/// −∞ is 0.
pub fn number_from_log10(log10: f64) -> String {
    if log10 == f64::NEG_INFINITY {
        return "0".into();
    }
    if !log10.is_finite() {
        return "—".into();
    }
    if log10.abs() < 300.0 {
        return number(10f64.powf(log10));
    }
    let exponent = log10.floor();
    written(10f64.powf(log10 - exponent), exponent as i64, DIGITS)
}

/// mantissa × 10^exponent (mantissa about 1 to 10) to `digits` significant digits, plainly for
/// exponents in [`PLAIN_EXPONENTS`], else as m × 10ⁿ. Written from integers, so that no
/// fixed-precision float formatting is linked into the wasm.
fn written(mantissa: f64, mut exponent: i64, digits: usize) -> String {
    let unit = 10u64.pow(digits as u32 - 1);
    let mut figures = (mantissa * unit as f64).round() as u64;
    if figures >= 10 * unit {
        // Rounding carried to the next power of ten.
        figures /= 10;
        exponent += 1;
    } else if figures < unit {
        figures = (mantissa * 10.0 * unit as f64).round() as u64;
        exponent -= 1;
    }
    let text = figures.to_string();
    if PLAIN_EXPONENTS.contains(&exponent) {
        let point = exponent + 1;
        let decimal = if point <= 0 {
            format!("0.{}{text}", "0".repeat((-point) as usize))
        } else {
            let (whole, fraction) = text.split_at((point as usize).min(text.len()));
            format!(
                "{whole}{}.{fraction}",
                "0".repeat((point as usize).saturating_sub(text.len()))
            )
        };
        return trim_zeros(&decimal).to_string();
    }
    let (first, rest) = text.split_at(1);
    scaled(trim_zeros(&format!("{first}.{rest}")), exponent)
}

/// 10ⁿ with a superscript exponent: "10⁻¹⁰".
pub fn power_of_ten(exponent: i64) -> String {
    format!("10{}", superscript(exponent))
}

/// "m × 10ⁿ", or "10ⁿ" when the mantissa is 1.
fn scaled(mantissa: &str, exponent: i64) -> String {
    match mantissa {
        "1" => power_of_ten(exponent),
        m => format!("{m} × {}", power_of_ten(exponent)),
    }
}

/// A decimal without trailing zeros after its point: "3.400" → "3.4", "2.000" → "2".
fn trim_zeros(decimal: &str) -> &str {
    if decimal.contains('.') {
        decimal.trim_end_matches('0').trim_end_matches('.')
    } else {
        decimal
    }
}

fn superscript(n: i64) -> String {
    const DIGIT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let sign = if n < 0 { "⁻" } else { "" };
    let digits: String = n
        .unsigned_abs()
        .to_string()
        .bytes()
        .map(|b| DIGIT[usize::from(b - b'0')])
        .collect();
    format!("{sign}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        let cases = [
            (1500.0, "1500"),
            (1473.15, "1473"),
            (3.4, "3.4"),
            (0.25, "0.25"),
            (0.012_345, "0.01235"),
            (12_077.0, "1.208 × 10⁴"),
            (5.1944e-3, "0.005194"),
            (1e-10, "10⁻¹⁰"),
            (2.66e-6, "2.66 × 10⁻⁶"),
            (-5.0, "−5"),
            (9999.6, "10⁴"),
            (0.0, "0"),
            (6e6, "6 × 10⁶"),
            (f64::NAN, "—"),
        ];
        for (value, want) in cases {
            assert_eq!(number(value), want, "{value}");
        }
    }

    #[test]
    fn more_digits_tell_close_values_apart() {
        assert_eq!(number_to(1234.5678, 6), "1234.57");
        assert_eq!(number_to(20_101.0, 4), number_to(20_100.0, 4));
        assert_eq!(number_to(20_101.0, 6), "2.0101 × 10⁴");
        assert_eq!(number_to(-2.5e-12, 9), "−2.5 × 10⁻¹²");
        assert_eq!(number_to(0.999_999_9, 6), "1");
        assert_eq!(number_to(123_456_789_012.0, 12), "1.23456789012 × 10¹¹");
        assert_eq!(number_to(5.0, 0), "5");
        assert_eq!(number_to(1.234_567_890_123_456, 99), "1.23456789012");
    }

    #[test]
    fn values_beyond_a_double_are_written_from_their_logarithm() {
        assert_eq!(number_from_log10(-5_923_483.0), "10⁻⁵⁹²³⁴⁸³");
        assert_eq!(number_from_log10(2.0f64.log10() - 700.0), "2 × 10⁻⁷⁰⁰");
        assert_eq!(number_from_log10(-400.0 + 0.999_999_99), "10⁻³⁹⁹");
        assert_eq!(number_from_log10(4.3), "1.995 × 10⁴");
        assert_eq!(number_from_log10(f64::NEG_INFINITY), "0");
        assert_eq!(power_of_ten(-10), "10⁻¹⁰");
        assert_eq!(power_of_ten(0), "10⁰");
    }

    #[test]
    fn quantities_follow_the_chosen_units() {
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            time: None,
            length: Unit::Nanometre,
            ..DisplayUnits::default()
        };
        assert_eq!(units.show(Quantity::Temperature, 1473.15), "1200 °C");
        assert_eq!(units.show(Quantity::Time, 7200.0), "2 h");
        assert_eq!(units.show(Quantity::Time, 0.055), "55 ms");
        assert_eq!(units.show(Quantity::Time, 36_033.0), "10.01 h");
        assert_eq!(units.show_to(Quantity::Time, 36_045.0, 6), "10.0125 h");
        assert_eq!(units.show_log10(Quantity::Length, -7.0), "100 nm");
        assert_eq!(units.show_log10(Quantity::Length, -800.0), "10⁻⁷⁹¹ nm");
    }

    #[test]
    fn a_refusal_is_explained_in_the_readers_units() {
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            ..DisplayUnits::default()
        };
        let e = crate::error::check(
            Field::new("temperatureK"),
            -126.85,
            crate::error::limits::TEMPERATURE,
        )
        .unwrap_err();
        assert_eq!(
            units.explain(&e),
            "−400 °C is outside the allowed −272.2 °C to 9727 °C"
        );
    }

    #[test]
    fn a_unit_is_set_only_for_its_own_quantity() {
        let mut units = DisplayUnits::default();
        units.set(Quantity::Temperature, "celsius").unwrap();
        units.set(Quantity::Time, "auto").unwrap();
        assert_eq!((units.temperature, units.time), (Unit::Celsius, None));
        let e = units.set(Quantity::Temperature, "hour").unwrap_err();
        assert_eq!(e.field(), "units.temperature");
        assert!(units.set(Quantity::Length, "auto").is_err());
        assert_eq!(
            units.temperature,
            Unit::Celsius,
            "a refused unit changes nothing"
        );
    }
}
