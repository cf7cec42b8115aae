//! The JS shapes of the core's inputs and outputs: the one place where the API's field names
//! (`startK`, `d0M2PerS`, `kind: "ramp"`, …) meet the core's types. Every name carries its SI unit.

use wasm_bindgen::prelude::*;

use super::js::{Build, Fields, array, list, name_of};
use crate::mixing::{EntropyBasis, Sublattice};
use crate::presets::{GRAIN_LAWS, MATERIALS, TECHNIQUES};
use crate::program::{ROOM_TEMPERATURE_K, Segment};
use crate::scenario::{
    Curves, DiffusionSpec, GrainSpec, HomogenisationSpec, MixingSpec, ProgramSpec, Sampling,
    Scenario, Summary, TimeScale,
};

/// `{ program, diffusion, mixing, grainGrowth?, homogenisation, referenceTemperatureK?, sampling? }`
pub(super) fn scenario(value: JsValue) -> Result<Scenario, JsError> {
    let mut o = Fields::required(value, "scenario")?;
    let parts = (
        o.take("program"),
        o.take("diffusion"),
        o.take("mixing"),
        o.take("grainGrowth"),
        o.take("homogenisation"),
        o.optional_number("referenceTemperatureK"),
        o.take("sampling"),
    );
    o.finish()?;
    let (program_value, diffusion, mixing_value, grain, homogenisation, reference, sampling) =
        parts;
    Ok(Scenario {
        program: program(program_value, "program")?,
        diffusion: diffusion_spec(diffusion)?,
        mixing: mixing(mixing_value)?,
        grain_growth: match Fields::optional(grain, "grainGrowth")? {
            Some(o) => Some(grain_spec(o)?),
            None => None,
        },
        homogenisation: homogenisation_spec(homogenisation)?,
        reference_temperature_k: reference,
        sampling: sampling_spec(sampling)?,
    })
}

/// `{ startK?, segments: [ … ] }`; the start defaults to room temperature.
pub(super) fn program(value: JsValue, path: &str) -> Result<ProgramSpec, JsError> {
    let mut o = Fields::required(value, path)?;
    let start_k = o.number_or("startK", ROOM_TEMPERATURE_K);
    let segments = o.take("segments");
    o.finish()?;
    let segments = list(segments, &format!("{path}.segments"))?
        .into_iter()
        .map(|(path, value)| segment(value, &path))
        .collect::<Result<_, _>>()?;
    Ok(ProgramSpec { start_k, segments })
}

/// `{ kind: "ramp", rateKPerS, targetK }`, `{ kind: "hold", durationS }` or
/// `{ kind: "pulses", count, onS, offS, peakK, baseK }`.
fn segment(value: JsValue, path: &str) -> Result<Segment, JsError> {
    let mut o = Fields::required(value, path)?;
    let segment = match o.take("kind").as_string().as_deref() {
        Some("ramp") => Segment::Ramp {
            rate_k_per_s: o.number("rateKPerS"),
            target_k: o.number("targetK"),
        },
        Some("hold") => Segment::Hold {
            duration_s: o.number("durationS"),
        },
        Some("pulses") => Segment::Pulses {
            count: o.number("count"),
            on_s: o.number("onS"),
            off_s: o.number("offS"),
            peak_k: o.number("peakK"),
            base_k: o.number("baseK"),
        },
        _ => {
            return Err(JsError::new(&format!(
                "{}: expected one of \"ramp\", \"hold\", \"pulses\"",
                o.path_of("kind")
            )));
        }
    };
    o.finish()?;
    Ok(segment)
}

fn segment_to_js(segment: &Segment) -> JsValue {
    match *segment {
        Segment::Ramp {
            rate_k_per_s,
            target_k,
        } => Build::new()
            .set("kind", "ramp")
            .set("rateKPerS", rate_k_per_s)
            .set("targetK", target_k),
        Segment::Hold { duration_s } => Build::new()
            .set("kind", "hold")
            .set("durationS", duration_s),
        Segment::Pulses {
            count,
            on_s,
            off_s,
            peak_k,
            base_k,
        } => Build::new()
            .set("kind", "pulses")
            .set("count", count)
            .set("onS", on_s)
            .set("offS", off_s)
            .set("peakK", peak_k)
            .set("baseK", base_k),
    }
    .done()
}

