//! Every curve of a scenario on its time grid, and the one table that names them.

use crate::display::{DIGITS, DisplayUnits, number_from_log10, number_to};
use crate::units::Quantity;

/// Every curve on the time grid. Quantities spanning many decades are given as log10 so that
/// nothing underflows: a flux of 10⁻⁴⁰⁰ mol/(m²·s) is −400, not 0. −∞ means exactly zero.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Curves {
    /// Time [s].
    pub time_s: Vec<f64>,
    /// Temperature [K].
    pub temperature_k: Vec<f64>,
    /// log10 of the exponential control coefficient exp(−Ea/RT).
    pub log10_exp_coefficient: Vec<f64>,
    /// log10 of |J| [mol/(m²·s)] (eq. 11).
    pub log10_flux: Vec<f64>,
    /// log10 of the transported amount Q [mol/m²].
    pub log10_amount: Vec<f64>,
    /// log10 of the diffusion length √(D0·I) [m].
    pub log10_diffusion_length_m: Vec<f64>,
    /// log10 of the residual modulation amplitude.
    pub log10_residual: Vec<f64>,
    /// Grain size [m] (empty without grain growth).
    pub grain_size_m: Vec<f64>,
}

/// One curve of [`Curves`], as the scripting API, the CSV, the readouts and the tables name it.
pub struct Column {
    /// Key in the scripting API's `curves`, with its SI unit: `log10FluxMolPerM2S`.
    pub key: &'static str,
    /// The quantity's symbol as the page writes it: `|J|`.
    pub symbol: &'static str,
    /// Its SI unit ("" when dimensionless).
    pub unit: &'static str,
    /// Whether the curve holds log10 of the quantity.
    pub log10: bool,
    /// The quantity whose unit the reader chooses, if any (otherwise it is shown in `unit`).
    pub quantity: Option<Quantity>,
    /// The curve's samples.
    pub values: fn(&Curves) -> &Vec<f64>,
    values_mut: fn(&mut Curves) -> &mut Vec<f64>,
}

macro_rules! column {
    ($field:ident, $key:literal, $symbol:literal, $unit:literal, $log10:literal, $quantity:expr) => {
        Column {
            key: $key,
            symbol: $symbol,
            unit: $unit,
            log10: $log10,
            quantity: $quantity,
            values: |c| &c.$field,
            values_mut: |c| &mut c.$field,
        }
    };
}

/// Every curve, in the order of the CSV's columns.
pub const COLUMNS: [Column; 8] = [
    column!(time_s, "timeS", "t", "s", false, Some(Quantity::Time)),
    column!(
        temperature_k,
        "temperatureK",
        "T",
        "K",
        false,
        Some(Quantity::Temperature)
    ),
    column!(
        log10_flux,
        "log10FluxMolPerM2S",
        "|J|",
        "mol/(m²·s)",
        true,
        None
    ),
    column!(
        log10_exp_coefficient,
        "log10ExpCoefficient",
        "E = exp(−Ea/RT)",
        "",
        true,
        None
    ),
    column!(
        log10_amount,
        "log10AmountMolPerM2",
        "Q",
        "mol/m²",
        true,
        None
    ),
    column!(
        log10_diffusion_length_m,
        "log10DiffusionLengthM",
        "L",
        "m",
        true,
        Some(Quantity::Length)
    ),
    column!(
        log10_residual,
        "log10Residual",
        "residual A/A₀",
        "",
        true,
        None
    ),
    column!(
        grain_size_m,
        "grainSizeM",
        "d",
        "m",
        false,
        Some(Quantity::Length)
    ),
];

/// The columns by name, for the charts that show them.
pub const TIME: &Column = &COLUMNS[0];
pub const TEMPERATURE: &Column = &COLUMNS[1];
pub const FLUX: &Column = &COLUMNS[2];
pub const EXP_COEFFICIENT: &Column = &COLUMNS[3];
pub const AMOUNT: &Column = &COLUMNS[4];
pub const DIFFUSION_LENGTH: &Column = &COLUMNS[5];
pub const RESIDUAL: &Column = &COLUMNS[6];
pub const GRAIN_SIZE: &Column = &COLUMNS[7];

impl Column {
    /// The unit it is shown in: the reader's for its quantity (time fixed by the caller, see
    /// [`DisplayUnits::for_span`]), else its SI unit.
    pub fn unit_symbol(&self, units: &DisplayUnits) -> &'static str {
        match self.quantity {
            Some(q) => units.unit(q, f64::NAN).symbol(),
            None => self.unit,
        }
    }

    /// Its symbol and unit, as a table's header: `T [°C]`.
    pub fn header(&self, units: &DisplayUnits) -> String {
        match self.unit_symbol(units) {
            "" => self.symbol.to_string(),
            unit => format!("{} [{unit}]", self.symbol),
        }
    }

    /// Sample `i` in the reader's unit (log10 of it for a log10 curve), if there is one.
    pub fn value(&self, curves: &Curves, i: usize, units: &DisplayUnits) -> Option<f64> {
        let v = *(self.values)(curves).get(i)?;
        Some(self.in_units(units)(v))
    }

    /// What turns one of its samples into the reader's unit, prepared once for many samples.
    pub fn in_units(&self, units: &DisplayUnits) -> impl Fn(f64) -> f64 + use<> {
        let unit = self.quantity.map(|q| units.unit(q, f64::NAN));
        let log10 = self.log10;
        let shift = unit.map_or(0.0, |u| u.from_si(1.0).log10());
        move |v| match unit {
            Some(_) if log10 => v + shift,
            Some(u) => u.from_si(v),
            None => v,
        }
    }

    /// Sample `i` as a person writes it ("—" where there is none), a log10 curve as the
    /// quantity itself.
    pub fn cell(&self, curves: &Curves, i: usize, units: &DisplayUnits) -> String {
        self.cell_to(curves, i, units, DIGITS)
    }

    /// The same with `digits` significant digits (a log10 curve keeps four).
    fn cell_to(&self, curves: &Curves, i: usize, units: &DisplayUnits, digits: usize) -> String {
        match self.value(curves, i, units) {
            None => "—".into(),
            Some(v) if self.log10 => number_from_log10(v),
            Some(v) => number_to(v, digits),
        }
    }

    /// Sample `i` as a readout: `T = 1227 °C`.
    pub fn reading(&self, curves: &Curves, i: usize, units: &DisplayUnits) -> String {
        self.reading_to(curves, i, units, DIGITS)
    }

    /// The same with `digits` significant digits (a log10 curve keeps four): the time on a
    /// chart zoomed into a small part of a long program, say.
    pub fn reading_to(
        &self,
        curves: &Curves,
        i: usize,
        units: &DisplayUnits,
        digits: usize,
    ) -> String {
        let value = self.cell_to(curves, i, units, digits);
        match self.unit_symbol(units) {
            "" => format!("{} = {value}", self.symbol),
            unit => format!("{} = {value} {unit}", self.symbol),
        }
    }
}

impl Curves {
    /// Empties every curve, keeping its buffer.
    pub(super) fn clear(&mut self) {
        for column in &COLUMNS {
            (column.values_mut)(self).clear();
        }
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.time_s.len()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.time_s.is_empty()
    }

    /// Every curve with its column.
    pub fn columns(&self) -> impl Iterator<Item = (&'static Column, &[f64])> {
        COLUMNS
            .iter()
            .map(move |c| (c, (c.values)(self).as_slice()))
    }
}
