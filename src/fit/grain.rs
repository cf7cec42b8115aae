//! k0 and Eₐ,g of the grain-growth law dⁿ = d0ⁿ + k0·I_g(t) (eq. 12 over a program; see
//! [`crate::grain`]) from grain sizes measured after different thermal programs, n and d0 given.
//! Each size meets the law through the exact Arrhenius integral I_g of its own program up to its
//! time, never through k·t.
//!
//! # Method
//! Least squares on ln d: Σ (ln dᵢ − ln d(tᵢ; k0, Eₐ,g))² is minimised over ln k0 and Eₐ,g by
//! Levenberg–Marquardt, started from the best of a grid of Eₐ,g, each with the ln k0 that fits
//! ln(dⁿ − d0ⁿ) = ln k0 + ln I_g in closed form. The intervals are Student-t intervals with
//! N − 2 degrees of freedom from the covariance s²·(JᵀJ)⁻¹ at the optimum (linearised): a factor
//! for k0, symmetric for Eₐ,g. ∂ln I_g/∂Eₐ,g is the central difference of the exact ln I_g over
//! ±[`STEP_J_PER_MOL`], which ln I_g's smoothness in Eₐ,g makes exact to about 1e-10.

use serde::Serialize;

use super::{CONFIDENCE, Estimate, MAX_POINTS, MIN_POINTS, student_t_quantile};
use crate::arrhenius::{ActivationEnergy, ThermalIntegral};
use crate::error::{Bounds, Field, InputError, check, limits};
use crate::grain::{GrainGrowth, ln_grain_size};
use crate::program::ThermalProgram;

/// A time past its program's end by less than this share of it is its end, rounded.
const END_ROUNDING: f64 = 1e-9;
/// Half the step of the central difference in Eₐ,g [J/mol].
const STEP_J_PER_MOL: f64 = 1.0;
/// Grid of Eₐ,g the search starts from: 10 kJ/mol to 1 MJ/mol, 20 per decade [J/mol].
const START_FROM_J_PER_MOL: f64 = 1e4;
const START_STEPS: i32 = 40;
const START_PER_DECADE: f64 = 20.0;
/// Levenberg–Marquardt: most steps, and the damping beyond which no step improves the fit.
const MAX_STEPS: usize = 500;
const MAX_DAMPING: f64 = 1e16;
/// A step smaller than this, relative to its parameter, ends the search (rounding in the
/// residuals and the central difference moves the minimum by about 1e-11); one smaller than
/// `NEAR` is near enough to the minimum to be taken undamped.
const CONVERGED: f64 = 1e-10;
const NEAR: f64 = 1e-6;
/// Below this share of its own size, the part of JᵀJ that tells Eₐ,g from ln k0 (1 − ρ², ρ
/// their correlation) is too small for the points to tell Eₐ,g: their programs' effective
/// temperatures differ by well under 1 % (over 1100–1500 K it is about 10⁻²).
const UNDETERMINED: f64 = 1e-5;

/// One grain size measured `time_s` after the start of program `program` (an index into the
/// programs given with the points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GrainPoint {
    pub program: usize,
    /// Time from the start of the program [s].
    pub time_s: f64,
    /// Grain size or diffusion length [m].
    pub length_m: f64,
}

impl GrainPoint {
    /// The point, each of its numbers checked against the programs' `durations_s`; `index` names
    /// it in messages (`points[index]`). Without a time, the size was measured at the end of
    /// the program.
    pub fn new(
        index: usize,
        program: usize,
        time_s: Option<f64>,
        length_m: f64,
        durations_s: &[f64],
    ) -> Result<GrainPoint, InputError> {
        let field = |name| Field::item("points", index, name);
        let Some(&end) = durations_s.get(program) else {
            return Err(InputError::invalid(
                field("program"),
                format!(
                    "names program {program}; there are {} (counted from 0)",
                    durations_s.len()
                ),
            ));
        };
        // Within the program: from the shortest duration to its end.
        let within = Bounds::closed(limits::DURATION.min, end * (1.0 + END_ROUNDING), "s");
        let time_s = check(field("timeS"), time_s.unwrap_or(end), within)?;
        Ok(GrainPoint {
            program,
            time_s: time_s.min(end),
            length_m: check(field("lengthM"), length_m, limits::LENGTH)?,
        })
    }
}

