//! Transported amount Q, diffusion length L = √(D0·I) and the homogenisation residual.

use super::theme::{Stroke, Theme};
use super::{Scale, Scene, Spec, TimeAxis, time_label, time_trace};
use crate::scenario::{AMOUNT, Column, DIFFUSION_LENGTH, RESIDUAL};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let mut traces = Vec::with_capacity(3 * scenes.len());
    for (i, s) in scenes.iter().enumerate() {
        let c = s.curves;
        traces.push(time_trace(
            scenes,
            i,
            &c.log10_amount,
            axis,
            (0, "Q [mol/m²]", Stroke::Solid),
            theme,
        ));
        traces.push(time_trace(
            scenes,
            i,
            &c.log10_diffusion_length_m,
            axis,
            (1, "L = √(D0·I) [m]", Stroke::Dashed),
            theme,
        ));
        traces.push(time_trace(
            scenes,
            i,
            &c.log10_residual,
            axis,
            (2, "residual A/A0", Stroke::Dotted),
            theme,
        ));
    }
    Spec {
        caption: "Transport and homogenisation",
        x_label,
        y_label: "value (units in legend)",
        x_scale,
        y_scale: Scale::Log10,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[AMOUNT, DIFFUSION_LENGTH, RESIDUAL];
