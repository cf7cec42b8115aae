//! The page's calculator: the current and pinned scenarios, and the charts they are drawn on.
//! Large data stays here; JS receives summaries and strings.

use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::boundary::{ApiError, named, number, read, write};
use super::render::{self, Canvas, Layer, TextWidths};
use crate::charts::{
    self, ChartKind, Frame, Measured, Plot, Scene, Theme, TimeAxis, TimedLength, View,
};
use crate::error::{Field, check};
use crate::fit::{DiffusivityPoint, GrainPoint, MAX_POINTS};
use crate::report;
use crate::scenario::{Curves, Model, Scenario, Summary};
use crate::units::Quantity;

/// Most scenarios that can be pinned for comparison, besides the current one.
const MAX_PINNED: usize = 3;
/// Narrowest zoom [CSS px]: a narrower drag is a tap.
const MIN_ZOOM_PX: f64 = 8.0;
/// Smallest and largest SVG export [CSS px].
#[cfg(feature = "scripting")]
const SVG_WIDTH: (u32, u32) = (200, 4000);
#[cfg(feature = "scripting")]
const SVG_HEIGHT: (u32, u32) = (150, 4000);

/// How a scenario's curves are sampled for the charts: the widest chart's pixel columns, and
/// the part of the program they show (the zoom, on its time axis).
#[derive(Clone, Copy, PartialEq)]
struct ChartGrid {
    columns: usize,
    time_axis: TimeAxis,
    zoom: Option<(f64, f64)>,
}

impl ChartGrid {
    fn sample(self, model: &Model, curves: &mut Curves) {
        let window = self
            .time_axis
            .window(self.zoom, model.program().duration_s());
        model.sample_columns_into(curves, self.columns, window);
    }

    /// The curves of the ends of `model`'s uncertainty band, when it has one.
    fn band(self, model: &Model) -> Option<(Curves, Curves)> {
        let (lower, upper) = model.band()?;
        let sampled = |m: &Model| {
            let mut curves = Curves::default();
            self.sample(m, &mut curves);
            curves
        };
        Some((sampled(lower), sampled(upper)))
    }
}

struct Evaluated {
    label: String,
    model: Model,
    /// The curves on `grid`.
    curves: Curves,
    grid: ChartGrid,
    /// The curves of the ends of the model's uncertainty band on `grid`, when it has one.
    band: Option<(Curves, Curves)>,
    /// Computed when first asked for: an edit redraws the charts without it.
    summary: OnceCell<Summary>,
}

impl Evaluated {
    /// Samples `model` on `grid`, into `curves` (whose buffers it reuses).
    fn new(label: String, model: Model, mut curves: Curves, grid: ChartGrid) -> Evaluated {
        grid.sample(&model, &mut curves);
        Evaluated {
            label,
            band: grid.band(&model),
            model,
            curves,
            grid,
            summary: OnceCell::new(),
        }
    }

    /// Samples again if the charts' width or zoom changed since.
    fn fit(&mut self, grid: ChartGrid) {
        if self.grid != grid {
            grid.sample(&self.model, &mut self.curves);
            self.band = grid.band(&self.model);
            self.grid = grid;
        }
    }

    fn summary(&self) -> &Summary {
        self.summary.get_or_init(|| self.model.summary())
    }

    fn scene(&self) -> Scene<'_> {
        Scene {
            label: &self.label,
            model: &self.model,
            curves: &self.curves,
            measured: Measured::default(),
            band: self.band.as_ref().map(|(lower, upper)| (lower, upper)),
        }
    }

    #[cfg(feature = "scripting")]
    /// The curves on the scenario's own grid, for exports (a pulse train denser than that grid
    /// is still sampled per grid interval, at its extremes; see `scenario::grid`).
    fn exported_curves(&self) -> Curves {
        let mut curves = Curves::default();
        self.model.sample_into(&mut curves);
        curves
    }
}

/// A chart on the page: its canvas, the layer of its guides, its last drawing and that drawing's
/// mapping, whether it is on screen, and whether it still shows an older state (it is redrawn
/// when it scrolls into view).
struct Chart {
    kind: ChartKind,
    canvas: Canvas,
    layer: Layer,
    /// What the canvas shows: an edit that leaves it as it is (the temperature while Eₐ is
    /// dragged, say) does not draw it again.
    shown: Option<Plot>,
    frame: Option<Frame>,
    visible: bool,
    stale: bool,
}

