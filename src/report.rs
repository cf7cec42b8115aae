//! The calculator's text outputs, in pure Rust so that they are tested natively: the summary, the
//! answers to the inverse questions, the mixing panel's answer and the CSV of every curve.

use std::f64::consts::LOG10_E;
use std::fmt::Write;

use crate::charts::Scene;
use crate::display::{DisplayUnits, number, number_from_log10};
use crate::error::InputError;
use crate::homogenisation::{hold_for_length_s, ramp_rate_for_length};
use crate::scenario::{COLUMNS, Model, Summary};
use crate::units::Quantity::{Energy, Length, Rate, Temperature, Time};

/// The summary of a scenario as readable lines, in the reader's units.
pub fn summary(model: &Model, s: &Summary, units: &DisplayUnits) -> String {
    let mut lines = vec![
        format!(
            "Program: {}, peak {}",
            units.show(Time, s.duration_s),
            units.show(Temperature, s.peak_k)
        ),
        format!(
            "Peak flux |J| = {} mol/(m²·s) at t = {}",
            number_from_log10(s.log10_peak_flux),
            units.show(Time, s.peak_flux_at_s)
        ),
        format!(
            "Linear control coefficient G = {} J/(K·mol·m)",
            number(s.linear_coefficient_j_per_k_mol_m)
        ),
    ];
    if let Some(entropy) = s.entropy_j_per_mol_k {
        lines.push(format!(
            "Configurational entropy S_conf = {} J/(mol·K)",
            number(entropy)
        ));
    }
    lines.extend([
        format!(
            "Arrhenius integral I = {} s",
            number_from_log10(s.log10_thermal_integral_s)
        ),
        format!(
            "Equivalent time at {} = {}",
            units.show(Temperature, s.reference_k),
            units.show_log10(Time, s.log10_equivalent_time_s)
        ),
        format!(
            "Transported amount Q = {} mol/m²",
            number_from_log10(s.log10_amount)
        ),
        format!(
            "Diffusion length √(D₀·I) = {}",
            units.show_log10(Length, s.log10_diffusion_length_m)
        ),
        format!(
            "Residual modulation A/A₀ = {}",
            number_from_log10(s.log10_residual)
        ),
        match s.homogenised_at_s {
            Some(t) => format!(
                "Homogenised (target residual reached) at t = {}",
                units.show(Time, t)
            ),
            None => "Target residual not reached during the program".into(),
        },
    ]);
    if let Some(t) = s.isothermal_time_at_peak_s {
        lines.push(format!(
            "Hold at the peak temperature that would homogenise: {}",
            units.show(Time, t)
        ));
    }
    if let Some(t) = s.temperature_for_duration_k {
        lines.push(format!(
            "Hold temperature that homogenises in the program's duration: {}",
            units.show(Temperature, t)
        ));
    }
    if let Some(d) = s.grain_size_m {
        lines.push(format!("Final grain size d = {}", units.show(Length, d)));
    }
    if let (Some(f), Some((lo, hi))) = (s.extrapolated_fraction, model.valid_range_k()) {
        lines.push(format!(
            "{} % of the diffusion happened outside the measured range {} to {}{}",
            number(100.0 * f),
            units.show(Temperature, lo),
            units.show(Temperature, hi),
            if f > 0.01 { " (extrapolated)" } else { "" }
        ));
    }
    if let Some((lower, upper)) = model.band() {
        lines.extend(band(&lower.summary(), &upper.summary(), units));
    }
    lines.join("\n")
}

/// The key results at the two ends of an uncertainty band, each as a range from the smaller.
fn band(lower: &Summary, upper: &Summary, units: &DisplayUnits) -> Vec<String> {
    let range = |a: f64, b: f64, show: &dyn Fn(f64) -> String| {
        format!("{} to {}", show(a.min(b)), show(a.max(b)))
    };
    let mut lines = vec![
        "Within the uncertainty band:".to_string(),
        format!(
            "  peak flux |J| from {} mol/(m²·s)",
            range(
                lower.log10_peak_flux,
                upper.log10_peak_flux,
                &number_from_log10
            )
        ),
        format!(
            "  transported amount Q from {} mol/m²",
            range(lower.log10_amount, upper.log10_amount, &number_from_log10)
        ),
        format!(
            "  diffusion length from {}",
            range(
                lower.log10_diffusion_length_m,
                upper.log10_diffusion_length_m,
                &|v| units.show_log10(Length, v)
            )
        ),
        format!(
            "  residual modulation from {}",
            range(
                lower.log10_residual,
                upper.log10_residual,
                &number_from_log10
            )
        ),
    ];
    if let (Some(a), Some(b)) = (lower.grain_size_m, upper.grain_size_m) {
        lines.push(format!(
            "  final grain size from {}",
            range(a, b, &|v| units.show(Length, v))
        ));
    }
    lines
}

