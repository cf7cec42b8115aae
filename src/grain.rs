//! Grain growth under any thermal program (paper, eq. 12).
//!
//! The paper writes dⁿ − d0ⁿ = k0·exp(−Ea/(R T))·t for an isothermal anneal. Over a program the
//! product exp(−Ea/RT)·t becomes the Arrhenius integral I_g(t) with the grain-growth activation
//! energy, which reduces to the paper's form for a hold.

use crate::arrhenius::ActivationEnergy;
use crate::display::number;
use crate::error::{Bounds, Field, InputError, check, limits};
use crate::expint::ln_add_exp;

const GRAIN: &str = "grainGrowth";

/// Validated grain-growth law: exponent n ≥ 1, initial size d0 [m], rate constant k0 [mⁿ/s] and
/// activation energy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GrainGrowth {
    exponent: f64,
    d0_m: f64,
    ln_d0_pow_n: f64,
    ln_k0: f64,
    /// d0ⁿ and k0 in linear space (possibly 0 or ∞), for [`GrainGrowth::grain_size_of`].
    d0_pow_n: f64,
    k0: f64,
    ea: ActivationEnergy,
}

impl GrainGrowth {
    /// Validates n ∈ [1, 10], d0 ∈ [0, 1] m, k0 ∈ [1e-300, 1e300] mⁿ/s and Ea.
    pub fn new(exponent: f64, d0_m: f64, k0: f64, ea_j_per_mol: f64) -> Result<Self, InputError> {
        let n = check(
            Field::of(GRAIN, "exponent"),
            exponent,
            limits::GROWTH_EXPONENT,
        )?;
        let d0 = check(Field::of(GRAIN, "d0M"), d0_m, limits::INITIAL_GRAIN_SIZE)?;
        let k0 = check(Field::of(GRAIN, "k0"), k0, limits::GROWTH_CONSTANT)?;
        let ea = ActivationEnergy::new(Field::of(GRAIN, "eaJPerMol"), ea_j_per_mol)?;
        Ok(GrainGrowth {
            exponent: n,
            d0_m: d0,
            ln_d0_pow_n: n * d0.ln(),
            ln_k0: k0.ln(),
            d0_pow_n: d0.powf(n),
            k0,
            ea,
        })
    }

    /// The growth exponent n.
    pub fn exponent(&self) -> f64 {
        self.exponent
    }

    /// The initial grain size d0 [m].
    pub fn initial_size_m(&self) -> f64 {
        self.d0_m
    }

    /// The sizes the law reaches [m]: it starts from d0 and only grows.
    pub fn grown(&self) -> Bounds {
        Bounds::above(self.d0_m, limits::LENGTH.max, "m")
    }

    /// The grain-growth activation energy.
    pub fn activation_energy(&self) -> ActivationEnergy {
        self.ea
    }

    /// Grain size d [m] after a thermal integral I_g (given as ln I_g, I_g in s).
    ///
    /// # Formula
    /// d = (d0ⁿ + k0·I_g)^(1/n)  (eq. 12 with exp(−Ea/RT)·t → I_g).
    pub fn grain_size_m(&self, ln_integral_s: f64) -> f64 {
        ln_grain_size(self.exponent, self.ln_d0_pow_n, self.ln_k0, ln_integral_s).exp()
    }
}

impl GrainGrowth {
    /// Grain size [m] after an isothermal hold of `hold_s` at `temperature_k` (eq. 12 as the
    /// paper writes it).
    pub fn size_after_hold_m(&self, temperature_k: f64, hold_s: f64) -> f64 {
        self.grain_size_m(hold_s.ln() + self.ea.ln_boltzmann(temperature_k))
    }

    /// The law of growth exponent `exponent` with the same d0 and Eₐ whose k0 gives the same
    /// size as this one after a hold of `hold_s` at `temperature_k`; `None` when that hold
    /// does not grow the grains.
    pub fn matched(&self, exponent: f64, temperature_k: f64, hold_s: f64) -> Option<GrainGrowth> {
        let (d0, ea) = (self.initial_size_m(), self.ea.j_per_mol());
        let d = self.size_after_hold_m(temperature_k, hold_s);
        let k0 = calibrate_k0(exponent, d0, d, hold_s, temperature_k, ea).ok()?;
        GrainGrowth::new(exponent, d0, k0, ea).ok()
    }

    /// Grain size [m] after a thermal integral I_g [s] given in linear space, when d0ⁿ + k0·I_g
    /// is a finite double; `None` otherwise (use [`Self::grain_size_m`] with ln I_g).
    pub fn grain_size_of(&self, integral_s: f64) -> Option<f64> {
        let power = self.d0_pow_n + self.k0 * integral_s;
        if !(power.is_finite() && (power == 0.0 || power.is_normal())) {
            return None;
        }
        Some(if self.exponent == 2.0 {
            power.sqrt()
        } else {
            power.powf(1.0 / self.exponent)
        })
    }
}

