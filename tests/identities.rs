//! Exact identities, limits and properties of the kinetic core: the closed form against adaptive
//! quadrature, the paper's pure-ramp limit, normalised-time universality, monotonicity, and an
//! adversarial sweep of the whole entry point (NaN, infinities, subnormals, absurd magnitudes).

use synthesis_kinetics::arrhenius::{ActivationEnergy, ThermalIntegral};
use synthesis_kinetics::error::Field;
use synthesis_kinetics::expint::e2;
use synthesis_kinetics::program::{Segment, ThermalProgram};
use synthesis_kinetics::scenario::{
    DiffusionSpec, GrainSpec, HomogenisationSpec, MixingSpec, ProgramSpec, Sampling, Scenario,
    TimeScale,
};
use synthesis_kinetics::units::R_J_PER_MOL_K;

/// Agreement with adaptive Gauss–Legendre quadrature (limited by the quadrature's own tolerance).
const QUADRATURE_REL_ACC: f64 = 1e-11;
/// Rounding allowed when checking that ln I(t) never decreases, in ulps of ln I.
const MONOTONE_ULPS: f64 = 4.0;
/// Agreement between two exact routes to the same number.
const IDENTITY_REL_ACC: f64 = 1e-13;

/// SplitMix64: a small deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn log_uniform(&mut self, lo: f64, hi: f64) -> f64 {
        self.uniform(lo.ln(), hi.ln()).exp()
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// ∫ f over [lo, hi] by recursive bisection with a 10-point Gauss–Legendre rule, to a relative
/// tolerance of about 1e-14 of the whole integral.
fn adaptive(f: &dyn Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    const NODES: [(f64, f64); 5] = [
        (0.148_874_338_981_631_2, 0.295_524_224_714_752_9),
        (0.433_395_394_129_247_2, 0.269_266_719_309_996_4),
        (0.679_409_568_299_024_4, 0.219_086_362_515_982_04),
        (0.865_063_366_688_984_5, 0.149_451_349_150_580_6),
        (0.973_906_528_517_171_7, 0.066_671_344_308_688_14),
    ];
    let rule = |a: f64, b: f64| {
        let (m, h) = (0.5 * (a + b), 0.5 * (b - a));
        h * NODES
            .iter()
            .map(|&(x, w)| w * (f(m - h * x) + f(m + h * x)))
            .sum::<f64>()
    };
    fn refine(
        rule: &dyn Fn(f64, f64) -> f64,
        lo: f64,
        hi: f64,
        whole: f64,
        tol: f64,
        depth: u32,
    ) -> f64 {
        let mid = 0.5 * (lo + hi);
        let (left, right) = (rule(lo, mid), rule(mid, hi));
        let diff = (left + right - whole).abs();
        if depth == 0 || diff <= tol || diff <= 4.0 * f64::EPSILON * (left + right).abs() {
            left + right
        } else {
            refine(rule, lo, mid, left, tol / 2.0, depth - 1)
                + refine(rule, mid, hi, right, tol / 2.0, depth - 1)
        }
    }
    // A coarse estimate of the size of the integral sets the absolute tolerance.
    let coarse: f64 = (0..64)
        .map(|i| {
            rule(
                lo + (hi - lo) * i as f64 / 64.0,
                lo + (hi - lo) * (i + 1) as f64 / 64.0,
            )
        })
        .sum();
    refine(&rule, lo, hi, rule(lo, hi), 1e-14 * coarse.abs(), 30)
}

fn random_segments(rng: &mut Rng) -> (f64, Vec<Segment>) {
    let mut temp = rng.uniform(290.0, 400.0);
    let start = temp;
    let mut segments = Vec::new();
    for _ in 0..rng.pick(&[1, 2, 3, 4, 5]) {
        let segment = match rng.pick(&[0, 0, 1, 2]) {
            0 => {
                let mut target = rng.uniform(300.0, 2500.0);
                if (target - temp).abs() < 1.0 {
                    target += 10.0;
                }
                temp = target;
                Segment::Ramp {
                    rate_k_per_s: rng.log_uniform(1e-2, 1e4),
                    target_k: target,
                }
            }
            1 => Segment::Hold {
                duration_s: rng.log_uniform(1e-3, 1e4),
            },
            _ => {
                let base = rng.uniform(300.0, 900.0);
                temp = base;
                Segment::Pulses {
                    count: rng.pick(&[1.0, 3.0, 17.0]),
                    on_s: rng.log_uniform(1e-3, 1.0),
                    off_s: rng.log_uniform(1e-3, 10.0),
                    peak_k: rng.uniform(1000.0, 2500.0),
                    base_k: base,
                }
            }
        };
        segments.push(segment);
    }
    (start, segments)
}

