//! Thermal programs: a start temperature and a list of ramps, holds and pulse trains.
//!
//! The paper writes T = K_T·t (eq. 11), a single ramp from 0 K. Real syntheses start at room
//! temperature and combine ramps, holds and pulses (carbothermal shock, programmable Joule
//! heating), so the core takes a whole program; [`ThermalProgram::pure_ramp`] is the paper's case.
//! Every temperature is absolute [K]; a ramp adds a signed temperature difference over time.

use serde::{Deserialize, Serialize};

use crate::display::number;
use crate::error::{Field, InputError, check, limits};
use crate::input::SegmentFields;

/// Room temperature, the default start of a program [K].
pub const ROOM_TEMPERATURE_K: f64 = 298.15;

const SEGMENTS: &str = "program.segments";

/// One step of a thermal program, as the user writes it: `{ kind: "ramp", rateKPerS, targetK }`,
/// `{ kind: "hold", durationS }` or `{ kind: "pulses", count, onS, offS, peakK, baseK }` (read and
/// written through [`SegmentFields`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SegmentFields", into = "SegmentFields")]
pub enum Segment {
    /// Linear heating or cooling at |rate| to `target_k`; the direction follows from the target.
    Ramp {
        /// Magnitude of dT/dt [K/s].
        rate_k_per_s: f64,
        /// Temperature at the end of the ramp [K].
        target_k: f64,
    },
    /// Isothermal hold at the current temperature.
    Hold {
        /// Duration [s].
        duration_s: f64,
    },
    /// `count` square pulses: a jump to `peak_k` for `on_s`, then `base_k` for `off_s`.
    /// The program continues from `base_k`.
    Pulses {
        /// Number of pulses.
        count: f64,
        /// Time at the peak temperature per pulse [s].
        on_s: f64,
        /// Time at the base temperature after each pulse [s].
        off_s: f64,
        /// Pulse peak temperature [K].
        peak_k: f64,
        /// Temperature between pulses [K].
        base_k: f64,
    },
}

impl Segment {
    /// The same segment with every temperature `dt_k` higher (its times are unchanged).
    pub fn shifted(mut self, dt_k: f64) -> Segment {
        match &mut self {
            Segment::Ramp { target_k, .. } => *target_k += dt_k,
            Segment::Hold { .. } => {}
            Segment::Pulses { peak_k, base_k, .. } => {
                *peak_k += dt_k;
                *base_k += dt_k;
            }
        }
        self
    }
}

/// A validated segment placed on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Piece {
    /// Temperature linear in time from `temp0_k` at `t0` to `temp1_k` at `t1` (a hold if equal).
    Linear {
        t0: f64,
        t1: f64,
        temp0_k: f64,
        temp1_k: f64,
    },
    /// A train of square pulses starting at `t0`.
    Pulses {
        t0: f64,
        count: u32,
        on_s: f64,
        off_s: f64,
        peak_k: f64,
        base_k: f64,
    },
}

impl Piece {
    fn start_s(&self) -> f64 {
        match *self {
            Piece::Linear { t0, .. } | Piece::Pulses { t0, .. } => t0,
        }
    }
}

/// A stretch of a program over which T is linear in time: a ramp, a hold, or one on or off
/// phase of one pulse. Everything accumulated over a program is a sum over stretches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stretch {
    /// Start time [s].
    pub t0: f64,
    /// End time [s].
    pub t1: f64,
    /// Temperature at `t0` [K] (the value just after any jump at `t0`).
    pub temp0_k: f64,
    /// Temperature at `t1` [K] (the value just before any jump at `t1`).
    pub temp1_k: f64,
    /// Which piece, and for pulses which pulse and phase, the stretch belongs to.
    pub(crate) origin: Origin,
}

impl Stretch {
    /// Temperature at time `t` inside the stretch [K].
    pub fn temperature_at(&self, t: f64) -> f64 {
        if self.temp0_k == self.temp1_k {
            return self.temp0_k;
        }
        if t >= self.t1 {
            return self.temp1_k;
        }
        let frac = ((t - self.t0) / (self.t1 - self.t0)).max(0.0);
        self.temp0_k + (self.temp1_k - self.temp0_k) * frac
    }
}

/// Position of a stretch inside the program's pieces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Origin {
    pub piece: usize,
    /// For pulse trains: the pulse index and whether this is its on phase.
    pub pulse: Option<(u32, bool)>,
}

/// A validated thermal program.
#[derive(Debug, Clone, PartialEq)]
pub struct ThermalProgram {
    start_k: f64,
    pieces: Vec<Piece>,
    end_s: f64,
    peak_k: f64,
    coldest_k: f64,
    end_k: f64,
}

