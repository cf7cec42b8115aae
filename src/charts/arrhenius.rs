//! Arrhenius plot: log10 D against 1000/T, with extrapolation beyond the measured range shaded.

use std::f64::consts::LOG10_E;

use super::legend::legend_entries;
use super::theme::{Theme, trace_color};
use super::{Band, Mark, Scale, Scene, Spec, Trace};
use crate::display::{DisplayUnits, number, number_from_log10};
use crate::scenario::Model;
use crate::units::Quantity;

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

/// log10 of D [m²/s] of `model` at temperature `temp_k`, in the reader's diffusivity unit.
fn log10_d(model: &Model, temp_k: f64, units: &DisplayUnits) -> f64 {
    LOG10_E * model.flux().diffusion().ln_diffusivity(temp_k)
        + units.diffusivity.from_si(1.0).log10()
}

/// The header of D's column and axis: `D [cm²/s]`.
fn d_header(units: &DisplayUnits) -> String {
    format!("D [{}]", units.diffusivity.symbol())
}

pub(super) fn spec(scenes: &[Scene<'_>], units: &DisplayUnits, theme: &Theme) -> Spec {
    let (lo, hi) = temperature_range(scenes);
    // The law of `model` at POINTS values of 1000/T across the range.
    let line = |model: &Model| {
        (0..POINTS)
            .map(|k| {
                let x = 1000.0 / hi + (1000.0 / lo - 1000.0 / hi) * k as f64 / (POINTS - 1) as f64;
                (x, log10_d(model, 1000.0 / x, units))
            })
            .collect()
    };
    let traces = scenes
        .iter()
        .enumerate()
        .map(|(i, s)| Trace {
            color: trace_color(theme, i),
            points: line(s.model),
        })
        .collect();
    let bands = scenes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (lower, upper) = s.model.band()?;
            Some(Band {
                color: trace_color(theme, i),
                lower: line(lower),
                upper: line(upper),
            })
        })
        .collect();
    // Shade what lies outside the measured range of the first scene (the one being edited).
    let shaded = scenes
        .first()
        .and_then(|s| s.model.valid_range_k())
        .map(|(vlo, vhi)| {
            let all = (f64::NEG_INFINITY, f64::INFINITY);
            vec![
                ((1000.0 / hi, 1000.0 / vhi), all),
                ((1000.0 / vlo, 1000.0 / lo), all),
            ]
        })
        .unwrap_or_default();
    Spec {
        caption: "Arrhenius plot (shaded: extrapolated beyond the measured range)".into(),
        x_label: "1000 / T [1/K]".into(),
        y_label: d_header(units),
        x_scale: Scale::Linear,
        y_scale: Scale::Log10,
        legend: legend_entries(scenes, theme),
        traces,
        bands,
        marks: measured_marks(scenes, units, theme),
        shaded,
    }
}

/// The reader's measured points, in their scenario's colour.
fn measured_marks(scenes: &[Scene<'_>], units: &DisplayUnits, theme: &Theme) -> Vec<Mark> {
    let unit = units.diffusivity.from_si(1.0).log10();
    scenes
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.measured.diffusivities.iter().map(move |p| Mark {
                label: String::new(),
                at: (1000.0 / p.temperature_k, p.d_m2_per_s.log10() + unit),
                color: trace_color(theme, i),
            })
        })
        .collect()
}

/// Readout at x = 1000/T.
pub(super) fn readout(scenes: &[Scene<'_>], x: f64, units: &DisplayUnits) -> String {
    let temp = 1000.0 / x;
    scenes
        .iter()
        .map(|s| {
            let flag = match s.model.valid_range_k() {
                Some((lo, hi)) if !(lo..=hi).contains(&temp) => " (extrapolated)",
                _ => "",
            };
            format!(
                "{}: T = {}, D = {} {}{flag}",
                s.label,
                units.show(Quantity::Temperature, temp),
                number_from_log10(log10_d(s.model, temp, units)),
                units.diffusivity.symbol(),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rows of T, 1000/T and D over the plotted range.
pub(super) fn table(scene: &Scene<'_>, rows: usize, units: &DisplayUnits) -> Vec<Vec<String>> {
    let (lo, hi) = temperature_range(std::slice::from_ref(scene));
    let rows = rows.max(2);
    let mut out = vec![vec![
        format!("T [{}]", units.temperature.symbol()),
        "1000/T [1/K]".into(),
        d_header(units),
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
            number(units.temperature.from_si(temp)),
            number(1000.0 / temp),
            number_from_log10(log10_d(scene.model, temp, units)),
            measured.into(),
        ]);
    }
    out
}
