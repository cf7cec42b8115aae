//! Configurational entropy and the linear control coefficient G (paper, eqs. 2 and 11).
//!
//! G = ∂²S/(∂N ∂x) is the paper's "mixing degree of the precursor". The calculator estimates it
//! as G ≈ S_conf/λ, the configurational entropy spread over the precursor mixing length λ
//! (solid-state mixing: µm; template or molecular mixing: 1–50 nm; atomic-level mixing: ~1 nm).

use serde::{Deserialize, Serialize};

use crate::error::{Field, InputError, check, limits};
use crate::input::{number, numbers};
use crate::names::Named;
use crate::units::R_J_PER_MOL_K;

const SUBLATTICES: &str = "mixing.sublattices";

/// One sublattice: how many of its sites a formula unit has, and the amounts of each species on
/// it (any consistent unit; normalised to mole fractions by eq. 2, x_i = c_i / Σc).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sublattice {
    /// Sites of this sublattice per formula unit (e.g. 1 for the A site of ABO₃).
    #[serde(deserialize_with = "number")]
    pub sites_per_formula_unit: f64,
    /// Amounts of the species sharing the sublattice.
    #[serde(deserialize_with = "numbers")]
    pub amounts: Vec<f64>,
}

/// What one mole of S_conf refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntropyBasis {
    /// Per mole of formula units: Σ_s m_s · S_s.
    PerFormulaUnit,
    /// Per mole of mixed sites: Σ_s m_s · S_s / Σ_s m_s.
    PerMixedSite,
}

crate::serde_by_name!(EntropyBasis);

impl Named for EntropyBasis {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("perFormulaUnit", EntropyBasis::PerFormulaUnit),
        ("perMixedSite", EntropyBasis::PerMixedSite),
    ];
}

/// Ideal configurational entropy S_conf [J/(mol·K)] of a multi-sublattice composition.
///
/// # Formula
/// S_s = −R Σ_i x_i ln x_i with x_i = c_i / Σ_j c_j (eq. 2); S_conf = Σ_s m_s S_s per formula
/// unit, or divided by Σ_s m_s per mole of mixed sites. Equimolar five cations on one sublattice:
/// R ln 5 = 13.38 J/(mol·K).
pub fn configurational_entropy(
    sublattices: &[Sublattice],
    basis: EntropyBasis,
) -> Result<f64, InputError> {
    if sublattices.is_empty() {
        return Err(InputError::invalid(
            Field::new(SUBLATTICES),
            "give at least one sublattice",
        ));
    }
    let (mut entropy, mut sites) = (0.0, 0.0);
    for (s, sub) in sublattices.iter().enumerate() {
        let m = check(
            Field::item(SUBLATTICES, s, "sitesPerFormulaUnit"),
            sub.sites_per_formula_unit,
            limits::MULTIPLICITY,
        )?;
        let mut total = 0.0;
        for &c in &sub.amounts {
            total += check(Field::item(SUBLATTICES, s, "amounts"), c, limits::AMOUNT)?;
        }
        if total <= 0.0 {
            return Err(InputError::invalid(
                Field::item(SUBLATTICES, s, "amounts"),
                "needs at least one positive amount",
            ));
        }
        let mixing: f64 = sub
            .amounts
            .iter()
            .filter(|&&c| c > 0.0)
            .map(|&c| {
                let x = c / total;
                -x * x.ln()
            })
            .sum();
        entropy += m * R_J_PER_MOL_K * mixing;
        sites += m;
    }
    Ok(match basis {
        EntropyBasis::PerFormulaUnit => entropy,
        EntropyBasis::PerMixedSite => entropy / sites,
    })
}

