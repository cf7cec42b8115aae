//! The kinetic core against independent high-precision references (mpmath at 50 digits,
//! `tests/reference/generate.py`), across Ea/RT from ~1 to beyond 700.

use serde::Deserialize;
use synthesis_kinetics::arrhenius::{ActivationEnergy, Arrhenius, ThermalIntegral, ln_ramp};
use synthesis_kinetics::error::Field;
use synthesis_kinetics::expint::{ln_e1, ln_e2};
use synthesis_kinetics::fit::{GrainPoint, fit_grain_growth};
use synthesis_kinetics::grain::GrainGrowth;
use synthesis_kinetics::homogenisation::{Modulation, Residual};
use synthesis_kinetics::program::{Segment, ThermalProgram};
use synthesis_kinetics::units::R_J_PER_MOL_K;

/// Relative error allowed against the references (an absolute error of ln values).
const REFERENCE_REL_ACC: f64 = 1e-12;
/// Beyond Ea/RT ≈ 2000 the problem itself is ill-conditioned: rounding Ea/(R·T) to a double
/// moves exp(−Ea/RT) by (Ea/RT)·ε relatively. Allow this many such roundings.
const CONDITION_ULPS: f64 = 4.0;

fn tolerance(ea_over_rt: f64) -> f64 {
    REFERENCE_REL_ACC.max(CONDITION_ULPS * f64::EPSILON * ea_over_rt)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct References {
    e1: Vec<E1Case>,
    e2: Vec<E2Case>,
    ramp: Vec<RampCase>,
    programs: Vec<ProgramCase>,
    grain: Vec<GrainCase>,
    homogenisation: Vec<HomogenisationCase>,
    grain_fit: GrainFitCase,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct E1Case {
    x: f64,
    ln_e1: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct E2Case {
    x: f64,
    ln_e2: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RampCase {
    ea_j_per_mol: f64,
    lo_k: f64,
    hi_k: f64,
    a_over_t_min: f64,
    ln_integral: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProgramCase {
    name: String,
    start_k: f64,
    segments: Vec<SegmentCase>,
    ea_j_per_mol: f64,
    duration_s: f64,
    ln_total: f64,
    at: Vec<QueryCase>,
}

/// A program segment as `generate.py` writes it (the API's JSON shape).
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum SegmentCase {
    #[serde(rename_all = "camelCase")]
    Ramp { rate_k_per_s: f64, target_k: f64 },
    #[serde(rename_all = "camelCase")]
    Hold { duration_s: f64 },
    #[serde(rename_all = "camelCase")]
    Pulses {
        count: f64,
        on_s: f64,
        off_s: f64,
        peak_k: f64,
        base_k: f64,
    },
}

impl From<&SegmentCase> for Segment {
    fn from(s: &SegmentCase) -> Segment {
        match *s {
            SegmentCase::Ramp {
                rate_k_per_s,
                target_k,
            } => Segment::Ramp {
                rate_k_per_s,
                target_k,
            },
            SegmentCase::Hold { duration_s } => Segment::Hold { duration_s },
            SegmentCase::Pulses {
                count,
                on_s,
                off_s,
                peak_k,
                base_k,
            } => Segment::Pulses {
                count,
                on_s,
                off_s,
                peak_k,
                base_k,
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct QueryCase {
    time_s: f64,
    ln_integral: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GrainCase {
    program: String,
    exponent: f64,
    d0_m: f64,
    k0: f64,
    ea_j_per_mol: f64,
    grain_size_m: f64,
}

/// Five grain sizes from three anneals, and k0 and Eₐ,g fitted to them by mpmath.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GrainFitCase {
    exponent: f64,
    d0_m: f64,
    programs: Vec<AnnealCase>,
    points: Vec<GrainPointCase>,
    k0: f64,
    ea_j_per_mol: f64,
    ea_half_width: f64,
    ln_k0_half_width: f64,
    residuals_ln: Vec<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AnnealCase {
    start_k: f64,
    segments: Vec<SegmentCase>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GrainPointCase {
    program: usize,
    time_s: f64,
    length_m: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HomogenisationCase {
    d0_m2_per_s: f64,
    ea_j_per_mol: f64,
    wavelength_m: f64,
    residual: f64,
    temperature_k: f64,
    isothermal_time_s: f64,
    duration_s: f64,
    temperature_for_duration_k: f64,
}

fn references() -> References {
    serde_json::from_str(include_str!("reference/values.json")).expect("values.json parses")
}

fn assert_ln_close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: ln got {got}, want {want}, Δ = {:e}",
        got - want
    );
}

/// Highest temperature a program reaches by time t [K].
fn hottest_until(p: &ThermalProgram, t: f64) -> f64 {
    p.stretches()
        .take_while(|s| s.t0 <= t)
        .map(|s| s.temp0_k.max(s.temperature_at(t.min(s.t1))))
        .fold(0.0, f64::max)
}

fn assert_rel_close(got: f64, want: f64, what: &str) {
    assert!(
        (got / want - 1.0).abs() <= REFERENCE_REL_ACC,
        "{what}: got {got:e}, want {want:e}"
    );
}

fn program(case: &ProgramCase) -> ThermalProgram {
    let segments: Vec<Segment> = case.segments.iter().map(Segment::from).collect();
    ThermalProgram::new(case.start_k, &segments).expect("reference programs are valid")
}

#[test]
fn exponential_integrals() {
    let r = references();
    for c in &r.e1 {
        assert_ln_close(
            ln_e1(c.x),
            c.ln_e1,
            REFERENCE_REL_ACC,
            &format!("E1({})", c.x),
        );
    }
    for c in &r.e2 {
        assert_ln_close(
            ln_e2(c.x),
            c.ln_e2,
            REFERENCE_REL_ACC,
            &format!("E2({})", c.x),
        );
    }
}

#[test]
fn ramp_integrals_across_ea_over_rt() {
    let r = references();
    let max = r.ramp.iter().map(|c| c.a_over_t_min).fold(0.0, f64::max);
    assert!(
        max > 700.0,
        "the references reach beyond Ea/RT = 700 ({max})"
    );
    for c in &r.ramp {
        let a = c.ea_j_per_mol / R_J_PER_MOL_K;
        assert_ln_close(
            ln_ramp(a, c.lo_k, c.hi_k),
            c.ln_integral,
            tolerance(c.a_over_t_min),
            &format!(
                "∫ exp(−a/T) dT, Ea = {}, {}–{} K",
                c.ea_j_per_mol, c.lo_k, c.hi_k
            ),
        );
    }
}

#[test]
fn programs_including_pulse_trains() {
    let r = references();
    for c in &r.programs {
        let p = program(c);
        assert_rel_close(p.duration_s(), c.duration_s, &c.name);
        let ea = ActivationEnergy::new(Field::new("ea"), c.ea_j_per_mol).unwrap();
        let integral = ThermalIntegral::new(&p, ea);
        let a = c.ea_j_per_mol / R_J_PER_MOL_K;
        assert_ln_close(
            integral.ln_total(),
            c.ln_total,
            tolerance(a / p.peak_k()),
            &format!("{} Ea = {}", c.name, c.ea_j_per_mol),
        );
        for q in &c.at {
            assert_ln_close(
                integral.ln_at(q.time_s),
                q.ln_integral,
                tolerance(a / hottest_until(&p, q.time_s)),
                &format!("{} Ea = {} at t = {}", c.name, c.ea_j_per_mol, q.time_s),
            );
        }
    }
}

#[test]
fn grain_growth_after_programs() {
    let r = references();
    for c in &r.grain {
        let case = r.programs.iter().find(|p| p.name == c.program).unwrap();
        let p = program(case);
        let law = GrainGrowth::new(c.exponent, c.d0_m, c.k0, c.ea_j_per_mol).unwrap();
        let integral = ThermalIntegral::new(&p, law.activation_energy());
        assert_rel_close(
            law.grain_size_m(integral.ln_total()),
            c.grain_size_m,
            &format!("{} n = {}", c.program, c.exponent),
        );
    }
}

/// The fit agrees with mpmath's to this relative error: it converges to the last digits, and its
/// derivative in Eₐ,g is a central difference exact to about 1e-10.
const FIT_REL_ACC: f64 = 1e-9;

#[test]
fn grain_growth_fit_matches_an_independent_least_squares_fit() {
    let c = references().grain_fit;
    let programs: Vec<ThermalProgram> = c
        .programs
        .iter()
        .map(|p| {
            let segments: Vec<Segment> = p.segments.iter().map(Segment::from).collect();
            ThermalProgram::new(p.start_k, &segments).unwrap()
        })
        .collect();
    let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
    let points: Vec<GrainPoint> = c
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| GrainPoint::new(i, p.program, Some(p.time_s), p.length_m, &ends).unwrap())
        .collect();
    let fit = fit_grain_growth(c.exponent, c.d0_m, &programs, &points).unwrap();
    let close = |got: f64, want: f64, what: &str| {
        assert!(
            (got / want - 1.0).abs() <= FIT_REL_ACC,
            "{what}: got {got:e}, want {want:e}"
        );
    };
    close(fit.k0.value, c.k0, "k0");
    close(fit.ea_j_per_mol.value, c.ea_j_per_mol, "Ea,g");
    close(
        fit.ea_j_per_mol.high - fit.ea_j_per_mol.value,
        c.ea_half_width,
        "Ea,g half-width",
    );
    close(
        (fit.k0.high / fit.k0.value).ln(),
        c.ln_k0_half_width,
        "ln k0 half-width",
    );
    for (got, want) in fit.residuals_ln.iter().zip(&c.residuals_ln) {
        assert!(
            (got - want).abs() <= FIT_REL_ACC,
            "residual {got} vs {want}"
        );
    }
    assert_eq!(fit.degrees_of_freedom, 3);
}

#[test]
fn homogenisation_time_and_temperature() {
    let r = references();
    for c in &r.homogenisation {
        let d = Arrhenius::new("diffusion", c.d0_m2_per_s, c.ea_j_per_mol).unwrap();
        let m = Modulation::new(Field::new("wavelengthM"), c.wavelength_m).unwrap();
        let eps = Residual::new(Field::new("targetResidual"), c.residual).unwrap();
        assert_rel_close(
            m.isothermal_time_s(&d, eps, c.temperature_k).unwrap(),
            c.isothermal_time_s,
            "time",
        );
        assert_rel_close(
            m.temperature_for_k(&d, eps, c.duration_s).unwrap(),
            c.temperature_for_duration_k,
            "temperature",
        );
    }
}
