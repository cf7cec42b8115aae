//! T(t) of the thermal program.

use super::{Scale, Scene, Spec, Theme, TimeAxis, series_label, time_label, time_trace};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let traces = scenes
        .iter()
        .zip(theme.series)
        .map(|(s, color)| {
            time_trace(
                s,
                &s.curves.temperature_k,
                axis,
                series_label(scenes, s, ""),
                color,
                false,
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
