//! The time grid of a scenario's curves and the sampler that evaluates every curve on it.

use std::f64::consts::LOG10_E;

use super::{Curves, Model, TimeScale};
use crate::program::{Origin, Piece, Stretch, ThermalProgram};

/// Every ramp is drawn with at least this many points, however short it is.
const MIN_POINTS_PER_RAMP: usize = 16;

impl Model {
    /// Computes every curve into `curves` on the scenario's grid, reusing its buffers.
    pub fn sample_into(&self, curves: &mut Curves) {
        self.sample_columns_into(curves, self.points, None);
    }

    /// The same on a grid of at most `columns` points (at least two): a chart `columns` pixels
    /// wide can show no more, and the cost of a redraw then follows the screen, not the
    /// requested resolution. With a `window` (its start and end [s]) the grid spans that part
    /// of the program only, as a zoomed chart shows it, with exact samples at its edges.
    pub fn sample_columns_into(
        &self,
        curves: &mut Curves,
        columns: usize,
        window: Option<(f64, f64)>,
    ) {
        curves.clear();
        let diffusion = *self.flux.diffusion();
        let (integral, grain_integral) = self.integrals();
        let ea = diffusion.activation_energy();

        let end = self.program.duration_s();
        let grid = TimeGrid::new(
            self.points.min(columns).max(2),
            self.scale,
            self.decades,
            window.map_or((0.0, end), |(a, b)| (a.max(0.0), b.min(end))),
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

/// The base time grid of a scenario, or of the part of it a chart shows: nothing is sampled
/// outside `start..=end`.
struct TimeGrid {
    points: usize,
    scale: TimeScale,
    start: f64,
    end: f64,
}

impl TimeGrid {
    /// A grid over `from..=to` [s]; a logarithmic one starting at 0 starts `decades` below `to`.
    fn new(points: usize, scale: TimeScale, decades: f64, (from, to): (f64, f64)) -> Self {
        let (start, end) = match scale {
            TimeScale::Log if from <= 0.0 => (to * 10f64.powf(-decades), to),
            _ => (from, to),
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
            TimeScale::Linear => self.start + (self.end - self.start) * frac,
            TimeScale::Log => self.start * (self.end / self.start).powf(frac),
        }
    }

    /// The grid point of index `next`, or the grid's end past the grid.
    fn boundary(&self, next: usize) -> f64 {
        if next < self.points {
            self.at(next).min(self.end)
        } else {
            self.end
        }
    }

    /// Calls `emit(stretch, cache, t)` for every sample in time order: each stretch's start and
    /// end (so jumps and pulse edges are exact) and the grid points inside it; ramps get at least
    /// [`MIN_POINTS_PER_RAMP`]. `cache` is per-stretch scratch the caller may fill.
    ///
    /// Three or more pulses ending in the same interval between grid points are one column of the
    /// charts: they are sampled at the rising and falling edges of the second (the first may
    /// straddle the column's start) and at the last one's end. That keeps each column's
    /// temperature extremes and the accumulated values at its end, so the work is bounded by
    /// the grid, not by the number of pulses.
    fn for_each_sample<C: Copy>(
        &self,
        program: &ThermalProgram,
        mut emit: impl FnMut(&Stretch, &mut Option<C>, f64),
    ) {
        let mut next = 0;
        for (piece, p) in program.pieces().iter().enumerate() {
            let Piece::Pulses {
                t0,
                count,
                on_s,
                off_s,
                ..
            } = *p
            else {
                let s = program.stretch_of(Origin { piece, pulse: None });
                self.sample_stretch(&s, &mut next, &mut emit);
                continue;
            };
            let period = on_s + off_s;
            let pulse = |k: u32, on: bool| {
                program.stretch_of(Origin {
                    piece,
                    pulse: Some((k, on)),
                })
            };
            let mut k = 0;
            while k < count && pulse(k, true).t0 <= self.end {
                // The column that pulse k ends in: up to the first grid point at or after its end.
                let mut after = next;
                while after < self.points && self.at(after) < pulse(k, false).t1 {
                    after += 1;
                }
                let column_end = self.boundary(after);
                let whole = ((column_end - t0) / period).floor() - 1.0;
                let mut last = whole.clamp(0.0, f64::from(count - 1)) as u32;
                while last > k && pulse(last, false).t1 > column_end {
                    last -= 1;
                }
                if last >= k + 2 {
                    next = after;
                    let end = pulse(last, false);
                    // A run that ends after the grid's start lies wholly after it: its first
                    // pulse ends at or after the grid point before its column.
                    if end.t1 > self.start {
                        let (rise, fall) = (pulse(k + 1, true), pulse(k + 1, false));
                        emit(&rise, &mut None, rise.t0);
                        emit(&fall, &mut None, fall.t0);
                        emit(&end, &mut None, end.t1);
                    }
                    k = last + 1;
                } else {
                    for on in [true, false] {
                        self.sample_stretch(&pulse(k, on), &mut next, &mut emit);
                    }
                    k += 1;
                }
            }
        }
    }

    /// Samples the part of one stretch on the grid: its start, the grid points inside it (from
    /// index `next` on, which it advances) and its end.
    fn sample_stretch<C: Copy>(
        &self,
        s: &Stretch,
        next: &mut usize,
        emit: &mut impl FnMut(&Stretch, &mut Option<C>, f64),
    ) {
        if s.t1 < self.start || s.t0 > self.end {
            return;
        }
        let mut cache = None;
        let (from, to) = (s.t0.max(self.start), s.t1.min(self.end));
        emit(s, &mut cache, from);
        let first = *next;
        while *next < self.points && self.at(*next) < to {
            *next += 1;
        }
        let inside = (first..*next).map(|i| self.at(i)).filter(|&t| t > from);
        if s.temp0_k != s.temp1_k && inside.clone().count() < MIN_POINTS_PER_RAMP {
            let step = (to - from) / MIN_POINTS_PER_RAMP as f64;
            for k in 1..MIN_POINTS_PER_RAMP {
                emit(s, &mut cache, from + step * k as f64);
            }
        } else {
            for t in inside {
                emit(s, &mut cache, t);
            }
        }
        emit(s, &mut cache, to);
    }
}
