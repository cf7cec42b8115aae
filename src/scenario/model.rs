//! A validated scenario and the key results of its evaluation.

use serde::Serialize;
use std::f64::consts::LOG10_E;

use super::{Curves, MixingSpec, Scenario, TimeScale, UncertaintySpec};
use crate::arrhenius::{Arrhenius, ThermalIntegral};
use crate::display::number;
use crate::error::{Bounds, Field, InputError, check, limits};
use crate::flux::FluxModel;
use crate::grain::GrainGrowth;
use crate::homogenisation::{Modulation, Residual};
use crate::mixing::{configurational_entropy, linear_coefficient};
use crate::program::ThermalProgram;

/// Bisection steps when locating the moment a residual target is reached (2⁻⁶⁰ of a stretch).
const BISECTION_STEPS: usize = 60;

/// The two ends of `scenario` under uncertainty `u` (see [`Model::band`]); none when `u` is zero.
/// Each uncertainty is bounded so that both ends stay valid: σ below Eₐ's distance to its
/// limits, f below D0's, ΔT below the program's temperatures' (the reader's range, in their
/// units).
fn ends(
    scenario: &Scenario,
    program: &ThermalProgram,
    u: UncertaintySpec,
) -> Result<Option<(Model, Model)>, InputError> {
    let field = |name| Field::of("uncertainty", name);
    let d = &scenario.diffusion;
    let room = |value: f64, limits: Bounds| (value - limits.min).min(limits.max - value);
    let sigma = check(
        field("eaJPerMol"),
        u.ea_j_per_mol,
        Bounds::closed(
            0.0,
            limits::EA_UNCERTAINTY
                .max
                .min(room(d.ea_j_per_mol, limits::ACTIVATION_ENERGY)),
            "J/mol",
        ),
    )?;
    let d0_room =
        (d.d0_m2_per_s / limits::DIFFUSIVITY.min).min(limits::DIFFUSIVITY.max / d.d0_m2_per_s);
    let factor = check(
        field("d0Factor"),
        u.d0_factor,
        Bounds::closed(1.0, limits::D0_FACTOR.max.min(d0_room), ""),
    )?;
    let dt_room = limits::TEMPERATURE_UNCERTAINTY
        .max
        .min(program.coldest_k() - limits::TEMPERATURE.min)
        .min(limits::TEMPERATURE.max - program.peak_k())
        .max(0.0);
    let dt = check(
        field("deltaTemperatureK"),
        u.delta_temperature_k,
        Bounds::closed(0.0, dt_room, "K"),
    )?;
    if sigma == 0.0 && factor == 1.0 && dt == 0.0 {
        return Ok(None);
    }
    let end = |sign: f64| {
        let mut s = scenario.clone();
        s.uncertainty = None;
        s.diffusion.ea_j_per_mol -= sign * sigma;
        s.diffusion.d0_m2_per_s *= factor.powf(sign);
        s.program = s.program.shifted(sign * dt);
        Model::new(&s)
    };
    Ok(Some((end(-1.0)?, end(1.0)?)))
}

/// A validated scenario, ready to evaluate any number of times.
#[derive(Debug, Clone)]
pub struct Model {
    pub(super) program: ThermalProgram,
    pub(super) flux: FluxModel,
    entropy_j_per_mol_k: Option<f64>,
    valid_range_k: Option<(f64, f64)>,
    pub(super) grain: Option<GrainGrowth>,
    pub(super) modulation: Modulation,
    residual: Residual,
    reference_k: f64,
    pub(super) points: usize,
    pub(super) scale: TimeScale,
    pub(super) decades: f64,
    /// The scenario's two ends under its uncertainty: lower and upper (see [`Model::band`]).
    band: Option<Box<(Model, Model)>>,
}

/// The key results of a scenario.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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

impl Model {
    pub fn new(scenario: &Scenario) -> Result<Model, InputError> {
        let program = ThermalProgram::new(scenario.program.start_k, &scenario.program.segments)?;
        let d = &scenario.diffusion;
        let diffusion = Arrhenius::new("diffusion", d.d0_m2_per_s, d.ea_j_per_mol)?;
        let (g, entropy) = match &scenario.mixing {
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
                        format!("must be above validMinK = {} K", number(lo)),
                    ));
                }
                Some((lo, hi))
            }
        };
        let grain = match &scenario.grain_growth {
            None => None,
            Some(gs) => Some(GrainGrowth::new(
                gs.exponent,
                gs.d0_m,
                gs.k0,
                gs.ea_j_per_mol,
            )?),
        };
        let h = &scenario.homogenisation;
        let modulation =
            Modulation::new(Field::of("homogenisation", "wavelengthM"), h.wavelength_m)?;
        let residual = Residual::new(
            Field::of("homogenisation", "targetResidual"),
            h.target_residual,
        )?;
        let reference_k = match scenario.reference_temperature_k {
            Some(t) => check(Field::new("referenceTemperatureK"), t, limits::TEMPERATURE)?,
            None => program.peak_k(),
        };
        let s = &scenario.sampling;
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
        let band = match scenario.uncertainty {
            Some(u) => ends(scenario, &program, u)?.map(Box::new),
            None => None,
        };
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
            band,
        })
    }

    /// The scenario at the two ends of its uncertainty, lower then upper: Eₐ + σ, D0 ÷ f and
    /// the program's temperatures − ΔT, and Eₐ − σ, D0 × f and + ΔT. Every curve and key
    /// result is monotone in each of the three, so the two bound them (a native test checks
    /// this inside the band). None without uncertainty.
    pub fn band(&self) -> Option<&(Model, Model)> {
        self.band.as_deref()
    }

    /// The validated program.
    pub fn program(&self) -> &ThermalProgram {
        &self.program
    }

    /// The flux model.
    pub fn flux(&self) -> &FluxModel {
        &self.flux
    }

    /// The grain-growth law, when grain growth is computed.
    pub fn grain(&self) -> Option<&GrainGrowth> {
        self.grain.as_ref()
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
    pub(super) fn integrals(&self) -> (ThermalIntegral<'_>, Option<ThermalIntegral<'_>>) {
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
        self.summary()
    }

    /// The key results, exact (none is read off the sampled curves).
    pub fn summary(&self) -> Summary {
        let diffusion = *self.flux.diffusion();
        let (integral, grain_integral) = self.integrals();
        let peak_k = self.program.peak_k();
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
            peak_flux_at_s: self.program.peak_at_s(),
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