fn random_program(rng: &mut Rng) -> ThermalProgram {
    let (start, segments) = random_segments(rng);
    ThermalProgram::new(start, &segments).unwrap()
}

/// ∫ exp(−a/T) dt over a program by quadrature in each segment's own local time, so that the
/// durations are exact and independent of the core's time bookkeeping.
fn quadrature_of_segments(a: f64, start_k: f64, segments: &[Segment]) -> f64 {
    let boltzmann = |temp: f64| (-a / temp).exp();
    let mut temp = start_k;
    let mut total = 0.0;
    for seg in segments {
        total += match *seg {
            Segment::Ramp {
                rate_k_per_s,
                target_k,
            } => {
                let from = temp;
                temp = target_k;
                let duration = (target_k - from).abs() / rate_k_per_s;
                adaptive(
                    &|t| boltzmann(from + (target_k - from) * t / duration),
                    0.0,
                    duration,
                )
            }
            Segment::Hold { duration_s } => adaptive(&|_| boltzmann(temp), 0.0, duration_s),
            Segment::Pulses {
                count,
                on_s,
                off_s,
                peak_k,
                base_k,
            } => {
                temp = base_k;
                count
                    * (adaptive(&|_| boltzmann(peak_k), 0.0, on_s)
                        + adaptive(&|_| boltzmann(base_k), 0.0, off_s))
            }
        };
    }
    total
}

#[test]
fn closed_form_equals_adaptive_quadrature_on_random_programs() {
    let mut rng = Rng(0x5EED);
    for case in 0..50 {
        let (start, segments) = random_segments(&mut rng);
        let p = ThermalProgram::new(start, &segments).unwrap();
        // Moderate Ea so that exp(−a/T) is representable and quadrature is meaningful.
        let ea_j = rng.uniform(20e3, 400e3);
        let a = ea_j / R_J_PER_MOL_K;
        let integral =
            ThermalIntegral::new(&p, ActivationEnergy::new(Field::new("ea"), ea_j).unwrap());
        let quad = quadrature_of_segments(a, start, &segments);
        let exact = integral.ln_total().exp();
        assert!(
            (exact / quad - 1.0).abs() < QUADRATURE_REL_ACC,
            "case {case}: {exact:e} vs {quad:e}"
        );
        // Inside a ramp: the closed form against quadrature over the partial ramp.
        if let Some(ramp) = p.stretches().find(|s| s.temp0_k != s.temp1_k) {
            let t = ramp.t0 + rng.uniform(0.0, 1.0) * (ramp.t1 - ramp.t0);
            let before = integral.ln_at_stretch_start(&ramp).exp();
            let partial = adaptive(&|u| (-a / ramp.temperature_at(u)).exp(), ramp.t0, t);
            let exact_t = integral.ln_at(t).exp();
            assert!(
                (exact_t / (before + partial) - 1.0).abs() < QUADRATURE_REL_ACC,
                "case {case} at {t}"
            );
        }
    }
}

#[test]
fn papers_pure_ramp_limit() {
    // T = β t from 0 K: I(t) = t·E2(a/(β t)) exactly.
    for (beta, peak, ea_j) in [
        (0.1, 1500.0, 150e3),
        (100.0, 2000.0, 318e3),
        (1e5, 2000.0, 600e3),
    ] {
        let p = ThermalProgram::pure_ramp(beta, peak).unwrap();
        let a = ea_j / R_J_PER_MOL_K;
        let integral =
            ThermalIntegral::new(&p, ActivationEnergy::new(Field::new("ea"), ea_j).unwrap());
        for frac in [0.3, 0.6, 1.0] {
            let t = p.duration_s() * frac;
            let want = t.ln() + e2(a / (beta * t)).ln();
            assert!(
                (integral.ln_at(t) - want).abs() < IDENTITY_REL_ACC,
                "β = {beta}, t = {t}"
            );
        }
    }
}

