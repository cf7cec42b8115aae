//! The flux–driving-force equation (paper, eqs. 7, 10, 11) and what it accumulates.
//!
//! **Sign convention.** The paper's eq. (7) drops Fick's minus sign; the correct form is
//! J = −(D·C/(R·T))·∂μ/∂x, so the flux runs *down* the chemical-potential gradient. The paper's
//! eqs. (10)–(11) carry the flipped sign; the calculator reports the magnitude
//! |J| = (D0·C/R)·G·exp(−Ea/(R·T)) and [`flux_along_x`] pins the direction.

use crate::arrhenius::Arrhenius;
use crate::error::{Field, InputError, check, limits};
use crate::units::R_J_PER_MOL_K;

/// Flux along +x from a chemical-potential gradient, Fick-consistent eq. (7) [mol/(m²·s)].
///
/// # Formula
/// J = −(D·C / (R·T))·∂μ/∂x, with D [m²/s], C [mol/m³], T [K], ∂μ/∂x [J/(mol·m)].
pub fn flux_along_x(
    diffusivity_m2_per_s: f64,
    concentration_mol_per_m3: f64,
    temperature_k: f64,
    dmu_dx_j_per_mol_m: f64,
) -> f64 {
    -diffusivity_m2_per_s * concentration_mol_per_m3 / (R_J_PER_MOL_K * temperature_k)
        * dmu_dx_j_per_mol_m
}

/// The flux model of eq. (11): diffusion, molar concentration and the linear control coefficient.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FluxModel {
    diffusion: Arrhenius,
    /// ln(D0·C·G/R), the prefactor of |J| in mol/(m²·s).
    ln_prefactor: f64,
    linear_coefficient: f64,
}

impl FluxModel {
    /// Validates C ∈ [1e-12, 1e7] mol/m³ and G ∈ [1e-30, 1e20] J/(K·mol·m).
    pub fn new(
        diffusion: Arrhenius,
        concentration_mol_per_m3: f64,
        linear_coefficient_j_per_k_mol_m: f64,
    ) -> Result<Self, InputError> {
        let c = check(
            Field::of("diffusion", "concentrationMolPerM3"),
            concentration_mol_per_m3,
            limits::CONCENTRATION,
        )?;
        let g = check(
            Field::of("mixing", "gJPerKMolM"),
            linear_coefficient_j_per_k_mol_m,
            limits::LINEAR_COEFFICIENT,
        )?;
        let ln_prefactor = diffusion.ln_d0() + c.ln() + g.ln() - R_J_PER_MOL_K.ln();
        Ok(FluxModel {
            diffusion,
            ln_prefactor,
            linear_coefficient: g,
        })
    }

    /// The diffusion law.
    pub fn diffusion(&self) -> &Arrhenius {
        &self.diffusion
    }

    /// The linear control coefficient G = ∂²S/(∂N ∂x) [J/(K·mol·m)].
    pub fn linear_coefficient(&self) -> f64 {
        self.linear_coefficient
    }

    /// ln |J| at temperature T, |J| in mol/(m²·s) (paper, eq. 11).
    ///
    /// # Formula
    /// |J| = (D0·C/R) · G · exp(−Ea/(R·T)) = (D0·C/R) · G · E(T).
    pub fn ln_flux(&self, temperature_k: f64) -> f64 {
        self.ln_prefactor
            + self
                .diffusion
                .activation_energy()
                .ln_boltzmann(temperature_k)
    }

    /// ln Q, the transported amount Q = ∫|J| dt = (D0·C·G/R) · I [mol/m²], from ln I [s].
    pub fn ln_amount(&self, ln_integral_s: f64) -> f64 {
        self.ln_prefactor + ln_integral_s
    }

    /// ln L, the diffusion length L = √(D0·I) [m], from ln I [s]. (2·√(D0·I) is the
    /// penetration depth of an erfc profile; the calculator states L = √(D0·I).)
    pub fn ln_diffusion_length(&self, ln_integral_s: f64) -> f64 {
        0.5 * (self.diffusion.ln_d0() + ln_integral_s)
    }

    /// ln t_eq, the time at constant T_ref that gives the same I ("heat-work") [s].
    ///
    /// # Formula
    /// t_eq = I / exp(−Ea/(R·T_ref)).
    pub fn ln_equivalent_time(&self, ln_integral_s: f64, reference_k: f64) -> f64 {
        ln_integral_s - self.diffusion.activation_energy().ln_boltzmann(reference_k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACC: f64 = 1e-14;

    #[test]
    fn flux_runs_down_the_chemical_potential_gradient() {
        // μ rising along +x pushes the species towards −x.
        assert!(flux_along_x(1e-15, 1e4, 1200.0, 5.0) < 0.0);
        assert!(flux_along_x(1e-15, 1e4, 1200.0, -5.0) > 0.0);
    }

    #[test]
    fn corrected_eq7_reduces_to_ficks_first_law() {
        // Ideal solution: μ = μ* + RT ln c, so ∂μ/∂x = RT (∂c/∂x)/c and J must equal −D ∂c/∂x.
        let (d, c, t, dc_dx) = (3e-16, 2.5e4, 1400.0, -7.0e8);
        let dmu_dx = R_J_PER_MOL_K * t * dc_dx / c;
        let fick = -d * dc_dx;
        assert!((flux_along_x(d, c, t, dmu_dx) / fick - 1.0).abs() < ACC);
    }

    #[test]
    fn eq11_magnitude_matches_eq7_with_eq9() {
        // Eq. (9): μ = −T ∂S/∂N, so ∂μ/∂x = −T·G; eq. (7) then gives J = D·C·G/R.
        let diffusion = Arrhenius::new("diffusion", 2.66e-6, 318e3).unwrap();
        let (c, g, t) = (1.0e4, 13.38 / 1e-6, 1500.0);
        let model = FluxModel::new(diffusion, c, g).unwrap();
        let d = diffusion.ln_diffusivity(t).exp();
        let j = flux_along_x(d, c, t, -t * g);
        assert!(j > 0.0, "the flux runs up the entropy gradient");
        assert!((model.ln_flux(t).exp() / j - 1.0).abs() < ACC);
    }

    #[test]
    fn accumulated_quantities_are_consistent() {
        let diffusion = Arrhenius::new("diffusion", 1e-5, 250e3).unwrap();
        let model = FluxModel::new(diffusion, 2e4, 1e6).unwrap();
        // Hold of 100 s at 1300 K: I = 100·E, Q = |J|·100, L² = D·100, t_eq(1300 K) = 100 s.
        let ln_i = 100f64.ln() + diffusion.activation_energy().ln_boltzmann(1300.0);
        assert!((model.ln_amount(ln_i) - (model.ln_flux(1300.0) + 100f64.ln())).abs() < ACC);
        let l2 = (2.0 * model.ln_diffusion_length(ln_i)).exp();
        assert!((l2 / (diffusion.ln_diffusivity(1300.0).exp() * 100.0) - 1.0).abs() < ACC);
        assert!((model.ln_equivalent_time(ln_i, 1300.0) - 100f64.ln()).abs() < ACC);
    }

    #[test]
    fn rejects_bad_coefficients() {
        let diffusion = Arrhenius::new("diffusion", 1e-5, 250e3).unwrap();
        let e = FluxModel::new(diffusion, 0.0, 1.0).unwrap_err();
        assert_eq!(e.field(), "diffusion.concentrationMolPerM3");
        let e = FluxModel::new(diffusion, 1.0, f64::NAN).unwrap_err();
        assert_eq!(e.field(), "mixing.gJPerKMolM");
    }
}