/// `{ d0M2PerS, eaJPerMol, concentrationMolPerM3, validMinK?, validMaxK? }`
fn diffusion_spec(value: JsValue) -> Result<DiffusionSpec, JsError> {
    let mut o = Fields::required(value, "diffusion")?;
    let spec = DiffusionSpec {
        d0_m2_per_s: o.number("d0M2PerS"),
        ea_j_per_mol: o.number("eaJPerMol"),
        concentration_mol_per_m3: o.number("concentrationMolPerM3"),
        valid_min_k: o.optional_number("validMinK"),
        valid_max_k: o.optional_number("validMaxK"),
    };
    o.finish()?;
    Ok(spec)
}

/// `{ kind: "direct", gJPerKMolM }` or `{ kind: "entropy", lengthM, sublattices, basis }`.
fn mixing(value: JsValue) -> Result<MixingSpec, JsError> {
    let mut o = Fields::required(value, "mixing")?;
    let spec = match o.take("kind").as_string().as_deref() {
        Some("direct") => MixingSpec::Direct {
            g_j_per_k_mol_m: o.number("gJPerKMolM"),
        },
        Some("entropy") => {
            let length_m = o.number("lengthM");
            let (subs, basis) = (o.take("sublattices"), o.take("basis"));
            o.finish()?;
            return Ok(MixingSpec::Entropy {
                length_m,
                sublattices: sublattices(subs, "mixing.sublattices")?,
                basis: name_of(&basis, "mixing.basis")?,
            });
        }
        _ => {
            return Err(JsError::new(
                "mixing.kind: expected one of \"direct\", \"entropy\"",
            ));
        }
    };
    o.finish()?;
    Ok(spec)
}

/// `[{ sitesPerFormulaUnit, amounts: [ … ] }, …]`
fn sublattices(value: JsValue, path: &str) -> Result<Vec<Sublattice>, JsError> {
    list(value, path)?
        .into_iter()
        .map(|(path, value)| {
            let mut o = Fields::required(value, &path)?;
            let sites = o.number("sitesPerFormulaUnit");
            let amounts = o.take("amounts");
            o.finish()?;
            Ok(Sublattice {
                sites_per_formula_unit: sites,
                amounts: list(amounts, &format!("{path}.amounts"))?
                    .into_iter()
                    .map(|(_, v)| v.as_f64().unwrap_or(f64::NAN))
                    .collect(),
            })
        })
        .collect()
}

/// `{ sublattices, basis, lengthM? }` of the configurational-entropy query.
pub(super) fn entropy_query(
    value: JsValue,
) -> Result<(Vec<Sublattice>, EntropyBasis, Option<f64>), JsError> {
    let mut o = Fields::required(value, "mixing")?;
    let (subs, basis) = (o.take("sublattices"), o.take("basis"));
    let length = o.optional_number("lengthM");
    o.finish()?;
    Ok((
        sublattices(subs, "mixing.sublattices")?,
        name_of(&basis, "mixing.basis")?,
        length,
    ))
}

/// `{ exponent, d0M, k0, eaJPerMol }`
pub(super) fn grain_spec(mut o: Fields) -> Result<GrainSpec, JsError> {
    let spec = GrainSpec {
        exponent: o.number("exponent"),
        d0_m: o.number("d0M"),
        k0: o.number("k0"),
        ea_j_per_mol: o.number("eaJPerMol"),
    };
    o.finish()?;
    Ok(spec)
}

/// `{ wavelengthM, targetResidual }`
fn homogenisation_spec(value: JsValue) -> Result<HomogenisationSpec, JsError> {
    let mut o = Fields::required(value, "homogenisation")?;
    let spec = HomogenisationSpec {
        wavelength_m: o.number("wavelengthM"),
        target_residual: o.number("targetResidual"),
    };
    o.finish()?;
    Ok(spec)
}

/// `{ points?, scale?, decades? }`, each defaulting to 600 linear points over 6 decades.
fn sampling_spec(value: JsValue) -> Result<Sampling, JsError> {
    let default = Sampling::default();
    let Some(mut o) = Fields::optional(value, "sampling")? else {
        return Ok(default);
    };
    let points = o.number_or("points", default.points);
    let scale = o.take("scale");
    let decades = o.number_or("decades", default.decades);
    o.finish()?;
    Ok(Sampling {
        points,
        scale: if scale.is_undefined() || scale.is_null() {
            default.scale
        } else {
            name_of::<TimeScale>(&scale, "sampling.scale")?
        },
        decades,
    })
}

