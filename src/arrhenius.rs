//! Arrhenius diffusivity and the Arrhenius (thermal) integral over a program.
//!
//! Everything the theory accumulates over time — transported amount, diffusion length, grain
//! growth, homogenisation — depends on the program only through
//! I(t) = ∫₀ᵗ exp(−Ea / (R·T(s))) ds, which is evaluated exactly on every stretch and kept as ln I
//! so that nothing underflows, however large Ea/RT is.

use crate::error::{Field, InputError, check, limits};
use crate::expint::{ln_add_exp, ln_e2};
use crate::program::{Piece, Stretch, ThermalProgram};
use crate::units::R_J_PER_MOL_K;

/// Below this gap δ = ln F(T_hi) − ln F(T_lo) the closed form of a ramp integral cancels, so a
/// 16-point Gauss–Legendre rule (exact to < 1e-16 there, the integrand varying by < 11 %) is used.
const RAMP_CANCELLATION_GAP: f64 = 0.1;

/// An activation energy Ea [J/mol], validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActivationEnergy {
    j_per_mol: f64,
}

impl ActivationEnergy {
    /// Validates Ea ∈ [1 J/mol, 2000 kJ/mol].
    pub fn new(field: Field<'_>, ea_j_per_mol: f64) -> Result<Self, InputError> {
        Ok(ActivationEnergy {
            j_per_mol: check(field, ea_j_per_mol, limits::ACTIVATION_ENERGY)?,
        })
    }

    /// Ea [J/mol].
    pub fn j_per_mol(self) -> f64 {
        self.j_per_mol
    }

    /// The Arrhenius temperature a = Ea/R [K].
    pub fn temperature_k(self) -> f64 {
        self.j_per_mol / R_J_PER_MOL_K
    }

    /// ln of the exponential control coefficient, −Ea/(R·T) (paper, eq. 11); −∞ at T = 0 K.
    ///
    /// # Formula
    /// ln E(T) = −Ea / (R T), with Ea [J/mol], R [J/(mol·K)], T [K]; dimensionless.
    pub fn ln_boltzmann(self, temperature_k: f64) -> f64 {
        -self.temperature_k() / temperature_k
    }
}

/// Arrhenius diffusivity D(T) = D0·exp(−Ea/(R·T)) (paper, text before eq. 11).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrhenius {
    ln_d0: f64,
    ea: ActivationEnergy,
}

impl Arrhenius {
    /// Validates D0 ∈ [1e-30, 1e3] m²/s and Ea; `parent` names the object in messages.
    pub fn new(parent: &str, d0_m2_per_s: f64, ea_j_per_mol: f64) -> Result<Self, InputError> {
        let d0 = check(
            Field::of(parent, "d0M2PerS"),
            d0_m2_per_s,
            limits::DIFFUSIVITY,
        )?;
        let ea = ActivationEnergy::new(Field::of(parent, "eaJPerMol"), ea_j_per_mol)?;
        Ok(Arrhenius { ln_d0: d0.ln(), ea })
    }

    /// The activation energy.
    pub fn activation_energy(&self) -> ActivationEnergy {
        self.ea
    }

    /// ln D0 with D0 in m²/s.
    pub fn ln_d0(&self) -> f64 {
        self.ln_d0
    }

    /// ln D(T) with D in m²/s.
    ///
    /// # Formula
    /// D = D0 exp(−Ea / (R T)) [m²/s].
    pub fn ln_diffusivity(&self, temperature_k: f64) -> f64 {
        self.ln_d0 + self.ea.ln_boltzmann(temperature_k)
    }
}

/// The thermal integral I(t) = ∫₀ᵗ exp(−a/T(s)) ds [s] of one program for one activation
/// energy, with ln I precomputed at the start of every piece and per pulse.
#[derive(Debug, Clone)]
pub struct ThermalIntegral<'p> {
    program: &'p ThermalProgram,
    a_k: f64,
    /// ln I at the start of each piece.
    ln_at_piece: Vec<f64>,
    /// Per piece: (ln of one pulse's on-phase integral, ln of one whole period's integral).
    ln_pulse: Vec<(f64, f64)>,
    /// The same in linear space, with exp(−a/T) at the peak and the base, for the fast path.
    linear_at_piece: Vec<f64>,
    linear_pulse: Vec<[f64; 4]>,
    ln_total: f64,
}

