//! Transported amount Q, diffusion length L = √(D0·I) and the homogenisation residual.

use super::{Scale, Scene, Spec, Theme, TimeAxis, series_label, time_label, time_trace};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let single = scenes.len() == 1;
    let mut traces = Vec::with_capacity(3 * scenes.len());
    for (i, s) in scenes.iter().enumerate() {
        let color = |q: usize| theme.series[if single { q } else { i }];
        let c = s.curves;
        traces.push(time_trace(
            s,
            &c.log10_amount,
            axis,
            series_label(scenes, s, "Q [mol/m²]"),
            color(0),
            false,
        ));
        traces.push(time_trace(
            s,
            &c.log10_diffusion_length_m,
            axis,
            series_label(scenes, s, "L = √(D0·I) [m]"),
            color(1),
            true,
        ));
        traces.push(time_trace(
            s,
            &c.log10_residual,
            axis,
            series_label(scenes, s, "residual A/A0"),
            color(2),
            false,
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
