//! The whole-scenario entry point: program, material, mixing, grain growth and sampling in;
//! every curve on a time grid and a summary out.
//!
//! [`Scenario`] is the plain data a user (or a share link, or a script) supplies, in SI units
//! with the unit in every field name. [`Scenario::validate`] is the one place it is checked;
//! [`Model::evaluate_into`] then computes into reusable buffers.

use std::f64::consts::LOG10_E;

use crate::arrhenius::{Arrhenius, ThermalIntegral};
use crate::error::{Field, InputError, check, limits};
use crate::flux::FluxModel;
use crate::grain::GrainGrowth;
use crate::homogenisation::{Modulation, Residual};
use crate::mixing::{EntropyBasis, Sublattice, configurational_entropy, linear_coefficient};
use crate::names::Named;
use crate::program::{Segment, Stretch, ThermalProgram};

/// Every ramp is drawn with at least this many points, however short it is.
const MIN_POINTS_PER_RAMP: usize = 16;
/// Bisection steps when locating the moment a residual target is reached (2⁻⁶⁰ of a stretch).
const BISECTION_STEPS: usize = 60;

/// A complete scenario as supplied by the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The thermal program.
    pub program: ProgramSpec,
    /// The diffusing species: D0, Ea, concentration and measured range.
    pub diffusion: DiffusionSpec,
    /// The linear control coefficient, given or estimated.
    pub mixing: MixingSpec,
    /// Grain growth of eq. (12), if wanted.
    pub grain_growth: Option<GrainSpec>,
    /// The composition modulation to homogenise.
    pub homogenisation: HomogenisationSpec,
    /// Temperature of the equivalent isothermal time [K]; defaults to the program's peak.
    pub reference_temperature_k: Option<f64>,
    /// The time grid of the curves.
    pub sampling: Sampling,
}

/// A thermal program as supplied.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramSpec {
    /// Start temperature [K] (0 K only for the paper's pure ramp).
    pub start_k: f64,
    /// Ramps, holds and pulse trains in order.
    pub segments: Vec<Segment>,
}

/// The diffusing species.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffusionSpec {
    /// Pre-exponential factor D0 [m²/s].
    pub d0_m2_per_s: f64,
    /// Activation energy Ea [J/mol].
    pub ea_j_per_mol: f64,
    /// Molar concentration C of eq. (11) [mol/m³].
    pub concentration_mol_per_m3: f64,
    /// Lowest temperature at which D was measured [K], if known.
    pub valid_min_k: Option<f64>,
    /// Highest temperature at which D was measured [K], if known.
    pub valid_max_k: Option<f64>,
}

/// The linear control coefficient G: given directly or estimated as S_conf/λ.
#[derive(Debug, Clone, PartialEq)]
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

/// Grain growth as supplied.
#[derive(Debug, Clone, PartialEq)]
pub struct GrainSpec {
    /// Growth exponent n ≥ 1 (2 normal, 3 drag-limited).
    pub exponent: f64,
    /// Initial grain size [m].
    pub d0_m: f64,
    /// Rate constant k0 [mⁿ/s].
    pub k0: f64,
    /// Grain-growth activation energy [J/mol].
    pub ea_j_per_mol: f64,
}

/// The composition modulation to homogenise.
#[derive(Debug, Clone, PartialEq)]
pub struct HomogenisationSpec {
    /// Modulation wavelength λ [m] (usually the mixing length).
    pub wavelength_m: f64,
    /// Residual amplitude that counts as homogeneous, e.g. 0.01.
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

impl Named for TimeScale {
    const NAMES: &'static [(&'static str, Self)] =
        &[("linear", TimeScale::Linear), ("log", TimeScale::Log)];
}

/// The base time grid; stretch boundaries and pulse edges are always added to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sampling {
    /// Number of base grid points.
    pub points: f64,
    /// Linear or logarithmic.
    pub scale: TimeScale,
    /// Decades spanned by a logarithmic grid.
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

/// A validated scenario, ready to evaluate any number of times.
#[derive(Debug, Clone)]
pub struct Model {
    program: ThermalProgram,
    flux: FluxModel,
    entropy_j_per_mol_k: Option<f64>,
    valid_range_k: Option<(f64, f64)>,
    grain: Option<GrainGrowth>,
    modulation: Modulation,
    residual: Residual,
    reference_k: f64,
    points: usize,
    scale: TimeScale,
    decades: f64,
}

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

