//! |J(t)| of eq. (11). Its two control coefficients have units of their own, so they are not
//! drawn on its axis: G, a constant of the scenario, is stated in the caption (or, when
//! comparing, in the readout), and E(t) = exp(−Ea/RT) is |J| divided by that constant, read out
//! beside |J| at every point.

use super::theme::Theme;
use super::{Scale, Scene, Spec, TimeFrame, time_trace};
use crate::display::{DisplayUnits, number};
use crate::scenario::{Column, EXP_COEFFICIENT, FLUX};

pub(super) fn spec(
    scenes: &[Scene<'_>],
    time: TimeFrame,
    units: &DisplayUnits,
    theme: &Theme,
) -> Spec {
    let (x_label, x_scale) = time.label();
    let traces = (0..scenes.len())
        .map(|i| time_trace(scenes, i, FLUX, (time, units), theme))
        .collect();
    let g = match scenes {
        [only] => format!("G = {} {G_UNIT}", g_number(only)),
        _ => "G of each in its readout".into(),
    };
    Spec {
        caption: format!("|J(t)| = (D₀C/R)·G·exp(−Ea/RT), eq. (11); {g}"),
        x_label,
        y_label: FLUX.header(units),
        x_scale,
        y_scale: Scale::Log10,
        traces,
        shaded: Vec::new(),
    }
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[FLUX, EXP_COEFFICIENT];

/// The unit of G, the linear control coefficient.
const G_UNIT: &str = "J/(K·mol·m)";

/// The data table's column of G, a constant of the scenario: header and cell.
pub(super) const G_HEADER: &str = "G [J/(K·mol·m)]";

pub(super) fn g_number(scene: &Scene<'_>) -> String {
    number(scene.model.flux().linear_coefficient())
}

/// G as a readout: `G = 1.338 × 10⁷ J/(K·mol·m)`.
pub(super) fn g_reading(scene: &Scene<'_>) -> String {
    format!("G = {} {G_UNIT}", g_number(scene))
}
