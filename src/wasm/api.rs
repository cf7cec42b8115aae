//! The scripting API: one exported function per question, each a thin layer over the core. Every
//! name carries its SI unit; every error is an `Error` with its field, value and allowed range.
//! The functions the page also calls are here; the others are in `scripting`.

use wasm_bindgen::prelude::*;

use super::boundary::{ApiError, named, number, write};
use crate::display;
use crate::presets;
use crate::units::{Quantity, Unit};

/// Every preset with its source and validity range.
#[wasm_bindgen]
pub fn presets() -> JsValue {
    write(&presets::ALL)
}

/// `value` converted by `convert`, both finite.
fn convert(value: &JsValue, convert: impl Fn(f64) -> f64) -> Result<f64, ApiError> {
    let v = number(value, "value")?;
    let out = convert(v);
    if v.is_finite() && out.is_finite() {
        Ok(out)
    } else {
        Err(ApiError::new(
            "notFinite",
            "value",
            format_args!("must be a finite number whose conversion is finite; got {v}"),
        ))
    }
}

/// Converts `value` in unit `unit` (e.g. "celsius", "kPerMin", "kjPerMol", "nanometre") to SI.
#[wasm_bindgen(js_name = toSi)]
pub fn to_si(value: JsValue, unit: &str) -> Result<f64, ApiError> {
    let unit: Unit = named("unit", unit)?;
    convert(&value, |v| unit.to_si(v))
}

/// Converts an SI value to unit `unit`.
#[wasm_bindgen(js_name = fromSi)]
pub fn from_si(value: JsValue, unit: &str) -> Result<f64, ApiError> {
    let unit: Unit = named("unit", unit)?;
    convert(&value, |v| unit.from_si(v))
}

/// An SI value as the page writes it in unit `unit` (or as a plain number when `unit` is
/// undefined): `digits` significant digits (four when undefined, clamped to 1 to 12), powers of ten with
/// superscripts, the unit's symbol — "6 × 10⁻⁸ K/min", "1200 °C"; a time in unit "auto" in
/// whichever of ms … d suits it. Used for the page's messages and slider labels.
#[wasm_bindgen(js_name = showQuantity)]
pub fn show_quantity(
    si: f64,
    unit: Option<String>,
    digits: Option<u32>,
) -> Result<String, ApiError> {
    let digits = digits.map_or(display::DIGITS, |d| d as usize);
    let Some(name) = unit else {
        return Ok(display::number_to(si, digits));
    };
    let quantity = match name.as_str() {
        "auto" => Quantity::Time,
        name => named::<Unit>("unit", name)?.quantity(),
    };
    let mut units = display::DisplayUnits::default();
    units.set(quantity, &name)?;
    Ok(units.show_to(quantity, si, digits))
}
