//! Arrhenius plot: log10 D against 1000/T, with extrapolation beyond the measured range shaded.

use std::f64::consts::LOG10_E;

use super::theme::{Stroke, Theme, trace_color};
use super::{Scale, Scene, Spec, Trace, format_log10};

/// Points per Arrhenius line (it is straight; a few suffice, more keep readouts smooth).
const POINTS: usize = 64;

/// Temperatures shown: the program's hot range and the measured range of every scene [K].
fn temperature_range(scenes: &[Scene<'_>]) -> (f64, f64) {
    scenes.iter().fold((f64::INFINITY, 0.0_f64), |(lo, hi), s| {
        let peak = s.model.program().peak_k();
        let (vlo, vhi) = s.model.valid_range_k().unwrap_or((peak, peak));
        (lo.min(vlo).min(0.5 * peak), hi.max(vhi).max(peak))
    })
}

pub(super) fn spec(scenes: &[Scene<'_>], theme: &Theme) -> Spec {
    let (lo, hi) = temperature_range(scenes);
    let traces = scenes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let d = s.model.flux().diffusion();
            let points = (0..POINTS)
                .map(|k| {
                    let x =
                        1000.0 / hi + (1000.0 / lo - 1000.0 / hi) * k as f64 / (POINTS - 1) as f64;
                    (x, LOG10_E * d.ln_diffusivity(1000.0 / x))
                })
                .collect();
            let color = trace_color(theme, scenes.len(), i, 0);
            Trace {
                scene: i,
                quantity: "",
                color,
                stroke: Stroke::Solid,
                points,
            }
        })
        .collect();
    // Shade what lies outside the measured range of the first scene (the one being edited).
    let shaded = scenes
        .first()
        .and_then(|s| s.model.valid_range_k())
        .map(|(vlo, vhi)| vec![(1000.0 / hi, 1000.0 / vhi), (1000.0 / vlo, 1000.0 / lo)])
        .unwrap_or_default();
    Spec {
        caption: "Arrhenius plot (shaded: extrapolated beyond the measured range)",
        x_label: "1000 / T [1/K]".into(),
        y_label: "D [m²/s]",
        x_scale: Scale::Linear,
        y_scale: Scale::Log10,
        traces,
        shaded,
    }
}

/// Readout at x = 1000/T.
pub(super) fn readout(scenes: &[Scene<'_>], x: f64) -> String {
    let temp = 1000.0 / x;
    scenes
        .iter()
        .map(|s| {
            let d = LOG10_E * s.model.flux().diffusion().ln_diffusivity(temp);
            let flag = match s.model.valid_range_k() {
                Some((lo, hi)) if !(lo..=hi).contains(&temp) => " (extrapolated)",
                _ => "",
            };
            format!(
                "{}: T = {temp:.1} K, D = {} m²/s{flag}",
                s.label,
                format_log10(d)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rows of T, 1000/T and D over the plotted range.
pub(super) fn table(scene: &Scene<'_>, rows: usize) -> Vec<Vec<String>> {
    let (lo, hi) = temperature_range(std::slice::from_ref(scene));
    let d = scene.model.flux().diffusion();
    let rows = rows.max(2);
    let mut out = vec![vec![
        "T [K]".to_string(),
        "1000/T [1/K]".into(),
        "D [m²/s]".into(),
        "measured?".into(),
    ]];
    for r in 0..rows {
        let temp = lo + (hi - lo) * r as f64 / (rows - 1) as f64;
        let measured = match scene.model.valid_range_k() {
            Some((vlo, vhi)) if !(vlo..=vhi).contains(&temp) => "extrapolated",
            Some(_) => "yes",
            None => "unknown",
        };
        out.push(vec![
            format!("{temp:.1}"),
            format!("{:.4}", 1000.0 / temp),
            format_log10(LOG10_E * d.ln_diffusivity(temp)),
            measured.into(),
        ]);
    }
    out
}
