//! The paper's §3.2: better precursor mixing lowers the synthesis temperature. The temperature
//! at which a hold homogenises a modulation of wavelength λ (the mixing length) down to the
//! target residual, against λ, one curve per hold time; the paper's three routes marked.

use super::Scale;
use super::sweep::{Axis, Curve, Point, Sweep};
use crate::display::DisplayUnits;
use crate::error::Field;
use crate::homogenisation::Modulation;
use crate::presets::ROUTES;
use crate::scenario::Model;
use crate::units::Quantity;

/// Mixing lengths shown [m]: atomic mixing to coarse solid-state powders.
pub(super) const LENGTHS_M: (f64, f64) = (1e-9, 1e-5);

/// The sweep of `model`'s species and target residual.
pub(super) fn sweep<'a>(model: &'a Model, units: &DisplayUnits) -> Sweep<'a> {
    let diffusion = model.flux().diffusion();
    let (_, residual) = model.homogenisation();
    let curves = ROUTES
        .iter()
        .map(|route| {
            let hold = route.time_s;
            Curve {
                label: format!("in {}", units.show(Quantity::Time, hold)),
                at: Box::new(move |lambda: f64| {
                    Modulation::new(Field::new("lengthM"), lambda)
                        .ok()?
                        .temperature_k(diffusion, residual, hold)
                }),
            }
        })
        .collect();
    let points = ROUTES
        .iter()
        .enumerate()
        .map(|(i, r)| Point {
            label: r.name.into(),
            at: (r.mixing_length_m, r.temperature_k),
            curve: i,
        })
        .collect();
    let ea = diffusion.activation_energy().j_per_mol();
    let notes = ROUTES
        .iter()
        .map(|r| {
            let barrier = Modulation::new(Field::new("lengthM"), r.mixing_length_m)
                .ok()
                .and_then(|m| {
                    m.activation_energy_for(diffusion, residual, r.temperature_k, r.time_s)
                })
                .map_or_else(
                    || "no Eₐ".into(),
                    |e| format!("Eₐ up to {}", units.show(Quantity::Energy, e)),
                );
            format!(
                "{} works at {} in {} for {barrier} (this species: {}).",
                r.name,
                units.show(Quantity::Temperature, r.temperature_k),
                units.show(Quantity::Time, r.time_s),
                units.show(Quantity::Energy, ea)
            )
        })
        .collect();
    Sweep {
        caption: format!(
            "Temperature that homogenises (residual {}) against the mixing length λ; the paper's routes as points (§3.2)",
            crate::display::number(residual.ln().exp())
        ),
        x: Axis {
            quantity: Some(Quantity::Length),
            symbol: "λ",
            scale: Scale::Log10,
        },
        x_range: LENGTHS_M,
        y: Axis {
            quantity: Some(Quantity::Temperature),
            symbol: "T",
            scale: Scale::Linear,
        },
        curves,
        points,
        measured: model.valid_range_k(),
        notes,
    }
}
