//! The diffusion length L = √(D0·I) against time, in the reader's length unit; the
//! transported amount Q and the homogenisation residual are read out beside it.

use super::theme::Theme;
use super::{Scale, Scene, Spec, TimeFrame, time_trace};
use crate::display::DisplayUnits;
use crate::scenario::{AMOUNT, Column, DIFFUSION_LENGTH, RESIDUAL};

pub(super) fn spec(
    scenes: &[Scene<'_>],
    time: TimeFrame,
    units: &DisplayUnits,
    theme: &Theme,
) -> Spec {
    let (x_label, x_scale) = time.label();
    let traces = (0..scenes.len())
        .map(|i| time_trace(scenes, i, DIFFUSION_LENGTH, (time, units), theme))
        .collect();
    Spec {
        caption: "Diffusion length L(t) = √(D₀·I(t))".into(),
        x_label,
        y_label: DIFFUSION_LENGTH.header(units),
        x_scale,
        y_scale: Scale::Log10,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[DIFFUSION_LENGTH, AMOUNT, RESIDUAL];
