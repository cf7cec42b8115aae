//! The wasm boundary: the scripting API and the page's calculator, the only `#[wasm_bindgen]`
//! code in the crate. Inputs arrive as plain JS objects with SI units in every name and are
//! validated by the core; errors come back as JS `Error`s naming the field, value and range.

mod backend;
mod js;
mod schema;

pub use backend::Surface;
use backend::{AnyBackend, CanvasBackend, Context2d, TextMeasure, TextWidths};
use js::{Build, Fields, named};
use plotters::prelude::*;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

use crate::arrhenius::{ActivationEnergy, Arrhenius, ThermalIntegral};
use crate::charts::{
    self, ChartKind, Frame, Guides, Layout, Plot, Scene, Theme, TimeAxis, format_log10,
};
use crate::error::{Field, InputError, check, limits};
use crate::flux::FluxModel;
use crate::grain::{self, GrainGrowth};
use crate::homogenisation::{Modulation, Residual};
use crate::mixing::{configurational_entropy, linear_coefficient};
use crate::program::ThermalProgram;
use crate::scenario::{Curves, Model, Summary};
use crate::units::Unit;

/// Most scenarios that can be pinned for comparison, besides the current one.
const MAX_PINNED: usize = 3;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn input_error(e: InputError) -> JsError {
    JsError::new(&e.to_string())
}

/// Evaluates a whole scenario: `{ summary, curves }`, every curve a `Float64Array` on the time grid.
#[wasm_bindgen(js_name = evaluateScenario)]
pub fn evaluate_scenario(scenario: JsValue) -> Result<JsValue, JsError> {
    let scenario = schema::scenario(scenario)?;
    let (curves, summary) = scenario.evaluate().map_err(input_error)?;
    Ok(schema::evaluated_to_js(&curves, &summary))
}

/// The Arrhenius integral I = ∫ exp(−Ea/RT) dt [s] of a program `{ startK, segments }`, up to
/// `timeS` (default: the whole program). `integralS` may underflow to 0; the logs never do.
#[wasm_bindgen(js_name = arrheniusIntegral)]
pub fn arrhenius_integral(
    program: JsValue,
    ea_j_per_mol: f64,
    time_s: Option<f64>,
) -> Result<JsValue, JsError> {
    let spec = schema::program(program, "program")?;
    let program = ThermalProgram::new(spec.start_k, &spec.segments).map_err(input_error)?;
    let ea = ActivationEnergy::new(Field::new("eaJPerMol"), ea_j_per_mol).map_err(input_error)?;
    let integral = ThermalIntegral::new(&program, ea);
    let ln = match time_s {
        None => integral.ln_total(),
        Some(t) => {
            let t = check(Field::new("timeS"), t, limits::DURATION).map_err(input_error)?;
            integral.ln_at(t)
        }
    };
    Ok(Build::new()
        .set("lnIntegralS", ln)
        .set("log10IntegralS", ln * std::f64::consts::LOG10_E)
        .set("integralS", ln.exp())
        .done())
}

/// |J| of eq. (11) at one temperature, with both control coefficients.
#[wasm_bindgen(js_name = fluxAt)]
pub fn flux_at(query: JsValue) -> Result<JsValue, JsError> {
    let mut q = Fields::required(query, "query")?;
    let (d0, ea) = (q.number("d0M2PerS"), q.number("eaJPerMol"));
    let (c, g) = (q.number("concentrationMolPerM3"), q.number("gJPerKMolM"));
    let temp = q.number("temperatureK");
    q.finish()?;
    let d = Arrhenius::new("query", d0, ea).map_err(input_error)?;
    let model = FluxModel::new(d, c, g).map_err(input_error)?;
    let temp = check(
        Field::of("query", "temperatureK"),
        temp,
        limits::TEMPERATURE,
    )
    .map_err(input_error)?;
    let ln_j = model.ln_flux(temp);
    let ln_e = d.activation_energy().ln_boltzmann(temp);
    Ok(Build::new()
        .set("fluxMolPerM2S", ln_j.exp())
        .set("log10FluxMolPerM2S", ln_j * std::f64::consts::LOG10_E)
        .set("expCoefficient", ln_e.exp())
        .set("log10ExpCoefficient", ln_e * std::f64::consts::LOG10_E)
        .set("linearCoefficientJPerKMolM", model.linear_coefficient())
        .done())
}