impl Curves {
    fn clear(&mut self) {
        for v in [
            &mut self.time_s,
            &mut self.temperature_k,
            &mut self.log10_exp_coefficient,
            &mut self.log10_flux,
            &mut self.log10_amount,
            &mut self.log10_diffusion_length_m,
            &mut self.log10_residual,
            &mut self.grain_size_m,
        ] {
            v.clear();
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
}

/// The key results of a scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Program duration [s].
    pub duration_s: f64,
    /// Peak temperature [K].
    pub peak_k: f64,
    /// Linear control coefficient G used [J/(K·mol·m)].
    pub linear_coefficient_j_per_k_mol_m: f64,
    /// S_conf [J/(mol·K)] when G was estimated from a composition.
    pub entropy_j_per_mol_k: Option<f64>,
    /// log10 of the Arrhenius integral I over the program [s].
    pub log10_thermal_integral_s: f64,
    /// Reference temperature of the equivalent time [K].
    pub reference_k: f64,
    /// log10 of the equivalent isothermal time at the reference temperature [s].
    pub log10_equivalent_time_s: f64,
    /// log10 of the peak |J| [mol/(m²·s)].
    pub log10_peak_flux: f64,
    /// First time the peak temperature (and so the peak flux) is reached [s].
    pub peak_flux_at_s: f64,
    /// log10 of the transported amount Q at the end [mol/m²].
    pub log10_amount: f64,
    /// log10 of the diffusion length √(D0·I) at the end [m].
    pub log10_diffusion_length_m: f64,
    /// log10 of the residual modulation at the end.
    pub log10_residual: f64,
    /// When the residual first reaches the target, if it does [s].
    pub homogenised_at_s: Option<f64>,
    /// Hold at the peak temperature that reaches the target residual [s], if finite.
    pub isothermal_time_at_peak_s: Option<f64>,
    /// Temperature at which a hold as long as the program reaches the target residual [K].
    pub temperature_for_duration_k: Option<f64>,
    /// Grain size at the end [m].
    pub grain_size_m: Option<f64>,
    /// Share of the diffusion integral accrued outside the measured range of D (0–1).
    pub extrapolated_fraction: Option<f64>,
}

impl Scenario {
    /// Validates every field once and returns the model, or the first error with its field.
    pub fn validate(&self) -> Result<Model, InputError> {
        let program = ThermalProgram::new(self.program.start_k, &self.program.segments)?;
        let d = &self.diffusion;
        let diffusion = Arrhenius::new("diffusion", d.d0_m2_per_s, d.ea_j_per_mol)?;
        let (g, entropy) = match &self.mixing {
            MixingSpec::Direct { g_j_per_k_mol_m } => (*g_j_per_k_mol_m, None),
            MixingSpec::Entropy {
                length_m,
                sublattices,
                basis,
            } => {
                let s = configurational_entropy(sublattices, *basis)?;
                if s == 0.0 {
                    return Err(InputError::invalid(
                        Field::of("mixing", "sublattices"),
                        "every sublattice holds a single species: S_conf = 0, so G = 0 and nothing diffuses",
                    ));
                }
                (linear_coefficient(s, *length_m)?, Some(s))
            }
        };
        let flux = FluxModel::new(diffusion, d.concentration_mol_per_m3, g)?;
        let valid_range_k = match (d.valid_min_k, d.valid_max_k) {
            (None, None) => None,
            (lo, hi) => {
                let lo = check(
                    Field::of("diffusion", "validMinK"),
                    lo.unwrap_or(limits::TEMPERATURE.min),
                    limits::TEMPERATURE,
                )?;
                let hi = check(
                    Field::of("diffusion", "validMaxK"),
                    hi.unwrap_or(limits::TEMPERATURE.max),
                    limits::TEMPERATURE,
                )?;
                if hi <= lo {
                    return Err(InputError::invalid(
                        Field::of("diffusion", "validMaxK"),
                        format!("must be above validMinK = {lo} K"),
                    ));
                }
                Some((lo, hi))
            }
        };
        let grain = match &self.grain_growth {
            None => None,
            Some(gs) => Some(GrainGrowth::new(
                gs.exponent,
                gs.d0_m,
                gs.k0,
                gs.ea_j_per_mol,
            )?),
        };
        let h = &self.homogenisation;
        let modulation =
            Modulation::new(Field::of("homogenisation", "wavelengthM"), h.wavelength_m)?;
        let residual = Residual::new(
            Field::of("homogenisation", "targetResidual"),
            h.target_residual,
        )?;
        let reference_k = match self.reference_temperature_k {
            Some(t) => check(Field::new("referenceTemperatureK"), t, limits::TEMPERATURE)?,
            None => program.peak_k(),
        };
        let s = &self.sampling;
        let points = check(Field::of("sampling", "points"), s.points, limits::SAMPLES)?;
        if points.fract() != 0.0 {
            return Err(InputError::invalid(
                Field::of("sampling", "points"),
                "must be a whole number",
            ));
        }
        let decades = check(
            Field::of("sampling", "decades"),
            s.decades,
            limits::LOG_DECADES,
        )?;
        Ok(Model {
            program,
            flux,
            entropy_j_per_mol_k: entropy,
            valid_range_k,
            grain,
            modulation,
            residual,
            reference_k,
            points: points as usize,
            scale: s.scale,
            decades,
        })
    }

