//! A Kissinger plot of the scenario's homogenisation: what a constant-rate experiment would
//! measure, so that an Eₐ obtained that way can be checked against the species' own.
//!
//! The residual modulation decays as A/A₀ = exp(−K·I), K = 4π²·D0/λ² (`homogenisation`), so the
//! rate of homogenisation d(1 − A/A₀)/dt = K·exp(−a/T)·exp(−K·I), a = Eₐ/R, peaks during heating
//! at a constant rate β where its derivative vanishes:
//!
//! # Formula
//! β·a/T_p² = K·exp(−a/T_p), exactly (dI/dt = exp(−a/T), dT/dt = β), so
//! ln(β/T_p²) = ln(K/a) − a/T_p: against 1/T_p a straight line of slope −Eₐ/R (Kissinger).

use super::Scale;
use super::sweep::{Axis, Curve, Point, Sweep};
use crate::display::DisplayUnits;
use crate::fit::{DiffusivityPoint, fit_arrhenius};
use crate::presets::TECHNIQUES;
use crate::program::Segment;
use crate::scenario::Model;
use crate::units::{Quantity, R_J_PER_MOL_K};

/// Heating rates of the plot [K/s].
const RATES_K_PER_S: (f64, f64) = (1e-3, 1e6);
/// Bisection steps for T_p: to the last bits of a double over 1–10⁵ K.
const STEPS: usize = 80;

/// T_p [K] of heating at `rate` [K/s], for a = Eₐ/R [K] and ln K (K in 1/s): the root of
/// ln(β·a/K) − 2·ln T + a/T, which falls with T.
fn peak_k(rate: f64, a: f64, ln_k: f64) -> f64 {
    let lhs = (rate * a).ln() - ln_k;
    let (mut lo, mut hi) = (1.0_f64, 1e5_f64);
    for _ in 0..STEPS {
        let mid = (lo * hi).sqrt();
        if lhs - 2.0 * mid.ln() + a / mid > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo * hi).sqrt()
}

/// The Kissinger plot of `model`'s homogenisation, the technique presets marked at their heating
/// rates.
pub(super) fn sweep<'a>(model: &'a Model, units: &DisplayUnits) -> Sweep<'a> {
    let diffusion = *model.flux().diffusion();
    let ea = diffusion.activation_energy().j_per_mol();
    let a = ea / R_J_PER_MOL_K;
    let (modulation, _) = model.homogenisation();
    let ln_k = modulation.decay_rate(&diffusion).ln();
    let at = |rate: f64| {
        let t = peak_k(rate, a, ln_k);
        (1000.0 / t, (rate / (t * t)).ln(), t)
    };
    // 1000/T_p falls as β rises.
    let x_range = (at(RATES_K_PER_S.1).0, at(RATES_K_PER_S.0).0);
    let points: Vec<Point> = TECHNIQUES
        .iter()
        .filter(|t| t.confirmed)
        .filter_map(|t| match t.segments.first() {
            Some(Segment::Ramp { rate_k_per_s, .. }) => {
                let (x, y, _) = at(*rate_k_per_s);
                Some(Point {
                    label: t.short.into(),
                    at: (x, y),
                    curve: 0,
                })
            }
            _ => None,
        })
        .collect();
    // The Kissinger analysis of the marked peaks: a straight-line fit of ln(β/T_p²) against 1/T_p.
    let analysis = points
        .iter()
        .enumerate()
        .map(|(i, p)| DiffusivityPoint::new(i, 1000.0 / p.at.0, p.at.1.exp(), None))
        .collect::<Result<Vec<_>, _>>()
        .and_then(|points| fit_arrhenius(&points));
    let mut notes = vec![format!(
        "T_p is where the rate of homogenisation peaks while heating at a constant β; Eₐ of this species: {}.",
        units.show(Quantity::Energy, ea)
    )];
    if let Ok(fit) = analysis {
        notes.push(format!(
            "A Kissinger analysis of the marked peaks (the slope of ln(β/T_p²) against 1/T_p, × −R) gives Eₐ = {}.",
            units.show(Quantity::Energy, fit.ea_j_per_mol.value)
        ));
    }
    Sweep {
        caption: "Kissinger plot of homogenisation at a constant heating rate".into(),
        x: Axis {
            quantity: None,
            symbol: "1000/T_p [1/K]",
            scale: Scale::Linear,
        },
        x_range,
        y: Axis {
            quantity: None,
            symbol: "ln(β/T_p²) [1/(K·s)]",
            scale: Scale::Linear,
        },
        curves: vec![Curve {
            label: "ln(β/T_p²)".into(),
            at: Box::new(move |x: f64| Some(ln_k - a.ln() - a * x / 1000.0)),
        }],
        points,
        measured: None,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::tests::example;

    /// T_p found independently: the maximum of the rate K·exp(−a/T)·exp(−K·I) along a ramp at
    /// β from 300 K, I by the trapezoidal rule on a fine grid of temperatures.
    fn peak_by_quadrature(rate: f64, a: f64, k: f64) -> f64 {
        let (from, to, n) = (300.0, 4000.0, 400_000);
        let dt = (to - from) / n as f64;
        let (mut integral, mut best, mut at) = (0.0, 0.0, from);
        let mut previous = (-a / from).exp();
        for i in 1..=n {
            let t = from + dt * i as f64;
            let now = (-a / t).exp();
            integral += 0.5 * (previous + now) * dt / rate;
            previous = now;
            let r = k * now * (-k * integral).exp();
            if r > best {
                (best, at) = (r, t);
            }
        }
        at
    }

    #[test]
    fn peaks_satisfy_the_kissinger_condition_and_match_a_simulated_ramp() {
        let model = example().validate().unwrap();
        let diffusion = *model.flux().diffusion();
        let a = diffusion.activation_energy().j_per_mol() / R_J_PER_MOL_K;
        let k = model.homogenisation().0.decay_rate(&diffusion);
        for rate in [1e-3, 0.1, 10.0, 1e4] {
            let t = peak_k(rate, a, k.ln());
            // β·a/T_p² = K·exp(−a/T_p), to rounding.
            let (lhs, rhs) = ((rate * a / (t * t)).ln(), k.ln() - a / t);
            assert!(
                (lhs - rhs).abs() < 1e-12 * lhs.abs(),
                "{rate}: {lhs} vs {rhs}"
            );
            // The peak of a ramp from 300 K simulated step by step, to within its grid (0.01 K).
            let simulated = peak_by_quadrature(rate, a, k);
            assert!(
                (simulated - t).abs() < 0.05,
                "{rate} K/s: {t} K vs {simulated} K"
            );
        }
    }

    #[test]
    fn a_kissinger_analysis_of_the_peaks_gives_back_the_species_ea() {
        let model = example().validate().unwrap();
        let units = DisplayUnits::default();
        let sweep = sweep(&model, &units);
        let ea = model.flux().diffusion().activation_energy().j_per_mol();
        assert!(sweep.points.len() >= 3);
        let points: Vec<DiffusivityPoint> = sweep
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| DiffusivityPoint::new(i, 1000.0 / p.at.0, p.at.1.exp(), None).unwrap())
            .collect();
        let fit = fit_arrhenius(&points).unwrap();
        assert!((fit.ea_j_per_mol.value / ea - 1.0).abs() < 1e-9, "{fit:?}");
        // The line passes through every marked peak.
        for p in &sweep.points {
            let y = (sweep.curves[0].at)(p.at.0).unwrap();
            assert!((y - p.at.1).abs() < 1e-9 * y.abs(), "{y} vs {}", p.at.1);
        }
    }
}