#[test]
fn pure_ramps_are_universal_in_normalised_time() {
    // J ∝ exp(−a/(β t)) = exp(−(a/T_peak)/(t/t_end)): the same curve against t/t_end for any β,
    // and I(t)/t_end is the same function of t/t_end.
    let ea = ActivationEnergy::new(Field::new("ea"), 318e3).unwrap();
    let slow = ThermalProgram::pure_ramp(10.0 / 60.0, 1800.0).unwrap();
    let fast = ThermalProgram::pure_ramp(1e5, 1800.0).unwrap();
    let (is, if_) = (
        ThermalIntegral::new(&slow, ea),
        ThermalIntegral::new(&fast, ea),
    );
    for u in [0.2, 0.5, 0.9, 1.0] {
        let (ts, tf) = (u * slow.duration_s(), u * fast.duration_s());
        assert!((slow.temperature_at(ts) / fast.temperature_at(tf) - 1.0).abs() < IDENTITY_REL_ACC);
        let lhs = is.ln_at(ts) - slow.duration_s().ln();
        let rhs = if_.ln_at(tf) - fast.duration_s().ln();
        assert!((lhs - rhs).abs() < IDENTITY_REL_ACC, "u = {u}");
    }
}

#[test]
fn integral_is_monotone_in_time_and_temperature() {
    let mut rng = Rng(7);
    for _ in 0..50 {
        let p = random_program(&mut rng);
        let ea = ActivationEnergy::new(Field::new("ea"), rng.uniform(50e3, 2e6)).unwrap();
        let integral = ThermalIntegral::new(&p, ea);
        let mut last = f64::NEG_INFINITY;
        for i in 0..=400 {
            let v = integral.ln_at(p.duration_s() * i as f64 / 400.0);
            // Never decreases, beyond the rounding of adding a stretch's share to I.
            let tolerance = MONOTONE_ULPS * f64::EPSILON * last.abs().max(1.0);
            assert!(v >= last - tolerance, "I(t) never decreases: {last} → {v}");
            assert!(!v.is_nan());
            last = v;
        }
        assert!(
            last.is_finite(),
            "no underflow to −∞ even at Ea = {}",
            ea.j_per_mol()
        );
    }
    // A hotter hold always gives a larger integral.
    let ea = ActivationEnergy::new(Field::new("ea"), 300e3).unwrap();
    let mut last = f64::NEG_INFINITY;
    for temp in [300.0, 600.0, 900.0, 1500.0, 3000.0] {
        let p = ThermalProgram::new(temp, &[Segment::Hold { duration_s: 10.0 }]).unwrap();
        let v = ThermalIntegral::new(&p, ea).ln_total();
        assert!(v > last);
        last = v;
    }
}

fn base_scenario() -> Scenario {
    Scenario {
        program: ProgramSpec {
            start_k: 298.15,
            segments: vec![
                Segment::Ramp {
                    rate_k_per_s: 1.0,
                    target_k: 1400.0,
                },
                Segment::Pulses {
                    count: 5.0,
                    on_s: 0.1,
                    off_s: 1.0,
                    peak_k: 2000.0,
                    base_k: 800.0,
                },
            ],
        },
        diffusion: DiffusionSpec {
            d0_m2_per_s: 1e-6,
            ea_j_per_mol: 300e3,
            concentration_mol_per_m3: 1e4,
            valid_min_k: Some(1000.0),
            valid_max_k: Some(1600.0),
        },
        mixing: MixingSpec::Direct {
            g_j_per_k_mol_m: 1e7,
        },
        grain_growth: Some(GrainSpec {
            exponent: 3.0,
            d0_m: 1e-7,
            k0: 1e-5,
            ea_j_per_mol: 450e3,
        }),
        homogenisation: HomogenisationSpec {
            wavelength_m: 1e-6,
            target_residual: 0.01,
        },
        reference_temperature_k: Some(1273.15),
        sampling: Sampling {
            points: 300.0,
            scale: TimeScale::Log,
            decades: 5.0,
        },
        uncertainty: None,
    }
}

