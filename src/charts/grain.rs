//! Grain size d(t) of eq. (12) under the program.

use super::theme::{Stroke, Theme};
use super::{Scale, Scene, Spec, TimeAxis, time_label, time_trace};
use crate::scenario::{Column, GRAIN_SIZE};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let traces = (0..scenes.len())
        .filter(|&i| !scenes[i].curves.grain_size_m.is_empty())
        .map(|i| {
            time_trace(
                scenes,
                i,
                &scenes[i].curves.grain_size_m,
                axis,
                (0, "", Stroke::Solid),
                theme,
            )
        })
        .collect();
    Spec {
        caption: "Grain size d(t) = (d0ⁿ + k0·I_g)^(1/n), eq. (12)",
        x_label,
        y_label: "d [m]",
        x_scale,
        y_scale: Scale::Linear,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[GRAIN_SIZE];
