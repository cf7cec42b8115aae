//! |J(t)| of eq. (11). Its two control coefficients have units of their own, so they are not
//! drawn on its axis: G, a constant of the scenario, is stated in the caption (or, when
//! comparing, in the readout), and E(t) = exp(−Ea/RT) is |J| divided by that constant, read out
//! beside |J| at every point.

use super::{Scale, Scene};
use crate::display::number;
use crate::scenario::{Column, EXP_COEFFICIENT, FLUX};

/// The curve it draws against time, and its axis's scale.
pub(super) const CURVE: (&Column, Scale) = (FLUX, Scale::Log10);

/// Its caption, with G when it shows one scenario.
pub(super) fn caption(scenes: &[Scene<'_>]) -> String {
    let g = match scenes {
        [only] => g_reading(only),
        _ => "G of each in its readout".into(),
    };
    format!("|J(t)| = (D₀C/R)·G·exp(−Ea/RT), eq. (11); {g}")
}

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[FLUX, EXP_COEFFICIENT];

/// The unit of G, the linear control coefficient.
const G_UNIT: &str = "J/(K·mol·m)";

/// The data table's header of G, a constant of the scenario.
pub(super) fn g_header() -> String {
    format!("G [{G_UNIT}]")
}

/// G as a table's cell.
pub(super) fn g_number(scene: &Scene<'_>) -> String {
    number(scene.model.flux().linear_coefficient())
}

/// G as a readout: `G = 1.338 × 10⁷ J/(K·mol·m)`.
pub(super) fn g_reading(scene: &Scene<'_>) -> String {
    format!("G = {} {G_UNIT}", g_number(scene))
}
