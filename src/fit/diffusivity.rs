//! D0 and Eₐ from measured (T, D) points, by least squares on the straight line
//! ln D = ln D0 − (Eₐ/R)·(1/T). Points may carry a standard uncertainty of D; each is then
//! weighted by 1/σ², σ = σ_D/D being the uncertainty of ln D, and the uncertainties are taken as
//! relative (scaled by the scatter of the points about the line). The intervals are Student-t
//! intervals with n − 2 degrees of freedom: symmetric for Eₐ, a factor for D0.

use serde::Serialize;

use super::{CONFIDENCE, Estimate, MAX_POINTS, MIN_POINTS, student_t_quantile};
use crate::error::{Field, InputError, check, limits};
use crate::units::R_J_PER_MOL_K;

/// One measured diffusion coefficient.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiffusivityPoint {
    /// Temperature [K].
    pub temperature_k: f64,
    /// Diffusion coefficient D [m²/s].
    pub d_m2_per_s: f64,
    /// Standard uncertainty of D [m²/s], when known.
    pub sigma_m2_per_s: Option<f64>,
}

impl DiffusivityPoint {
    /// The point, each of its numbers checked; `index` names it in messages (`points[index]`).
    pub fn new(
        index: usize,
        temperature_k: f64,
        d_m2_per_s: f64,
        sigma_m2_per_s: Option<f64>,
    ) -> Result<DiffusivityPoint, InputError> {
        let field = |name| Field::item("points", index, name);
        Ok(DiffusivityPoint {
            temperature_k: check(field("temperatureK"), temperature_k, limits::TEMPERATURE)?,
            d_m2_per_s: check(field("dM2PerS"), d_m2_per_s, limits::DIFFUSIVITY)?,
            sigma_m2_per_s: sigma_m2_per_s
                .map(|s| check(field("sigmaM2PerS"), s, limits::DIFFUSIVITY))
                .transpose()?,
        })
    }
}

/// D0 and Eₐ fitted to measured points.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArrheniusFit {
    /// D0 [m²/s]; its interval is the value times and divided by one factor.
    pub d0_m2_per_s: Estimate,
    /// Eₐ [J/mol].
    pub ea_j_per_mol: Estimate,
    /// ln D measured − ln D fitted, point by point.
    pub residuals_ln: Vec<f64>,
    /// Degrees of freedom of the intervals: points − 2.
    pub degrees_of_freedom: usize,
    /// Whether the points were weighted by their uncertainties.
    pub weighted: bool,
}

