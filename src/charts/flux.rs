//! |J(t)| of eq. (11) with its exponential and linear control coefficients as their own traces.

use std::iter::repeat_n;

use super::{Scale, Scene, Spec, Theme, TimeAxis, series_label, time_label, time_trace};

pub(super) fn spec(scenes: &[Scene<'_>], axis: TimeAxis, theme: &Theme) -> Spec {
    let (x_label, x_scale) = time_label(axis);
    let single = scenes.len() == 1;
    let mut traces = Vec::with_capacity(3 * scenes.len());
    for (i, s) in scenes.iter().enumerate() {
        // One scene: one colour per quantity. Several: one colour per scene, dashes per quantity.
        let color = |q: usize| theme.series[if single { q } else { i }];
        let c = s.curves;
        traces.push(time_trace(
            s,
            &c.log10_flux,
            axis,
            series_label(scenes, s, "|J| [mol/(m²·s)]"),
            color(0),
            false,
        ));
        traces.push(time_trace(
            s,
            &c.log10_exp_coefficient,
            axis,
            series_label(scenes, s, "E = exp(−Ea/RT)"),
            color(1),
            true,
        ));
        let g = repeat_n(s.model.flux().linear_coefficient().log10(), c.len()).collect::<Vec<_>>();
        traces.push(time_trace(
            s,
            &g,
            axis,
            series_label(scenes, s, "G [J/(K·mol·m)]"),
            color(2),
            true,
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
