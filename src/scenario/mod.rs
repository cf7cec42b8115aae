//! The whole-scenario entry point: program, material, mixing, grain growth and sampling in;
//! every curve on a time grid and a summary out.
//!
//! [`Scenario`] (in `spec`) is the plain data a user, a share link or a script supplies, in SI
//! units with the unit in every field name. [`Model::new`] (in `model`) is the one place it is
//! checked; [`Model::sample_into`] (in `grid`) computes every curve into reusable buffers, and
//! [`COLUMNS`] (in `curves`) names each curve for every output.

mod curves;
mod grid;
mod model;
mod spec;

pub use curves::{
    AMOUNT, COLUMNS, Column, Curves, DIFFUSION_LENGTH, EXP_COEFFICIENT, FLUX, GRAIN_SIZE, RESIDUAL,
    TEMPERATURE, TIME,
};
pub use model::{Model, Summary};
pub use spec::{
    DiffusionSpec, GrainSpec, HomogenisationSpec, MixingSpec, ProgramSpec, Sampling, Scenario,
    TimeScale, UncertaintySpec,
};

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::arrhenius::ThermalIntegral;
    use crate::error::InputError;
    use crate::grain::GrainGrowth;
    use crate::mixing::{EntropyBasis, Sublattice};
    use crate::presets::{MATERIALS, TECHNIQUES};
    use crate::program::Segment;
    use std::f64::consts::LOG10_E;

    pub(crate) fn example() -> Scenario {
        let m = &MATERIALS[0];
        Scenario {
            program: ProgramSpec {
                start_k: TECHNIQUES[0].start_k,
                segments: TECHNIQUES[0].segments.to_vec(),
            },
            diffusion: DiffusionSpec {
                d0_m2_per_s: m.d0_m2_per_s,
                ea_j_per_mol: m.ea_j_per_mol,
                concentration_mol_per_m3: 1.0e4,
                valid_min_k: Some(m.valid_min_k),
                valid_max_k: Some(m.valid_max_k),
            },
            mixing: MixingSpec::Entropy {
                length_m: 1e-6,
                sublattices: vec![Sublattice {
                    sites_per_formula_unit: 1.0,
                    amounts: vec![1.0; 5],
                }],
                basis: EntropyBasis::PerMixedSite,
            },
            grain_growth: Some(GrainSpec {
                exponent: 2.0,
                d0_m: 1e-7,
                k0: 1e4,
                ea_j_per_mol: 600e3,
            }),
            homogenisation: HomogenisationSpec {
                wavelength_m: 1e-6,
                target_residual: 0.01,
            },
            reference_temperature_k: None,
            sampling: Sampling::default(),
            uncertainty: None,
        }
    }

    #[test]
    fn curves_are_consistent_and_monotone() {
        let (c, s) = example().evaluate().unwrap();
        assert!(c.len() >= 600);
        for v in [
            &c.temperature_k,
            &c.log10_flux,
            &c.log10_amount,
            &c.log10_residual,
            &c.grain_size_m,
        ] {
            assert_eq!(v.len(), c.len());
        }
        assert!(c.time_s.windows(2).all(|w| w[0] <= w[1]), "time is sorted");
        // accumulated quantities never decrease; the residual never increases
        assert!(c.log10_amount.windows(2).all(|w| w[1] >= w[0]));
        assert!(c.grain_size_m.windows(2).all(|w| w[1] >= w[0]));
        assert!(c.log10_residual.windows(2).all(|w| w[1] <= w[0]));
        assert_eq!(*c.log10_amount.last().unwrap(), s.log10_amount);
        assert_eq!(s.peak_k, 1500.0);
        let t_heat = (1500.0 - 298.15) / (10.0 / 60.0);
        assert!((s.peak_flux_at_s - t_heat).abs() < 1e-9);
        assert!(s.entropy_j_per_mol_k.unwrap() > 13.38 && s.entropy_j_per_mol_k.unwrap() < 13.39);
        // a 4 h hold at 1500 K of a µm modulation: D(1500 K) = 2.3e-17 m²/s → 4π²DI/λ² ≈ 13
        assert!(s.homogenised_at_s.is_some());
        let frac = s.extrapolated_fraction.unwrap();
        assert!(
            frac > 0.0 && frac < 0.01,
            "1500 K is inside 1173–1673 K: {frac}"
        );
    }

    #[test]
    fn homogenisation_time_is_where_the_residual_crosses_the_target() {
        let (c, s) = example().evaluate().unwrap();
        let t = s.homogenised_at_s.unwrap();
        let i = c.time_s.partition_point(|&x| x < t);
        assert!(c.log10_residual[i - 1] > -2.0 && c.log10_residual[i] <= -2.0 + 1e-9);
    }

    #[test]
    fn log_grid_spans_the_requested_decades() {
        let mut sc = example();
        sc.sampling = Sampling {
            points: 200.0,
            scale: TimeScale::Log,
            decades: 4.0,
        };
        let (c, s) = sc.evaluate().unwrap();
        assert!((c.time_s[0] / (s.duration_s * 1e-4) - 1.0).abs() < 1e-12);
        assert_eq!(*c.time_s.last().unwrap(), s.duration_s);
    }

    #[test]
    fn pulse_edges_are_exact_vertical_steps() {
        let mut sc = example();
        sc.program = ProgramSpec {
            start_k: 300.0,
            segments: vec![Segment::Pulses {
                count: 1000.0,
                on_s: 0.02,
                off_s: 1.08,
                peak_k: 2400.0,
                base_k: 300.0,
            }],
        };
        sc.sampling.points = 2000.0;
        let (c, _) = sc.evaluate().unwrap();
        let rising: Vec<usize> = (1..c.len())
            .filter(|&i| c.temperature_k[i - 1] == 300.0 && c.temperature_k[i] == 2400.0)
            .collect();
        assert_eq!(
            rising.len(),
            999,
            "every pulse after the first starts with a vertical edge"
        );
        for &i in &rising {
            assert_eq!(c.time_s[i - 1], c.time_s[i], "the edge is vertical");
        }
        assert_eq!(c.temperature_k[0], 2400.0);
    }

    #[test]
    fn dense_pulse_trains_cost_the_grid_not_the_pulses() {
        let mut sc = example();
        let train = Segment::Pulses {
            count: 10_000.0,
            on_s: 0.01,
            off_s: 0.01,
            peak_k: 1800.0,
            base_k: 300.0,
        };
        sc.program = ProgramSpec {
            start_k: 300.0,
            segments: vec![train; 10],
        };
        let points = 600;
        sc.sampling.points = points as f64;
        let model = sc.validate().unwrap();
        let (c, _) = sc.evaluate().unwrap();
        // Three samples per column, and a few more where one train ends and the next begins.
        assert!(c.len() <= 3 * points + 4 * 10, "{} samples", c.len());
        // Each grid column still spans the train's extremes, and the samples are exact.
        let column = model.program().duration_s() / (points - 1) as f64;
        let integral = ThermalIntegral::new(
            model.program(),
            model.flux().diffusion().activation_energy(),
        );
        for j in 0..points - 1 {
            let inside =
                |i: &usize| (j as f64 * column..(j + 1) as f64 * column).contains(&c.time_s[*i]);
            let temps: Vec<f64> = (0..c.len())
                .filter(inside)
                .map(|i| c.temperature_k[i])
                .collect();
            assert!(
                temps.contains(&1800.0) && temps.contains(&300.0),
                "column {j}"
            );
        }
        for i in (0..c.len()).step_by(11) {
            let want = LOG10_E * model.flux().ln_amount(integral.ln_at(c.time_s[i]));
            assert!(
                (c.log10_amount[i] - want).abs() < 1e-12 * want.abs().max(1.0),
                "i = {i}"
            );
        }
    }

    #[test]
    fn a_zoomed_window_resolves_each_pulse_with_exact_values_and_edges() {
        let mut sc = example();
        sc.program = ProgramSpec {
            start_k: 300.0,
            segments: vec![
                Segment::Hold { duration_s: 3600.0 },
                Segment::Pulses {
                    count: 20.0,
                    on_s: 0.5,
                    off_s: 1.5,
                    peak_k: 1800.0,
                    base_k: 300.0,
                },
            ],
        };
        let model = sc.validate().unwrap();
        // Pulse k is on from 3600 + 2k to 3600.5 + 2k s; drawn from its start to its end when
        // both are samples at the peak temperature.
        let drawn = |c: &Curves, k: u32| {
            let on = 3600.0 + 2.0 * f64::from(k)..=3600.5 + 2.0 * f64::from(k);
            let peaks =
                (0..c.len()).filter(|&i| on.contains(&c.time_s[i]) && c.temperature_k[i] == 1800.0);
            peaks.count() >= 2
        };
        let mut whole = Curves::default();
        model.sample_columns_into(&mut whole, 400, None);
        let on_whole = (0..20).filter(|&k| drawn(&whole, k)).count();
        assert!(
            on_whole < 10,
            "40 s of pulses in 4 columns of 9 s: {on_whole} drawn"
        );

        // The window ends before pulse 18.
        let (from, to) = (3590.0, 3635.25);
        let mut zoomed = Curves::default();
        model.sample_columns_into(&mut zoomed, 400, Some((from, to)));
        let t = &zoomed.time_s;
        assert_eq!((t[0], *t.last().unwrap()), (from, to));
        assert!(t.windows(2).all(|w| w[0] <= w[1]));
        assert!((0..18).all(|k| drawn(&zoomed, k)));
        let integral = ThermalIntegral::new(
            model.program(),
            model.flux().diffusion().activation_energy(),
        );
        for (&t, &got) in t.iter().zip(&zoomed.log10_amount) {
            let want = LOG10_E * model.flux().ln_amount(integral.ln_at(t));
            assert!((got - want).abs() < 1e-12 * want.abs().max(1.0), "t = {t}");
        }
    }

    #[test]
    fn a_program_opening_with_pulses_below_its_start_peaks_at_the_start() {
        let mut sc = example();
        sc.program = ProgramSpec {
            start_k: 1500.0,
            segments: vec![Segment::Pulses {
                count: 10.0,
                on_s: 1.0,
                off_s: 1.0,
                peak_k: 1000.0,
                base_k: 300.0,
            }],
        };
        let (_, s) = sc.evaluate().unwrap();
        assert_eq!((s.peak_k, s.peak_flux_at_s), (1500.0, 0.0));
    }

    #[test]
    fn hold_fast_path_agrees_with_the_log_path() {
        let mut sc = example();
        sc.program = ProgramSpec {
            start_k: 300.0,
            segments: vec![
                Segment::Ramp {
                    rate_k_per_s: 100.0,
                    target_k: 900.0,
                },
                Segment::Pulses {
                    count: 50.0,
                    on_s: 0.02,
                    off_s: 1.08,
                    peak_k: 2400.0,
                    base_k: 900.0,
                },
                Segment::Hold { duration_s: 30.0 },
            ],
        };
        let model = sc.validate().unwrap();
        let (c, _) = sc.evaluate().unwrap();
        let diffusion = *model.flux().diffusion();
        let integral = ThermalIntegral::new(model.program(), diffusion.activation_energy());
        let grain = GrainGrowth::new(2.0, 1e-7, 1e4, 600e3).unwrap();
        let grain_integral = ThermalIntegral::new(model.program(), grain.activation_energy());
        let (modulation, _) = model.homogenisation();
        for i in (0..c.len()).step_by(7) {
            let t = c.time_s[i];
            let ln_i = integral.ln_at(t);
            let want = LOG10_E * modulation.ln_residual(&diffusion, ln_i);
            assert!(
                (c.log10_residual[i] - want).abs() <= 1e-12 * want.abs().max(1.0),
                "t = {t}"
            );
            let d = grain.grain_size_m(grain_integral.ln_at(t));
            assert!((c.grain_size_m[i] / d - 1.0).abs() < 1e-13, "t = {t}");
        }
    }

    #[test]
    fn evaluation_reuses_buffers() {
        let model = example().validate().unwrap();
        let mut curves = Curves::default();
        let first = model.evaluate_into(&mut curves);
        let cap = curves.time_s.capacity();
        let second = model.evaluate_into(&mut curves);
        assert_eq!(first, second);
        assert_eq!(curves.time_s.capacity(), cap);
    }

    /// A scenario of ramps, a hold and a pulse train, its Eₐ raised by `ea`, its D0 multiplied
    /// by `d0` and its temperatures raised by `dt`, with uncertainty `band` (σ, f, ΔT).
    fn banded(ea: f64, d0: f64, dt: f64, band: (f64, f64, f64)) -> Model {
        let mut s = example();
        s.program = ProgramSpec {
            start_k: 298.15,
            segments: vec![
                Segment::Ramp {
                    rate_k_per_s: 10.0,
                    target_k: 1400.0,
                },
                Segment::Hold { duration_s: 600.0 },
                Segment::Pulses {
                    count: 5.0,
                    on_s: 1.0,
                    off_s: 4.0,
                    peak_k: 1700.0,
                    base_k: 900.0,
                },
                Segment::Ramp {
                    rate_k_per_s: 10.0,
                    target_k: 298.15,
                },
            ],
        }
        .shifted(dt);
        s.diffusion.ea_j_per_mol += ea;
        s.diffusion.d0_m2_per_s *= d0;
        s.uncertainty = Some(UncertaintySpec {
            ea_j_per_mol: band.0,
            d0_factor: band.1,
            delta_temperature_k: band.2,
        });
        s.validate().unwrap()
    }

    fn curves_of(model: &Model) -> Curves {
        let mut curves = Curves::default();
        model.evaluate_into(&mut curves);
        curves
    }

    #[test]
    fn the_band_holds_the_curves_of_every_scenario_inside_it_and_vanishes_without_uncertainty() {
        assert!(banded(0.0, 1.0, 0.0, (0.0, 1.0, 0.0)).band().is_none());
        let (sigma, f, dt) = (20e3, 3.0, 30.0);
        let model = banded(0.0, 1.0, 0.0, (sigma, f, dt));
        let (lo, hi) = model.band().unwrap();
        let (lo, hi) = (curves_of(lo), curves_of(hi));
        // The scenario itself, its ends, and scenarios inside the uncertainty lie between the
        // two ends at every sample of every curve (to rounding).
        let inside = [
            (0.0, 1.0, 0.0),
            (sigma, 1.0 / f, -dt),
            (-sigma, f, dt),
            (-12e3, 0.5, -20.0),
            (7e3, 2.0, 29.0),
            (19e3, 2.9, -1.0),
        ];
        for (ea, d0, shift) in inside {
            let curves = curves_of(&banded(ea, d0, shift, (0.0, 1.0, 0.0)));
            for ((column, c), ((_, l), (_, h))) in
                curves.columns().zip(lo.columns().zip(hi.columns()))
            {
                assert_eq!(c.len(), l.len(), "{}", column.key);
                for i in 0..c.len() {
                    let (a, b) = (l[i].min(h[i]), l[i].max(h[i]));
                    let slack = 1e-12 * (a.abs() + b.abs());
                    let within = c[i] >= a - slack && c[i] <= b + slack;
                    assert!(
                        within || c[i] == a || c[i] == b,
                        "{} at sample {i} of {:?}: {} not in [{a}, {b}]",
                        column.key,
                        (ea, d0, shift),
                        c[i]
                    );
                }
            }
        }
    }

    #[test]
    fn an_uncertainty_that_would_leave_the_allowed_inputs_is_refused_with_its_own_range() {
        let refused = |band: (f64, f64, f64)| {
            let mut s = example();
            s.uncertainty = Some(UncertaintySpec {
                ea_j_per_mol: band.0,
                d0_factor: band.1,
                delta_temperature_k: band.2,
            });
            match s.validate().unwrap_err() {
                InputError::OutOfRange { field, allowed, .. } => (field, allowed.max),
                e => panic!("{e}"),
            }
        };
        // The program starts at 298.15 K and T ≥ 1 K: ΔT ≤ 297.15 K.
        let (field, max) = refused((0.0, 1.0, 400.0));
        assert_eq!(field, "uncertainty.deltaTemperatureK");
        assert!((max - 297.15).abs() < 1e-9, "{max}");
        let ea = example().diffusion.ea_j_per_mol;
        assert_eq!(
            refused((ea, 1.0, 0.0)),
            ("uncertainty.eaJPerMol".into(), ea - 1.0)
        );
        assert_eq!(refused((0.0, 0.5, 0.0)).0, "uncertainty.d0Factor");
    }
}
