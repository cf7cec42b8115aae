//! Exponential integrals E1 and E2, and the log-space arithmetic the thermal integral needs.
//!
//! Written for this project (no GPL code): power series for x ≤ 1 and the modified-Lentz
//! continued fraction for x > 1 (Press et al., *Numerical Recipes*, 3rd ed., §6.3), both
//! returning the *scaled* value eˣ·Eₙ(x) so that nothing underflows for large x.

/// Euler–Mascheroni constant γ.
const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;
/// Relative convergence threshold of the series and the continued fraction.
const EPS: f64 = 1e-17;
/// Iteration cap; convergence takes < 70 terms anywhere in x > 0, so this is never reached.
const MAX_ITER: usize = 500;
/// Guard against division by zero in the Lentz algorithm.
const TINY: f64 = 1e-300;

/// Scaled exponential integral eˣ·Eₙ(x) for n ∈ {1, 2} and x > 0.
///
/// # Formula
///
/// Eₙ(x) = ∫₁^∞ e^(−x t) / tⁿ dt (Abramowitz & Stegun 5.1.4).
/// - x ≤ 1: Eₙ(x) = (−x)ⁿ⁻¹/(n−1)! · (−ln x + ψ(n)) − Σ_{k≠n−1} (−x)ᵏ / ((k−n+1)·k!) (A&S 5.1.12)
/// - x > 1: Eₙ(x) = e^(−x) · 1/(x+n− 1·n/(x+n+2− 2(n+1)/(x+n+4− …))) (A&S 5.1.22)
fn scaled_en(n: u32, x: f64) -> f64 {
    debug_assert!(n == 1 || n == 2);
    debug_assert!(x > 0.0);
    let nm1 = f64::from(n - 1);
    if x > 1.0 {
        let mut b = x + f64::from(n);
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..MAX_ITER {
            let i = i as f64;
            let an = -i * (nm1 + i);
            b += 2.0;
            d = 1.0 / (an * d + b);
            c = b + an / c;
            let del = c * d;
            h *= del;
            if (del - 1.0).abs() <= EPS {
                break;
            }
        }
        h
    } else {
        let mut sum = if n == 1 {
            -x.ln() - EULER_GAMMA
        } else {
            1.0 / nm1
        };
        let mut fact = 1.0;
        for i in 1..MAX_ITER {
            let k = i as f64;
            fact *= -x / k;
            let term = if i as u32 == n - 1 {
                // ψ(n) = −γ + Σ_{m=1}^{n−1} 1/m; here n = 2, so ψ = 1 − γ.
                let psi = -EULER_GAMMA + (1..n).map(|m| 1.0 / f64::from(m)).sum::<f64>();
                fact * (-x.ln() + psi)
            } else {
                -fact / (k - nm1)
            };
            sum += term;
            if term.abs() <= sum.abs() * EPS {
                break;
            }
        }
        sum * x.exp()
    }
}

/// E1(x), the exponential integral ∫ₓ^∞ e^(−t)/t dt, for x > 0 (A&S 5.1.1).
/// Underflows to 0 beyond x ≈ 740; use [`ln_e1`] there.
pub fn e1(x: f64) -> f64 {
    scaled_en(1, x) * (-x).exp()
}

/// E2(x) = e^(−x) − x·E1(x), for x > 0 (A&S 5.1.14). Underflows beyond x ≈ 740; see [`ln_e2`].
pub fn e2(x: f64) -> f64 {
    scaled_en(2, x) * (-x).exp()
}

/// ln E1(x) for x > 0, finite for every finite x (no underflow).
pub fn ln_e1(x: f64) -> f64 {
    scaled_en(1, x).ln() - x
}

/// ln E2(x) for x ≥ 0, finite for every finite x (no underflow); E2(0) = 1.
pub fn ln_e2(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        scaled_en(2, x).ln() - x
    }
}

/// ln(eᵃ + eᵇ) without overflow or underflow; either argument may be −∞.
pub fn ln_add_exp(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        return hi;
    }
    hi + (lo - hi).exp().ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published and mpmath-checked values: A&S Table 5.1 and DLMF §6.
    const TABLE_ACC: f64 = 1e-14;

    #[test]
    fn e1_matches_published_values() {
        // (x, E1(x)) from mpmath.e1 at 30 digits; the x = 1 value is A&S Table 5.1.
        let cases = [
            (0.001, 6.331_539_364_136_149),
            (0.5, 0.559_773_594_776_160_8),
            (1.0, 0.219_383_934_395_520_27),
            (2.0, 0.048_900_510_708_061_12),
            (10.0, 4.156_968_929_685_324e-6),
        ];
        for (x, want) in cases {
            let got = e1(x);
            assert!(
                (got / want - 1.0).abs() < TABLE_ACC,
                "E1({x}) = {got}, want {want}"
            );
        }
    }

    #[test]
    fn e2_recurrence_holds_where_it_is_well_conditioned() {
        // E2(x) = e^(−x) − x E1(x) (A&S 5.1.14), well conditioned for small x.
        for x in [1e-6_f64, 0.01, 0.3, 0.9, 1.0, 1.1, 1.5] {
            let want = (-x).exp() - x * e1(x);
            assert!((e2(x) / want - 1.0).abs() < 1e-13, "x = {x}");
        }
    }

    #[test]
    fn asymptotics_for_large_arguments() {
        // eˣ Eₙ(x) ~ 1/x (1 − n/x + n(n+1)/x² − …) (A&S 5.1.51); at x = 1e6 three terms suffice.
        let x = 1e6;
        let want = (1.0 - 2.0 / x + 6.0 / (x * x)) / x;
        assert!((scaled_en(2, x) / want - 1.0).abs() < 1e-15);
        assert!((ln_e2(x) - (want.ln() - x)).abs() < 1e-9);
    }

    #[test]
    fn series_and_fraction_agree_at_the_switch() {
        let below = scaled_en(2, 1.0);
        let above = scaled_en(2, 1.0 + 1e-15);
        assert!((below / above - 1.0).abs() < 1e-14);
    }

    #[test]
    fn log_add() {
        assert_eq!(ln_add_exp(f64::NEG_INFINITY, 3.0), 3.0);
        assert!((ln_add_exp(0.0, 0.0) - 2f64.ln()).abs() < 1e-16);
        assert!((ln_add_exp(-1000.0, -1001.0) - (-1000.0 + (-1f64).exp().ln_1p())).abs() < 1e-12);
    }
}
