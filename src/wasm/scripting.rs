//! The scripting API's functions that the page's own module leaves out (built with the default
//! feature `scripting`): the page loads the whole library for them when first needed (a fit, a
//! JSON export).

use serde::{Deserialize, Serialize};
use std::f64::consts::LOG10_E;
use wasm_bindgen::prelude::*;

use super::boundary::{ApiError, number, read, write};
use crate::arrhenius::{ActivationEnergy, Arrhenius, ThermalIntegral};
use crate::error::{Bounds, Field, InputError, check, limits};
use crate::fit::{self, DiffusivityPoint};
use crate::flux::FluxModel;
use crate::grain::{self, GrainGrowth};
use crate::homogenisation::{Modulation, Residual};
use crate::input::{number as lenient, optional_number as lenient_optional};
use crate::mixing::{EntropyBasis, Sublattice, configurational_entropy, linear_coefficient};
use crate::program::ThermalProgram;
use crate::scenario::{Curves, GrainSpec, ProgramSpec, Scenario, Summary};

/// `{ summary, curves }`: every curve a `Float64Array` on the time grid, named as in
/// [`crate::scenario::COLUMNS`]. The curves are views of one buffer, filled with one copy each.
fn evaluated(curves: &Curves, summary: &Summary) -> JsValue {
    let all =
        js_sys::Float64Array::new_with_length(curves.columns().map(|(_, v)| v.len() as u32).sum());
    let out = js_sys::Object::new();
    let mut at = 0;
    for (column, values) in curves.columns() {
        let view = all.subarray(at, at + values.len() as u32);
        view.copy_from(values);
        at += values.len() as u32;
        let _ = js_sys::Reflect::set(&out, &column.key.into(), &view);
    }
    let result = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&result, &"summary".into(), &write(summary));
    let _ = js_sys::Reflect::set(&result, &"curves".into(), &out);
    result.into()
}

/// Evaluates a whole scenario: `{ summary, curves }`, every curve a `Float64Array` on the time grid.
#[wasm_bindgen(js_name = evaluateScenario)]
pub fn evaluate_scenario(scenario: JsValue) -> Result<JsValue, ApiError> {
    let (curves, summary) = read::<Scenario>(&scenario, "")?.evaluate()?;
    Ok(evaluated(&curves, &summary))
}

/// An optional number argument: `undefined` or `null` is `None`.
fn optional_number(value: &JsValue, field: &str) -> Result<Option<f64>, ApiError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    number(value, field).map(Some)
}

