//! T(t) of the thermal program.

use super::theme::Theme;
use super::{Scale, Scene, Spec, TimeFrame, time_trace};
use crate::display::DisplayUnits;
use crate::scenario::{Column, TEMPERATURE};

pub(super) fn spec(
    scenes: &[Scene<'_>],
    time: TimeFrame,
    units: &DisplayUnits,
    theme: &Theme,
) -> Spec {
    let (x_label, x_scale) = time.label();
    let traces = (0..scenes.len())
        .map(|i| time_trace(scenes, i, TEMPERATURE, (time, units), theme))
        .collect();
    Spec {
        caption: "Temperature T(t)".into(),
        x_label,
        y_label: TEMPERATURE.header(units),
        x_scale,
        y_scale: Scale::Linear,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[TEMPERATURE];