impl<'p> ThermalIntegral<'p> {
    /// Precomputes the integral of `program` for activation energy `ea`.
    pub fn new(program: &'p ThermalProgram, ea: ActivationEnergy) -> Self {
        let a_k = ea.temperature_k();
        let pieces = program.pieces();
        let mut ln_at_piece = Vec::with_capacity(pieces.len());
        let mut ln_pulse = Vec::with_capacity(pieces.len());
        let mut ln_sum = f64::NEG_INFINITY;
        for piece in pieces {
            ln_at_piece.push(ln_sum);
            let (ln_piece, pulse) = match *piece {
                Piece::Linear {
                    t0,
                    t1,
                    temp0_k,
                    temp1_k,
                } => (
                    ln_linear(a_k, temp0_k, temp1_k, t1 - t0),
                    (f64::NAN, f64::NAN),
                ),
                Piece::Pulses {
                    count,
                    on_s,
                    off_s,
                    peak_k,
                    base_k,
                    ..
                } => {
                    let ln_on = ln_hold(a_k, peak_k, on_s);
                    let ln_period = ln_add_exp(ln_on, ln_hold(a_k, base_k, off_s));
                    (f64::from(count).ln() + ln_period, (ln_on, ln_period))
                }
            };
            ln_pulse.push(pulse);
            ln_sum = ln_add_exp(ln_sum, ln_piece);
        }
        let linear_at_piece = ln_at_piece.iter().map(|v| v.exp()).collect();
        let linear_pulse = pieces
            .iter()
            .zip(&ln_pulse)
            .map(|(piece, (ln_on, ln_period))| match *piece {
                Piece::Pulses { peak_k, base_k, .. } => [
                    ln_on.exp(),
                    ln_period.exp(),
                    (-a_k / peak_k).exp(),
                    (-a_k / base_k).exp(),
                ],
                Piece::Linear { .. } => [f64::NAN; 4],
            })
            .collect();
        ThermalIntegral {
            program,
            a_k,
            ln_at_piece,
            ln_pulse,
            linear_at_piece,
            linear_pulse,
            ln_total: ln_sum,
        }
    }

    /// ln I over the whole program, I in seconds.
    pub fn ln_total(&self) -> f64 {
        self.ln_total
    }

    /// ln I at the start of a stretch of this program.
    pub fn ln_at_stretch_start(&self, s: &Stretch) -> f64 {
        let before = self.ln_at_piece[s.origin.piece];
        match s.origin.pulse {
            None => before,
            Some((k, on)) => {
                let (ln_on, ln_period) = self.ln_pulse[s.origin.piece];
                let ln_full = if k == 0 {
                    f64::NEG_INFINITY
                } else {
                    f64::from(k).ln() + ln_period
                };
                let ln_done = if on {
                    ln_full
                } else {
                    ln_add_exp(ln_full, ln_on)
                };
                ln_add_exp(before, ln_done)
            }
        }
    }

    /// The integral along stretch `s`, prepared for evaluation at many times inside it.
    pub fn along(&self, s: &Stretch) -> StretchIntegral {
        let normal = |v: f64| v == 0.0 || v.is_normal();
        // On a hold, I(t) = I(t0) + (t − t0)·exp(−a/T) is linear in t. Within a pulse train,
        // I(t0) and exp(−a/T) come from per-piece values without a logarithm when they are
        // normal doubles; otherwise everything goes through the log-space path.
        let (start, rate) = match (s.temp0_k == s.temp1_k, s.origin.pulse) {
            (false, _) => (f64::NAN, f64::NAN),
            (true, None) => (
                self.linear_at_piece[s.origin.piece],
                (-self.a_k / s.temp0_k).exp(),
            ),
            (true, Some((k, on))) => {
                let before = self.linear_at_piece[s.origin.piece];
                let [on_part, period, rate_on, rate_off] = self.linear_pulse[s.origin.piece];
                let start = if [before, on_part, period].into_iter().all(normal) {
                    before + f64::from(k) * period + if on { 0.0 } else { on_part }
                } else {
                    f64::NAN
                };
                (start, if on { rate_on } else { rate_off })
            }
        };
        let ln_start = if normal(start) && rate.is_normal() {
            start.ln()
        } else {
            self.ln_at_stretch_start(s)
        };
        StretchIntegral {
            stretch: *s,
            a_k: self.a_k,
            ln_start,
            start,
            rate,
        }
    }

    /// ln I(t) at any time (clamped to the program).
    pub fn ln_at(&self, t: f64) -> f64 {
        let s = self.program.stretch_at(t);
        self.along(&s)
            .ln_at(t.clamp(0.0, self.program.duration_s()))
    }