/// A program `{ startK?, segments }` read and validated.
fn program(value: &JsValue, root: &str) -> Result<ThermalProgram, ApiError> {
    let spec: ProgramSpec = read(value, root)?;
    Ok(ThermalProgram::new(spec.start_k, &spec.segments)?)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IntegralAnswer {
    ln_integral_s: f64,
    log10_integral_s: f64,
    integral_s: f64,
}

/// The Arrhenius integral I = ∫ exp(−Ea/RT) dt [s] of a program `{ startK, segments }`, up to
/// `timeS` (default: the whole program). `integralS` may underflow to 0; the logs never do.
#[wasm_bindgen(js_name = arrheniusIntegral)]
pub fn arrhenius_integral(
    program_value: JsValue,
    ea_j_per_mol: JsValue,
    time_s: JsValue,
) -> Result<JsValue, ApiError> {
    let program = program(&program_value, "program")?;
    let ea = ActivationEnergy::new(Field::new("eaJPerMol"), number(&ea_j_per_mol, "eaJPerMol")?)?;
    let integral = ThermalIntegral::new(&program, ea);
    let ln = match optional_number(&time_s, "timeS")? {
        None => integral.ln_total(),
        Some(t) => {
            let within = Bounds::closed(0.0, program.duration_s(), "s (the program's duration)");
            integral.ln_at(check(Field::new("timeS"), t, within)?)
        }
    };
    Ok(write(&IntegralAnswer {
        ln_integral_s: ln,
        log10_integral_s: ln * LOG10_E,
        integral_s: ln.exp(),
    }))
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FluxQuery {
    #[serde(deserialize_with = "lenient")]
    d0_m2_per_s: f64,
    #[serde(deserialize_with = "lenient")]
    ea_j_per_mol: f64,
    #[serde(deserialize_with = "lenient")]
    concentration_mol_per_m3: f64,
    #[serde(deserialize_with = "lenient")]
    g_j_per_k_mol_m: f64,
    #[serde(deserialize_with = "lenient")]
    temperature_k: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FluxAnswer {
    flux_mol_per_m2_s: f64,
    log10_flux_mol_per_m2_s: f64,
    exp_coefficient: f64,
    log10_exp_coefficient: f64,
    linear_coefficient_j_per_k_mol_m: f64,
}

/// |J| of eq. (11) at one temperature, with both control coefficients.
#[wasm_bindgen(js_name = fluxAt)]
pub fn flux_at(query: JsValue) -> Result<JsValue, ApiError> {
    let q: FluxQuery = read(&query, "query")?;
    let from_query = |e: InputError| {
        ApiError::from(e)
            .rooted("diffusion", "query")
            .rooted("mixing", "query")
    };
    let d = Arrhenius::new("query", q.d0_m2_per_s, q.ea_j_per_mol)?;
    let model =
        FluxModel::new(d, q.concentration_mol_per_m3, q.g_j_per_k_mol_m).map_err(from_query)?;
    let temp = check(
        Field::of("query", "temperatureK"),
        q.temperature_k,
        limits::TEMPERATURE,
    )?;
    let (ln_j, ln_e) = (
        model.ln_flux(temp),
        d.activation_energy().ln_boltzmann(temp),
    );
    Ok(write(&FluxAnswer {
        flux_mol_per_m2_s: ln_j.exp(),
        log10_flux_mol_per_m2_s: ln_j * LOG10_E,
        exp_coefficient: ln_e.exp(),
        log10_exp_coefficient: ln_e * LOG10_E,
        linear_coefficient_j_per_k_mol_m: model.linear_coefficient(),
    }))
}

/// Grain size [m] after a program `{ startK, segments }` under `{ exponent, d0M, k0, eaJPerMol }`.
#[wasm_bindgen(js_name = grainSizeAfter)]
pub fn grain_size_after(program_value: JsValue, growth: JsValue) -> Result<f64, ApiError> {
    let program = program(&program_value, "program")?;
    let g: GrainSpec = read(&growth, "growth")?;
    let law = GrainGrowth::new(g.exponent, g.d0_m, g.k0, g.ea_j_per_mol)
        .map_err(|e| ApiError::from(e).rooted("grainGrowth", "growth"))?;
    let d = law.grain_size_m(ThermalIntegral::new(&program, law.activation_energy()).ln_total());
    if d.is_finite() {
        Ok(d)
    } else {
        Err(ApiError::new(
            "unreachable",
            "growth.k0",
            "the grain size overflows a double: k0·I is too large",
        ))
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CalibrationQuery {
    #[serde(deserialize_with = "lenient")]
    exponent: f64,
    #[serde(deserialize_with = "lenient")]
    d0_m: f64,
    #[serde(deserialize_with = "lenient")]
    grain_size_m: f64,
    #[serde(deserialize_with = "lenient")]
    time_s: f64,
    #[serde(deserialize_with = "lenient")]
    temperature_k: f64,
    #[serde(deserialize_with = "lenient")]
    ea_j_per_mol: f64,
}

/// k0 [mⁿ/s] from one measured isothermal point.
#[wasm_bindgen(js_name = calibrateK0)]
pub fn calibrate_k0(query: JsValue) -> Result<f64, ApiError> {
    let q: CalibrationQuery = read(&query, "calibration")?;
    grain::calibrate_k0(
        q.exponent,
        q.d0_m,
        q.grain_size_m,
        q.time_s,
        q.temperature_k,
        q.ea_j_per_mol,
    )
    .map_err(|e| ApiError::from(e).rooted("grainGrowth", "calibration"))
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct EntropyQuery {
    sublattices: Vec<Sublattice>,
    basis: EntropyBasis,
    #[serde(default, deserialize_with = "lenient_optional")]
    length_m: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EntropyAnswer {
    entropy_j_per_mol_k: f64,
    g_j_per_k_mol_m: Option<f64>,
}

/// S_conf [J/(mol·K)] of `{ sublattices, basis }`, and G = S_conf/λ when `lengthM` is given.
#[wasm_bindgen(js_name = configurationalEntropy)]
pub fn configurational_entropy_js(query: JsValue) -> Result<JsValue, ApiError> {
    let q: EntropyQuery = read(&query, "mixing")?;
    let s = configurational_entropy(&q.sublattices, q.basis)?;
    let g = q.length_m.map(|l| linear_coefficient(s, l)).transpose()?;
    Ok(write(&EntropyAnswer {
        entropy_j_per_mol_k: s,
        g_j_per_k_mol_m: g,
    }))
}

/// `{ d0M2PerS, eaJPerMol, wavelengthM, targetResidual }` with the given temperature (for the
/// time) or duration (for the temperature) of the homogenisation questions.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct HomogenisationQuery {
    #[serde(deserialize_with = "lenient")]
    d0_m2_per_s: f64,
    #[serde(deserialize_with = "lenient")]
    ea_j_per_mol: f64,
    #[serde(deserialize_with = "lenient")]
    wavelength_m: f64,
    #[serde(deserialize_with = "lenient")]
    target_residual: f64,
    #[serde(default, deserialize_with = "lenient_optional")]
    temperature_k: Option<f64>,
    #[serde(default, deserialize_with = "lenient_optional")]
    duration_s: Option<f64>,
}

impl HomogenisationQuery {
    /// The query's diffusion, modulation and target, and the one of temperatureK / durationS
    /// that `given` names (the other must be absent).
    fn read(
        query: &JsValue,
        given: &str,
    ) -> Result<(Arrhenius, Modulation, Residual, f64), ApiError> {
        let q: HomogenisationQuery = read(query, "query")?;
        let (wanted, other) = match given {
            "temperatureK" => (q.temperature_k, q.duration_s.map(|_| "durationS")),
            _ => (q.duration_s, q.temperature_k.map(|_| "temperatureK")),
        };
        if let Some(other) = other {
            return Err(ApiError::new(
                "unknownField",
                &format!("query.{other}"),
                format_args!("unknown field (this question takes {given})"),
            ));
        }
        let given_value = wanted.ok_or_else(|| {
            ApiError::new("missing", &format!("query.{given}"), "missing (required)")
        })?;
        Ok((
            Arrhenius::new("query", q.d0_m2_per_s, q.ea_j_per_mol)?,
            Modulation::new(Field::of("query", "wavelengthM"), q.wavelength_m)?,
            Residual::new(Field::of("query", "targetResidual"), q.target_residual)?,
            given_value,
        ))
    }
}

/// Isothermal time [s] at `temperatureK` for a modulation of `wavelengthM` to decay to `targetResidual`.
#[wasm_bindgen(js_name = homogenisationTime)]
pub fn homogenisation_time(query: JsValue) -> Result<f64, ApiError> {
    let (d, m, eps, temp) = HomogenisationQuery::read(&query, "temperatureK")?;
    m.isothermal_time_s(&d, eps, temp)
        .map_err(|e| ApiError::from(e).rooted("", "query"))
}

/// Temperature [K] at which a hold of `durationS` brings the modulation to `targetResidual`.
#[wasm_bindgen(js_name = homogenisationTemperature)]
pub fn homogenisation_temperature(query: JsValue) -> Result<f64, ApiError> {
    let (d, m, eps, duration) = HomogenisationQuery::read(&query, "durationS")?;
    m.temperature_for_k(&d, eps, duration)
        .map_err(|e| ApiError::from(e).rooted("", "query"))
}

/// `{ points: [{ temperatureK, dM2PerS, sigmaM2PerS? }] }`: measured diffusion coefficients.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArrheniusQuery {
    points: Vec<PointSpec>,
}

/// A measured point as the scripting API takes it.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PointSpec {
    #[serde(deserialize_with = "lenient")]
    temperature_k: f64,
    #[serde(deserialize_with = "lenient")]
    d_m2_per_s: f64,
    #[serde(default, deserialize_with = "lenient_optional")]
    sigma_m2_per_s: Option<f64>,
}

/// D0 [m²/s] and Eₐ [J/mol] fitted to `{ points: [{ temperatureK, dM2PerS, sigmaM2PerS? }] }`,
/// each with its 95 % interval, and the residuals of ln D: least squares on ln D against 1/T,
/// weighted by 1/σ² of ln D when the points give σ (see `fit`). Errors name the point:
/// `query.points[2].dM2PerS`.
#[wasm_bindgen(js_name = fitArrhenius)]
pub fn fit_arrhenius(query: JsValue) -> Result<JsValue, ApiError> {
    let q: ArrheniusQuery = read(&query, "query")?;
    let fit = q
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| DiffusivityPoint::new(i, p.temperature_k, p.d_m2_per_s, p.sigma_m2_per_s))
        .collect::<Result<Vec<_>, _>>()
        .and_then(|points| fit::fit_arrhenius(&points))
        .map_err(|e| ApiError::from(e).rooted("points", "query.points"))?;
    Ok(write(&fit))
}

/// `{ exponent, d0M, programs: [{ startK?, segments }], points: [{ program, timeS?, lengthM }] }`:
/// grain sizes, each measured `timeS` after the start of `programs[program]` (at its end
/// without `timeS`).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GrainFitQuery {
    #[serde(deserialize_with = "lenient")]
    exponent: f64,
    #[serde(deserialize_with = "lenient")]
    d0_m: f64,
    programs: Vec<ProgramSpec>,
    points: Vec<GrainPointSpec>,
}

/// A measured grain size as the scripting API takes it.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GrainPointSpec {
    program: usize,
    #[serde(default, deserialize_with = "lenient_optional")]
    time_s: Option<f64>,
    #[serde(deserialize_with = "lenient")]
    length_m: f64,
}

/// k0 [mⁿ/s] and Eₐ,g [J/mol] of the grain-growth law fitted to grain sizes measured after
/// different programs, `{ exponent, d0M, programs, points }` (see [`GrainFitQuery`]), each with
/// its 95 % interval, and the residuals of ln d: least squares on ln d through each program's
/// exact Arrhenius integral (see `fit`). Errors name the point or program:
/// `query.points[2].timeS`, `query.programs[1].segments[0].rateKPerS`.
#[wasm_bindgen(js_name = fitGrainGrowth)]
pub fn fit_grain_growth(query: JsValue) -> Result<JsValue, ApiError> {
    let q: GrainFitQuery = read(&query, "query")?;
    let programs = programs_of(&q.programs)?;
    let points = points_of(&q.points, &programs)?;
    let fit = fit::fit_grain_growth(q.exponent, q.d0_m, &programs, &points).map_err(|e| {
        ApiError::from(e)
            .rooted("points", "query.points")
            .rooted("grainGrowth", "query")
    })?;
    Ok(write(&fit))
}

/// `{ programs: [{ startK?, segments }], points: [{ program, timeS?, lengthM }] }`: diffusion
/// lengths L = √(D0·I), each measured `timeS` after the start of `programs[program]` (at its
/// end without `timeS`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LengthFitQuery {
    programs: Vec<ProgramSpec>,
    points: Vec<GrainPointSpec>,
}