/// The page's calculator.
#[wasm_bindgen]
#[derive(Default)]
pub struct Calculator {
    current: Option<Evaluated>,
    pinned: Vec<Evaluated>,
    charts: Vec<Chart>,
    view: View,
    dark: bool,
    pixel_ratio: f64,
    text_widths: TextWidths,
    measured: Measurements,
}

/// Lengths measured a time into each scenario's program, by scenario (the current one first,
/// then the pinned).
type ByScene = Vec<Vec<TimedLength>>;

/// What the reader measured.
#[derive(Default)]
struct Measurements {
    /// Diffusion coefficients, drawn with the current scenario.
    diffusivities: Vec<DiffusivityPoint>,
    grain_sizes: ByScene,
    diffusion_lengths: ByScene,
}

/// The current scenario and the pinned ones as the charts draw them, with the reader's
/// measurements.
fn scenes<'a>(
    current: &'a Option<Evaluated>,
    pinned: &'a [Evaluated],
    measured: &'a Measurements,
) -> Vec<Scene<'a>> {
    let of = |all: &'a ByScene, i: usize| all.get(i).map_or(&[][..], Vec::as_slice);
    current
        .iter()
        .chain(pinned)
        .enumerate()
        .map(|(i, e)| Scene {
            measured: Measured {
                diffusivities: if i == 0 { &measured.diffusivities } else { &[] },
                grain_sizes: of(&measured.grain_sizes, i),
                diffusion_lengths: of(&measured.diffusion_lengths, i),
            },
            ..e.scene()
        })
        .collect()
}

fn chart_kind(name: &str) -> Result<ChartKind, ApiError> {
    named("chart", name)
}

impl Calculator {
    fn scenes(&self) -> Vec<Scene<'_>> {
        scenes(&self.current, &self.pinned, &self.measured)
    }

    /// How the charts sample: the CSS pixel columns of the widest attached chart (unbounded
    /// before any is attached), and the zoom.
    fn grid(&self) -> ChartGrid {
        // CSS pixel columns: what a reader tells apart. A phone's two or three device pixels per
        // CSS pixel would multiply the work of an edit without a visible difference (a column's
        // pulses are still drawn from their lowest to their highest point).
        let columns = self
            .charts
            .iter()
            .map(|c| (f64::from(c.canvas.element.width()) / self.pixel_ratio).ceil() as usize);
        ChartGrid {
            columns: columns.max().unwrap_or(usize::MAX),
            time_axis: self.view.time_axis,
            zoom: self.view.zoom,
        }
    }

    fn theme(&self) -> &'static Theme {
        if self.dark {
            &Theme::DARK
        } else {
            &Theme::LIGHT
        }
    }

    fn redraw(&mut self, i: usize) -> Result<(), ApiError> {
        let scenes = scenes(&self.current, &self.pinned, &self.measured);
        if scenes.is_empty() {
            return Ok(());
        }
        let theme = self.theme();
        let chart = &mut self.charts[i];
        let element = &chart.canvas.element;
        let plot = Plot::new(
            chart.kind,
            &scenes,
            &self.view,
            theme,
            self.pixel_ratio,
            (element.width(), element.height()),
        );
        if chart.shown.as_ref() == Some(&plot) {
            chart.stale = false;
            return Ok(());
        }
        // Until this drawing is complete, the canvas shows neither plot.
        chart.shown = None;
        let frame = render::draw(
            &mut chart.canvas,
            &mut chart.layer,
            &plot,
            &self.text_widths,
        )
        .map_err(|e| {
            let kind = chart.kind;
            ApiError::new(
                "invalid",
                "",
                format_args!("drawing the {kind:?} chart failed: {e}"),
            )
        })?;
        chart.frame = Some(frame);
        chart.shown = Some(plot);
        chart.stale = false;
        Ok(())
    }
}