    /// Validates and evaluates in one call.
    pub fn evaluate(&self) -> Result<(Curves, Summary), InputError> {
        let model = self.validate()?;
        let mut curves = Curves::default();
        let summary = model.evaluate_into(&mut curves);
        Ok((curves, summary))
    }
}

impl Model {
    /// The validated program.
    pub fn program(&self) -> &ThermalProgram {
        &self.program
    }

    /// The flux model.
    pub fn flux(&self) -> &FluxModel {
        &self.flux
    }

    /// The measured temperature range of D, if given [K].
    pub fn valid_range_k(&self) -> Option<(f64, f64)> {
        self.valid_range_k
    }

    /// The composition modulation and the residual that counts as homogeneous.
    pub fn homogenisation(&self) -> (Modulation, Residual) {
        (self.modulation, self.residual)
    }

    /// S_conf of the composition [J/(mol·K)], when G was estimated from one.
    pub fn entropy_j_per_mol_k(&self) -> Option<f64> {
        self.entropy_j_per_mol_k
    }

    /// The Arrhenius integral of the diffusion and, with grain growth, that of the grain law.
    fn integrals(&self) -> (ThermalIntegral<'_>, Option<ThermalIntegral<'_>>) {
        let integral =
            ThermalIntegral::new(&self.program, self.flux.diffusion().activation_energy());
        let grain = self
            .grain
            .map(|g| ThermalIntegral::new(&self.program, g.activation_energy()));
        (integral, grain)
    }

    /// Computes every curve into `curves` (reusing its buffers) and returns the summary.
    pub fn evaluate_into(&self, curves: &mut Curves) -> Summary {
        self.sample_into(curves);
        self.summary(curves)
    }

    /// Computes every curve into `curves`, reusing its buffers.
    pub fn sample_into(&self, curves: &mut Curves) {
        curves.clear();
        let diffusion = *self.flux.diffusion();
        let (integral, grain_integral) = self.integrals();
        let ea = diffusion.activation_energy();

        let grid = TimeGrid::new(
            self.points,
            self.scale,
            self.decades,
            self.program.duration_s(),
        );
        let decay_rate = self.modulation.decay_rate(&diffusion);
        let mut last = (f64::NAN, f64::NAN);
        grid.for_each_sample(&self.program, |stretch, along_cache, t| {
            let temp = stretch.temperature_at(t);
            if last == (t, temp) {
                return;
            }
            last = (t, temp);
            let (along, grain_along) = *along_cache.get_or_insert_with(|| {
                (
                    integral.along(stretch),
                    grain_integral.as_ref().map(|g| g.along(stretch)),
                )
            });
            // On holds (most samples of a pulse train) I is linear in t: no exp/ln round trips.
            let linear = along.linear_at(t).filter(|&i| i > 0.0);
            let ln_i = linear.map_or_else(|| along.ln_at(t), f64::ln);
            curves.time_s.push(t);
            curves.temperature_k.push(temp);
            curves
                .log10_exp_coefficient
                .push(LOG10_E * ea.ln_boltzmann(temp));
            curves.log10_flux.push(LOG10_E * self.flux.ln_flux(temp));
            curves
                .log10_amount
                .push(LOG10_E * self.flux.ln_amount(ln_i));
            curves
                .log10_diffusion_length_m
                .push(LOG10_E * self.flux.ln_diffusion_length(ln_i));
            curves.log10_residual.push(
                LOG10_E
                    * match linear {
                        Some(i) => -decay_rate * i,
                        None => self.modulation.ln_residual(&diffusion, ln_i),
                    },
            );
            if let (Some(g), Some(ga)) = (self.grain, grain_along) {
                let d = ga.linear_at(t).and_then(|i| g.grain_size_of(i));
                curves
                    .grain_size_m
                    .push(d.unwrap_or_else(|| g.grain_size_m(ga.ln_at(t))));
            }
        });
    }

