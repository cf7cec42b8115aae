//! Every curve of a scenario on its time grid, and the one table that names them.

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
    /// CSV header: `log10_flux_mol_per_m2_s`.
    pub csv: &'static str,
    /// The quantity's symbol as the page writes it: `|J|`.
    pub symbol: &'static str,
    /// Its SI unit ("" when dimensionless).
    pub unit: &'static str,
    /// Whether the curve holds log10 of the quantity.
    pub log10: bool,
    /// Decimals of a value written plainly, or `None` for m.mmmm e n.
    pub decimals: Option<usize>,
    /// The curve's samples.
    pub values: fn(&Curves) -> &Vec<f64>,
    values_mut: fn(&mut Curves) -> &mut Vec<f64>,
}

macro_rules! column {
    ($field:ident, $key:literal, $csv:literal, $symbol:literal, $unit:literal, $log10:literal) => {
        column!($field, $key, $csv, $symbol, $unit, $log10, None)
    };
    ($field:ident, $key:literal, $csv:literal, $symbol:literal, $unit:literal, $log10:literal, $decimals:expr) => {
        Column {
            key: $key,
            csv: $csv,
            symbol: $symbol,
            unit: $unit,
            log10: $log10,
            decimals: $decimals,
            values: |c| &c.$field,
            values_mut: |c| &mut c.$field,
        }
    };
}

/// Every curve, in the order of the CSV's columns.
pub const COLUMNS: [Column; 8] = [
    column!(time_s, "timeS", "time_s", "t", "s", false),
    column!(
        temperature_k,
        "temperatureK",
        "temperature_K",
        "T",
        "K",
        false,
        Some(1)
    ),
    column!(
        log10_flux,
        "log10FluxMolPerM2S",
        "log10_flux_mol_per_m2_s",
        "|J|",
        "mol/(m²·s)",
        true
    ),
    column!(
        log10_exp_coefficient,
        "log10ExpCoefficient",
        "log10_exp_coefficient",
        "E = exp(−Ea/RT)",
        "",
        true
    ),
    column!(
        log10_amount,
        "log10AmountMolPerM2",
        "log10_amount_mol_per_m2",
        "Q",
        "mol/m²",
        true
    ),
    column!(
        log10_diffusion_length_m,
        "log10DiffusionLengthM",
        "log10_diffusion_length_m",
        "L",
        "m",
        true
    ),
    column!(
        log10_residual,
        "log10Residual",
        "log10_residual",
        "residual A/A₀",
        "",
        true
    ),
    column!(grain_size_m, "grainSizeM", "grain_size_m", "d", "m", false),
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
    /// The header of its column in a table: symbol and unit.
    pub fn header(&self) -> String {
        match self.unit {
            "" => self.symbol.to_string(),
            unit => format!("{} [{unit}]", self.symbol),
        }
    }

    /// Sample `i` of `curves` as text ("—" where there is none), a log10 curve as the quantity.
    pub fn cell(&self, curves: &Curves, i: usize) -> String {
        match (self.values)(curves).get(i) {
            None => "—".into(),
            Some(&v) if self.log10 => crate::charts::format_log10(v),
            Some(v) => match self.decimals {
                Some(d) => format!("{v:.d$}"),
                None => format!("{v:.4e}"),
            },
        }
    }

    /// Sample `i` of `curves` as a readout: `T = 1500.0 K`.
    pub fn reading(&self, curves: &Curves, i: usize) -> String {
        let unit = if self.unit.is_empty() { "" } else { " " };
        format!(
            "{} = {}{unit}{}",
            self.symbol,
            self.cell(curves, i),
            self.unit
        )
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