impl ThermalProgram {
    /// Builds and validates a program: every temperature in [1 K, 10⁴ K] (the start may be
    /// exactly 0 K, as in the paper, if the first segment is a ramp), no zero-length segment.
    pub fn new(start_k: f64, segments: &[Segment]) -> Result<Self, InputError> {
        let start_field = Field::of("program", "startK");
        if start_k != 0.0 {
            check(start_field, start_k, limits::TEMPERATURE)?;
        }
        if segments.is_empty() {
            return Err(InputError::invalid(
                Field::of("program", "segments"),
                "a program needs at least one segment (ramp, hold or pulses)",
            ));
        }
        check(
            Field::of("program", "segments"),
            segments.len() as f64,
            limits::SEGMENT_COUNT,
        )?;
        if start_k == 0.0 && !matches!(segments[0], Segment::Ramp { .. }) {
            return Err(InputError::invalid(
                start_field,
                "a program may start at 0 K only with a ramp; holds and pulses need T ≥ 1 K",
            ));
        }
        let mut pieces = Vec::with_capacity(segments.len());
        let (mut t, mut temp, mut peak, mut coldest) = (0.0_f64, start_k, start_k, start_k);
        let mut pulses = 0.0;
        for (i, segment) in segments.iter().enumerate() {
            let piece = match *segment {
                Segment::Ramp {
                    rate_k_per_s,
                    target_k,
                } => {
                    let rate = check(
                        Field::item(SEGMENTS, i, "rateKPerS"),
                        rate_k_per_s,
                        limits::RATE,
                    )?;
                    let target = check(
                        Field::item(SEGMENTS, i, "targetK"),
                        target_k,
                        limits::TEMPERATURE,
                    )?;
                    if target == temp {
                        return Err(InputError::invalid(
                            Field::item(SEGMENTS, i, "targetK"),
                            format!(
                                "a ramp must change the temperature; it already is {} K",
                                number(temp)
                            ),
                        ));
                    }
                    let duration = (target - temp).abs() / rate;
                    Piece::Linear {
                        t0: t,
                        t1: t + duration,
                        temp0_k: temp,
                        temp1_k: target,
                    }
                }
                Segment::Hold { duration_s } => {
                    let d = check(
                        Field::item(SEGMENTS, i, "durationS"),
                        duration_s,
                        limits::DURATION,
                    )?;
                    Piece::Linear {
                        t0: t,
                        t1: t + d,
                        temp0_k: temp,
                        temp1_k: temp,
                    }
                }
                Segment::Pulses {
                    count,
                    on_s,
                    off_s,
                    peak_k,
                    base_k,
                } => {
                    let count = check(
                        Field::item(SEGMENTS, i, "count"),
                        count,
                        limits::PULSE_COUNT,
                    )?;
                    if count.fract() != 0.0 {
                        return Err(InputError::invalid(
                            Field::item(SEGMENTS, i, "count"),
                            format!("the number of pulses must be a whole number; got {count}"),
                        ));
                    }
                    pulses += count;
                    if pulses > limits::TOTAL_PULSES {
                        return Err(InputError::invalid(
                            Field::item(SEGMENTS, i, "count"),
                            format!(
                                "a program may hold at most {} pulses in all",
                                limits::TOTAL_PULSES
                            ),
                        ));
                    }
                    Piece::Pulses {
                        t0: t,
                        count: count as u32,
                        on_s: check(Field::item(SEGMENTS, i, "onS"), on_s, limits::DURATION)?,
                        off_s: check(Field::item(SEGMENTS, i, "offS"), off_s, limits::DURATION)?,
                        peak_k: check(
                            Field::item(SEGMENTS, i, "peakK"),
                            peak_k,
                            limits::TEMPERATURE,
                        )?,
                        base_k: check(
                            Field::item(SEGMENTS, i, "baseK"),
                            base_k,
                            limits::TEMPERATURE,
                        )?,
                    }
                }
            };
            (t, temp) = match piece {
                Piece::Linear { t1, temp1_k, .. } => (t1, temp1_k),
                Piece::Pulses {
                    t0,
                    count,
                    on_s,
                    off_s,
                    base_k,
                    ..
                } => (t0 + f64::from(count) * (on_s + off_s), base_k),
            };
            peak = peak.max(temp).max(match piece {
                Piece::Pulses { peak_k, .. } => peak_k,
                Piece::Linear { .. } => temp,
            });
            // Every piece ends at its lowest temperature or starts where the one before ended.
            coldest = coldest.min(temp);
            pieces.push(piece);
        }
        Ok(ThermalProgram {
            start_k,
            pieces,
            end_s: t,
            peak_k: peak,
            coldest_k: coldest,
            end_k: temp,
        })
    }