/// D0 and Eₐ fitted to diffusion lengths: the answer of `fitDiffusionLengths`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LengthFit {
    d0_m2_per_s: fit::Estimate,
    ea_j_per_mol: fit::Estimate,
    residuals_ln: Vec<f64>,
    degrees_of_freedom: usize,
}

/// The programs of a fit query, read and validated; errors name `query.programs[i]`.
fn programs_of(specs: &[ProgramSpec]) -> Result<Vec<ThermalProgram>, ApiError> {
    if specs.len() > fit::MAX_POINTS {
        return Err(ApiError::new(
            "invalid",
            "query.programs",
            format!("at most {} programs; got {}", fit::MAX_POINTS, specs.len()),
        ));
    }
    specs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            ThermalProgram::new(p.start_k, &p.segments)
                .map_err(|e| ApiError::from(e).rooted("program", &format!("query.programs[{i}]")))
        })
        .collect()
}

/// The points of a fit query, checked against their programs; errors name `query.points[i]`.
fn points_of(
    specs: &[GrainPointSpec],
    programs: &[ThermalProgram],
) -> Result<Vec<fit::GrainPoint>, ApiError> {
    let ends: Vec<f64> = programs.iter().map(ThermalProgram::duration_s).collect();
    specs
        .iter()
        .enumerate()
        .map(|(i, p)| fit::GrainPoint::new(i, p.program, p.time_s, p.length_m, &ends))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::from(e).rooted("points", "query.points"))
}

/// D0 [m²/s] and Eₐ [J/mol] fitted to diffusion lengths measured after different programs,
/// `{ programs, points }` (see [`LengthFitQuery`]), each with its 95 % interval, and the
/// residuals of ln L: the grain-growth fit with n = 2, d0 = 0 and k0 = D0 (see `fit`).
#[wasm_bindgen(js_name = fitDiffusionLengths)]
pub fn fit_diffusion_lengths(query: JsValue) -> Result<JsValue, ApiError> {
    let q: LengthFitQuery = read(&query, "query")?;
    let programs = programs_of(&q.programs)?;
    let points = points_of(&q.points, &programs)?;
    let fit = fit::fit_diffusion_lengths(&programs, &points)
        .map_err(|e| ApiError::from(e).rooted("points", "query.points"))?;
    Ok(write(&LengthFit {
        d0_m2_per_s: fit.k0,
        ea_j_per_mol: fit.ea_j_per_mol,
        residuals_ln: fit.residuals_ln,
        degrees_of_freedom: fit.degrees_of_freedom,
    }))
}