    /// The key results, from the model and its curves as [`Self::sample_into`] computed them.
    pub fn summary(&self, curves: &Curves) -> Summary {
        let diffusion = *self.flux.diffusion();
        let (integral, grain_integral) = self.integrals();
        let peak_k = self.program.peak_k();
        // |J| peaks with T: at the first sample at the peak temperature.
        let peak_at = curves
            .temperature_k
            .iter()
            .position(|&temp| temp == peak_k)
            .map_or(f64::NAN, |i| curves.time_s[i]);
        let ln_total = integral.ln_total();
        let duration = self.program.duration_s();
        Summary {
            duration_s: duration,
            peak_k,
            linear_coefficient_j_per_k_mol_m: self.flux.linear_coefficient(),
            entropy_j_per_mol_k: self.entropy_j_per_mol_k,
            log10_thermal_integral_s: LOG10_E * ln_total,
            reference_k: self.reference_k,
            log10_equivalent_time_s: LOG10_E
                * self.flux.ln_equivalent_time(ln_total, self.reference_k),
            log10_peak_flux: LOG10_E * self.flux.ln_flux(peak_k),
            peak_flux_at_s: peak_at,
            log10_amount: LOG10_E * self.flux.ln_amount(ln_total),
            log10_diffusion_length_m: LOG10_E * self.flux.ln_diffusion_length(ln_total),
            log10_residual: LOG10_E * self.modulation.ln_residual(&diffusion, ln_total),
            homogenised_at_s: self.homogenised_at(&integral, diffusion),
            isothermal_time_at_peak_s: self
                .modulation
                .isothermal_time_s(&diffusion, self.residual, peak_k)
                .ok(),
            temperature_for_duration_k: self
                .modulation
                .temperature_for_k(&diffusion, self.residual, duration)
                .ok(),
            grain_size_m: self
                .grain
                .zip(grain_integral.as_ref())
                .map(|(g, gi)| g.grain_size_m(gi.ln_total())),
            extrapolated_fraction: self.valid_range_k.map(|(lo, hi)| {
                let inside = (integral.ln_total_within(lo, hi) - ln_total).exp();
                (1.0 - inside).clamp(0.0, 1.0)
            }),
        }
    }

    /// First time the residual reaches the target: I(t) = I*, found by bisection (I is monotone).
    fn homogenised_at(&self, integral: &ThermalIntegral<'_>, diffusion: Arrhenius) -> Option<f64> {
        let target = self.modulation.ln_integral_for(&diffusion, self.residual);
        if integral.ln_total() < target {
            return None;
        }
        let (mut lo, mut hi) = (0.0, self.program.duration_s());
        for _ in 0..BISECTION_STEPS {
            let mid = 0.5 * (lo + hi);
            if integral.ln_at(mid) >= target {
                hi = mid
            } else {
                lo = mid
            }
        }
        Some(hi)
    }
}

/// The base time grid of a scenario.
struct TimeGrid {
    points: usize,
    scale: TimeScale,
    start: f64,
    end: f64,
}

impl TimeGrid {
    fn new(points: usize, scale: TimeScale, decades: f64, end: f64) -> Self {
        let start = match scale {
            TimeScale::Linear => 0.0,
            TimeScale::Log => end * 10f64.powf(-decades),
        };
        TimeGrid {
            points,
            scale,
            start,
            end,
        }
    }