/// Grain size [m] after a program `{ startK, segments }` under `{ exponent, d0M, k0, eaJPerMol }`.
#[wasm_bindgen(js_name = grainSizeAfter)]
pub fn grain_size_after(program: JsValue, growth: JsValue) -> Result<f64, JsError> {
    let spec = schema::program(program, "program")?;
    let g = schema::grain_spec(Fields::required(growth, "grainGrowth")?)?;
    let program = ThermalProgram::new(spec.start_k, &spec.segments).map_err(input_error)?;
    let law = GrainGrowth::new(g.exponent, g.d0_m, g.k0, g.ea_j_per_mol).map_err(input_error)?;
    Ok(law.grain_size_m(ThermalIntegral::new(&program, law.activation_energy()).ln_total()))
}

/// k0 [mⁿ/s] from one measured isothermal point.
#[wasm_bindgen(js_name = calibrateK0)]
pub fn calibrate_k0(query: JsValue) -> Result<f64, JsError> {
    let mut q = Fields::required(query, "calibration")?;
    let (n, d0, d) = (
        q.number("exponent"),
        q.number("d0M"),
        q.number("grainSizeM"),
    );
    let (t, temp, ea) = (
        q.number("timeS"),
        q.number("temperatureK"),
        q.number("eaJPerMol"),
    );
    q.finish()?;
    grain::calibrate_k0(n, d0, d, t, temp, ea).map_err(input_error)
}

/// S_conf [J/(mol·K)] of `{ sublattices, basis }`, and G = S_conf/λ when `lengthM` is given.
#[wasm_bindgen(js_name = configurationalEntropy)]
pub fn configurational_entropy_js(query: JsValue) -> Result<JsValue, JsError> {
    let (sublattices, basis, length_m) = schema::entropy_query(query)?;
    let s = configurational_entropy(&sublattices, basis).map_err(input_error)?;
    let g = length_m
        .map(|l| linear_coefficient(s, l))
        .transpose()
        .map_err(input_error)?;
    Ok(Build::new()
        .set("entropyJPerMolK", s)
        .maybe("gJPerKMolM", g)
        .done())
}

/// `{ d0M2PerS, eaJPerMol, wavelengthM, targetResidual }` plus `extra` (the given temperature or
/// duration) of the homogenisation questions.
fn homogenisation_query(
    query: JsValue,
    extra: &'static str,
) -> Result<(Arrhenius, Modulation, Residual, f64), JsError> {
    let mut q = Fields::required(query, "query")?;
    let (d0, ea) = (q.number("d0M2PerS"), q.number("eaJPerMol"));
    let (wavelength, residual) = (q.number("wavelengthM"), q.number("targetResidual"));
    let given = q.number(extra);
    q.finish()?;
    Ok((
        Arrhenius::new("query", d0, ea).map_err(input_error)?,
        Modulation::new(Field::of("query", "wavelengthM"), wavelength).map_err(input_error)?,
        Residual::new(Field::of("query", "targetResidual"), residual).map_err(input_error)?,
        given,
    ))
}

/// Isothermal time [s] at `temperatureK` for a modulation of `wavelengthM` to decay to `targetResidual`.
#[wasm_bindgen(js_name = homogenisationTime)]
pub fn homogenisation_time(query: JsValue) -> Result<f64, JsError> {
    let (d, m, eps, temp) = homogenisation_query(query, "temperatureK")?;
    m.isothermal_time_s(&d, eps, temp).map_err(input_error)
}

/// Temperature [K] at which a hold of `durationS` brings the modulation to `targetResidual`.
#[wasm_bindgen(js_name = homogenisationTemperature)]
pub fn homogenisation_temperature(query: JsValue) -> Result<f64, JsError> {
    let (d, m, eps, duration) = homogenisation_query(query, "durationS")?;
    m.temperature_for_k(&d, eps, duration).map_err(input_error)
}