/// Every numeric field of a scenario, as a mutable reference and its JS name.
fn numeric_fields(s: &mut Scenario) -> Vec<(&'static str, &mut f64)> {
    let mut out: Vec<(&'static str, &mut f64)> = vec![("program.startK", &mut s.program.start_k)];
    for seg in &mut s.program.segments {
        match seg {
            Segment::Ramp {
                rate_k_per_s,
                target_k,
            } => {
                out.push(("rateKPerS", rate_k_per_s));
                out.push(("targetK", target_k));
            }
            Segment::Hold { duration_s } => out.push(("durationS", duration_s)),
            Segment::Pulses {
                count,
                on_s,
                off_s,
                peak_k,
                base_k,
            } => {
                out.extend([
                    ("count", count),
                    ("onS", on_s),
                    ("offS", off_s),
                    ("peakK", peak_k),
                    ("baseK", base_k),
                ]);
            }
        }
    }
    let d = &mut s.diffusion;
    out.extend([
        ("diffusion.d0M2PerS", &mut d.d0_m2_per_s),
        ("diffusion.eaJPerMol", &mut d.ea_j_per_mol),
        (
            "diffusion.concentrationMolPerM3",
            &mut d.concentration_mol_per_m3,
        ),
    ]);
    if let MixingSpec::Direct { g_j_per_k_mol_m } = &mut s.mixing {
        out.push(("mixing.gJPerKMolM", g_j_per_k_mol_m));
    }
    let g = s.grain_growth.as_mut().unwrap();
    out.extend([
        ("grainGrowth.exponent", &mut g.exponent),
        ("grainGrowth.d0M", &mut g.d0_m),
        ("grainGrowth.k0", &mut g.k0),
        ("grainGrowth.eaJPerMol", &mut g.ea_j_per_mol),
        (
            "homogenisation.wavelengthM",
            &mut s.homogenisation.wavelength_m,
        ),
        (
            "homogenisation.targetResidual",
            &mut s.homogenisation.target_residual,
        ),
        ("sampling.points", &mut s.sampling.points),
        ("sampling.decades", &mut s.sampling.decades),
    ]);
    out
}

#[test]
fn adversarial_values_never_panic_and_errors_name_their_field() {
    let hostile = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        -1.0,
        f64::MIN_POSITIVE / 4.0, // subnormal
        f64::MIN_POSITIVE,
        f64::EPSILON,
        1e-300,
        1e300,
        f64::MAX,
        -f64::MAX,
        0.5,
        7.0,
        1e6,
    ];
    let field_count = numeric_fields(&mut base_scenario()).len();
    for field in 0..field_count {
        for &value in &hostile {
            let mut s = base_scenario();
            let name = {
                let mut fields = numeric_fields(&mut s);
                *fields[field].1 = value;
                fields[field].0
            };
            match s.evaluate() {
                Ok((curves, summary)) => {
                    assert!(!curves.is_empty());
                    for v in curves
                        .time_s
                        .iter()
                        .chain(&curves.temperature_k)
                        .chain(&curves.grain_size_m)
                    {
                        assert!(v.is_finite(), "{name} = {value}: non-finite sample");
                    }
                    for v in [
                        &curves.log10_flux,
                        &curves.log10_amount,
                        &curves.log10_residual,
                    ] {
                        assert!(
                            v.iter().all(|x| !x.is_nan()),
                            "{name} = {value}: NaN in a curve"
                        );
                    }
                    assert!(
                        summary.log10_thermal_integral_s.is_finite(),
                        "{name} = {value}"
                    );
                }
                Err(e) => {
                    assert!(
                        e.field().ends_with(name),
                        "{name} = {value}: error names {}",
                        e.field()
                    );
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
}

#[test]
fn random_scenarios_never_panic() {
    let mut rng = Rng(42);
    let pool = [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e-310, 1e308];
    for _ in 0..2000 {
        let mut s = base_scenario();
        for (_, v) in numeric_fields(&mut s) {
            let r = rng.uniform(0.0, 1.0);
            if r < 0.05 {
                *v = rng.pick(&pool);
            } else if r < 0.3 {
                *v *= rng.log_uniform(1e-3, 1e3);
            }
        }
        if let Ok((curves, _)) = s.evaluate() {
            assert!(curves.log10_flux.iter().all(|x| !x.is_nan()));
        }
    }
}