/// ln d [m] of eq. (12) over a program, from n, ln d0ⁿ, ln k0 and ln I_g (I_g in s), without
/// overflow or cancellation: ln d = ln(d0ⁿ + k0·I_g) / n.
pub fn ln_grain_size(exponent: f64, ln_d0_pow_n: f64, ln_k0: f64, ln_integral_s: f64) -> f64 {
    ln_add_exp(ln_d0_pow_n, ln_k0 + ln_integral_s) / exponent
}

/// Calibrates k0 [mⁿ/s] from one measured isothermal point (d after `time_s` at `temperature_k`).
///
/// # Formula
/// k0 = (dⁿ − d0ⁿ) / (t · exp(−Ea/(R T))).
pub fn calibrate_k0(
    exponent: f64,
    d0_m: f64,
    measured_d_m: f64,
    time_s: f64,
    temperature_k: f64,
    ea_j_per_mol: f64,
) -> Result<f64, InputError> {
    let n = check(
        Field::of(GRAIN, "exponent"),
        exponent,
        limits::GROWTH_EXPONENT,
    )?;
    let d0 = check(Field::of(GRAIN, "d0M"), d0_m, limits::INITIAL_GRAIN_SIZE)?;
    let d = check(
        Field::of("calibration", "grainSizeM"),
        measured_d_m,
        limits::LENGTH,
    )?;
    let t = check(Field::of("calibration", "timeS"), time_s, limits::DURATION)?;
    let temp = check(
        Field::of("calibration", "temperatureK"),
        temperature_k,
        limits::TEMPERATURE,
    )?;
    let ea = ActivationEnergy::new(Field::of(GRAIN, "eaJPerMol"), ea_j_per_mol)?;
    if d <= d0 {
        return Err(InputError::invalid(
            Field::of("calibration", "grainSizeM"),
            format!(
                "the measured size must exceed the initial size d0 = {} m",
                number(d0)
            ),
        ));
    }
    // dⁿ − d0ⁿ = dⁿ (1 − (d0/d)ⁿ), without cancellation.
    let ln_growth = n * d.ln() + (-(n * (d0 / d).ln()).exp_m1()).ln();
    let k0 = (ln_growth - t.ln() - ea.ln_boltzmann(temp)).exp();
    check(Field::of(GRAIN, "k0"), k0, limits::GROWTH_CONSTANT).map_err(|_| {
        InputError::unreachable(
            Field::of("calibration", "grainSizeM"),
            format!(
                "this point implies k0 = {} mⁿ/s, outside {}",
                number(k0),
                limits::GROWTH_CONSTANT
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::R_J_PER_MOL_K;

    const ACC: f64 = 1e-12;

    #[test]
    fn isothermal_limit_is_the_papers_eq12() {
        let (n, d0, k0, ea, temp, t) = (3.0, 50e-9, 1e-4, 450e3, 1600.0, 3600.0_f64);
        let g = GrainGrowth::new(n, d0, k0, ea).unwrap();
        let ln_i = t.ln() - ea / (R_J_PER_MOL_K * temp);
        let d: f64 = g.grain_size_m(ln_i);
        let lhs = d.powf(n) - d0.powf(n);
        let rhs = k0 * (-ea / (R_J_PER_MOL_K * temp)).exp() * t;
        assert!((lhs / rhs - 1.0).abs() < 1e-9);
    }

    #[test]
    fn calibration_round_trips() {
        for n in [1.0, 2.0, 3.0, 4.5] {
            let k0 = calibrate_k0(n, 0.2e-6, 1.5e-6, 7200.0, 1773.0, 600e3).unwrap();
            let g = GrainGrowth::new(n, 0.2e-6, k0, 600e3).unwrap();
            let ln_i = 7200f64.ln() - 600e3 / (R_J_PER_MOL_K * 1773.0);
            assert!((g.grain_size_m(ln_i) / 1.5e-6 - 1.0).abs() < ACC, "n = {n}");
        }
    }

    #[test]
    fn no_growth_without_heat_and_zero_start_size() {
        let g = GrainGrowth::new(2.0, 1e-7, 1.0, 500e3).unwrap();
        assert!((g.grain_size_m(f64::NEG_INFINITY) / 1e-7 - 1.0).abs() < ACC);
        let g0 = GrainGrowth::new(2.0, 0.0, 4.0, 500e3).unwrap();
        assert!(
            (g0.grain_size_m(0.0) - 2.0).abs() < ACC,
            "d = √(k0·I) with I = 1 s"
        );
    }

    #[test]
    fn rejects_bad_laws() {
        assert_eq!(
            GrainGrowth::new(0.5, 0.0, 1.0, 1e5).unwrap_err().field(),
            "grainGrowth.exponent"
        );
        assert_eq!(
            GrainGrowth::new(2.0, -1.0, 1.0, 1e5).unwrap_err().field(),
            "grainGrowth.d0M"
        );
        assert_eq!(
            calibrate_k0(2.0, 1e-6, 1e-6, 10.0, 1000.0, 1e5)
                .unwrap_err()
                .field(),
            "calibration.grainSizeM"
        );
    }
}