    /// ln of the part of the whole-program integral accrued while lo_k ≤ T ≤ hi_k.
    pub fn ln_total_within(&self, lo_k: f64, hi_k: f64) -> f64 {
        let clip = |t0: f64, t1: f64, temp0: f64, temp1: f64| -> f64 {
            let dt = t1 - t0;
            if temp0 == temp1 {
                return if (lo_k..=hi_k).contains(&temp0) {
                    ln_hold(self.a_k, temp0, dt)
                } else {
                    f64::NEG_INFINITY
                };
            }
            let (cold, hot) = (temp0.min(temp1), temp0.max(temp1));
            let (from, to) = (cold.max(lo_k), hot.min(hi_k));
            if from >= to {
                return f64::NEG_INFINITY;
            }
            ln_ramp(self.a_k, from, to) - ((hot - cold) / dt).ln()
        };
        self.program
            .pieces()
            .iter()
            .fold(f64::NEG_INFINITY, |acc, piece| {
                let ln_piece = match *piece {
                    Piece::Linear {
                        t0,
                        t1,
                        temp0_k,
                        temp1_k,
                    } => clip(t0, t1, temp0_k, temp1_k),
                    Piece::Pulses {
                        count,
                        on_s,
                        off_s,
                        peak_k,
                        base_k,
                        ..
                    } => {
                        f64::from(count).ln()
                            + ln_add_exp(
                                clip(0.0, on_s, peak_k, peak_k),
                                clip(0.0, off_s, base_k, base_k),
                            )
                    }
                };
                ln_add_exp(acc, ln_piece)
            })
    }
}

/// The thermal integral along one stretch of a program (see [`ThermalIntegral::along`]).
#[derive(Debug, Clone, Copy)]
pub struct StretchIntegral {
    stretch: Stretch,
    a_k: f64,
    ln_start: f64,
    /// On a hold: I(t0) [s] and exp(−a/T), in linear space (NaN on ramps).
    start: f64,
    rate: f64,
}

impl StretchIntegral {
    /// I at time `t` [s] in linear space, on a hold where I(t0) and exp(−a/T) are normal
    /// doubles (no underflow); `None` elsewhere, where [`Self::ln_at`] is the way.
    pub fn linear_at(&self, t: f64) -> Option<f64> {
        let normal = |v: f64| v == 0.0 || v.is_normal();
        (self.rate.is_normal() && normal(self.start))
            .then(|| self.start + self.rate * (t - self.stretch.t0).max(0.0))
    }

    /// ln I at time `t` inside the stretch (I in s); finite however large Ea/RT is.
    pub fn ln_at(&self, t: f64) -> f64 {
        if let Some(i) = self.linear_at(t).filter(|&i| i > 0.0) {
            return i.ln();
        }
        let s = &self.stretch;
        let dt = (t - s.t0).max(0.0);
        ln_add_exp(
            self.ln_start,
            ln_linear(self.a_k, s.temp0_k, s.temperature_at(t), dt),
        )
    }
}

/// ln ∫ exp(−a/T) dt over `dt` seconds at constant T: ln Δt − a/T.
fn ln_hold(a_k: f64, temp_k: f64, dt: f64) -> f64 {
    dt.ln() - a_k / temp_k
}

/// ln ∫ exp(−a/T(s)) ds over a stretch of `dt` seconds on which T goes linearly from `temp0_k`
/// to `temp1_k`.
fn ln_linear(a_k: f64, temp0_k: f64, temp1_k: f64, dt: f64) -> f64 {
    if dt <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if temp0_k == temp1_k {
        return ln_hold(a_k, temp0_k, dt);
    }
    let rate = (temp1_k - temp0_k).abs() / dt;
    ln_ramp(a_k, temp0_k.min(temp1_k), temp0_k.max(temp1_k)) - rate.ln()
}

/// ln ∫_{lo}^{hi} exp(−a/T) dT [K], exact, for 0 ≤ lo < hi.
///
/// # Formula
/// ∫ exp(−a/T) dT = T·E2(a/T) ≡ F(T), so the integral is F(hi) − F(lo) (physics.md). With
/// δ = ln F(hi) − ln F(lo), computed from its well-conditioned parts, the result is
/// ln F(hi) + ln(1 − e^(−δ)); for δ < 0.1 a Gauss–Legendre rule avoids the cancellation.
pub fn ln_ramp(a_k: f64, lo_k: f64, hi_k: f64) -> f64 {
    if hi_k <= lo_k {
        return f64::NEG_INFINITY;
    }
    // ln F(T) = ln T − a/T + ln(e^x E2(x)), x = a/T.
    let x_hi = a_k / hi_k;
    let ln_scaled_hi = ln_e2(x_hi) + x_hi;
    let ln_f_hi = hi_k.ln() - x_hi + ln_scaled_hi;
    if lo_k == 0.0 {
        return ln_f_hi;
    }
    let x_lo = a_k / lo_k;
    let delta = (hi_k / lo_k).ln() + a_k * (hi_k - lo_k) / (hi_k * lo_k) + ln_scaled_hi
        - (ln_e2(x_lo) + x_lo);
    if delta >= RAMP_CANCELLATION_GAP {
        return ln_f_hi + (-(-delta).exp_m1()).ln();
    }
    // ∫ exp(−a/T) dT = e^(−a/hi) ∫ exp(a/hi − a/T) dT; the second integrand is in (0.9, 1].
    let (mid, half) = (0.5 * (hi_k + lo_k), 0.5 * (hi_k - lo_k));
    let integrand = |temp: f64| (a_k * (temp - hi_k) / (temp * hi_k)).exp();
    let sum: f64 = GAUSS_LEGENDRE_16
        .iter()
        .map(|&(node, weight)| {
            weight * (integrand(mid - half * node) + integrand(mid + half * node))
        })
        .sum();
    -x_hi + (half * sum).ln()
}

