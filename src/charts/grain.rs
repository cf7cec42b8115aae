//! Grain size d(t) of eq. (12) under the program.

use super::theme::Theme;
use super::{Scale, Scene, Spec, TimeFrame, time_trace};
use crate::display::DisplayUnits;
use crate::scenario::{Column, GRAIN_SIZE};

pub(super) fn spec(
    scenes: &[Scene<'_>],
    time: TimeFrame,
    units: &DisplayUnits,
    theme: &Theme,
) -> Spec {
    let (x_label, x_scale) = time.label();
    let traces = (0..scenes.len())
        .filter(|&i| !scenes[i].curves.grain_size_m.is_empty())
        .map(|i| time_trace(scenes, i, GRAIN_SIZE, (time, units), theme))
        .collect();
    Spec {
        caption: "Grain size d(t) = (d₀ⁿ + k₀·I_g)^(1/n), eq. (12)".into(),
        x_label,
        y_label: GRAIN_SIZE.header(units),
        x_scale,
        y_scale: Scale::Linear,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[GRAIN_SIZE];
