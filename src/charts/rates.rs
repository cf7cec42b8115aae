//! The paper's §3.3: the exponential control coefficient is regulated by how fast heat comes in
//! and by the barrier. The diffusion length after heating from the program's start to its peak
//! and cooling back at one rate β, against β from a furnace to carbothermal shock, for the
//! species' Eₐ and for lower barriers (the route of plasma or other activation); the technique
//! presets marked at their heating rates.

use super::Scale;
use super::sweep::{Axis, Curve, Point, Sweep};
use crate::arrhenius::Arrhenius;
use crate::display::DisplayUnits;
use crate::homogenisation::heat_and_cool_length_m;
use crate::presets::TECHNIQUES;
use crate::program::Segment;
use crate::scenario::Model;
use crate::units::Quantity;

/// Heating rates shown [K/s].
pub(super) const RATES_K_PER_S: (f64, f64) = (1e-3, 1e6);

/// How much lower than the species' Eₐ the other curves' barriers are [J/mol].
const LOWERED_BY_J_PER_MOL: [f64; 3] = [0.0, 50e3, 100e3];

/// The sweep of `model`'s species between its program's start and peak.
pub(super) fn sweep<'a>(model: &'a Model, units: &DisplayUnits) -> Sweep<'a> {
    let diffusion = *model.flux().diffusion();
    let (d0, ea) = (
        diffusion.ln_d0().exp(),
        diffusion.activation_energy().j_per_mol(),
    );
    let program = model.program();
    let (from, peak) = (program.start_k(), program.peak_k());
    let curves = LOWERED_BY_J_PER_MOL
        .iter()
        .filter_map(|&lower| Some((Arrhenius::new("diffusion", d0, ea - lower).ok()?, lower)))
        .map(|(law, lower)| Curve {
            // Labels that stay as they are while Eₐ is dragged, so that the legend need not be
            // drawn again; the species' Eₐ is in the notes.
            label: if lower == 0.0 {
                "Eₐ".into()
            } else {
                format!("Eₐ − {}", units.show(Quantity::Energy, lower))
            },
            at: Box::new(move |rate: f64| Some(heat_and_cool_length_m(&law, from, peak, rate))),
        })
        .collect();
    let points = TECHNIQUES
        .iter()
        .filter(|t| t.confirmed)
        .filter_map(|t| match t.segments.first() {
            Some(Segment::Ramp { rate_k_per_s, .. }) => Some(Point {
                label: t.short.into(),
                at: (
                    *rate_k_per_s,
                    heat_and_cool_length_m(&diffusion, from, peak, *rate_k_per_s),
                ),
                curve: 0,
            }),
            _ => None,
        })
        .collect();
    Sweep {
        caption: format!(
            "Diffusion length after heating to {} and cooling back at one rate (§3.3)",
            units.show(Quantity::Temperature, peak)
        ),
        x: Axis {
            quantity: Some(Quantity::Rate),
            symbol: "β",
            scale: Scale::Log10,
        },
        x_range: RATES_K_PER_S,
        y: Axis {
            quantity: Some(Quantity::Length),
            symbol: "L",
            scale: Scale::Log10,
        },
        curves,
        points,
        measured: None,
        notes: vec![format!(
            "Eₐ of this species: {}.",
            units.show(Quantity::Energy, ea)
        )],
    }
}