/// The linear control coefficient estimated from a mixing length, G ≈ S_conf / λ.
///
/// # Formula
/// G [J/(K·mol·m)] = S_conf [J/(mol·K)] / λ [m].
pub fn linear_coefficient(
    entropy_j_per_mol_k: f64,
    mixing_length_m: f64,
) -> Result<f64, InputError> {
    let lambda = check(
        Field::of("mixing", "lengthM"),
        mixing_length_m,
        limits::LENGTH,
    )?;
    Ok(entropy_j_per_mol_k / lambda)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACC: f64 = 1e-14;

    fn sub(m: f64, amounts: &[f64]) -> Sublattice {
        Sublattice {
            sites_per_formula_unit: m,
            amounts: amounts.to_vec(),
        }
    }

    #[test]
    fn equimolar_five_cations_is_r_ln_5() {
        let s =
            configurational_entropy(&[sub(1.0, &[1.0; 5])], EntropyBasis::PerMixedSite).unwrap();
        assert!((s / (R_J_PER_MOL_K * 5f64.ln()) - 1.0).abs() < ACC);
        assert!(
            (s - 13.38).abs() < 5e-3,
            "physics.md quotes 13.38 J/(mol·K); got {s}"
        );
    }

    #[test]
    fn amounts_are_normalised_and_zeros_ignored() {
        let a =
            configurational_entropy(&[sub(1.0, &[0.2, 0.3, 0.5])], EntropyBasis::PerFormulaUnit)
                .unwrap();
        let b = configurational_entropy(
            &[sub(1.0, &[2.0, 3.0, 5.0, 0.0])],
            EntropyBasis::PerFormulaUnit,
        )
        .unwrap();
        assert!((a / b - 1.0).abs() < ACC);
        let want = -R_J_PER_MOL_K * (0.2 * 0.2f64.ln() + 0.3 * 0.3f64.ln() + 0.5 * 0.5f64.ln());
        assert!((a / want - 1.0).abs() < ACC);
        let pure =
            configurational_entropy(&[sub(1.0, &[4.0])], EntropyBasis::PerFormulaUnit).unwrap();
        assert_eq!(pure, 0.0);
    }

    #[test]
    fn sublattices_weighted_by_multiplicity_and_basis() {
        // (A₅)(B₂)O₃-like: 5 equimolar on A (m = 1), 2 equimolar on B (m = 1), O unmixed (m = 3).
        let subs = [sub(1.0, &[1.0; 5]), sub(1.0, &[1.0; 2]), sub(3.0, &[1.0])];
        let per_fu = configurational_entropy(&subs, EntropyBasis::PerFormulaUnit).unwrap();
        let want = R_J_PER_MOL_K * (5f64.ln() + 2f64.ln());
        assert!((per_fu / want - 1.0).abs() < ACC);
        let per_site = configurational_entropy(&subs, EntropyBasis::PerMixedSite).unwrap();
        assert!((per_site / (want / 5.0) - 1.0).abs() < ACC);
    }

    #[test]
    fn linear_coefficient_scales_inversely_with_mixing_length() {
        let s = R_J_PER_MOL_K * 5f64.ln();
        let solid = linear_coefficient(s, 1e-6).unwrap();
        let atomic = linear_coefficient(s, 1e-9).unwrap();
        assert!((atomic / solid - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn rejects_bad_compositions() {
        let e = configurational_entropy(&[], EntropyBasis::PerFormulaUnit).unwrap_err();
        assert_eq!(e.field(), "mixing.sublattices");
        let e = configurational_entropy(&[sub(1.0, &[0.0, 0.0])], EntropyBasis::PerFormulaUnit)
            .unwrap_err();
        assert_eq!(e.field(), "mixing.sublattices[0].amounts");
        let e = configurational_entropy(
            &[sub(1.0, &[1.0]), sub(1.0, &[-1.0, 2.0])],
            EntropyBasis::PerFormulaUnit,
        )
        .unwrap_err();
        assert_eq!(e.field(), "mixing.sublattices[1].amounts");
        let e =
            configurational_entropy(&[sub(f64::INFINITY, &[1.0])], EntropyBasis::PerFormulaUnit)
                .unwrap_err();
        assert_eq!(e.field(), "mixing.sublattices[0].sitesPerFormulaUnit");
        assert_eq!(
            linear_coefficient(13.0, 0.0).unwrap_err().field(),
            "mixing.lengthM"
        );
    }
}