/// Fits D0 and Eₐ to `points` (see the module's documentation).
pub fn fit_arrhenius(points: &[DiffusivityPoint]) -> Result<ArrheniusFit, InputError> {
    let n = points.len();
    if !(MIN_POINTS..=MAX_POINTS).contains(&n) {
        return Err(InputError::invalid(
            Field::new("points"),
            format!("a fit takes {MIN_POINTS} to {MAX_POINTS} points; got {n}"),
        ));
    }
    let weighted = points.iter().any(|p| p.sigma_m2_per_s.is_some());
    if weighted && points.iter().any(|p| p.sigma_m2_per_s.is_none()) {
        return Err(InputError::invalid(
            Field::new("points"),
            "give an uncertainty for every point or for none",
        ));
    }
    // x = 1/T, y = ln D, w = 1/σ(ln D)².
    let rows: Vec<(f64, f64, f64)> = points
        .iter()
        .map(|p| {
            let w = p.sigma_m2_per_s.map_or(1.0, |s| (p.d_m2_per_s / s).powi(2));
            (1.0 / p.temperature_k, p.d_m2_per_s.ln(), w)
        })
        .collect();
    // Centred sums: well conditioned although 1/T varies over a small part of its value.
    let sw: f64 = rows.iter().map(|r| r.2).sum();
    let xm = rows.iter().map(|r| r.2 * r.0).sum::<f64>() / sw;
    let ym = rows.iter().map(|r| r.2 * r.1).sum::<f64>() / sw;
    let sxx: f64 = rows.iter().map(|r| r.2 * (r.0 - xm).powi(2)).sum();
    let sxy: f64 = rows.iter().map(|r| r.2 * (r.0 - xm) * (r.1 - ym)).sum();
    // Temperatures equal to within rounding leave the slope undetermined.
    if sxx <= sw * (1e-12 * xm).powi(2) {
        return Err(InputError::invalid(
            Field::new("points"),
            "the points need at least two different temperatures",
        ));
    }
    let slope = sxy / sxx;
    let intercept = ym - slope * xm;
    let residuals_ln: Vec<f64> = rows
        .iter()
        .map(|r| r.1 - (intercept + slope * r.0))
        .collect();
    let dof = n - 2;
    let s2 = rows
        .iter()
        .zip(&residuals_ln)
        .map(|(r, e)| r.2 * e * e)
        .sum::<f64>()
        / dof as f64;
    let t = student_t_quantile(0.5 + CONFIDENCE / 2.0, dof);
    let se_slope = (s2 / sxx).sqrt();
    let se_intercept = (s2 * (1.0 / sw + xm * xm / sxx)).sqrt();
    let ea = -slope * R_J_PER_MOL_K;
    let ea_half = t * se_slope * R_J_PER_MOL_K;
    let factor = (t * se_intercept).exp();
    let d0 = intercept.exp();
    Ok(ArrheniusFit {
        d0_m2_per_s: Estimate {
            value: d0,
            low: d0 / factor,
            high: d0 * factor,
        },
        ea_j_per_mol: Estimate {
            value: ea,
            low: ea - ea_half,
            high: ea + ea_half,
        },
        residuals_ln,
        degrees_of_freedom: dof,
        weighted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::Noise;

    fn points(data: &[(f64, f64)]) -> Vec<DiffusivityPoint> {
        data.iter()
            .enumerate()
            .map(|(i, &(t, d))| DiffusivityPoint::new(i, t, d, None).unwrap())
            .collect()
    }

    /// A fixed data set fitted independently with mpmath at 30 digits (normal equations of
    /// ln D on 1/T, covariance s²·(XᵀX)⁻¹).
    #[test]
    fn a_fixed_data_set_matches_an_independent_least_squares_fit() {
        let data = [
            (1100.0, 1.1e-19),
            (1200.0, 2.9e-18),
            (1300.0, 5.2e-17),
            (1400.0, 5.9e-16),
            (1500.0, 5.3e-15),
        ];
        let fit = fit_arrhenius(&points(&data)).unwrap();
        let close = |got: f64, want: f64| (got - want).abs() <= 1e-9 * want.abs();
        assert!(close(fit.d0_m2_per_s.value, 0.03800327820696223), "{fit:?}");
        assert!(
            close(fit.ea_j_per_mol.value, 369_773.477_610_905_3),
            "{fit:?}"
        );
        let t = 3.1824463052837096;
        let half = fit.ea_j_per_mol.high - fit.ea_j_per_mol.value;
        assert!(close(half, t * 2_257.055_402_327_383), "{fit:?}");
        let factor = fit.d0_m2_per_s.high / fit.d0_m2_per_s.value;
        assert!(close(factor.ln(), t * 0.21261700193885745), "{fit:?}");
        let residuals = [
            0.0467553449462,
            -0.0504655946763,
            -0.0147997275375,
            -0.0295212930335,
            0.0480312703011,
        ];
        for (got, want) in fit.residuals_ln.iter().zip(residuals) {
            assert!((got - want).abs() < 1e-11, "{got} vs {want}");
        }
        assert_eq!(fit.degrees_of_freedom, 3);
    }

    #[test]
    fn exact_points_give_back_their_law_with_intervals_of_zero_width() {
        let (d0, ea) = (2.66e-6, 318e3);
        let data: Vec<(f64, f64)> = [1000.0, 1150.0, 1300.0, 1600.0]
            .iter()
            .map(|&t| (t, d0 * (-ea / (R_J_PER_MOL_K * t)).exp()))
            .collect();
        let fit = fit_arrhenius(&points(&data)).unwrap();
        assert!((fit.d0_m2_per_s.value / d0 - 1.0).abs() < 1e-10, "{fit:?}");
        assert!((fit.ea_j_per_mol.value / ea - 1.0).abs() < 1e-12, "{fit:?}");
        assert!(fit.ea_j_per_mol.high - fit.ea_j_per_mol.low < 1e-6 * ea);
    }

    #[test]
    fn intervals_cover_the_truth_at_their_stated_rate() {
        // 5 points with 20 % scatter in D, 4000 data sets: each interval should cover the true
        // value in 95 % of them; the binomial standard deviation is 0.34 %.
        let (d0, ea) = (2.66e-6, 318e3);
        let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
        let (mut ea_in, mut d0_in, mut weighted_in) = (0, 0, 0);
        let runs = 4000;
        for _ in 0..runs {
            let sample: Vec<DiffusivityPoint> = [1100.0, 1200.0, 1300.0, 1400.0, 1500.0]
                .iter()
                .enumerate()
                .map(|(i, &t)| {
                    let d = d0 * (-ea / (R_J_PER_MOL_K * t)).exp() * (0.2 * noise.normal()).exp();
                    DiffusivityPoint::new(i, t, d, Some(0.2 * d)).unwrap()
                })
                .collect();
            let fit = fit_arrhenius(&sample).unwrap();
            let covers = |e: Estimate, truth: f64| e.low <= truth && truth <= e.high;
            ea_in += usize::from(covers(fit.ea_j_per_mol, ea));
            d0_in += usize::from(covers(fit.d0_m2_per_s, d0));
            let unweighted: Vec<DiffusivityPoint> = sample
                .iter()
                .map(|p| DiffusivityPoint {
                    sigma_m2_per_s: None,
                    ..*p
                })
                .collect();
            let plain = fit_arrhenius(&unweighted).unwrap();
            let same = (plain.ea_j_per_mol.high - fit.ea_j_per_mol.high).abs() < 1e-9 * ea;
            weighted_in += usize::from(same);
        }
        for covered in [ea_in, d0_in] {
            let rate = covered as f64 / runs as f64;
            assert!((0.94..=0.96).contains(&rate), "coverage {rate}");
        }
        // Equal relative uncertainties weigh every point alike: the same fit.
        assert_eq!(weighted_in, runs);
    }

    #[test]
    fn bad_points_are_refused_by_name() {
        let error = DiffusivityPoint::new(2, 1200.0, -1e-15, None).unwrap_err();
        assert_eq!(error.field(), "points[2].dM2PerS");
        let error = DiffusivityPoint::new(0, f64::NAN, 1e-15, None).unwrap_err();
        assert_eq!(error.field(), "points[0].temperatureK");
        let two = points(&[(1200.0, 1e-15), (1300.0, 1e-14)]);
        assert!(
            fit_arrhenius(&two)
                .unwrap_err()
                .to_string()
                .contains("3 to 1000 points; got 2")
        );
        let flat = points(&[(1200.0, 1e-15), (1200.0, 2e-15), (1200.0, 3e-15)]);
        assert!(
            fit_arrhenius(&flat)
                .unwrap_err()
                .to_string()
                .contains("two different temperatures")
        );
        let mut mixed = points(&[(1200.0, 1e-15), (1300.0, 2e-15), (1400.0, 3e-15)]);
        mixed[1].sigma_m2_per_s = Some(1e-16);
        assert!(
            fit_arrhenius(&mixed)
                .unwrap_err()
                .to_string()
                .contains("every point or for none")
        );
    }
}