/// The key results of several scenarios side by side, in the reader's units: a header row of
/// their labels, then one row per result (peak temperature, duration, peak |J|, transported
/// amount, diffusion length, residual, final grain size, share extrapolated), and their
/// heat-work: the hold at the first one's reference temperature that does the same diffusion.
pub fn comparison(
    scenarios: &[(&str, &Model, &Summary)],
    units: &DisplayUnits,
) -> Vec<Vec<String>> {
    type Cell = fn(&Summary, &DisplayUnits) -> String;
    const ROWS: [(&str, Cell); 8] = [
        ("Peak temperature", |s, u| u.show(Temperature, s.peak_k)),
        ("Duration", |s, u| u.show(Time, s.duration_s)),
        ("Peak |J| [mol/(m²·s)]", |s, _| {
            number_from_log10(s.log10_peak_flux)
        }),
        ("Transported amount Q [mol/m²]", |s, _| {
            number_from_log10(s.log10_amount)
        }),
        ("Diffusion length √(D₀·I)", |s, u| {
            u.show_log10(Length, s.log10_diffusion_length_m)
        }),
        ("Residual modulation A/A₀", |s, _| {
            number_from_log10(s.log10_residual)
        }),
        ("Final grain size", |s, u| {
            s.grain_size_m.map_or("—".into(), |d| u.show(Length, d))
        }),
        ("Diffusion outside the measured range", |s, _| {
            s.extrapolated_fraction
                .map_or("—".into(), |f| format!("{} %", number(100.0 * f)))
        }),
    ];
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(scenarios.iter().map(|(label, ..)| label.to_string()))
            .collect::<Vec<_>>(),
    ];
    rows.extend(ROWS.iter().map(|(name, cell)| {
        std::iter::once(name.to_string())
            .chain(scenarios.iter().map(|(_, _, s)| cell(s, units)))
            .collect()
    }));
    if let Some((_, _, first)) = scenarios.first() {
        let reference_k = first.reference_k;
        rows.push(
            std::iter::once(format!(
                "Equivalent hold at {} (the same diffusion)",
                units.show(Temperature, reference_k)
            ))
            .chain(scenarios.iter().map(|(_, m, s)| {
                let ln_integral = s.log10_thermal_integral_s / LOG10_E;
                let ln_hold = m.flux().ln_equivalent_time(ln_integral, reference_k);
                units.show_log10(Time, LOG10_E * ln_hold)
            }))
            .collect(),
        );
    }
    rows
}

/// The inverse questions for the model's species and homogenisation target, one line per
/// question asked, in the reader's units: the temperature that homogenises in `duration_s`,
/// the hold time at `temperature_k`, and the hold or single ramp (start → peak of the program)
/// that reaches diffusion length `length_m`.
pub fn inverse(
    model: &Model,
    duration_s: Option<f64>,
    temperature_k: Option<f64>,
    length_m: Option<f64>,
    units: &DisplayUnits,
) -> String {
    let d = model.flux().diffusion();
    let (modulation, residual) = model.homogenisation();
    let answer =
        |r: Result<String, InputError>| r.unwrap_or_else(|e| format!("— {}", units.explain(&e)));
    let (time, temperature) = (|t| units.show(Time, t), |k| units.show(Temperature, k));
    let mut lines = Vec::new();
    if let Some(t) = duration_s {
        lines.push(answer(modulation.temperature_for_k(d, residual, t).map(
            |k| {
                format!(
                    "Homogenises in a {} hold at T = {}",
                    time(t),
                    temperature(k)
                )
            },
        )));
    }
    if let Some(k) = temperature_k {
        lines.push(answer(modulation.isothermal_time_s(d, residual, k).map(
            |t| {
                format!(
                    "Homogenises at {} after a hold of {}",
                    temperature(k),
                    time(t)
                )
            },
        )));
        // The barrier inverse (§3.2): how high Eₐ may be for this hold to homogenise.
        if let Some(t) = duration_s {
            lines.push(match modulation.activation_energy_for(d, residual, k, t) {
                Some(ea) => format!(
                    "A {} hold at {} homogenises if Eₐ ≤ {} (this species: {})",
                    time(t),
                    temperature(k),
                    units.show(Energy, ea),
                    units.show(Energy, d.activation_energy().j_per_mol())
                ),
                None => format!(
                    "— a {} hold at {} cannot homogenise with this D₀ and λ at any Eₐ",
                    time(t),
                    temperature(k)
                ),
            });
        }
    }
    if let Some(l) = length_m {
        let length = units.show(Length, l);
        if let Some(k) = temperature_k {
            lines.push(answer(hold_for_length_s(d, l, k).map(|t| {
                format!(
                    "Diffusion length {length} at {} after {}",
                    temperature(k),
                    time(t)
                )
            })));
        }
        let (from, to) = (model.program().start_k(), model.program().peak_k());
        lines.push(answer(ramp_rate_for_length(d, l, from, to).map(|b| {
            format!(
                "A single ramp {} → {} reaches {length} at {}",
                temperature(from),
                temperature(to),
                units.show(Rate, b)
            )
        })));
    }
    lines.join("\n")
}