/// k0 and Eₐ,g fitted to measured grain sizes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrainFit {
    /// k0 [mⁿ/s]; its interval is the value times and divided by one factor.
    pub k0: Estimate,
    /// Eₐ,g [J/mol].
    pub ea_j_per_mol: Estimate,
    /// ln d measured − ln d fitted, point by point.
    pub residuals_ln: Vec<f64>,
    /// Degrees of freedom of the intervals: points − 2.
    pub degrees_of_freedom: usize,
}

/// The law's sizes at the points, for any ln k0 and Eₐ,g.
struct Law<'a> {
    exponent: f64,
    ln_d0_pow_n: f64,
    programs: &'a [ThermalProgram],
    points: &'a [GrainPoint],
}

impl Law<'_> {
    /// ln I_g at each point for Eₐ,g = `ea` [J/mol]; `None` outside the allowed energies.
    fn ln_integrals(&self, ea: f64) -> Option<Vec<f64>> {
        let ea = ActivationEnergy::new(Field::new("eaJPerMol"), ea).ok()?;
        let integrals: Vec<ThermalIntegral> = self
            .programs
            .iter()
            .map(|p| ThermalIntegral::new(p, ea))
            .collect();
        let ln = self
            .points
            .iter()
            .map(|p| integrals[p.program].ln_at(p.time_s))
            .collect::<Vec<_>>();
        ln.iter().all(|v| v.is_finite()).then_some(ln)
    }

    /// ln d at each point, from ln k0 and ln I_g.
    fn ln_sizes(&self, ln_k0: f64, ln_integrals: &[f64]) -> Vec<f64> {
        ln_integrals
            .iter()
            .map(|&ln_i| ln_grain_size(self.exponent, self.ln_d0_pow_n, ln_k0, ln_i))
            .collect()
    }
}

/// Σ of squares of `ys − model`, and the differences.
fn residuals(ys: &[f64], model: &[f64]) -> (f64, Vec<f64>) {
    let r: Vec<f64> = ys.iter().zip(model).map(|(y, m)| y - m).collect();
    (r.iter().map(|e| e * e).sum(), r)
}

/// The normal equations of one Levenberg–Marquardt step in (ln k0, Eₐ,g): with a = ∂ln d/∂ln k0
/// and b = ∂ln d/∂Eₐ,g, JᵀJ = [Σa², Σab; Σab, Σb²], solved through the Schur complement
/// C = Σ(b − βa)², β = Σab/Σa², summed as squares so that strongly correlated parameters lose
/// no digits.
struct Normal {
    aa: f64,
    ab: f64,
    bb: f64,
    schur: f64,
    ar: f64,
    br: f64,
}

impl Normal {
    fn new(a: &[f64], b: &[f64], r: &[f64]) -> Normal {
        let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>();
        let (aa, ab) = (dot(a, a), dot(a, b));
        let beta = ab / aa;
        Normal {
            aa,
            ab,
            bb: dot(b, b),
            schur: a.iter().zip(b).map(|(p, q)| (q - beta * p).powi(2)).sum(),
            ar: dot(a, r),
            br: dot(b, r),
        }
    }

    /// The step (Δ ln k0, ΔEₐ,g) with damping λ on the diagonal (Marquardt's scaling).
    fn step(&self, damping: f64) -> (f64, f64) {
        let aa = self.aa * (1.0 + damping);
        // Schur complement of the damped matrix: C + λ·Σb² + (Σab)²/Σa²·λ/(1 + λ).
        let schur = self.schur
            + damping * self.bb
            + self.ab * self.ab / self.aa * damping / (1.0 + damping);
        let d_ea = (self.br - self.ab * self.ar / aa) / schur;
        ((self.ar - self.ab * d_ea) / aa, d_ea)
    }
}

/// D0 and Eₐ from diffusion lengths L = √(D0·I) measured after different programs: the law
/// of [`fit_grain_growth`] with n = 2, d0 = 0 and k0 = D0 (the fit's `k0` is D0 [m²/s], its
/// `ea_j_per_mol` the Eₐ of diffusion).
pub fn fit_diffusion_lengths(
    programs: &[ThermalProgram],
    points: &[GrainPoint],
) -> Result<GrainFit, InputError> {
    fit_grain_growth(2.0, 0.0, programs, points)
}

/// Whether step (Δ ln k0, ΔEₐ,g) is below `share` of the parameters (ln k0, Eₐ,g).
fn small(step: (f64, f64), at: (f64, f64), share: f64) -> bool {
    step.0.abs() <= share * (1.0 + at.0.abs()) && step.1.abs() <= share * at.1
}