    fn at(&self, i: usize) -> f64 {
        let frac = i as f64 / (self.points - 1) as f64;
        match self.scale {
            TimeScale::Linear => self.end * frac,
            TimeScale::Log => self.start * (self.end / self.start).powf(frac),
        }
    }

    /// Calls `emit(stretch, cache, t)` for every sample in time order: each stretch's start and
    /// end (so jumps and pulse edges are exact) and the grid points inside it; ramps get at least
    /// [`MIN_POINTS_PER_RAMP`]. `cache` is per-stretch scratch the caller may fill.
    fn for_each_sample<C: Copy>(
        &self,
        program: &ThermalProgram,
        mut emit: impl FnMut(&Stretch, &mut Option<C>, f64),
    ) {
        let mut next = 0;
        for s in program.stretches() {
            if s.t1 < self.start {
                continue;
            }
            let mut cache = None;
            let from = s.t0.max(self.start);
            emit(&s, &mut cache, from);
            let first = next;
            while next < self.points && self.at(next) < s.t1 {
                next += 1;
            }
            let inside = (first..next).map(|i| self.at(i)).filter(|&t| t > from);
            if s.temp0_k != s.temp1_k && inside.clone().count() < MIN_POINTS_PER_RAMP {
                let step = (s.t1 - from) / MIN_POINTS_PER_RAMP as f64;
                for k in 1..MIN_POINTS_PER_RAMP {
                    emit(&s, &mut cache, from + step * k as f64);
                }
            } else {
                for t in inside {
                    emit(&s, &mut cache, t);
                }
            }
            emit(&s, &mut cache, s.t1);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::presets::{MATERIALS, TECHNIQUES};

    pub(crate) fn example() -> Scenario {
        let m = &MATERIALS[0];
        Scenario {
            program: ProgramSpec {
                start_k: TECHNIQUES[0].start_k,
                segments: TECHNIQUES[0].segments.to_vec(),
            },
            diffusion: DiffusionSpec {
                d0_m2_per_s: m.d0_m2_per_s,
                ea_j_per_mol: m.ea_j_per_mol,
                concentration_mol_per_m3: 1.0e4,
                valid_min_k: Some(m.valid_min_k),
                valid_max_k: Some(m.valid_max_k),
            },
            mixing: MixingSpec::Entropy {
                length_m: 1e-6,
                sublattices: vec![Sublattice {
                    sites_per_formula_unit: 1.0,
                    amounts: vec![1.0; 5],
                }],
                basis: EntropyBasis::PerMixedSite,
            },
            grain_growth: Some(GrainSpec {
                exponent: 2.0,
                d0_m: 1e-7,
                k0: 1e4,
                ea_j_per_mol: 600e3,
            }),
            homogenisation: HomogenisationSpec {
                wavelength_m: 1e-6,
                target_residual: 0.01,
            },
            reference_temperature_k: None,
            sampling: Sampling::default(),
        }
    }

    #[test]
    fn curves_are_consistent_and_monotone() {
        let (c, s) = example().evaluate().unwrap();
        assert!(c.len() >= 600);
        for v in [
            &c.temperature_k,
            &c.log10_flux,
            &c.log10_amount,
            &c.log10_residual,
            &c.grain_size_m,
        ] {
            assert_eq!(v.len(), c.len());
        }
        assert!(c.time_s.windows(2).all(|w| w[0] <= w[1]), "time is sorted");
        // accumulated quantities never decrease; the residual never increases
        assert!(c.log10_amount.windows(2).all(|w| w[1] >= w[0]));
        assert!(c.grain_size_m.windows(2).all(|w| w[1] >= w[0]));
        assert!(c.log10_residual.windows(2).all(|w| w[1] <= w[0]));
        assert_eq!(*c.log10_amount.last().unwrap(), s.log10_amount);
        assert_eq!(s.peak_k, 1500.0);
        let t_heat = (1500.0 - 298.15) / (10.0 / 60.0);
        assert!((s.peak_flux_at_s - t_heat).abs() < 1e-9);
        assert!(s.entropy_j_per_mol_k.unwrap() > 13.38 && s.entropy_j_per_mol_k.unwrap() < 13.39);
        // a 4 h hold at 1500 K of a µm modulation: D(1500 K) = 2.3e-17 m²/s → 4π²DI/λ² ≈ 13
        assert!(s.homogenised_at_s.is_some());
        let frac = s.extrapolated_fraction.unwrap();
        assert!(
            frac > 0.0 && frac < 0.01,
            "1500 K is inside 1173–1673 K: {frac}"
        );
    }

    #[test]
    fn homogenisation_time_is_where_the_residual_crosses_the_target() {
        let (c, s) = example().evaluate().unwrap();
        let t = s.homogenised_at_s.unwrap();
        let i = c.time_s.partition_point(|&x| x < t);
        assert!(c.log10_residual[i - 1] > -2.0 && c.log10_residual[i] <= -2.0 + 1e-9);
    }

    #[test]
    fn log_grid_spans_the_requested_decades() {
        let mut sc = example();
        sc.sampling = Sampling {
            points: 200.0,
            scale: TimeScale::Log,
            decades: 4.0,
        };
        let (c, s) = sc.evaluate().unwrap();
        assert!((c.time_s[0] / (s.duration_s * 1e-4) - 1.0).abs() < 1e-12);
        assert_eq!(*c.time_s.last().unwrap(), s.duration_s);
    }

    #[test]
    fn pulse_edges_are_exact_vertical_steps() {
        let mut sc = example();
        sc.program = ProgramSpec {
            start_k: 300.0,
            segments: vec![Segment::Pulses {
                count: 1000.0,
                on_s: 0.02,
                off_s: 1.08,
                peak_k: 2400.0,
                base_k: 300.0,
            }],
        };
        sc.sampling.points = 2000.0;
        let (c, _) = sc.evaluate().unwrap();
        let rising: Vec<usize> = (1..c.len())
            .filter(|&i| c.temperature_k[i - 1] == 300.0 && c.temperature_k[i] == 2400.0)
            .collect();
        assert_eq!(
            rising.len(),
            999,
            "every pulse after the first starts with a vertical edge"
        );
        for &i in &rising {
            assert_eq!(c.time_s[i - 1], c.time_s[i], "the edge is vertical");
        }
        assert_eq!(c.temperature_k[0], 2400.0);
    }

    #[test]
    fn hold_fast_path_agrees_with_the_log_path() {
        let mut sc = example();
        sc.program = ProgramSpec {
            start_k: 300.0,
            segments: vec![
                Segment::Ramp {
                    rate_k_per_s: 100.0,
                    target_k: 900.0,
                },
                Segment::Pulses {
                    count: 50.0,
                    on_s: 0.02,
                    off_s: 1.08,
                    peak_k: 2400.0,
                    base_k: 900.0,
                },
                Segment::Hold { duration_s: 30.0 },
            ],
        };
        let model = sc.validate().unwrap();
        let (c, _) = sc.evaluate().unwrap();
        let diffusion = *model.flux().diffusion();
        let integral = ThermalIntegral::new(model.program(), diffusion.activation_energy());
        let grain = GrainGrowth::new(2.0, 1e-7, 1e4, 600e3).unwrap();
        let grain_integral = ThermalIntegral::new(model.program(), grain.activation_energy());
        let (modulation, _) = model.homogenisation();
        for i in (0..c.len()).step_by(7) {
            let t = c.time_s[i];
            let ln_i = integral.ln_at(t);
            let want = LOG10_E * modulation.ln_residual(&diffusion, ln_i);
            assert!(
                (c.log10_residual[i] - want).abs() <= 1e-12 * want.abs().max(1.0),
                "t = {t}"
            );
            let d = grain.grain_size_m(grain_integral.ln_at(t));
            assert!((c.grain_size_m[i] / d - 1.0).abs() < 1e-13, "t = {t}");
        }
    }

    #[test]
    fn evaluation_reuses_buffers() {
        let model = example().validate().unwrap();
        let mut curves = Curves::default();
        let first = model.evaluate_into(&mut curves);
        let cap = curves.time_s.capacity();
        let second = model.evaluate_into(&mut curves);
        assert_eq!(first, second);
        assert_eq!(curves.time_s.capacity(), cap);
    }
}
