//! Grain size d(t) of eq. (12) under the program.

use super::{Scale, Scene, Spec, Theme, TimeAxis, series_label, time_label, time_trace};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let traces = scenes
        .iter()
        .zip(theme.series)
        .filter(|(s, _)| !s.curves.grain_size_m.is_empty())
        .map(|(s, color)| {
            time_trace(
                s,
                &s.curves.grain_size_m,
                axis,
                series_label(scenes, s, ""),
                color,
                false,
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