/// The positive nodes and their weights of the 16-point Gauss–Legendre rule on [−1, 1] (the rule
/// is symmetric), computed at 40 digits with mpmath by Newton's method on P₁₆ (tests check that it
/// integrates polynomials of degree 31 exactly).
const GAUSS_LEGENDRE_16: [(f64, f64); 8] = [
    (0.095_012_509_837_637_44, 0.189_450_610_455_068_5),
    (0.281_603_550_779_258_9, 0.182_603_415_044_923_6),
    (0.458_016_777_657_227_4, 0.169_156_519_395_002_54),
    (0.617_876_244_402_643_7, 0.149_595_988_816_576_73),
    (0.755_404_408_355_003, 0.124_628_971_255_533_87),
    (0.865_631_202_387_831_7, 0.095_158_511_682_492_79),
    (0.944_575_023_073_232_6, 0.062_253_523_938_647_89),
    (0.989_400_934_991_65, 0.027_152_459_411_754_095),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::Segment;

    #[test]
    fn gauss_legendre_integrates_polynomials_exactly() {
        // A 16-point rule is exact for degree ≤ 31: ∫₋₁¹ x³⁰ dx = 2/31, ∫₋₁¹ x²⁹ + x dx = 0.
        let rule = GAUSS_LEGENDRE_16;
        let even: f64 = rule.iter().map(|&(x, w)| 2.0 * w * x.powi(30)).sum();
        assert!((even - 2.0 / 31.0).abs() < 1e-15);
        let weights: f64 = rule.iter().map(|&(_, w)| 2.0 * w).sum();
        assert!((weights - 2.0).abs() < 1e-15);
        for k in 0..16 {
            let moment: f64 = rule.iter().map(|&(x, w)| 2.0 * w * x.powi(2 * k)).sum();
            assert!(
                (moment - 2.0 / (2 * k + 1) as f64).abs() < 1e-14,
                "x^{}",
                2 * k
            );
        }
    }

    #[test]
    fn hold_integral_is_time_times_boltzmann_factor() {
        let program = ThermalProgram::new(1200.0, &[Segment::Hold { duration_s: 3600.0 }]).unwrap();
        let ea = ActivationEnergy::new(Field::new("ea"), 300e3).unwrap();
        let integral = ThermalIntegral::new(&program, ea);
        let want = 3600.0_f64.ln() - 300e3 / (R_J_PER_MOL_K * 1200.0);
        assert!((integral.ln_total() - want).abs() < 1e-13);
        assert!((integral.ln_at(1800.0) - (want - 2f64.ln())).abs() < 1e-13);
    }

    #[test]
    fn closed_form_and_quadrature_branches_meet() {
        // Straddle the switch between the closed form and Gauss–Legendre.
        let a = 30_000.0;
        let lo = 1000.0;
        for hi in [1000.33, 1000.333, 1000.3334, 1000.34, 1001.0] {
            let x = a / lo;
            // δ ≈ (hi − lo) · (1/lo + a/lo²) here.
            let delta_guess = (hi - lo) * (1.0 / lo + a / (lo * lo)) / (1.0 + 1.0 / x);
            let ln_small = ln_ramp(a, lo, hi);
            // Reference: the integrand is nearly constant; a trapezoid with many panels.
            let n = 20_000;
            let h = (hi - lo) / n as f64;
            let trap: f64 = (0..=n)
                .map(|i| {
                    let t = lo + h * i as f64;
                    let w = if i == 0 || i == n { 0.5 } else { 1.0 };
                    w * (-a / t).exp()
                })
                .sum::<f64>()
                * h;
            assert!(
                (ln_small - trap.ln()).abs() < 1e-8,
                "hi = {hi}, δ ≈ {delta_guess}"
            );
        }
    }
}
