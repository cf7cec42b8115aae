//! The scenario as a user, a share link or a script supplies it: plain data in SI units with the
//! unit in every field name, read and written with serde.

use serde::{Deserialize, Serialize};

use super::{Curves, Model, Summary};
use crate::error::InputError;
use crate::input::{MixingFields, number, optional_number};
use crate::mixing::{EntropyBasis, Sublattice};
use crate::names::Named;
use crate::program::{ROOM_TEMPERATURE_K, Segment};

fn room_temperature() -> f64 {
    ROOM_TEMPERATURE_K
}

/// A complete scenario as supplied by the user: `{ program, diffusion, mixing, grainGrowth?,
/// homogenisation, referenceTemperatureK?, sampling? }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// The thermal program.
    pub program: ProgramSpec,
    /// The diffusing species: D0, Ea, concentration and measured range.
    pub diffusion: DiffusionSpec,
    /// The linear control coefficient, given or estimated.
    pub mixing: MixingSpec,
    /// Grain growth of eq. (12), if wanted.
    #[serde(default)]
    pub grain_growth: Option<GrainSpec>,
    /// The composition modulation to homogenise.
    pub homogenisation: HomogenisationSpec,
    /// Temperature of the equivalent isothermal time [K]; defaults to the program's peak.
    #[serde(default, deserialize_with = "optional_number")]
    pub reference_temperature_k: Option<f64>,
    /// The time grid of the curves.
    #[serde(default)]
    pub sampling: Sampling,
    /// The uncertainty drawn as a band around every curve, if any.
    #[serde(default)]
    pub uncertainty: Option<UncertaintySpec>,
}

/// `{ eaJPerMol, d0Factor, deltaTemperatureK }`: the uncertainty of the diffusion law and of the
/// program, drawn as a band between the scenario's two ends: Eₐ + σ, D0 ÷ f and every
/// temperature of the program − ΔT, and Eₐ − σ, D0 × f and + ΔT.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UncertaintySpec {
    /// σ of Eₐ [J/mol].
    #[serde(deserialize_with = "number")]
    pub ea_j_per_mol: f64,
    /// Factor f ≥ 1 of D0.
    #[serde(deserialize_with = "number")]
    pub d0_factor: f64,
    /// ΔT of the program's temperatures [K].
    #[serde(deserialize_with = "number")]
    pub delta_temperature_k: f64,
}

/// A thermal program as supplied: `{ startK?, segments: [ … ] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProgramSpec {
    /// Start temperature [K] (0 K only for the paper's pure ramp); room temperature if absent.
    #[serde(default = "room_temperature", deserialize_with = "number")]
    pub start_k: f64,
    /// Ramps, holds and pulse trains in order.
    pub segments: Vec<Segment>,
}

impl ProgramSpec {
    /// The same program with every temperature `dt_k` higher (its times are unchanged).
    pub fn shifted(&self, dt_k: f64) -> ProgramSpec {
        ProgramSpec {
            start_k: self.start_k + dt_k,
            segments: self.segments.iter().map(|s| s.shifted(dt_k)).collect(),
        }
    }
}

/// The diffusing species: `{ d0M2PerS, eaJPerMol, concentrationMolPerM3, validMinK?, validMaxK? }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DiffusionSpec {
    /// Pre-exponential factor D0 [m²/s].
    #[serde(deserialize_with = "number")]
    pub d0_m2_per_s: f64,
    /// Activation energy Ea [J/mol].
    #[serde(deserialize_with = "number")]
    pub ea_j_per_mol: f64,
    /// Molar concentration C of eq. (11) [mol/m³].
    #[serde(deserialize_with = "number")]
    pub concentration_mol_per_m3: f64,
    /// Lowest temperature at which D was measured [K], if known.
    #[serde(default, deserialize_with = "optional_number")]
    pub valid_min_k: Option<f64>,
    /// Highest temperature at which D was measured [K], if known.
    #[serde(default, deserialize_with = "optional_number")]
    pub valid_max_k: Option<f64>,
}

/// The linear control coefficient G: given directly (`{ kind: "direct", gJPerKMolM }`) or
/// estimated as S_conf/λ (`{ kind: "entropy", lengthM, sublattices, basis }`); read and written
/// through [`MixingFields`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MixingFields", into = "MixingFields")]
pub enum MixingSpec {
    /// G given directly.
    Direct {
        /// G [J/(K·mol·m)].
        g_j_per_k_mol_m: f64,
    },
    /// G ≈ S_conf/λ from a composition and a mixing length.
    Entropy {
        /// Precursor mixing length λ [m].
        length_m: f64,
        /// Sublattices with their species amounts.
        sublattices: Vec<Sublattice>,
        /// What a mole of S_conf refers to.
        basis: EntropyBasis,
    },
}

/// Grain growth as supplied: `{ exponent, d0M, k0, eaJPerMol }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GrainSpec {
    /// Growth exponent n ≥ 1 (2 normal, 3 drag-limited).
    #[serde(deserialize_with = "number")]
    pub exponent: f64,
    /// Initial grain size [m].
    #[serde(deserialize_with = "number")]
    pub d0_m: f64,
    /// Rate constant k0 [mⁿ/s].
    #[serde(deserialize_with = "number")]
    pub k0: f64,
    /// Grain-growth activation energy [J/mol].
    #[serde(deserialize_with = "number")]
    pub ea_j_per_mol: f64,
}

/// The composition modulation to homogenise: `{ wavelengthM, targetResidual }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HomogenisationSpec {
    /// Modulation wavelength λ [m] (usually the mixing length).
    #[serde(deserialize_with = "number")]
    pub wavelength_m: f64,
    /// Residual amplitude that counts as homogeneous, e.g. 0.01.
    #[serde(deserialize_with = "number")]
    pub target_residual: f64,
}

/// Linear or logarithmic time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeScale {
    /// Evenly spaced from 0 to the end of the program.
    #[default]
    Linear,
    /// Evenly spaced in log t over `decades` decades up to the end of the program.
    Log,
}

crate::serde_by_name!(TimeScale);

impl Named for TimeScale {
    const NAMES: &'static [(&'static str, Self)] =
        &[("linear", TimeScale::Linear), ("log", TimeScale::Log)];
}

/// The base time grid, `{ points?, scale?, decades? }`; stretch boundaries and pulse edges are
/// always added to it. An absent field keeps its default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sampling {
    /// Number of base grid points.
    #[serde(deserialize_with = "number")]
    pub points: f64,
    /// Linear or logarithmic.
    pub scale: TimeScale,
    /// Decades spanned by a logarithmic grid.
    #[serde(deserialize_with = "number")]
    pub decades: f64,
}

impl Default for Sampling {
    fn default() -> Self {
        Sampling {
            points: 600.0,
            scale: TimeScale::Linear,
            decades: 6.0,
        }
    }
}

impl Scenario {
    /// Checks every input (the one place a scenario is validated) and builds the model.
    pub fn validate(&self) -> Result<Model, InputError> {
        Model::new(self)
    }

    /// Validates and evaluates in one call: the curves and the summary.
    pub fn evaluate(&self) -> Result<(Curves, Summary), InputError> {
        let model = self.validate()?;
        let mut curves = Curves::default();
        let summary = model.evaluate_into(&mut curves);
        Ok((curves, summary))
    }
}