    /// The paper's program T = K_T·t: a single ramp from 0 K at `rate_k_per_s` up to `peak_k`.
    pub fn pure_ramp(rate_k_per_s: f64, peak_k: f64) -> Result<Self, InputError> {
        Self::new(
            0.0,
            &[Segment::Ramp {
                rate_k_per_s,
                target_k: peak_k,
            }],
        )
    }

    /// Start temperature [K].
    pub fn start_k(&self) -> f64 {
        self.start_k
    }

    /// Total duration [s].
    pub fn duration_s(&self) -> f64 {
        self.end_s
    }

    /// Highest temperature reached [K].
    pub fn peak_k(&self) -> f64 {
        self.peak_k
    }

    /// Lowest temperature reached [K].
    pub fn coldest_k(&self) -> f64 {
        self.coldest_k
    }

    /// Temperature at the end of the program [K].
    pub fn end_k(&self) -> f64 {
        self.end_k
    }

    pub(crate) fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The stretch that contains time `t` (right-continuous: at a jump, the stretch after it).
    /// Times before 0 or after the end are clamped to the program.
    pub fn stretch_at(&self, t: f64) -> Stretch {
        let t = t.clamp(0.0, self.end_s);
        let idx = self
            .pieces
            .partition_point(|p| p.start_s() <= t)
            .saturating_sub(1);
        let pulse = match self.pieces[idx] {
            Piece::Linear { .. } => None,
            Piece::Pulses {
                t0,
                count,
                on_s,
                off_s,
                ..
            } => {
                let period = on_s + off_s;
                let k = (((t - t0) / period).floor().max(0.0) as u32).min(count - 1);
                Some((k, t - (t0 + f64::from(k) * period) < on_s))
            }
        };
        self.stretch_of(Origin { piece: idx, pulse })
    }

    /// Temperature at time `t` [K] (right-continuous at jumps; clamped outside the program).
    pub fn temperature_at(&self, t: f64) -> f64 {
        self.stretch_at(t).temperature_at(t)
    }

