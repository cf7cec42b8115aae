//! The time grid of a scenario's curves and the sampler that evaluates every curve on it.

use std::f64::consts::LOG10_E;

use super::{Curves, Model, TimeScale};
use crate::program::{Stretch, ThermalProgram};

/// Every ramp is drawn with at least this many points, however short it is.
const MIN_POINTS_PER_RAMP: usize = 16;

impl Model {
    /// Computes every curve into `curves`, reusing its buffers.
    pub fn sample_into(&self, curves: &mut Curves) {
        curves.clear();
        let diffusion = *self.flux.diffusion();
        let (integral, grain_integral) = self.integrals();
        let ea = diffusion.activation_energy();

        let grid = TimeGrid::new(
            self.points,
            self.scale,
            self.decades,
            self.program.duration_s(),
        );
        let decay_rate = self.modulation.decay_rate(&diffusion);
        let mut last = (f64::NAN, f64::NAN);
        grid.for_each_sample(&self.program, |stretch, along_cache, t| {
            let temp = stretch.temperature_at(t);
            if last == (t, temp) {
                return;
            }
            last = (t, temp);
            let (along, grain_along) = *along_cache.get_or_insert_with(|| {
                (
                    integral.along(stretch),
                    grain_integral.as_ref().map(|g| g.along(stretch)),
                )
            });
            // On holds (most samples of a pulse train) I is linear in t: no exp/ln round trips.
            let linear = along.linear_at(t).filter(|&i| i > 0.0);
            let ln_i = linear.map_or_else(|| along.ln_at(t), f64::ln);
            curves.time_s.push(t);
            curves.temperature_k.push(temp);
            curves
                .log10_exp_coefficient
                .push(LOG10_E * ea.ln_boltzmann(temp));
            curves.log10_flux.push(LOG10_E * self.flux.ln_flux(temp));
            curves
                .log10_amount
                .push(LOG10_E * self.flux.ln_amount(ln_i));
            curves
                .log10_diffusion_length_m
                .push(LOG10_E * self.flux.ln_diffusion_length(ln_i));
            curves.log10_residual.push(
                LOG10_E
                    * match linear {
                        Some(i) => -decay_rate * i,
                        None => self.modulation.ln_residual(&diffusion, ln_i),
                    },
            );
            if let (Some(g), Some(ga)) = (self.grain, grain_along) {
                let d = ga.linear_at(t).and_then(|i| g.grain_size_of(i));
                curves
                    .grain_size_m
                    .push(d.unwrap_or_else(|| g.grain_size_m(ga.ln_at(t))));
            }
        });
    }
}

/// The base time grid of a scenario.
struct TimeGrid {
    points: usize,
    scale: TimeScale,
    start: f64,
    end: f64,
}

impl TimeGrid {
    fn new(points: usize, scale: TimeScale, decades: f64, end: f64) -> Self {
        let start = match scale {
            TimeScale::Linear => 0.0,
            TimeScale::Log => end * 10f64.powf(-decades),
        };
        TimeGrid {
            points,
            scale,
            start,
            end,
        }
    }

    fn at(&self, i: usize) -> f64 {
        let frac = i as f64 / (self.points - 1) as f64;
        match self.scale {
            TimeScale::Linear => self.end * frac,
            TimeScale::Log => self.start * (self.end / self.start).powf(frac),
        }
    }

    /// Calls `emit(stretch, cache, t)` for every sample in time order: each stretch's start and
    /// end (so jumps and pulse edges are exact) and the grid points inside it; ramps get at least
    /// [`MIN_POINTS_PER_RAMP`]. `cache` is per-stretch scratch the caller may fill.
    fn for_each_sample<C: Copy>(
        &self,
        program: &ThermalProgram,
        mut emit: impl FnMut(&Stretch, &mut Option<C>, f64),
    ) {
        let mut next = 0;
        for s in program.stretches() {
            if s.t1 < self.start {
                continue;
            }
            let mut cache = None;
            let from = s.t0.max(self.start);
            emit(&s, &mut cache, from);
            let first = next;
            while next < self.points && self.at(next) < s.t1 {
                next += 1;
            }
            let inside = (first..next).map(|i| self.at(i)).filter(|&t| t > from);
            if s.temp0_k != s.temp1_k && inside.clone().count() < MIN_POINTS_PER_RAMP {
                let step = (s.t1 - from) / MIN_POINTS_PER_RAMP as f64;
                for k in 1..MIN_POINTS_PER_RAMP {
                    emit(&s, &mut cache, from + step * k as f64);
                }
            } else {
                for t in inside {
                    emit(&s, &mut cache, t);
                }
            }
            emit(&s, &mut cache, s.t1);
        }
    }
}
