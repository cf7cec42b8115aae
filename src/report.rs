//! The calculator's text outputs, in pure Rust so that they are tested natively: the summary, the
//! answers to the inverse questions, the mixing panel's answer and the CSV of every curve.

use std::fmt::Write;

use crate::charts::{Scene, format_log10};
use crate::error::InputError;
use crate::homogenisation::{hold_for_length_s, ramp_rate_for_length};
use crate::scenario::{COLUMNS, Model, Summary};

/// The summary of a scenario as readable lines.
pub fn summary(model: &Model, s: &Summary) -> String {
    let mut lines = vec![
        format!("Program: {:.4e} s, peak {:.1} K", s.duration_s, s.peak_k),
        format!(
            "Peak flux |J| = {} mol/(m²·s) at t = {:.4e} s",
            format_log10(s.log10_peak_flux),
            s.peak_flux_at_s
        ),
        format!(
            "Linear control coefficient G = {:.4e} J/(K·mol·m)",
            s.linear_coefficient_j_per_k_mol_m
        ),
    ];
    if let Some(entropy) = s.entropy_j_per_mol_k {
        lines.push(format!(
            "Configurational entropy S_conf = {entropy:.4} J/(mol·K)"
        ));
    }
    lines.extend([
        format!(
            "Arrhenius integral I = {} s",
            format_log10(s.log10_thermal_integral_s)
        ),
        format!(
            "Equivalent time at {:.1} K = {} s",
            s.reference_k,
            format_log10(s.log10_equivalent_time_s)
        ),
        format!(
            "Transported amount Q = {} mol/m²",
            format_log10(s.log10_amount)
        ),
        format!(
            "Diffusion length √(D0·I) = {} m",
            format_log10(s.log10_diffusion_length_m)
        ),
        format!("Residual modulation = {}", format_log10(s.log10_residual)),
        match s.homogenised_at_s {
            Some(t) => format!("Homogenised (target residual reached) at t = {t:.4e} s"),
            None => "Target residual not reached during the program".into(),
        },
    ]);
    if let Some(t) = s.isothermal_time_at_peak_s {
        lines.push(format!(
            "Hold at the peak temperature that would homogenise: {t:.4e} s"
        ));
    }
    if let Some(t) = s.temperature_for_duration_k {
        lines.push(format!(
            "Hold temperature that homogenises in the program's duration: {t:.1} K"
        ));
    }
    if let Some(d) = s.grain_size_m {
        lines.push(format!("Final grain size d = {d:.4e} m"));
    }
    if let (Some(f), Some((lo, hi))) = (s.extrapolated_fraction, model.valid_range_k()) {
        lines.push(format!(
            "{:.1} % of the diffusion happened outside the measured range {lo}–{hi} K{}",
            100.0 * f,
            if f > 0.01 { " (extrapolated)" } else { "" }
        ));
    }
    lines.join("\n")
}

/// The inverse questions for the model's species and homogenisation target, one line per
/// question asked: the temperature that homogenises in `duration_s`, the hold time at
/// `temperature_k`, and the hold or single ramp (start → peak of the program) that reaches
/// diffusion length `length_m`.
pub fn inverse(
    model: &Model,
    duration_s: Option<f64>,
    temperature_k: Option<f64>,
    length_m: Option<f64>,
) -> String {
    let d = model.flux().diffusion();
    let (modulation, residual) = model.homogenisation();
    let answer = |r: Result<String, InputError>| r.unwrap_or_else(|err| format!("— {err}"));
    let mut lines = Vec::new();
    if let Some(t) = duration_s {
        lines.push(answer(modulation.temperature_for_k(d, residual, t).map(
            |k| format!("Homogenises in a {t:.4e} s hold at T = {k:.1} K"),
        )));
    }
    if let Some(k) = temperature_k {
        lines.push(answer(modulation.isothermal_time_s(d, residual, k).map(
            |t| format!("Homogenises at {k:.1} K after a hold of {t:.4e} s"),
        )));
    }
    if let Some(l) = length_m {
        if let Some(k) = temperature_k {
            lines.push(answer(hold_for_length_s(d, l, k).map(|t| {
                format!("Diffusion length {l:.4e} m at {k:.1} K after {t:.4e} s")
            })));
        }
        let (from, to) = (model.program().start_k(), model.program().peak_k());
        lines.push(answer(ramp_rate_for_length(d, l, from, to).map(|b| {
            format!("A single ramp {from:.1} → {to:.1} K reaches {l:.4e} m at {b:.4e} K/s")
        })));
    }
    lines.join("\n")
}

/// The mixing panel's answer: S_conf of the composition (when given) and the G it implies.
pub fn mixing(model: &Model) -> String {
    let g = format!("G = {:.4e} J/(K·mol·m)", model.flux().linear_coefficient());
    match model.entropy_j_per_mol_k() {
        Some(entropy) => format!("S_conf = {entropy:.4} J/(mol·K) → {g} (G ≈ S_conf/λ)"),
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

/// Curves of every scene as CSV, one block of rows per scene. A log10 column of a quantity that
/// is exactly zero (−∞) is left empty; no cell reads `inf` or `NaN`.
pub fn csv(scenes: &[Scene<'_>]) -> String {
    let mut out = String::from("scenario");
    for column in &COLUMNS {
        out.push(',');
        out.push_str(column.csv);
    }
    out.push('\n');
    for scene in scenes {
        let label = text_cell(scene.label);
        for i in 0..scene.curves.len() {
            out.push_str(&label);
            for (_, values) in scene.curves.columns() {
                out.push(',');
                if let Some(v) = values.get(i).filter(|v| v.is_finite()) {
                    let _ = write!(out, "{v:e}");
                }
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::tests::example;

    #[test]
    fn csv_has_one_column_per_curve_and_cells_that_are_numbers_or_quoted_text() {
        let (model, mut curves) = (example().validate().unwrap(), Default::default());
        model.sample_into(&mut curves);
        curves.log10_amount[0] = f64::NEG_INFINITY;
        let scene = Scene {
            label: "=HYPERLINK(\"x\") ,\n",
            model: &model,
            curves: &curves,
        };
        let text = csv(&[scene]);
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "scenario,time_s,temperature_K,log10_flux_mol_per_m2_s,log10_exp_coefficient,\
             log10_amount_mol_per_m2,log10_diffusion_length_m,log10_residual,grain_size_m"
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
    }

    #[test]
    fn reports_state_the_summary_and_answer_the_inverse_questions() {
        let model = example().validate().unwrap();
        let mut curves = Default::default();
        let s = model.evaluate_into(&mut curves);
        let text = summary(&model, &s);
        assert!(text.starts_with("Program: "), "{text}");
        assert!(text.contains("peak 1500.0 K"), "{text}");
        assert!(text.contains("Final grain size d = "), "{text}");
        let answers = inverse(&model, Some(7200.0), Some(1200.0), Some(1e-6));
        assert_eq!(answers.lines().count(), 4, "{answers}");
        assert!(
            answers.contains("Homogenises in a 7.2000e3 s hold at T = "),
            "{answers}"
        );
        let unreachable = inverse(&model, None, Some(2.0), None);
        assert!(unreachable.starts_with("— "), "{unreachable}");
        assert!(
            mixing(&model).starts_with("S_conf = 13.38"),
            "{}",
            mixing(&model)
        );
    }
}