/// The mixing panel's answer: S_conf of the composition (when given) and the G it implies.
pub fn mixing(model: &Model) -> String {
    let g = format!(
        "G = {} J/(K·mol·m)",
        number(model.flux().linear_coefficient())
    );
    match model.entropy_j_per_mol_k() {
        Some(entropy) => format!(
            "S_conf = {} J/(mol·K) → {g} (G ≈ S_conf/λ)",
            number(entropy)
        ),
        None => g,
    }
}

/// A text cell of a CSV: quoted, and never read by a spreadsheet as a formula (a leading `=`,
/// `+`, `-`, `@`, tab or carriage return gets a `'` before it).
fn text_cell(text: &str) -> String {
    let guard = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", text.replace('"', "\"\""))
}

/// Curves of every scene as CSV, one block of rows per scene, in the reader's units (one time
/// unit for all, suiting the longest program), each header naming its unit. A log10 column of
/// a quantity that is exactly zero (−∞) is left empty; no cell reads `inf` or `NaN`.
pub fn csv(scenes: &[Scene<'_>], units: &DisplayUnits) -> String {
    let span = scenes
        .iter()
        .map(|s| s.model.program().duration_s())
        .fold(0.0, f64::max);
    let units = &units.for_span(span);
    let mut out = String::from("scenario");
    for column in &COLUMNS {
        let log10 = if column.log10 { "log10 " } else { "" };
        let _ = write!(
            out,
            ",{}",
            text_cell(&format!("{log10}{}", column.header(units)))
        );
    }
    out.push('\n');
    for scene in scenes {
        let label = text_cell(scene.label);
        for i in 0..scene.curves.len() {
            out.push_str(&label);
            for column in &COLUMNS {
                out.push(',');
                if let Some(v) = column
                    .value(scene.curves, i, units)
                    .filter(|v| v.is_finite())
                {
                    let _ = write!(out, "{v:e}");
                }
            }
            out.push('\n');
        }
    }
    measured_csv(&mut out, scenes, units);
    out
}

/// The reader's measurements, after the curves: a table of their own per kind (diffusion
/// coefficients against T, grain sizes and diffusion lengths against time), each after a blank
/// line, in the curves' units; none without measurements.
fn measured_csv(out: &mut String, scenes: &[Scene<'_>], units: &DisplayUnits) {
    let time = units.unit(Time, f64::NAN);
    let (length, temperature) = (units.unit(Length, f64::NAN), units.temperature);
    let mut table = |header: [String; 2], rows: &mut dyn Iterator<Item = (&str, f64, f64)>| {
        let mut rows = rows.peekable();
        if rows.peek().is_none() {
            return;
        }
        let _ = writeln!(
            out,
            "\nscenario,{},{}",
            text_cell(&header[0]),
            text_cell(&header[1])
        );
        for (label, x, y) in rows {
            let _ = writeln!(out, "{},{x:e},{y:e}", text_cell(label));
        }
    };
    table(
        [
            format!("T [{}]", temperature.symbol()),
            format!("measured D [{}]", units.diffusivity.symbol()),
        ],
        &mut scenes.iter().flat_map(|s| {
            s.measured.diffusivities.iter().map(move |p| {
                (
                    s.label,
                    temperature.from_si(p.temperature_k),
                    units.diffusivity.from_si(p.d_m2_per_s),
                )
            })
        }),
    );
    for (name, grain) in [("d", true), ("L", false)] {
        let mut rows = scenes.iter().flat_map(|s| {
            let end = s.model.program().duration_s();
            let points = if grain {
                s.measured.grain_sizes
            } else {
                s.measured.diffusion_lengths
            };
            points
                .iter()
                .map(move |&(t, v)| (s.label, time.from_si(t.unwrap_or(end)), length.from_si(v)))
        });
        table(
            [
                format!("t [{}]", time.symbol()),
                format!("measured {name} [{}]", length.symbol()),
            ],
            &mut rows,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Measured;
    use crate::scenario::tests::example;
    use crate::units::Unit;

    #[test]
    fn csv_has_one_column_per_curve_and_cells_that_are_numbers_or_quoted_text() {
        let (model, mut curves) = (example().validate().unwrap(), Default::default());
        model.sample_into(&mut curves);
        curves.log10_amount[0] = f64::NEG_INFINITY;
        let scene = Scene {
            label: "=HYPERLINK(\"x\") ,\n",
            model: &model,
            curves: &curves,
            measured: Measured::default(),
            band: None,
        };
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            time: None,
            length: Unit::Nanometre,
            ..DisplayUnits::default()
        };
        let text = csv(&[scene], &units);
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "scenario,\"t [h]\",\"T [°C]\",\"log10 |J| [mol/(m²·s)]\",\"log10 E = exp(−Ea/RT)\",\
             \"log10 Q [mol/m²]\",\"log10 L [nm]\",\"log10 residual A/A₀\",\"d [nm]\""
        );
        assert!(
            !text.contains("inf") && !text.contains("NaN"),
            "no inf or NaN"
        );
        // The label is one quoted cell that cannot start a formula.
        let cell = "\"'=HYPERLINK(\"\"x\"\") ,\n\"";
        let first = text.split(cell).nth(1).unwrap().lines().next().unwrap();
        let cells: Vec<&str> = first.split(',').skip(1).collect();
        assert_eq!(cells.len(), COLUMNS.len(), "{first}");
        assert_eq!(cells[4], "", "log10 of exactly zero is an empty cell");
        for cell in cells.iter().filter(|c| !c.is_empty()) {
            assert!(cell.parse::<f64>().unwrap().is_finite(), "{cell}");
        }
        // The values are in the header's units: the start at 25 °C, the grain at 100 nm.
        let start: Vec<f64> = cells
            .iter()
            .map(|c| c.parse().unwrap_or(f64::NAN))
            .collect();
        assert!(
            (start[1] - (model.program().start_k() - 273.15)).abs() < 1e-9,
            "{first}"
        );
        assert!((start[7] - 100.0).abs() < 1e-9, "{first}");
    }

    #[test]
    fn reports_state_the_summary_and_answer_the_inverse_questions() {
        let model = example().validate().unwrap();
        let mut curves = Default::default();
        let s = model.evaluate_into(&mut curves);
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            time: None,
            length: Unit::Nanometre,
            rate: Unit::KPerMin,
            ..DisplayUnits::default()
        };
        let text = summary(&model, &s, &units);
        assert!(text.starts_with("Program: 10.01 h, peak 1227 °C"), "{text}");
        assert!(text.contains("Final grain size d = "), "{text}");
        assert!(!text.contains(" K\n") && !text.contains("e-"), "{text}");
        let answers = inverse(&model, Some(7200.0), Some(1473.15), Some(1e-6), &units);
        assert_eq!(answers.lines().count(), 5, "{answers}");
        // The barrier inverse, independently: Ea = R·T·ln(4π²·D0·t / (λ²·ln 100)), λ = 1 µm.
        let ea = 8.314_462_618
            * 1473.15
            * (4.0 * std::f64::consts::PI.powi(2) * 2.66e-6 * 7200.0 / (1e-12 * 100f64.ln())).ln();
        let barrier = format!(
            "A 2 h hold at 1200 °C homogenises if Eₐ ≤ {} J/mol",
            number(ea)
        );
        assert!(answers.contains(&barrier), "{barrier} in {answers}");
        assert!(
            answers.contains("Homogenises in a 2 h hold at T = ")
                && answers.contains("Homogenises at 1200 °C after a hold of ")
                && answers.contains("Diffusion length 1000 nm at 1200 °C after ")
                && answers.contains(" K/min"),
            "{answers}"
        );
        // Beside it, an hour's hold at its peak: the same heat-work as an hour there.
        let mut hour = example();
        hour.program = crate::scenario::ProgramSpec {
            start_k: s.peak_k,
            segments: vec![crate::program::Segment::Hold { duration_s: 3600.0 }],
        };
        let hour = hour.validate().unwrap();
        let table = comparison(
            &[("furnace", &model, &s), ("hour", &hour, &hour.summary())],
            &units,
        );
        assert_eq!(table[0], ["", "furnace", "hour"]);
        assert_eq!(table[1], ["Peak temperature", "1227 °C", "1227 °C"]);
        assert_eq!(table[2][1], "10.01 h");
        assert!(table.iter().all(|row| row.len() == 3), "{table:?}");
        let heat_work = table.last().unwrap();
        assert_eq!(
            heat_work[0],
            "Equivalent hold at 1227 °C (the same diffusion)"
        );
        assert_eq!(
            heat_work[1],
            units.show_log10(Time, s.log10_equivalent_time_s)
        );
        assert_eq!(heat_work[2], "60 min");
        let unreachable = inverse(&model, None, Some(2.0), None, &units);
        assert!(unreachable.starts_with("— "), "{unreachable}");
        assert!(
            mixing(&model).starts_with("S_conf = 13.38"),
            "{}",
            mixing(&model)
        );
    }

    #[test]
    fn the_summary_gives_the_key_results_of_a_band_as_ranges_around_the_scenario() {
        let mut s = example();
        let units = DisplayUnits::default();
        let plain = s.validate().unwrap();
        assert!(!summary(&plain, &plain.summary(), &units).contains("uncertainty band"));
        s.uncertainty = Some(crate::scenario::UncertaintySpec {
            ea_j_per_mol: 20e3,
            d0_factor: 3.0,
            delta_temperature_k: 30.0,
        });
        let model = s.validate().unwrap();
        let text = summary(&model, &model.summary(), &units);
        assert!(
            text.contains("Within the uncertainty band:\n  peak flux |J| from "),
            "{text}"
        );
        assert!(text.contains("  final grain size from "), "{text}");
        let (lower, upper) = model.band().unwrap();
        let (lo, hi, at) = (lower.summary(), upper.summary(), model.summary());
        for (what, of) in [
            (
                "peak flux",
                (|s: &Summary| s.log10_peak_flux) as fn(&Summary) -> f64,
            ),
            ("amount", |s| s.log10_amount),
            ("length", |s| s.log10_diffusion_length_m),
            ("residual", |s| s.log10_residual),
            ("grain size", |s| s.grain_size_m.unwrap()),
        ] {
            let (a, b) = (of(&lo).min(of(&hi)), of(&lo).max(of(&hi)));
            assert!(
                a < of(&at) && of(&at) < b,
                "{what}: {} not inside ({a}, {b})",
                of(&at)
            );
        }
    }

    #[test]
    fn csv_ends_with_a_table_of_each_kind_of_measurement_in_the_curves_units() {
        let (model, mut curves) = (example().validate().unwrap(), Default::default());
        model.sample_into(&mut curves);
        let end = model.program().duration_s();
        let diffusivities = [crate::fit::DiffusivityPoint::new(0, 1273.15, 1e-15, None).unwrap()];
        let sizes = [(Some(3600.0), 2e-7), (None, 3e-7)];
        let scene = |measured| Scene {
            label: "furnace",
            model: &model,
            curves: &curves,
            measured,
            band: None,
        };
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            time: Some(Unit::Hour),
            length: Unit::Nanometre,
            ..DisplayUnits::default()
        };
        assert!(!csv(&[scene(Measured::default())], &units).contains("\n\n"));
        let measured = Measured {
            diffusivities: &diffusivities,
            grain_sizes: &sizes,
            diffusion_lengths: &[],
        };
        let text = csv(&[scene(measured)], &units);
        let tables: Vec<Vec<&str>> = text
            .split("\n\n")
            .skip(1)
            .map(|t| t.lines().collect())
            .collect();
        assert_eq!(tables.len(), 2, "{text}");
        assert_eq!(tables[0][0], "scenario,\"T [°C]\",\"measured D [m²/s]\"");
        assert_eq!(tables[1][0], "scenario,\"t [h]\",\"measured d [nm]\"");
        let rows = [
            (tables[0][1], [1000.0, 1e-15]),
            (tables[1][1], [1.0, 200.0]),
            (tables[1][2], [end / 3600.0, 300.0]),
        ];
        for (row, want) in rows {
            let cells: Vec<&str> = row.split(',').collect();
            assert_eq!(cells[0], "\"furnace\"");
            for (cell, want) in cells[1..].iter().zip(want) {
                let got: f64 = cell.parse().unwrap();
                assert!((got / want - 1.0).abs() < 1e-12, "{row}");
            }
        }
    }
}