#[wasm_bindgen]
impl Calculator {
    /// An empty calculator.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Calculator {
        Calculator {
            pixel_ratio: 1.0,
            ..Default::default()
        }
    }

    /// Draws chart `kind` ("temperature", "flux", "transport", "grain", "arrhenius", or the
    /// views' "mixing", "rate", "growth" and "kissinger", which a build without the feature
    /// "views" leaves blank) on `canvas`, at the canvas's size in device pixels.
    pub fn attach(&mut self, kind: &str, canvas: JsValue) -> Result<(), ApiError> {
        let kind = chart_kind(kind)?;
        let canvas: HtmlCanvasElement = canvas
            .dyn_into()
            .map_err(|_| ApiError::new("type", "canvas", "expected a <canvas> element"))?;
        let no_context = || ApiError::new("invalid", "canvas", "the canvas has no 2D context");
        let layer = Layer::beside(&canvas).ok_or_else(no_context)?;
        let canvas = Canvas::new(canvas).ok_or_else(no_context)?;
        self.charts.retain(|c| c.kind != kind);
        self.charts.push(Chart {
            kind,
            canvas,
            layer,
            shown: None,
            frame: None,
            visible: true,
            stale: true,
        });
        Ok(())
    }

    /// Validates `scenario` and computes its curves. On error nothing changes: the last valid
    /// scenario and its charts stay.
    pub fn update(&mut self, scenario: JsValue) -> Result<(), ApiError> {
        let model = read::<Scenario>(&scenario, "")?.validate()?;
        let (label, curves) = match self.current.take() {
            Some(e) => (e.label, e.curves),
            None => ("current".to_string(), Curves::default()),
        };
        // A zoom past the end of the new program shows nothing: it ends.
        let duration = model.program().duration_s();
        let window = self.view.time_axis.window(self.view.zoom, duration);
        if window.is_some_and(|(from, _)| from >= duration) {
            self.view.zoom = None;
        }
        self.current = Some(Evaluated::new(label, model, curves, self.grid()));
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
    pub fn set_time_axis(&mut self, axis: &str) -> Result<(), ApiError> {
        let axis = named("time axis", axis)?;
        if axis != self.view.time_axis {
            self.view.time_axis = axis;
            // A zoom is kept in the measure of its axis.
            self.view.zoom = None;
        }
        Ok(())
    }

    /// Shows `quantity` ("temperature", "rate", "time", "energy", "diffusivity" or "length") in
    /// unit `unit` (a unit's name, as `toSi` takes it; for time also "auto") in every chart,
    /// readout, table, text and CSV. On error the unit stays as it was.
    #[wasm_bindgen(js_name = setUnit)]
    pub fn set_unit(&mut self, quantity: &str, unit: &str) -> Result<(), ApiError> {
        let quantity: Quantity = named("quantity", quantity)?;
        Ok(self.view.units.set(quantity, unit)?)
    }

    /// Dark or light charts, and the device pixel ratio of the canvases.
    #[wasm_bindgen(js_name = setAppearance)]
    pub fn set_appearance(&mut self, dark: bool, pixel_ratio: f64) {
        // The page calls this after it resized canvases, which clears them: none shows its plot
        // any more, even one resized back to the size it was drawn at.
        for chart in &mut self.charts {
            chart.shown = None;
        }
        self.dark = dark;
        self.pixel_ratio = if pixel_ratio.is_finite() {
            pixel_ratio.clamp(0.5, 4.0)
        } else {
            1.0
        };
    }

    /// Pins a copy of the current scenario for comparison (at most three besides the current).
    pub fn pin(&mut self, label: String) -> Result<usize, ApiError> {
        let Some(e) = self.current.as_ref() else {
            return Err(ApiError::new("invalid", "", "nothing to pin yet"));
        };
        if self.pinned.len() >= MAX_PINNED {
            return Err(ApiError::new(
                "invalid",
                "",
                format_args!("at most {MAX_PINNED} scenarios can be pinned; clear one first"),
            ));
        }
        self.pinned.push(Evaluated::new(
            label,
            e.model.clone(),
            e.curves.clone(),
            e.grid,
        ));
        Ok(self.pinned.len())
    }

    /// Draws the reader's measured points on the Arrhenius chart, in the current scenario's
    /// colour: `temperaturesK[i]` [K] and `dM2PerS[i]` [m²/s] (empty arrays remove them). On
    /// error the points drawn stay.
    #[wasm_bindgen(js_name = setMeasured)]
    pub fn set_measured(
        &mut self,
        temperatures_k: &[f64],
        d_m2_per_s: &[f64],
    ) -> Result<(), ApiError> {
        if temperatures_k.len() != d_m2_per_s.len() || temperatures_k.len() > MAX_POINTS {
            return Err(ApiError::new(
                "invalid",
                "points",
                format_args!("expected two arrays of the same length, at most {MAX_POINTS}"),
            ));
        }
        self.measured.diffusivities = temperatures_k
            .iter()
            .zip(d_m2_per_s)
            .enumerate()
            .map(|(i, (&t, &d))| DiffusivityPoint::new(i, t, d, None))
            .collect::<Result<_, _>>()?;
        Ok(())
    }

    /// Draws lengths the reader measured a time into each scenario's program, in its colour:
    /// on chart `kind` "grain" grain sizes, on "transport" diffusion lengths. `scenes[i]` is 0
    /// for the current scenario and k for the k-th pinned one, `timesS[i]` [s] the time from
    /// the start of its program (`Infinity`: its end, as the program is at each drawing),
    /// `lengthsM[i]` [m] the length; a grain size must be larger than its scenario's d0, where
    /// eq. (12) starts. Empty arrays remove them. On error those drawn stay.
    #[wasm_bindgen(js_name = setMeasuredLengths)]
    pub fn set_measured_lengths(
        &mut self,
        kind: &str,
        scenes: &[u32],
        times_s: &[f64],
        lengths_m: &[f64],
    ) -> Result<(), ApiError> {
        let kind = chart_kind(kind)?;
        if !matches!(kind, ChartKind::Grain | ChartKind::Transport) {
            return Err(ApiError::new(
                "invalid",
                "kind",
                "expected \"grain\" or \"transport\"",
            ));
        }
        let count = lengths_m.len();
        if scenes.len() != count || times_s.len() != count || count > MAX_POINTS {
            return Err(ApiError::new(
                "invalid",
                "lengths",
                format_args!("expected three arrays of the same length, at most {MAX_POINTS}"),
            ));
        }
        let models: Vec<&Model> = self
            .current
            .iter()
            .chain(&self.pinned)
            .map(|e| &e.model)
            .collect();
        let ends: Vec<f64> = models.iter().map(|m| m.program().duration_s()).collect();
        let mut by_scene = vec![Vec::new(); ends.len()];
        for (i, ((&scene, &t), &length)) in scenes.iter().zip(times_s).zip(lengths_m).enumerate() {
            let scene = scene as usize;
            if scene >= ends.len() {
                return Err(ApiError::new(
                    "invalid",
                    &format!("lengths[{i}].scene"),
                    format_args!(
                        "names scenario {scene}; there are {} (0 the current one, then the pinned)",
                        ends.len()
                    ),
                ));
            }
            let time = (t != f64::INFINITY).then_some(t);
            let point = GrainPoint::new(i, scene, time, length, &ends)
                .map_err(|e| ApiError::from(e).rooted("points", "lengths"))?;
            if let (ChartKind::Grain, Some(law)) = (kind, models[scene].grain()) {
                check(Field::item("lengths", i, "lengthM"), length, law.grown())?;
            }
            by_scene[scene].push((time.map(|_| point.time_s), point.length_m));
        }
        *match kind {
            ChartKind::Grain => &mut self.measured.grain_sizes,
            _ => &mut self.measured.diffusion_lengths,
        } = by_scene;
        Ok(())
    }

    /// Removes all pinned scenarios, and the lengths measured after their programs.
    #[wasm_bindgen(js_name = clearPins)]
    pub fn clear_pins(&mut self) {
        self.pinned.clear();
        self.measured.grain_sizes.truncate(1);
        self.measured.diffusion_lengths.truncate(1);
    }

    /// Redraws every visible chart; the others are redrawn when they become visible.
    pub fn draw(&mut self) -> Result<(), ApiError> {
        let grid = self.grid();
        for e in self.current.iter_mut().chain(&mut self.pinned) {
            e.fit(grid);
        }
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
    pub fn set_visible(&mut self, kind: &str, visible: bool) -> Result<(), ApiError> {
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
    pub fn ensure_drawn(&mut self, kind: &str) -> Result<(), ApiError> {
        let kind = chart_kind(kind)?;
        match self.charts.iter().position(|c| c.kind == kind && c.stale) {
            Some(i) => self.redraw(i),
            None => Ok(()),
        }
    }

    /// Zooms every time chart into the time between CSS pixel columns `css_from` and `css_to` of
    /// chart `kind` (a time chart as last drawn; columns beyond its plot are taken at its edge),
    /// and redraws the charts on screen. Tells whether it zoomed: not on the Arrhenius plot, nor
    /// into less than [`MIN_ZOOM_PX`] columns.
    pub fn zoom(
        &mut self,
        kind: &str,
        css_from: JsValue,
        css_to: JsValue,
    ) -> Result<bool, ApiError> {
        let kind = chart_kind(kind)?;
        let from = number(&css_from, "from")?;
        let to = number(&css_to, "to")?;
        let Some(frame) = self
            .charts
            .iter()
            .find(|c| c.kind == kind && !c.stale)
            .and_then(|c| c.frame.as_ref())
            .filter(|f| f.kind.against_time())
        else {
            return Ok(false);
        };
        let (a, b) = (from.min(to), from.max(to));
        if !(a.is_finite() && b.is_finite()) || (b - a) < MIN_ZOOM_PX {
            return Ok(false);
        }
        let time = |css: f64| frame.time.time_of(frame.x_clamped(css * self.pixel_ratio));
        // Within the programs: the plot's padding lies before their start and after their end.
        let end = match self.view.time_axis {
            TimeAxis::Normalised => 1.0,
            TimeAxis::Linear | TimeAxis::Log => self
                .scenes()
                .iter()
                .map(|s| s.model.program().duration_s())
                .fold(0.0, f64::max),
        };
        let (from, to) = (time(a).max(0.0), time(b).min(end));
        if to <= from {
            return Ok(false);
        }
        self.view.zoom = Some((from, to));
        self.draw()?;
        Ok(true)
    }

    /// Shows the whole programs again.
    #[wasm_bindgen(js_name = resetZoom)]
    pub fn reset_zoom(&mut self) -> Result<(), ApiError> {
        self.view.zoom = None;
        self.draw()
    }

    /// The time the time charts are zoomed into, `[from, to]` on the time axis (seconds, or
    /// fractions of the program on the normalised axis); undefined while they show the whole
    /// programs (an edit that leaves nothing to show ends a zoom).
    #[wasm_bindgen(js_name = zoomWindow)]
    pub fn zoom_window(&self) -> Option<Vec<f64>> {
        self.view.zoom.map(|(from, to)| vec![from, to])
    }

    #[cfg(feature = "scripting")]
    /// Zooms the time charts into `from`–`to`, as [`Self::zoom_window`] gives it, without
    /// drawing: another Calculator's zoom, for an export of what it shows.
    #[wasm_bindgen(js_name = setZoomWindow)]
    pub fn set_zoom_window(&mut self, from: JsValue, to: JsValue) -> Result<(), ApiError> {
        let (from, to) = (number(&from, "from")?, number(&to, "to")?);
        if !(from.is_finite() && to.is_finite() && 0.0 <= from && from < to) {
            return Err(ApiError::new(
                "invalid",
                "from",
                "the zoom must be finite times 0 ≤ from < to",
            ));
        }
        self.view.zoom = Some((from, to));
        Ok(())
    }

    /// Exact values under CSS pixel column `css_x` of chart `kind`, or undefined outside its plot.
    pub fn readout(&self, kind: &str, css_x: f64) -> Result<Option<String>, ApiError> {
        let kind = chart_kind(kind)?;
        let frame = self
            .charts
            .iter()
            .find(|c| c.kind == kind && !c.stale)
            .and_then(|c| c.frame.as_ref());
        Ok(frame.and_then(|f| {
            charts::readout(
                f,
                &self.scenes(),
                css_x * self.pixel_ratio,
                &self.view.units,
            )
        }))
    }

    #[cfg(feature = "scripting")]
    /// The chart `kind` as an SVG document of `width`×`height` CSS pixels.
    pub fn svg(&mut self, kind: &str, width: u32, height: u32) -> Result<String, ApiError> {
        use super::render::{Measured, Target};
        use plotters::prelude::{IntoDrawingArea, SVGBackend};

        let kind = chart_kind(kind)?;
        let grid = self.grid();
        for e in self.current.iter_mut().chain(&mut self.pinned) {
            e.fit(grid);
        }
        // Text is measured on a chart's context, as on the page.
        let chart = self
            .charts
            .first()
            .ok_or_else(|| ApiError::new("invalid", "", "no chart canvas is attached"))?;
        let size = (
            width.clamp(SVG_WIDTH.0, SVG_WIDTH.1),
            height.clamp(SVG_HEIGHT.0, SVG_HEIGHT.1),
        );
        let mut out = String::new();
        {
            let backend = SVGBackend::with_string(&mut out, size);
            let area = Measured {
                target: Target::Svg(backend),
                context: &chart.canvas.context,
                widths: &self.text_widths,
            }
            .into_drawing_area();
            charts::draw(kind, &area, &self.scenes(), &self.view, self.theme(), 1.0)
                .map_err(|e| ApiError::new("invalid", "", e))?;
            area.present()
                .map_err(|e| ApiError::new("invalid", "", e))?;
        }
        Ok(out)
    }

    /// The current summary as readable lines (numbers formatted in Rust, never re-derived in JS).
    #[wasm_bindgen(js_name = summaryText)]
    pub fn summary_text(&self) -> String {
        self.current.as_ref().map_or_else(String::new, |e| {
            report::summary(&e.model, e.summary(), &self.view.units)
        })
    }

    /// Answers the inverse questions for the current species and homogenisation target.
    #[wasm_bindgen(js_name = inverseText)]
    pub fn inverse_text(
        &self,
        duration_s: Option<f64>,
        temperature_k: Option<f64>,
        length_m: Option<f64>,
    ) -> String {
        self.current.as_ref().map_or_else(String::new, |e| {
            report::inverse(
                &e.model,
                duration_s,
                temperature_k,
                length_m,
                &self.view.units,
            )
        })
    }

    /// The data table of chart `kind` for the current scenario: rows of strings, header first.
    pub fn table(&self, kind: &str, rows: usize) -> Result<JsValue, ApiError> {
        let kind = chart_kind(kind)?;
        // The current scenario comes first.
        Ok(match self.current {
            Some(_) => write(&charts::table(kind, &self.scenes(), rows, &self.view)),
            None => JsValue::NULL,
        })
    }

    /// The key results of the current and every pinned scenario side by side, in the reader's
    /// units: rows of strings, labels first.
    pub fn comparison(&self) -> JsValue {
        let all: Vec<(&str, &Model, &Summary)> = self
            .current
            .iter()
            .chain(&self.pinned)
            .map(|e| (e.label.as_str(), &e.model, e.summary()))
            .collect();
        write(&report::comparison(&all, &self.view.units))
    }

    /// The numbers of the view of chart `kind` ("mixing", "rate", "growth": the paper's
    /// questions; "kissinger") for the current scenario, in the reader's units; empty for the
    /// other charts. Only with the views' charts (feature "views"; the page opens a view on the
    /// library).
    #[cfg(feature = "views")]
    #[wasm_bindgen(js_name = viewText)]
    pub fn view_text(&self, kind: &str) -> Result<String, ApiError> {
        let kind = chart_kind(kind)?;
        Ok(self
            .current
            .as_ref()
            .and_then(|e| charts::view_text(kind, &e.scene(), &self.view.units))
            .unwrap_or_default())
    }

    /// The mixing panel's answer: S_conf of the composition (when given) and the G it implies.
    #[wasm_bindgen(js_name = mixingText)]
    pub fn mixing_text(&self) -> String {
        self.current
            .as_ref()
            .map_or_else(String::new, |e| report::mixing(&e.model))
    }

    #[cfg(feature = "scripting")]
    /// Curves of the current and pinned scenarios as CSV (one block per scenario), then the
    /// reader's measurements.
    pub fn csv(&self) -> String {
        let curves: Vec<Curves> = self
            .current
            .iter()
            .chain(&self.pinned)
            .map(Evaluated::exported_curves)
            .collect();
        let scenes: Vec<Scene<'_>> = self
            .scenes()
            .into_iter()
            .zip(&curves)
            .map(|(scene, curves)| Scene { curves, ..scene })
            .collect();
        report::csv(&scenes, &self.view.units)
    }
}