/// Every preset with its source and validity range.
#[wasm_bindgen]
pub fn presets() -> JsValue {
    schema::presets_to_js()
}

fn unit(name: &str) -> Result<Unit, JsError> {
    named("unit", Some(name))
}

/// Converts `value` in unit `unit` (e.g. "celsius", "kPerMin", "kjPerMol", "nanometre") to SI.
#[wasm_bindgen(js_name = toSi)]
pub fn to_si(value: f64, unit_name: &str) -> Result<f64, JsError> {
    Ok(unit(unit_name)?.to_si(value))
}

/// Converts an SI value to unit `unit`.
#[wasm_bindgen(js_name = fromSi)]
pub fn from_si(value: f64, unit_name: &str) -> Result<f64, JsError> {
    Ok(unit(unit_name)?.from_si(value))
}

struct Evaluated {
    label: String,
    model: Model,
    curves: Curves,
    /// Computed when first asked for: an edit redraws the charts without it.
    summary: OnceCell<Summary>,
}

impl Evaluated {
    fn new(label: String, model: Model, curves: Curves) -> Evaluated {
        Evaluated {
            label,
            model,
            curves,
            summary: OnceCell::new(),
        }
    }

    fn summary(&self) -> &Summary {
        self.summary
            .get_or_init(|| self.model.summary(&self.curves))
    }
}

/// The current scenario and the pinned ones, as the charts draw them.
fn scenes<'a>(current: &'a Option<Evaluated>, pinned: &'a [Evaluated]) -> Vec<Scene<'a>> {
    current
        .iter()
        .chain(pinned)
        .map(|e| Scene {
            label: &e.label,
            model: &e.model,
            curves: &e.curves,
        })
        .collect()
}

/// The page's calculator: holds the current and pinned scenarios and draws them on canvases.
/// Large data stays here; JS receives summaries and strings.
#[wasm_bindgen]
pub struct Calculator {
    current: Option<Evaluated>,
    pinned: Vec<Evaluated>,
    charts: Vec<Chart>,
    time_axis: TimeAxis,
    dark: bool,
    pixel_ratio: f64,
    text_widths: TextWidths,
}

/// A chart on the page: what it is drawn on, the layer its guides are kept on, the pixel mapping
/// of its last drawing, whether it is on screen, and whether it still shows an older state (it is
/// redrawn when it scrolls into view).
struct Chart {
    kind: ChartKind,
    surface: Surface,
    context: Context2d,
    layer: Option<Layer>,
    frame: Option<Frame>,
    visible: bool,
    stale: bool,
}

/// A spare surface holding a chart's guides (background, caption, axes and legend, half the cost
/// of a drawing): each redraw copies it under the traces and its legend over them, and draws it
/// anew only when the guides change.
struct Layer {
    surface: Surface,
    context: Context2d,
    /// The guides it shows, and where.
    drawn: Option<(Guides, Layout)>,
}

impl Layer {
    /// Where the guides of `plot` go, drawn on the layer if it shows other guides.
    fn guides(&mut self, plot: &Plot, widths: &TextWidths) -> Result<Layout, String> {
        if let Some((guides, drawn)) = &self.drawn
            && guides == plot.guides()
            && plot.relayout(drawn) == *drawn
        {
            return Ok(drawn.clone());
        }
        self.drawn = None;
        self.surface.resize(plot.guides().size());
        let area = AnyBackend::Canvas(CanvasBackend::new(&self.surface, &self.context, widths))
            .into_drawing_area();
        let layout = plot.draw_axes(&area)?;
        plot.draw_legend(&area, &layout)?;
        area.present().map_err(|e| e.to_string())?;
        self.drawn = Some((plot.guides().clone(), layout.clone()));
        Ok(layout)
    }
}

impl Default for Calculator {
    fn default() -> Self {
        Self::new()
    }
}

fn chart_kind(name: &str) -> Result<ChartKind, JsError> {
    named("chart", Some(name))
}