/// Fits k0 and Eₐ,g to `points`, each measured after its program in `programs`, for the growth
/// exponent `exponent` and initial size `d0_m` (see the module's documentation).
pub fn fit_grain_growth(
    exponent: f64,
    d0_m: f64,
    programs: &[ThermalProgram],
    points: &[GrainPoint],
) -> Result<GrainFit, InputError> {
    let count = points.len();
    if !(MIN_POINTS..=MAX_POINTS).contains(&count) {
        return Err(InputError::invalid(
            Field::new("points"),
            format!("a fit takes {MIN_POINTS} to {MAX_POINTS} points; got {count}"),
        ));
    }
    // n and d0 checked as the law checks them (its k0 and Eₐ,g are placeholders).
    let law = GrainGrowth::new(exponent, d0_m, 1.0, 1e5)?;
    for (i, p) in points.iter().enumerate() {
        check(Field::item("points", i, "lengthM"), p.length_m, law.grown())?;
    }
    let n = law.exponent();
    let law = Law {
        exponent: n,
        ln_d0_pow_n: n * d0_m.ln(),
        programs,
        points,
    };
    let ys: Vec<f64> = points.iter().map(|p| p.length_m.ln()).collect();
    // ln(dⁿ − d0ⁿ) = n·ln d + ln(1 − (d0/d)ⁿ), without cancellation.
    let growth: Vec<f64> = points
        .iter()
        .map(|p| n * p.length_m.ln() + (-(n * (d0_m / p.length_m).ln()).exp_m1()).ln())
        .collect();
    let undetermined = || {
        InputError::invalid(
            Field::new("points"),
            "the points cannot tell the activation energy: they need programs (or times) that reach different temperatures",
        )
    };
    let no_heat = || {
        InputError::invalid(
            Field::new("points"),
            "the programs do not heat enough, up to the points' times, for any activation energy",
        )
    };

    // The start: the grid's best Eₐ,g, with ln k0 = mean of ln(dⁿ − d0ⁿ) − ln I_g.
    let (mut ln_k0, mut ea, mut ln_i) = (0..=START_STEPS)
        .filter_map(|k| {
            let ea = START_FROM_J_PER_MOL * 10f64.powf(f64::from(k) / START_PER_DECADE);
            let ln_i = law.ln_integrals(ea)?;
            let ln_k0 = growth.iter().zip(&ln_i).map(|(g, i)| g - i).sum::<f64>() / count as f64;
            let misfit: f64 = growth
                .iter()
                .zip(&ln_i)
                .map(|(g, i)| (g - i - ln_k0).powi(2))
                .sum();
            Some((misfit, ln_k0, ea, ln_i))
        })
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, ln_k0, ea, ln_i)| (ln_k0, ea, ln_i))
        .ok_or_else(no_heat)?;

    let (mut misfit, mut r) = residuals(&ys, &law.ln_sizes(ln_k0, &ln_i));
    let mut damping = 1e-3;
    let mut normal;
    let mut steps = 0;
    loop {
        // a = w/n and b = (w/n)·∂ln I_g/∂Eₐ,g, w = k0·I_g/dⁿ the share of dⁿ grown.
        // The search reaching the end of the allowed energies: the points prefer no barrier
        // (or an absurd one), which is as much as saying they cannot tell it.
        let (Some(below), Some(above)) = (
            law.ln_integrals(ea - STEP_J_PER_MOL),
            law.ln_integrals(ea + STEP_J_PER_MOL),
        ) else {
            return Err(undetermined());
        };
        let sizes = law.ln_sizes(ln_k0, &ln_i);
        let a: Vec<f64> = sizes
            .iter()
            .zip(&ln_i)
            .map(|(ln_d, i)| (ln_k0 + i - n * ln_d).exp() / n)
            .collect();
        let b: Vec<f64> = a
            .iter()
            .zip(below.iter().zip(&above))
            .map(|(a, (lo, hi))| a * (hi - lo) / (2.0 * STEP_J_PER_MOL))
            .collect();
        normal = Normal::new(&a, &b, &r);
        if normal.schur.is_nan() || normal.schur <= UNDETERMINED * normal.bb {
            return Err(undetermined());
        }
        steps += 1;
        if steps > MAX_STEPS {
            return Err(InputError::invalid(
                Field::new("points"),
                format!("the fit did not settle in {MAX_STEPS} steps"),
            ));
        }
        // Damp until a step lowers the misfit; none does at the minimum.
        let accepted = loop {
            let (d_ln_k0, d_ea) = normal.step(damping);
            let trial = law
                .ln_integrals(ea + d_ea)
                .map(|i| (residuals(&ys, &law.ln_sizes(ln_k0 + d_ln_k0, &i)), i));
            match trial {
                // Near the minimum the misfit no longer tells steps apart (it changes by their
                // square); there the undamped steps, which follow the gradient, are taken.
                Some(((m, res), i))
                    if m < misfit
                        || (damping <= 1e-3 && small((d_ln_k0, d_ea), (ln_k0, ea), NEAR)) =>
                {
                    damping = (damping / 10.0).max(1e-12);
                    break Some((d_ln_k0, d_ea, m, res, i));
                }
                _ if damping < MAX_DAMPING => damping *= 10.0,
                _ => break None,
            }
        };
        let Some((d_ln_k0, d_ea, m, res, i)) = accepted else {
            break;
        };
        // A step near the minimum that lowers the misfit no further has reached the rounding of
        // the misfit: the minimum, to that rounding.
        let floor = m >= misfit;
        (ln_k0, ea, misfit, r, ln_i) = (ln_k0 + d_ln_k0, ea + d_ea, m, res, i);
        if floor || small((d_ln_k0, d_ea), (ln_k0, ea), CONVERGED) {
            break;
        }
    }

    let dof = count - 2;
    let s2 = misfit / dof as f64;
    let t = student_t_quantile(0.5 + CONFIDENCE / 2.0, dof);
    // (JᵀJ)⁻¹: var Eₐ,g = 1/C, var ln k0 = 1/Σa² + β²/C.
    let beta = normal.ab / normal.aa;
    let ea_half = t * (s2 / normal.schur).sqrt();
    let factor = (t * (s2 * (1.0 / normal.aa + beta * beta / normal.schur)).sqrt()).exp();
    let k0 = ln_k0.exp();
    Ok(GrainFit {
        k0: Estimate {
            value: k0,
            low: k0 / factor,
            high: k0 * factor,
        },
        ea_j_per_mol: Estimate {
            value: ea,
            low: ea - ea_half,
            high: ea + ea_half,
        },
        residuals_ln: r,
        degrees_of_freedom: dof,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arrhenius::Arrhenius;
    use crate::fit::Noise;
    use crate::program::Segment;

    /// Heating at `rate` [K/s] to `peak` [K], a hold of `hold` [s], cooling at the same rate.
    fn anneal(peak: f64, rate: f64, hold: f64) -> ThermalProgram {
        let ramp = |target_k| Segment::Ramp {
            rate_k_per_s: rate,
            target_k,
        };
        let segments = [ramp(peak), Segment::Hold { duration_s: hold }, ramp(298.15)];
        ThermalProgram::new(298.15, &segments).unwrap()
    }

    /// Three anneals (slow, slow and hotter, fast and hottest) and a pulse train, with five
    /// points: after a hold, at ends, during a ramp and within the pulses.
    fn setting() -> (Vec<ThermalProgram>, Vec<(usize, f64)>) {
        let pulses = ThermalProgram::new(
            298.15,
            &[Segment::Pulses {
                count: 200.0,
                on_s: 0.5,
                off_s: 1.5,
                peak_k: 1800.0,
                base_k: 700.0,
            }],
        )
        .unwrap();
        let programs = vec![
            anneal(1373.15, 10.0 / 60.0, 7200.0),
            anneal(1473.15, 10.0 / 60.0, 3600.0),
            anneal(1573.15, 50.0, 600.0),
            pulses,
        ];
        let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
        let times = vec![
            (0, ends[0] - 6450.0),
            (1, 6900.0),
            (1, ends[1]),
            (2, ends[2]),
            (3, 250.5),
        ];
        (programs, times)
    }

    /// The law's sizes at `times`, times the factors `scatter`.
    fn sizes(
        law: &GrainGrowth,
        programs: &[ThermalProgram],
        times: &[(usize, f64)],
        scatter: impl Fn(usize) -> f64,
    ) -> Vec<GrainPoint> {
        let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
        times
            .iter()
            .enumerate()
            .map(|(i, &(k, t))| {
                let ln_i = ThermalIntegral::new(&programs[k], law.activation_energy()).ln_at(t);
                let d = law.grain_size_m(ln_i) * scatter(i);
                GrainPoint::new(i, k, Some(t), d, &ends).unwrap()
            })
            .collect()
    }

    #[test]
    fn exact_sizes_give_back_their_law_from_any_start() {
        let (programs, times) = setting();
        for (n, d0, k0, ea) in [
            (2.0, 5e-8, 3e-3, 350e3),
            (3.0, 2e-8, 1e-12, 150e3),
            (2.0, 0.0, 1e12, 700e3),
        ] {
            let law = GrainGrowth::new(n, d0, k0, ea).unwrap();
            let points = sizes(&law, &programs, &times, |_| 1.0);
            let fit = fit_grain_growth(n, d0, &programs, &points).unwrap();
            assert!((fit.k0.value / k0 - 1.0).abs() < 1e-8, "{fit:?}");
            assert!((fit.ea_j_per_mol.value / ea - 1.0).abs() < 1e-10, "{fit:?}");
            assert!(fit.residuals_ln.iter().all(|r| r.abs() < 1e-12), "{fit:?}");
            assert!(fit.ea_j_per_mol.high - fit.ea_j_per_mol.low < 1e-6 * ea);
        }
    }

    #[test]
    fn exact_diffusion_lengths_give_back_d0_and_ea() {
        let (programs, times) = setting();
        let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
        let (d0, ea) = (2.66e-6, 318e3);
        let species = Arrhenius::new("diffusion", d0, ea).unwrap();
        let points: Vec<GrainPoint> = times
            .iter()
            .enumerate()
            .map(|(i, &(k, t))| {
                let ln_i = ThermalIntegral::new(&programs[k], species.activation_energy()).ln_at(t);
                // L = √(D0·I).
                let length = (0.5 * (species.ln_d0() + ln_i)).exp();
                GrainPoint::new(i, k, Some(t), length, &ends).unwrap()
            })
            .collect();
        let fit = fit_diffusion_lengths(&programs, &points).unwrap();
        assert!((fit.k0.value / d0 - 1.0).abs() < 1e-8, "{fit:?}");
        assert!((fit.ea_j_per_mol.value / ea - 1.0).abs() < 1e-10, "{fit:?}");
    }

    #[test]
    fn intervals_cover_the_truth_at_their_stated_rate() {
        // 5 sizes with 10 % scatter, 2000 data sets: each interval should cover the true value in
        // about 95 % of them (binomial standard deviation 0.5 %; the intervals are linearised,
        // so a little more slack).
        let (programs, times) = setting();
        let (n, d0, k0, ea) = (2.0, 5e-8, 3e-3, 350e3);
        let law = GrainGrowth::new(n, d0, k0, ea).unwrap();
        let mut noise = Noise(0x2545_F491_4F6C_DD1D);
        let (mut ea_in, mut k0_in) = (0, 0);
        let runs = 2000;
        for _ in 0..runs {
            let scatter: Vec<f64> = times.iter().map(|_| (0.1 * noise.normal()).exp()).collect();
            let points = sizes(&law, &programs, &times, |i| scatter[i]);
            let fit = fit_grain_growth(n, d0, &programs, &points).unwrap();
            ea_in += usize::from(fit.ea_j_per_mol.low <= ea && ea <= fit.ea_j_per_mol.high);
            k0_in += usize::from(fit.k0.low <= k0 && k0 <= fit.k0.high);
        }
        for covered in [ea_in, k0_in] {
            let rate = covered as f64 / runs as f64;
            assert!((0.935..=0.965).contains(&rate), "coverage {rate}");
        }
    }

    #[test]
    fn bad_points_are_refused_by_name() {
        let (programs, _) = setting();
        let field = |e: InputError| e.field().to_string();
        let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
        let end = ends[2];
        assert_eq!(
            field(GrainPoint::new(1, 4, Some(10.0), 1e-6, &ends).unwrap_err()),
            "points[1].program"
        );
        let late = GrainPoint::new(2, 2, Some(end * 1.01), 1e-6, &ends).unwrap_err();
        assert_eq!(field(late.clone()), "points[2].timeS");
        assert!(
            matches!(late, InputError::OutOfRange { allowed, .. } if allowed.max == end * (1.0 + END_ROUNDING)),
            "{late}"
        );
        assert_eq!(
            GrainPoint::new(0, 2, Some(end * (1.0 + 1e-12)), 1e-6, &ends)
                .unwrap()
                .time_s,
            end
        );
        assert_eq!(
            GrainPoint::new(0, 2, None, 1e-6, &ends).unwrap().time_s,
            end
        );
        assert_eq!(
            field(GrainPoint::new(0, 0, Some(f64::NAN), 1e-6, &ends).unwrap_err()),
            "points[0].timeS"
        );
        assert_eq!(
            field(GrainPoint::new(3, 0, Some(100.0), -1e-6, &ends).unwrap_err()),
            "points[3].lengthM"
        );

        let at = |k, t, d| GrainPoint {
            program: k,
            time_s: t,
            length_m: d,
        };
        let two = [at(0, 9000.0, 1e-6), at(1, 9000.0, 2e-6)];
        let e = fit_grain_growth(2.0, 5e-8, &programs, &two).unwrap_err();
        assert!(e.to_string().contains("3 to 1000 points; got 2"), "{e}");
        let small = [at(0, 9000.0, 1e-6), at(1, 9000.0, 2e-6), at(2, 600.0, 4e-8)];
        let e = fit_grain_growth(2.0, 5e-8, &programs, &small).unwrap_err();
        assert_eq!(e.field(), "points[2].lengthM");
        assert!(
            matches!(e, InputError::OutOfRange { allowed, .. } if allowed.min == 5e-8 && !allowed.min_inclusive),
            "{e}"
        );
        // Three sizes within one hold: one temperature cannot tell Eₐ,g.
        let hold = ThermalProgram::new(1373.15, &[Segment::Hold { duration_s: 7200.0 }]).unwrap();
        let one = [
            at(0, 1800.0, 1e-6),
            at(0, 3600.0, 1.5e-6),
            at(0, 7200.0, 2e-6),
        ];
        let e = fit_grain_growth(2.0, 5e-8, &[hold], &one).unwrap_err();
        assert!(
            e.to_string().contains("cannot tell the activation energy"),
            "{e}"
        );
        assert_eq!(
            fit_grain_growth(0.5, 5e-8, &programs, &one)
                .unwrap_err()
                .field(),
            "grainGrowth.exponent"
        );
    }

    #[test]
    fn holds_at_one_temperature_are_refused_or_fitted_but_never_left_unsettled() {
        // A furnace program (10 K/min to 1500 K, a hold, 5 K/min back) with holds of 2, 4 and
        // 8 h, and diffusion lengths a reader might measure: all at one peak temperature.
        let furnace = |hold_h: f64| {
            let segments = [
                Segment::Ramp {
                    rate_k_per_s: 10.0 / 60.0,
                    target_k: 1500.0,
                },
                Segment::Hold {
                    duration_s: hold_h * 3600.0,
                },
                Segment::Ramp {
                    rate_k_per_s: 5.0 / 60.0,
                    target_k: 298.15,
                },
            ];
            ThermalProgram::new(298.15, &segments).unwrap()
        };
        let programs = [furnace(4.0), furnace(2.0), furnace(8.0)];
        let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
        let sets = [[0.5, 0.7, 1.0, 0.4], [0.45, 0.6, 0.8, 0.35]];
        for lengths in sets {
            let points: Vec<GrainPoint> = [(1, None), (0, None), (2, None), (0, Some(10800.0))]
                .iter()
                .zip(lengths)
                .enumerate()
                .map(|(i, (&(k, t), l))| GrainPoint::new(i, k, t, l * 1e-6, &ends).unwrap())
                .collect();
            match fit_diffusion_lengths(&programs, &points) {
                Ok(fit) => assert!(fit.ea_j_per_mol.value.is_finite(), "{fit:?}"),
                Err(e) => assert!(
                    e.to_string().contains("cannot tell the activation energy"),
                    "{e}"
                ),
            }
        }
    }

    #[test]
    fn points_that_drive_the_barrier_to_its_limit_cannot_tell_it() {
        // One furnace program pinned and current: the size at 5 h and at the end prefer no
        // barrier at all.
        let furnace = ThermalProgram::new(
            298.15,
            &[
                Segment::Ramp {
                    rate_k_per_s: 10.0 / 60.0,
                    target_k: 1500.0,
                },
                Segment::Hold {
                    duration_s: 14400.0,
                },
                Segment::Ramp {
                    rate_k_per_s: 5.0 / 60.0,
                    target_k: 298.15,
                },
            ],
        )
        .unwrap();
        let programs = [furnace.clone(), furnace];
        let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
        let points = [
            (1, None, 3e-7),
            (0, Some(18000.0), 2.5e-7),
            (0, None, 4.2e-7),
        ]
        .iter()
        .enumerate()
        .map(|(i, &(k, t, d))| GrainPoint::new(i, k, t, d, &ends).unwrap())
        .collect::<Vec<_>>();
        let e = fit_grain_growth(2.0, 1e-7, &programs, &points).unwrap_err();
        assert!(
            e.to_string().contains("cannot tell the activation energy"),
            "{e}"
        );
    }
}
