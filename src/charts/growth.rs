//! The paper's §3.4: grain growth. The grain size after an isothermal hold against the hold's
//! temperature, for two holds, under the scenario's law and under the law of the other growth
//! exponent (n = 2 for normal growth, 3 for drag-limited growth) calibrated to give the same
//! size after an hour at the program's peak, so that the two differ only in how they depend on
//! temperature and time.

use super::Scale;
use super::sweep::{Axis, Curve, Point, Sweep};
use crate::display::{DisplayUnits, number};
use crate::grain::GrainGrowth;
use crate::scenario::Model;
use crate::units::Quantity;

/// Holds of the curves [s].
const HOLDS_S: [f64; 2] = [3600.0, 36_000.0];

/// Hold at the peak after which both laws give the same size [s].
const CALIBRATION_S: f64 = 3600.0;

/// The sweep of `model`'s grain-growth law (none when grain growth is off).
pub(super) fn sweep<'a>(model: &'a Model, units: &DisplayUnits) -> Sweep<'a> {
    let peak = model.program().peak_k();
    let laws: Vec<GrainGrowth> = model
        .grain()
        .into_iter()
        .copied()
        .chain(model.grain().and_then(|g| {
            let other = if g.exponent() == 2.0 { 3.0 } else { 2.0 };
            g.matched(other, peak, CALIBRATION_S)
        }))
        .collect();
    let curves = laws
        .iter()
        .flat_map(|&law| {
            HOLDS_S.map(move |hold| Curve {
                label: format!(
                    "n = {}, {}",
                    number(law.exponent()),
                    units.show(Quantity::Time, hold)
                ),
                at: Box::new(move |temp: f64| Some(law.size_after_hold_m(temp, hold))),
            })
        })
        .collect();
    let points = laws
        .first()
        .map(|law| Point {
            label: "both laws".into(),
            at: (peak, law.size_after_hold_m(peak, CALIBRATION_S)),
            curve: 0,
        })
        .into_iter()
        .collect();
    let caption = if laws.is_empty() {
        "Grain growth is off: switch it on under “Grain growth” to see this chart (§3.4)".into()
    } else {
        format!(
            "Grain size after a hold at T, for n = 2 and 3 (equal after {} at {}; §3.4)",
            units.show(Quantity::Time, CALIBRATION_S),
            units.show(Quantity::Temperature, peak)
        )
    };
    Sweep {
        caption,
        x: Axis {
            quantity: Some(Quantity::Temperature),
            symbol: "T",
            scale: Scale::Linear,
        },
        x_range: (0.5 * peak, (1.25 * peak).min(4000.0)),
        y: Axis {
            quantity: Some(Quantity::Length),
            symbol: "d",
            scale: Scale::Log10,
        },
        curves,
        points,
        measured: None,
        notes: Vec::new(),
    }
}
