//! |J(t)| of eq. (11) with its exponential and linear control coefficients as their own traces.

use std::iter::repeat_n;

use super::theme::{Stroke, Theme};
use super::{Scale, Scene, Spec, TimeAxis, time_label, time_trace};
use crate::scenario::{Column, EXP_COEFFICIENT, FLUX};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let mut traces = Vec::with_capacity(3 * scenes.len());
    for (i, s) in scenes.iter().enumerate() {
        let c = s.curves;
        let g: Vec<f64> = repeat_n(s.model.flux().linear_coefficient().log10(), c.len()).collect();
        traces.push(time_trace(
            scenes,
            i,
            &c.log10_flux,
            axis,
            (0, "|J| [mol/(m²·s)]", Stroke::Solid),
            theme,
        ));
        traces.push(time_trace(
            scenes,
            i,
            &c.log10_exp_coefficient,
            axis,
            (1, "E = exp(−Ea/RT)", Stroke::Dashed),
            theme,
        ));
        traces.push(time_trace(
            scenes,
            i,
            &g,
            axis,
            (2, "G [J/(K·mol·m)]", Stroke::Dotted),
            theme,
        ));
    }
    Spec {
        caption: "Flux |J(t)| = (D0·C/R)·G·E(t), eq. (11)",
        x_label,
        y_label: "value (units in legend)",
        x_scale,
        y_scale: Scale::Log10,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[FLUX, EXP_COEFFICIENT];

/// The data table's column of G, a constant of the scenario: header and cell.
pub(super) const G_HEADER: &str = "G [J/(K·mol·m)]";

pub(super) fn g_cell(scene: &Scene<'_>) -> String {
    format!("{:.4e}", scene.model.flux().linear_coefficient())
}
