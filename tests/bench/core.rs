//! Native benchmark of the kinetic core (`cargo bench --bench core`): prints figures, asserts
//! nothing. The headline case is the one the core is budgeted on: a 1,000-pulse program sampled
//! at 2,000 points with every curve and the summary.

use std::hint::black_box;
use std::time::Instant;

use synthesis_kinetics::arrhenius::ln_ramp;
use synthesis_kinetics::program::Segment;
use synthesis_kinetics::scenario::{
    Curves, DiffusionSpec, GrainSpec, HomogenisationSpec, MixingSpec, ProgramSpec, Sampling,
    Scenario, TimeScale,
};

/// Runs `f` `runs` times after a warm-up and returns (median, worst) in microseconds.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..runs.div_ceil(10) {
        f();
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[runs / 2], samples[runs - 1])
}

fn pulses(count: f64, points: f64) -> Scenario {
    Scenario {
        program: ProgramSpec {
            start_k: 298.15,
            segments: vec![
                Segment::Ramp {
                    rate_k_per_s: 1e4,
                    target_k: 600.0,
                },
                Segment::Pulses {
                    count,
                    on_s: 0.02,
                    off_s: 1.08,
                    peak_k: 2400.0,
                    base_k: 600.0,
                },
                Segment::Ramp {
                    rate_k_per_s: 1e3,
                    target_k: 298.15,
                },
            ],
        },
        diffusion: DiffusionSpec {
            d0_m2_per_s: 2.66e-6,
            ea_j_per_mol: 318e3,
            concentration_mol_per_m3: 1e4,
            valid_min_k: Some(1173.0),
            valid_max_k: Some(1673.0),
        },
        mixing: MixingSpec::Direct {
            g_j_per_k_mol_m: 1.338e7,
        },
        grain_growth: Some(GrainSpec {
            exponent: 2.0,
            d0_m: 1e-7,
            k0: 1e4,
            ea_j_per_mol: 600e3,
        }),
        homogenisation: HomogenisationSpec {
            wavelength_m: 1e-8,
            target_residual: 0.01,
        },
        reference_temperature_k: None,
        sampling: Sampling {
            points,
            scale: TimeScale::Linear,
            decades: 6.0,
        },
        uncertainty: None,
    }
}

fn main() {
    println!(
        "kinetic core, native ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    for (count, points) in [(1000.0, 2000.0), (100.0, 2000.0), (10_000.0, 2000.0)] {
        let scenario = pulses(count, points);
        let model = scenario.validate().expect("benchmark scenario is valid");
        let mut curves = Curves::default();
        let (median, worst) = time(200, || {
            black_box(model.evaluate_into(&mut curves));
        });
        println!(
            "  {count:>6} pulses, {points} base points ({} samples, all curves + summary): median {median:8.1} µs, worst {worst:8.1} µs",
            curves.len()
        );
    }
    let scenario = pulses(1000.0, 2000.0);
    let (median, worst) = time(200, || {
        black_box(scenario.validate().expect("valid"));
    });
    println!(
        "  validating that scenario:                                        median {median:8.1} µs, worst {worst:8.1} µs"
    );
    let (median, worst) = time(50, || {
        for i in 0..1000 {
            black_box(ln_ramp(38_000.0, 300.0 + i as f64, 1500.0 + i as f64));
        }
    });
    println!(
        "  exact ramp integral (closed form with E2):                       median {:8.3} µs, worst {:8.3} µs per call",
        median / 1000.0,
        worst / 1000.0
    );
}