    /// All stretches in time order.
    pub fn stretches(&self) -> impl Iterator<Item = Stretch> + '_ {
        self.pieces.iter().enumerate().flat_map(move |(piece, p)| {
            let (linear, pulses) = match *p {
                Piece::Linear { .. } => (Some(None), 0),
                Piece::Pulses { count, .. } => (None, count),
            };
            linear
                .into_iter()
                .chain((0..pulses).flat_map(|k| [Some((k, true)), Some((k, false))]))
                .map(move |pulse| self.stretch_of(Origin { piece, pulse }))
        })
    }

    /// The first time the program is at its peak temperature [s] (where |J| peaks): 0 when
    /// the peak is the start temperature, which a program opening with pulses leaves at once.
    pub fn peak_at_s(&self) -> f64 {
        self.stretches()
            .find_map(|s| {
                if s.temp0_k == self.peak_k {
                    Some(s.t0)
                } else {
                    (s.temp1_k == self.peak_k).then_some(s.t1)
                }
            })
            .unwrap_or(0.0)
    }

    /// The stretch at `origin`: a whole ramp or hold, or one phase of one pulse.
    pub(crate) fn stretch_of(&self, origin: Origin) -> Stretch {
        let (t0, t1, temp0_k, temp1_k) = match (self.pieces[origin.piece], origin.pulse) {
            (
                Piece::Linear {
                    t0,
                    t1,
                    temp0_k,
                    temp1_k,
                },
                _,
            ) => (t0, t1, temp0_k, temp1_k),
            (
                Piece::Pulses {
                    t0,
                    on_s,
                    off_s,
                    peak_k,
                    base_k,
                    ..
                },
                pulse,
            ) => {
                let (k, on) = pulse.expect("a stretch of a pulse train names its pulse");
                // Both ends from the pulse index, so that consecutive stretches share their
                // boundary exactly.
                let period = on_s + off_s;
                let start = t0 + f64::from(k) * period;
                if on {
                    (start, start + on_s, peak_k, peak_k)
                } else {
                    let end = t0 + f64::from(k + 1) * period;
                    (start + on_s, end, base_k, base_k)
                }
            }
        };
        Stretch {
            t0,
            t1,
            temp0_k,
            temp1_k,
            origin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furnace() -> ThermalProgram {
        ThermalProgram::new(
            ROOM_TEMPERATURE_K,
            &[
                Segment::Ramp {
                    rate_k_per_s: 10.0 / 60.0,
                    target_k: 1473.15,
                },
                Segment::Hold { duration_s: 7200.0 },
                Segment::Ramp {
                    rate_k_per_s: 5.0 / 60.0,
                    target_k: 373.15,
                },
            ],
        )
        .unwrap()
    }

    #[test]
    fn ramp_hold_cool_timeline() {
        let p = furnace();
        let heat = (1473.15 - 298.15) / (10.0 / 60.0);
        let cool = (1473.15 - 373.15) / (5.0 / 60.0);
        assert!((p.duration_s() - (heat + 7200.0 + cool)).abs() < 1e-9);
        assert_eq!(p.peak_k(), 1473.15);
        assert_eq!(p.end_k(), 373.15);
        assert_eq!(p.temperature_at(0.0), 298.15);
        assert!((p.temperature_at(heat / 2.0) - (298.15 + 1473.15) / 2.0).abs() < 1e-9);
        assert_eq!(p.temperature_at(heat + 100.0), 1473.15);
        assert!((p.temperature_at(heat + 7200.0 + cool / 2.0) - 923.15).abs() < 1e-9);
        assert_eq!(p.temperature_at(1e12), 373.15);
    }

    #[test]
    fn absurdly_long_programs_are_refused_with_their_field() {
        let hold = Segment::Hold { duration_s: 1.0 };
        assert!(ThermalProgram::new(300.0, &vec![hold; 1_000]).is_ok());
        let e = ThermalProgram::new(300.0, &vec![hold; 1_001]).unwrap_err();
        assert_eq!(e.field(), "program.segments");
        let train = Segment::Pulses {
            count: 10_000.0,
            on_s: 0.01,
            off_s: 0.01,
            peak_k: 2000.0,
            base_k: 300.0,
        };
        assert!(ThermalProgram::new(300.0, &vec![train; 10]).is_ok());
        let e = ThermalProgram::new(300.0, &vec![train; 11]).unwrap_err();
        assert_eq!(e.field(), "program.segments[10].count");
        assert!(e.to_string().contains("100000 pulses"), "{e}");
    }

    #[test]
    fn pulse_train_is_right_continuous_square_wave() {
        let p = ThermalProgram::new(
            300.0,
            &[Segment::Pulses {
                count: 3.0,
                on_s: 0.02,
                off_s: 1.08,
                peak_k: 2400.0,
                base_k: 300.0,
            }],
        )
        .unwrap();
        assert!((p.duration_s() - 3.3).abs() < 1e-12);
        assert_eq!(p.peak_k(), 2400.0);
        assert_eq!(p.temperature_at(0.0), 2400.0);
        assert_eq!(p.temperature_at(0.019), 2400.0);
        assert_eq!(p.temperature_at(0.021), 300.0);
        assert_eq!(p.temperature_at(1.1), 2400.0);
        assert_eq!(p.temperature_at(2.21), 2400.0);
        assert_eq!(p.stretches().count(), 6);
        let s: Vec<_> = p.stretches().collect();
        assert!(
            s.windows(2).all(|w| w[0].t1 == w[1].t0),
            "stretches tile the time axis"
        );
    }

    #[test]
    fn paper_ramp_starts_at_zero_kelvin() {
        let p = ThermalProgram::pure_ramp(100.0, 2000.0).unwrap();
        assert_eq!(p.duration_s(), 20.0);
        assert_eq!(p.temperature_at(5.0), 500.0);
    }

    #[test]
    fn rejects_bad_programs_with_field_names() {
        let err = |start: f64, segs: &[Segment]| ThermalProgram::new(start, segs).unwrap_err();
        assert_eq!(err(300.0, &[]).field(), "program.segments");
        assert_eq!(
            err(-1.0, &[Segment::Hold { duration_s: 1.0 }]).field(),
            "program.startK"
        );
        assert_eq!(
            err(0.0, &[Segment::Hold { duration_s: 1.0 }]).field(),
            "program.startK"
        );
        assert_eq!(
            err(
                300.0,
                &[Segment::Ramp {
                    rate_k_per_s: 1.0,
                    target_k: 300.0
                }]
            )
            .field(),
            "program.segments[0].targetK"
        );
        assert_eq!(
            err(
                300.0,
                &[
                    Segment::Hold { duration_s: 1.0 },
                    Segment::Hold { duration_s: 0.0 }
                ]
            )
            .field(),
            "program.segments[1].durationS"
        );
        assert_eq!(
            err(
                300.0,
                &[Segment::Ramp {
                    rate_k_per_s: f64::NAN,
                    target_k: 900.0
                }]
            )
            .field(),
            "program.segments[0].rateKPerS"
        );
        let pulses = |count| Segment::Pulses {
            count,
            on_s: 1.0,
            off_s: 1.0,
            peak_k: 900.0,
            base_k: 300.0,
        };
        assert_eq!(
            err(300.0, &[pulses(2.5)]).field(),
            "program.segments[0].count"
        );
        assert_eq!(
            err(300.0, &[pulses(0.0)]).field(),
            "program.segments[0].count"
        );
        assert_eq!(
            err(300.0, &[pulses(1e9)]).field(),
            "program.segments[0].count"
        );
    }
}
