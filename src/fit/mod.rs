//! The theory fitted to a user's measurements, with 95 % confidence intervals: D0 and Eₐ from
//! measured diffusion coefficients ([`fit_arrhenius`]), k0 and Eₐ,g from grain sizes measured
//! after thermal programs ([`fit_grain_growth`]), and D0 and Eₐ from diffusion lengths measured
//! after them ([`fit_diffusion_lengths`]). Each fits two parameters by least squares on a
//! logarithm; the intervals are Student-t intervals with n − 2 degrees of freedom.

use serde::Serialize;

mod diffusivity;
mod grain;

pub use diffusivity::{ArrheniusFit, DiffusivityPoint, fit_arrhenius};
pub use grain::{GrainFit, GrainPoint, fit_diffusion_lengths, fit_grain_growth};

/// Fewest points a fit takes: two fix the parameters, a third measures the scatter.
pub const MIN_POINTS: usize = 3;

/// Most points a fit takes.
pub const MAX_POINTS: usize = 1000;

/// Confidence of the intervals.
pub const CONFIDENCE: f64 = 0.95;

/// A fitted value and its confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// P(|T| ≤ t) for Student's t with `nu` ≥ 1 degrees of freedom, exactly (Abramowitz & Stegun
/// 26.7.3–4: finite sums in θ = atan(t/√ν)).
fn student_t_central(t: f64, nu: usize) -> f64 {
    let theta = (t / (nu as f64).sqrt()).atan();
    let (s, c2) = (theta.sin(), theta.cos().powi(2));
    // Σ of the series' terms, each the previous times c²·k/(k+1) over k = from, from + 2, …
    let series = |from: usize| {
        let (mut term, mut sum) = (1.0, 1.0);
        for k in (from..nu.saturating_sub(1)).step_by(2) {
            term *= c2 * k as f64 / (k + 1) as f64;
            sum += term;
        }
        sum
    };
    if nu.is_multiple_of(2) {
        s * series(1)
    } else if nu == 1 {
        2.0 * theta / std::f64::consts::PI
    } else {
        2.0 / std::f64::consts::PI * (theta + s * theta.cos() * series(2))
    }
}

/// The `p` quantile (p > ½) of Student's t with `nu` ≥ 1 degrees of freedom, by bisection on
/// the exact distribution function, to the last bits of a double.
pub fn student_t_quantile(p: f64, nu: usize) -> f64 {
    let central = 2.0 * p - 1.0;
    let (mut lo, mut hi) = (0.0, 1.0);
    while student_t_central(hi, nu) < central {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if student_t_central(mid, nu) < central {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// A small generator of normal deviates (xorshift64* and Box–Muller), for reproducible noise.
#[cfg(test)]
pub(crate) struct Noise(pub u64);

#[cfg(test)]
impl Noise {
    pub fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    pub fn normal(&mut self) -> f64 {
        (-2.0 * self.uniform().ln()).sqrt() * (2.0 * std::f64::consts::PI * self.uniform()).cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Student-t quantiles to 17 digits from mpmath (findroot on the regularised incomplete
    /// beta function, 30 digits).
    #[test]
    fn t_quantiles_match_mpmath() {
        let reference = [
            (1, 12.706204736174705),
            (2, 4.302_652_729_749_464),
            (3, 3.1824463052837096),
            (4, 2.7764451051977944),
            (5, 2.5705818356363155),
            (10, 2.228_138_851_986_275),
            (30, 2.042_272_456_301_238),
            (100, 1.9839715185235523),
        ];
        for (nu, want) in reference {
            let got = student_t_quantile(0.975, nu);
            assert!(
                (got - want).abs() < 1e-12 * want,
                "ν = {nu}: {got} vs {want}"
            );
        }
    }
}
