//! T(t) of the thermal program.

use super::theme::{Stroke, Theme};
use super::{Scale, Scene, Spec, TimeAxis, time_label, time_trace};
use crate::scenario::{Column, TEMPERATURE};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let traces = (0..scenes.len())
        .map(|i| {
            time_trace(
                scenes,
                i,
                &scenes[i].curves.temperature_k,
                axis,
                (0, "", Stroke::Solid),
                theme,
            )
        })
        .collect();
    Spec {
        caption: "Temperature T(t)",
        x_label,
        y_label: "T [K]",
        x_scale,
        y_scale: Scale::Linear,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[TEMPERATURE];
