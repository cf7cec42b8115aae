//! Grain size d(t) of eq. (12) under the program, with the reader's measured sizes.

use super::theme::{Theme, trace_color};
use super::{Mark, Scale, Scene, TimeFrame};
use crate::display::DisplayUnits;
use crate::scenario::{Column, GRAIN_SIZE};
use crate::units::Quantity;

/// The curve it draws against time, and its axis's scale.
pub(super) const CURVE: (&Column, Scale) = (GRAIN_SIZE, Scale::Linear);

/// Its caption.
pub(super) const CAPTION: &str = "Grain size d(t) = (d₀ⁿ + k₀·I_g)^(1/n), eq. (12)";

/// The curves of its readout and data table.
pub(super) const SHOWN: &[&Column] = &[GRAIN_SIZE];

/// The reader's measured sizes, each at its time in its scenario's program (its end, as the
/// program now is, when no time was given) and in its colour.
pub(super) fn measured_marks(
    scenes: &[Scene<'_>],
    time: TimeFrame,
    units: &DisplayUnits,
    theme: &Theme,
) -> Vec<Mark> {
    let length = units.unit(Quantity::Length, f64::NAN);
    scenes
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let duration = s.model.program().duration_s();
            s.measured.sizes.iter().map(move |&(t, d)| Mark {
                label: String::new(),
                at: (
                    time.coordinate(t.unwrap_or(duration), duration),
                    length.from_si(d),
                ),
                color: trace_color(theme, i),
            })
        })
        .collect()
}
