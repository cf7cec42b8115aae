//! Homogenisation of a composition modulation: the paper's §3.2 claim made checkable.
//!
//! A sinusoidal modulation of wavelength λ decays under Fick's second law as
//! A(t)/A(0) = exp(−4π²·D0·I(t)/λ²), exact for any program (I is the Arrhenius integral).
//! From it follow the isothermal time and the temperature that reach a residual ε, and the hold
//! or heating rate that reach a target diffusion length.

use std::f64::consts::PI;

use crate::arrhenius::{Arrhenius, ln_ramp};
use crate::display::number;
use crate::error::{Field, InputError, check, limits};
use crate::units::R_J_PER_MOL_K;

/// ln(4π²).
fn ln_four_pi_squared() -> f64 {
    (4.0 * PI * PI).ln()
}

/// A modulation wavelength λ [m], validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Modulation {
    ln_wavelength: f64,
}

impl Modulation {
    /// Validates λ ∈ [1e-12, 1] m; `field` names it in messages.
    pub fn new(field: Field<'_>, wavelength_m: f64) -> Result<Self, InputError> {
        Ok(Modulation {
            ln_wavelength: check(field, wavelength_m, limits::LENGTH)?.ln(),
        })
    }

    /// ln of the residual amplitude after a thermal integral I (ln I given, I in s).
    ///
    /// # Formula
    /// ln(A/A0) = −4π² D0 I / λ² (dimensionless); may be any negative number, never underflows.
    pub fn ln_residual(&self, diffusion: &Arrhenius, ln_integral_s: f64) -> f64 {
        -(ln_four_pi_squared() + diffusion.ln_d0() + ln_integral_s - 2.0 * self.ln_wavelength).exp()
    }

    /// The decay rate k = 4π² D0 / λ² [1/s]: ln(A/A0) = −k·I for a thermal integral I [s] in
    /// linear space (the same law as [`Self::ln_residual`], for the hot loop).
    pub fn decay_rate(&self, diffusion: &Arrhenius) -> f64 {
        (ln_four_pi_squared() + diffusion.ln_d0() - 2.0 * self.ln_wavelength).exp()
    }

    /// ln of the thermal integral I* [s] that brings the residual down to ε.
    ///
    /// # Formula
    /// I* = ln(1/ε) · λ² / (4π² D0).
    pub fn ln_integral_for(&self, diffusion: &Arrhenius, residual: Residual) -> f64 {
        (-residual.ln).ln() + 2.0 * self.ln_wavelength - ln_four_pi_squared() - diffusion.ln_d0()
    }

    /// Isothermal time to reach residual ε at temperature T [s].
    ///
    /// # Formula
    /// t = ln(1/ε) · λ² / (4π² D0 exp(−Ea/(R T))).
    pub fn isothermal_time_s(
        &self,
        diffusion: &Arrhenius,
        residual: Residual,
        temperature_k: f64,
    ) -> Result<f64, InputError> {
        let temp = check(
            Field::new("temperatureK"),
            temperature_k,
            limits::TEMPERATURE,
        )?;
        let ln_t = self.ln_integral_for(diffusion, residual)
            - diffusion.activation_energy().ln_boltzmann(temp);
        finite_time(ln_t, Field::new("temperatureK"))
    }

    /// The temperature at which a hold of `duration_s` reaches residual ε [K].
    ///
    /// # Formula
    /// T = (Ea/R) / ln(t · 4π² D0 / (ln(1/ε) λ²)); no temperature suffices when the logarithm
    /// is ≤ 0 (even D = D0 is too slow) or T would exceed 10⁴ K.
    pub fn temperature_for_k(
        &self,
        diffusion: &Arrhenius,
        residual: Residual,
        duration_s: f64,
    ) -> Result<f64, InputError> {
        let field = Field::new("durationS");
        let t = check(field, duration_s, limits::DURATION)?;
        self.temperature_k(diffusion, residual, t).ok_or_else(|| {
            InputError::unreachable(
                field,
                format!(
                    "no temperature up to {} K reaches the residual in {} s with this D0 and λ",
                    number(limits::TEMPERATURE.max),
                    number(t)
                ),
            )
        })
    }

    /// The same for a duration known to be valid; `None` where no temperature up to the
    /// highest allowed reaches the residual.
    pub fn temperature_k(
        &self,
        diffusion: &Arrhenius,
        residual: Residual,
        duration_s: f64,
    ) -> Option<f64> {
        let denominator = duration_s.ln() - self.ln_integral_for(diffusion, residual);
        let temp = diffusion.activation_energy().temperature_k() / denominator;
        (denominator > 0.0 && temp <= limits::TEMPERATURE.max).then(|| temp.max(0.0))
    }