#[wasm_bindgen]
impl Calculator {
    /// An empty calculator.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Calculator {
        Calculator {
            current: None,
            pinned: Vec::new(),
            charts: Vec::new(),
            time_axis: TimeAxis::Linear,
            dark: false,
            pixel_ratio: 1.0,
            text_widths: TextWidths::default(),
        }
    }

    /// Draws chart `kind` ("temperature", "flux", "transport", "grain", "arrhenius") on `surface`:
    /// an `OffscreenCanvas` (the page's, from `canvas.transferControlToOffscreen()`) or a
    /// `<canvas>`, at its size in device pixels. With a `layer` (a spare `OffscreenCanvas` or
    /// `<canvas>`, which the calculator sizes), the chart's guides (axes, labels, legend) are
    /// kept on it, and a redraw that leaves them as they were draws only the traces over a copy:
    /// the same pixels for about half the work.
    pub fn attach(
        &mut self,
        kind: &str,
        surface: Surface,
        layer: Option<Surface>,
    ) -> Result<(), JsError> {
        let kind = chart_kind(kind)?;
        let context = surface.context("a chart surface")?;
        let layer = match layer {
            Some(surface) => Some(Layer {
                context: surface.context("a chart's layer")?,
                surface,
                drawn: None,
            }),
            None => None,
        };
        self.charts.retain(|c| c.kind != kind);
        self.charts.push(Chart {
            kind,
            surface,
            context,
            layer,
            frame: None,
            visible: true,
            stale: true,
        });
        Ok(())
    }

    /// Validates `scenario` and computes its curves. On error nothing changes: the last valid
    /// scenario and its charts stay.
    pub fn update(&mut self, scenario: JsValue) -> Result<(), JsError> {
        let model = schema::scenario(scenario)?
            .validate()
            .map_err(input_error)?;
        let (label, mut curves) = match self.current.take() {
            Some(e) => (e.label, e.curves),
            None => ("current".to_string(), Curves::default()),
        };
        model.sample_into(&mut curves);
        self.current = Some(Evaluated::new(label, model, curves));
        Ok(())
    }

    /// Label of the current scenario in legends.
    #[wasm_bindgen(js_name = setLabel)]
    pub fn set_label(&mut self, label: String) {
        if let Some(e) = self.current.as_mut() {
            e.label = label;
        }
    }

    /// "linear", "log" or "normalised".
    #[wasm_bindgen(js_name = setTimeAxis)]
    pub fn set_time_axis(&mut self, axis: &str) -> Result<(), JsError> {
        self.time_axis = named("time axis", Some(axis))?;
        Ok(())
    }

    /// Dark or light charts, and the device pixel ratio of the canvases.
    #[wasm_bindgen(js_name = setAppearance)]
    pub fn set_appearance(&mut self, dark: bool, pixel_ratio: f64) {
        self.dark = dark;
        self.pixel_ratio = if pixel_ratio.is_finite() {
            pixel_ratio.clamp(0.5, 4.0)
        } else {
            1.0
        };
    }

    /// Pins a copy of the current scenario for comparison (at most three besides the current).
    pub fn pin(&mut self, label: String) -> Result<usize, JsError> {
        let Some(e) = self.current.as_ref() else {
            return Err(JsError::new("nothing to pin yet"));
        };
        if self.pinned.len() >= MAX_PINNED {
            return Err(JsError::new(&format!(
                "at most {MAX_PINNED} scenarios can be pinned; clear one first"
            )));
        }
        self.pinned
            .push(Evaluated::new(label, e.model.clone(), e.curves.clone()));
        Ok(self.pinned.len())
    }

    /// Removes all pinned scenarios.
    #[wasm_bindgen(js_name = clearPins)]
    pub fn clear_pins(&mut self) {
        self.pinned.clear();
    }

    fn scenes(&self) -> Vec<Scene<'_>> {
        scenes(&self.current, &self.pinned)
    }

    fn theme(&self) -> &'static Theme {
        if self.dark {
            &Theme::DARK
        } else {
            &Theme::LIGHT
        }
    }

    /// Redraws every visible chart; the others are redrawn when they become visible.
    pub fn draw(&mut self) -> Result<(), JsError> {
        for chart in &mut self.charts {
            chart.stale = true;
        }
        for i in 0..self.charts.len() {
            if self.charts[i].visible {
                self.redraw(i)?;
            }
        }
        Ok(())
    }

    /// Tells whether chart `kind` is on screen; a stale chart coming into view is redrawn.
    #[wasm_bindgen(js_name = setVisible)]
    pub fn set_visible(&mut self, kind: &str, visible: bool) -> Result<(), JsError> {
        let kind = chart_kind(kind)?;
        if let Some(i) = self.charts.iter().position(|c| c.kind == kind) {
            self.charts[i].visible = visible;
            if visible && self.charts[i].stale {
                self.redraw(i)?;
            }
        }
        Ok(())
    }

    /// Redraws chart `kind` now if it shows an older state (before exporting it, say).
    #[wasm_bindgen(js_name = ensureDrawn)]
    pub fn ensure_drawn(&mut self, kind: &str) -> Result<(), JsError> {
        let kind = chart_kind(kind)?;
        match self.charts.iter().position(|c| c.kind == kind && c.stale) {
            Some(i) => self.redraw(i),
            None => Ok(()),
        }
    }

    fn redraw(&mut self, i: usize) -> Result<(), JsError> {
        let scenes = scenes(&self.current, &self.pinned);
        if scenes.is_empty() {
            return Ok(());
        }
        let theme = self.theme();
        let chart = &mut self.charts[i];
        let kind = chart.kind;
        let failed = |e: String| JsError::new(&format!("drawing the {kind:?} chart failed: {e}"));
        let plot = Plot::new(
            kind,
            &scenes,
            self.time_axis,
            theme,
            self.pixel_ratio,
            chart.surface.size(),
        );
        let area = AnyBackend::Canvas(CanvasBackend::new(
            &chart.surface,
            &chart.context,
            &self.text_widths,
        ))
        .into_drawing_area();
        let present =
            |area: &DrawingArea<AnyBackend, _>| area.present().map_err(|e| failed(e.to_string()));
        let frame = match chart.layer.as_mut() {
            None => plot.draw(&area).map_err(failed)?,
            Some(layer) => {
                // The guides under the traces, and their legend over them.
                let layout = layer.guides(&plot, &self.text_widths).map_err(failed)?;
                let (w, h) = plot.guides().size();
                chart
                    .context
                    .copy(&layer.surface, &(0..w as i32, 0..h as i32));
                let frame = plot.draw_traces(&area, &layout).map_err(failed)?;
                present(&area)?;
                if let Some(legend) = &layout.legend {
                    chart.context.copy(&layer.surface, legend);
                }
                frame
            }
        };
        present(&area)?;
        chart.frame = Some(frame);
        chart.stale = false;
        Ok(())
    }

    /// Exact values under CSS pixel column `css_x` of chart `kind`, or undefined outside its plot.
    pub fn readout(&self, kind: &str, css_x: f64) -> Result<Option<String>, JsError> {
        let kind = chart_kind(kind)?;
        let frame = self
            .charts
            .iter()
            .find(|c| c.kind == kind && !c.stale)
            .and_then(|c| c.frame.as_ref());
        Ok(frame.and_then(|f| charts::readout(f, &self.scenes(), css_x * self.pixel_ratio)))
    }

    /// The chart `kind` as an SVG document of `width`×`height` CSS pixels.
    pub fn svg(&self, kind: &str, width: u32, height: u32) -> Result<String, JsError> {
        let kind = chart_kind(kind)?;
        // Text is measured on a chart's context, as on the page.
        let chart = self
            .charts
            .first()
            .ok_or_else(|| JsError::new("no chart surface is attached"))?;
        let measure = &chart.context;
        let mut out = String::new();
        {
            let size = (width.clamp(200, 4000), height.clamp(150, 4000));
            let area = AnyBackend::Svg(
                SVGBackend::with_string(&mut out, size),
                TextMeasure::new(measure, &self.text_widths),
            )
            .into_drawing_area();
            charts::draw(
                kind,
                &area,
                &self.scenes(),
                self.time_axis,
                self.theme(),
                1.0,
            )
            .map_err(|e| JsError::new(&e))?;
            area.present().map_err(|e| JsError::new(&e.to_string()))?;
        }
        Ok(out)
    }

    /// The current summary as readable lines (numbers formatted in Rust, never re-derived in JS).
    #[wasm_bindgen(js_name = summaryText)]
    pub fn summary_text(&self) -> String {
        let Some(e) = self.current.as_ref() else {
            return String::new();
        };
        let s = e.summary();
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
        if let (Some(f), Some((lo, hi))) = (s.extrapolated_fraction, e.model.valid_range_k()) {
            lines.push(format!(
                "{:.1} % of the diffusion happened outside the measured range {lo}–{hi} K{}",
                100.0 * f,
                if f > 0.01 { " (extrapolated)" } else { "" }
            ));
        }
        lines.join("\n")
    }

    /// Answers the inverse questions for the current species and homogenisation target: the
    /// temperature that homogenises in `duration_s`, the hold time at `temperature_k`, and the
    /// hold or single ramp (start → peak of the program) that reaches diffusion length `length_m`.
    #[wasm_bindgen(js_name = inverseText)]
    pub fn inverse_text(
        &self,
        duration_s: Option<f64>,
        temperature_k: Option<f64>,
        length_m: Option<f64>,
    ) -> String {
        let Some(e) = self.current.as_ref() else {
            return String::new();
        };
        let d = e.model.flux().diffusion();
        let (modulation, residual) = e.model.homogenisation();
        let program = e.model.program();
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
                lines.push(answer(
                    crate::homogenisation::hold_for_length_s(d, l, k)
                        .map(|t| format!("Diffusion length {l:.4e} m at {k:.1} K after {t:.4e} s")),
                ));
            }
            let (from, to) = (program.start_k(), program.peak_k());
            lines.push(answer(
                crate::homogenisation::ramp_rate_for_length(d, l, from, to).map(|b| {
                    format!("A single ramp {from:.1} → {to:.1} K reaches {l:.4e} m at {b:.4e} K/s")
                }),
            ));
        }
        lines.join("\n")
    }

    /// The data table of chart `kind` for the current scenario: rows of strings, header first.
    pub fn table(&self, kind: &str, rows: usize) -> Result<JsValue, JsError> {
        let kind = chart_kind(kind)?;
        match self.scenes().first() {
            Some(scene) => Ok(schema::rows_to_js(&charts::table(kind, scene, rows))),
            None => Ok(JsValue::NULL),
        }
    }

    /// The mixing panel's answer: S_conf of the composition (when given) and the G it implies.
    #[wasm_bindgen(js_name = mixingText)]
    pub fn mixing_text(&self) -> String {
        let Some(e) = self.current.as_ref() else {
            return String::new();
        };
        let g = format!(
            "G = {:.4e} J/(K·mol·m)",
            e.model.flux().linear_coefficient()
        );
        match e.model.entropy_j_per_mol_k() {
            Some(entropy) => format!("S_conf = {entropy:.4} J/(mol·K) → {g} (G ≈ S_conf/λ)"),
            None => g,
        }
    }

    /// Curves of the current and pinned scenarios as CSV (one block per scenario).
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "scenario,time_s,temperature_K,log10_flux_mol_per_m2_s,log10_exp_coefficient,log10_amount_mol_per_m2,log10_diffusion_length_m,log10_residual,grain_size_m\n",
        );
        for scene in self.scenes() {
            let c = scene.curves;
            let label = scene.label.replace(['"', ',', '\n'], " ");
            for i in 0..c.len() {
                let grain = c
                    .grain_size_m
                    .get(i)
                    .map(|d| format!("{d:e}"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{label},{:e},{},{},{},{},{},{},{grain}\n",
                    c.time_s[i],
                    c.temperature_k[i],
                    c.log10_flux[i],
                    c.log10_exp_coefficient[i],
                    c.log10_amount[i],
                    c.log10_diffusion_length_m[i],
                    c.log10_residual[i]
                ));
            }
        }
        out
    }

    /// Curves and summary of the current scenario as a JS object (for JSON export).
    pub fn current(&self) -> Result<JsValue, JsError> {
        let Some(e) = self.current.as_ref() else {
            return Ok(JsValue::NULL);
        };
        Ok(schema::evaluated_to_js(&e.curves, e.summary()))
    }
}