pub(super) fn summary_to_js(s: &Summary) -> JsValue {
    Build::new()
        .set("durationS", s.duration_s)
        .set("peakK", s.peak_k)
        .set(
            "linearCoefficientJPerKMolM",
            s.linear_coefficient_j_per_k_mol_m,
        )
        .maybe("entropyJPerMolK", s.entropy_j_per_mol_k)
        .set("log10ThermalIntegralS", s.log10_thermal_integral_s)
        .set("referenceK", s.reference_k)
        .set("log10EquivalentTimeS", s.log10_equivalent_time_s)
        .set("log10PeakFlux", s.log10_peak_flux)
        .set("peakFluxAtS", s.peak_flux_at_s)
        .set("log10Amount", s.log10_amount)
        .set("log10DiffusionLengthM", s.log10_diffusion_length_m)
        .set("log10Residual", s.log10_residual)
        .maybe("homogenisedAtS", s.homogenised_at_s)
        .maybe("isothermalTimeAtPeakS", s.isothermal_time_at_peak_s)
        .maybe("temperatureForDurationK", s.temperature_for_duration_k)
        .maybe("grainSizeM", s.grain_size_m)
        .maybe("extrapolatedFraction", s.extrapolated_fraction)
        .done()
}

/// Every curve as a `Float64Array` on the time grid. The curves share one buffer, filled with one
/// copy per curve: allocating a typed array per curve cost a third of `evaluateScenario`.
pub(super) fn curves_to_js(curves: &Curves) -> JsValue {
    let columns = [
        ("timeS", &curves.time_s),
        ("temperatureK", &curves.temperature_k),
        ("log10ExpCoefficient", &curves.log10_exp_coefficient),
        ("log10FluxMolPerM2S", &curves.log10_flux),
        ("log10AmountMolPerM2", &curves.log10_amount),
        ("log10DiffusionLengthM", &curves.log10_diffusion_length_m),
        ("log10Residual", &curves.log10_residual),
        ("grainSizeM", &curves.grain_size_m),
    ];
    let total = columns
        .iter()
        .map(|(_, values)| values.len())
        .sum::<usize>();
    let all = js_sys::Float64Array::new_with_length(total as u32);
    let mut at = 0;
    columns
        .into_iter()
        .fold(Build::new(), |b, (key, values)| {
            let view = all.subarray(at as u32, (at + values.len()) as u32);
            view.copy_from(values);
            at += values.len();
            b.set(key, view)
        })
        .done()
}

/// `{ summary, curves }` of an evaluated scenario.
pub(super) fn evaluated_to_js(curves: &Curves, summary: &Summary) -> JsValue {
    Build::new()
        .set("summary", summary_to_js(summary))
        .set("curves", curves_to_js(curves))
        .done()
}

/// Every preset with its source, validity range and whether its numbers are confirmed.
pub(super) fn presets_to_js() -> JsValue {
    let techniques = TECHNIQUES.iter().map(|t| {
        Build::new()
            .set("id", t.id)
            .set("name", t.name)
            .set("source", t.source)
            .set("confirmed", t.confirmed)
            .set("startK", t.start_k)
            .set("segments", array(t.segments.iter().map(segment_to_js)))
            .done()
    });
    let materials = MATERIALS.iter().map(|m| {
        Build::new()
            .set("id", m.id)
            .set("name", m.name)
            .set("source", m.source)
            .set("d0M2PerS", m.d0_m2_per_s)
            .set("d0Confirmed", m.d0_confirmed)
            .set("eaJPerMol", m.ea_j_per_mol)
            .set("validMinK", m.valid_min_k)
            .set("validMaxK", m.valid_max_k)
            .done()
    });
    let grain_laws = GRAIN_LAWS.iter().map(|g| {
        Build::new()
            .set("id", g.id)
            .set("name", g.name)
            .set("source", g.source)
            .set("exponent", g.exponent)
            .set("eaJPerMol", g.ea_j_per_mol)
            .set("k0", g.k0)
            .done()
    });
    Build::new()
        .set("techniques", array(techniques))
        .set("materials", array(materials))
        .set("grainLaws", array(grain_laws))
        .done()
}

/// Rows of strings as an array of arrays.
pub(super) fn rows_to_js(rows: &[Vec<String>]) -> JsValue {
    array(
        rows.iter()
            .map(|row| array(row.iter().map(|cell| JsValue::from_str(cell)))),
    )
}