    /// The highest activation energy at which a hold of `duration_s` at `temperature_k`
    /// reaches residual ε [J/mol]: a route (mixing length, temperature, time) works with this
    /// D0 only if the barrier is at most this high. `None` when even D = D0 is too slow.
    ///
    /// # Formula
    /// Ea = R·T·ln(4π² D0 t / (ln(1/ε) λ²)), the temperature inverse solved for Ea.
    pub fn activation_energy_for(
        &self,
        diffusion: &Arrhenius,
        residual: Residual,
        temperature_k: f64,
        duration_s: f64,
    ) -> Option<f64> {
        let ln_ratio = duration_s.ln() - self.ln_integral_for(diffusion, residual);
        let ea = R_J_PER_MOL_K * temperature_k * ln_ratio;
        (ln_ratio > 0.0 && ea.is_finite()).then_some(ea)
    }
}

/// A residual amplitude ε ∈ [1e-300, 0.999999], validated; stored as ln ε.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Residual {
    ln: f64,
}

impl Residual {
    /// Validates ε.
    pub fn new(field: Field<'_>, residual: f64) -> Result<Self, InputError> {
        Ok(Residual {
            ln: check(field, residual, limits::RESIDUAL)?.ln(),
        })
    }

    /// ln ε.
    pub fn ln(self) -> f64 {
        self.ln
    }
}

/// Hold time at T that reaches diffusion length L = √(D·t) [s].
///
/// # Formula
/// t = L² / (D0 exp(−Ea/(R T))).
pub fn hold_for_length_s(
    diffusion: &Arrhenius,
    length_m: f64,
    temperature_k: f64,
) -> Result<f64, InputError> {
    let l = check(Field::new("lengthM"), length_m, limits::LENGTH)?;
    let temp = check(
        Field::new("temperatureK"),
        temperature_k,
        limits::TEMPERATURE,
    )?;
    finite_time(
        2.0 * l.ln() - diffusion.ln_diffusivity(temp),
        Field::new("temperatureK"),
    )
}

/// Heating rate of a single ramp from `from_k` to `to_k` that reaches diffusion length
/// L = √(D0·I) by its end [K/s].
///
/// # Formula
/// β = D0 · [T·E2(Ea/(R T))]_{from}^{to} / L² (the exact ramp integral, physics.md).
pub fn ramp_rate_for_length(
    diffusion: &Arrhenius,
    length_m: f64,
    from_k: f64,
    to_k: f64,
) -> Result<f64, InputError> {
    let l = check(Field::new("lengthM"), length_m, limits::LENGTH)?;
    let from = if from_k == 0.0 {
        0.0
    } else {
        check(Field::new("fromK"), from_k, limits::TEMPERATURE)?
    };
    let to = check(Field::new("toK"), to_k, limits::TEMPERATURE)?;
    if to <= from {
        return Err(InputError::invalid(
            Field::new("toK"),
            "must be above fromK for a heating ramp",
        ));
    }
    let a = diffusion.activation_energy().temperature_k();
    let rate = (diffusion.ln_d0() + ln_ramp(a, from, to) - 2.0 * l.ln()).exp();
    if !(limits::RATE.min..=limits::RATE.max).contains(&rate) {
        return Err(InputError::unreachable(
            Field::new("lengthM"),
            format!(
                "would need a heating rate of {} K/s, outside {}",
                number(rate),
                limits::RATE
            ),
        ));
    }
    Ok(rate)
}

/// Diffusion length L = √(D0·I) [m] after heating from `from_k` to `peak_k` and cooling back at
/// one rate `rate_k_per_s`, as a shock or a furnace without a hold does.
///
/// # Formula
/// I = 2·[T·E2(Ea/(R T))]_{from}^{peak} / β (the exact ramp integral, twice).
pub fn heat_and_cool_length_m(
    diffusion: &Arrhenius,
    from_k: f64,
    peak_k: f64,
    rate_k_per_s: f64,
) -> f64 {
    let a = diffusion.activation_energy().temperature_k();
    let ln_integral = 2f64.ln() + ln_ramp(a, from_k, peak_k) - rate_k_per_s.ln();
    (0.5 * (diffusion.ln_d0() + ln_integral)).exp()
}

fn finite_time(ln_t: f64, field: Field<'_>) -> Result<f64, InputError> {
    let t = ln_t.exp();
    if t.is_finite() {
        Ok(t)
    } else {
        Err(InputError::unreachable(
            field,
            "the time needed exceeds 10³⁰⁸ s at this temperature",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::R_J_PER_MOL_K;

    const ACC: f64 = 1e-12;

    fn lacro3() -> Arrhenius {
        Arrhenius::new("diffusion", 2.66e-6, 318e3).unwrap()
    }

    #[test]
    fn time_and_temperature_are_inverse() {
        let d = lacro3();
        let m = Modulation::new(Field::new("wavelengthM"), 1e-6).unwrap();
        let eps = Residual::new(Field::new("targetResidual"), 0.01).unwrap();
        let t = m.isothermal_time_s(&d, eps, 1473.15).unwrap();
        let temp = m.temperature_for_k(&d, eps, t).unwrap();
        assert!((temp / 1473.15 - 1.0).abs() < ACC);
        // and the residual after that hold is ε
        let ln_i = t.ln() + d.activation_energy().ln_boltzmann(1473.15);
        assert!((m.ln_residual(&d, ln_i) / 0.01f64.ln() - 1.0).abs() < ACC);
    }

    #[test]
    fn closed_form_time() {
        let d = lacro3();
        let m = Modulation::new(Field::new("wavelengthM"), 20e-9).unwrap();
        let eps = Residual::new(Field::new("targetResidual"), 0.05).unwrap();
        let t = m.isothermal_time_s(&d, eps, 1073.15).unwrap();
        let want = (1.0f64 / 0.05).ln() * 20e-9f64.powi(2)
            / (4.0 * PI * PI * 2.66e-6 * (-318e3 / (R_J_PER_MOL_K * 1073.15)).exp());
        assert!((t / want - 1.0).abs() < ACC);
    }

    #[test]
    fn the_barrier_at_which_a_route_works() {
        // The paper's atomic-mixing route: λ = 1 nm, 400 °C, 2 h, residual 0.01. Independently:
        // Ea = R·T·ln(4π²·D0·t / (λ²·ln 100)) with D0 = 2.66e-6 m²/s.
        let eps = Residual::new(Field::new("targetResidual"), 0.01).unwrap();
        let atomic = Modulation::new(Field::new("wavelengthM"), 1e-9).unwrap();
        let temp = 673.15;
        let ea = atomic
            .activation_energy_for(&lacro3(), eps, temp, 7200.0)
            .unwrap();
        let expected =
            8.314_462_618 * temp * (4.0 * PI * PI * 2.66e-6 * 7200.0 / (1e-18 * 100f64.ln())).ln();
        assert!(
            (ea - expected).abs() < 1e-9 * expected,
            "{ea} vs {expected}"
        );
        assert!(
            (ea - 221.8e3).abs() < 0.1e3,
            "near 222 kJ/mol (physics.md): {ea}"
        );
        // At that barrier, the temperature inverse gives the route's temperature back.
        let at_barrier = Arrhenius::new("diffusion", 2.66e-6, ea).unwrap();
        let back = atomic.temperature_for_k(&at_barrier, eps, 7200.0).unwrap();
        assert!((back - temp).abs() < 1e-9 * temp, "{back}");
        // A route that even D = D0 cannot homogenise has no such barrier.
        let coarse = Modulation::new(Field::new("wavelengthM"), 1.0).unwrap();
        assert!(
            coarse
                .activation_energy_for(&lacro3(), eps, temp, 1.0)
                .is_none()
        );
    }

    #[test]
    fn better_mixing_lowers_the_synthesis_temperature() {
        // The paper's §3.2: shorter mixing lengths homogenise at lower temperature in less time.
        let d = lacro3();
        let eps = Residual::new(Field::new("targetResidual"), 0.01).unwrap();
        let temp = |lambda: f64, hours: f64| {
            Modulation::new(Field::new("wavelengthM"), lambda)
                .unwrap()
                .temperature_for_k(&d, eps, hours * 3600.0)
                .unwrap()
        };
        let solid = temp(1e-6, 24.0);
        let template = temp(20e-9, 4.0);
        let atomic = temp(1e-9, 2.0);
        assert!(
            solid > template && template > atomic,
            "{solid} {template} {atomic}"
        );
    }

    #[test]
    fn unreachable_targets_are_errors_not_numbers() {
        let d = Arrhenius::new("diffusion", 1e-20, 300e3).unwrap();
        let m = Modulation::new(Field::new("wavelengthM"), 1e-3).unwrap();
        let eps = Residual::new(Field::new("targetResidual"), 1e-6).unwrap();
        let e = m.temperature_for_k(&d, eps, 1.0).unwrap_err();
        assert!(matches!(e, InputError::Unreachable { .. }));
        let e = m.isothermal_time_s(&d, eps, 1.0).unwrap_err();
        assert!(matches!(e, InputError::Unreachable { .. }), "{e}");
    }

    #[test]
    fn hold_and_ramp_for_a_diffusion_length() {
        let d = lacro3();
        let t = hold_for_length_s(&d, 1e-7, 1500.0).unwrap();
        assert!((t * d.ln_diffusivity(1500.0).exp() / 1e-14 - 1.0).abs() < ACC);
        // A pure ramp from 0 K: I = t_end·E2(a/T_peak) with t_end = T_peak/β.
        let beta = ramp_rate_for_length(&d, 1e-8, 0.0, 1800.0).unwrap();
        let a = 318e3 / R_J_PER_MOL_K;
        let i = 1800.0 / beta * crate::expint::e2(a / 1800.0);
        assert!((2.66e-6 * i / 1e-16 - 1.0).abs() < ACC);
    }
}
