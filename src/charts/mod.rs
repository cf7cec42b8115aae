//! Charts of a scenario (and of up to four pinned ones), drawn on any plotters backend: the page
//! draws them on `<canvas>`, exports use the SVG backend, and native tests render SVG strings.
//!
//! Each chart file turns scenes into [`Trace`]s; [`plot`] draws them all the same way and returns
//! the [`Frame`] that maps pixels back to data for hover readouts.

mod arrhenius;
mod flux;
mod grain;
mod lines;
mod temperature;
mod transport;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

pub use lines::Polylines;
use lines::{Line, Vector, simplify};

use crate::names::Named;
use crate::scenario::{Curves, Model};

/// Largest span of a logarithmic y axis [decades]; anything lower is drawn at its bottom edge.
const MAX_DECADES: f64 = 40.0;

/// How far [backend pixels] a trace's line may pass from a sample it does not go through. (A
/// canvas draws the kept points where they are; SVG rounds them to whole pixels.)
const SIMPLIFY_TOLERANCE: f64 = 0.25;

/// One scenario to draw.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    /// Legend label.
    pub label: &'a str,
    /// The validated scenario.
    pub model: &'a Model,
    /// Its evaluated curves.
    pub curves: &'a Curves,
}

/// The charts the calculator draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// T(t) of the program.
    Temperature,
    /// |J(t)| of eq. (11) with its linear and exponential control coefficients.
    Flux,
    /// Transported amount, diffusion length and homogenisation residual.
    Transport,
    /// Grain size d(t) of eq. (12).
    Grain,
    /// D against 1/T with the measured range marked.
    Arrhenius,
}

impl ChartKind {
    /// All charts, in page order.
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Temperature,
        ChartKind::Flux,
        ChartKind::Transport,
        ChartKind::Grain,
        ChartKind::Arrhenius,
    ];
}

impl Named for ChartKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("temperature", ChartKind::Temperature),
        ("flux", ChartKind::Flux),
        ("transport", ChartKind::Transport),
        ("grain", ChartKind::Grain),
        ("arrhenius", ChartKind::Arrhenius),
    ];
}

/// How the time axis is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeAxis {
    /// Seconds, linear.
    #[default]
    Linear,
    /// Seconds, logarithmic.
    Log,
    /// t / t_end of each scenario, linear: pure ramps to the same peak coincide.
    Normalised,
}

impl Named for TimeAxis {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("linear", TimeAxis::Linear),
        ("log", TimeAxis::Log),
        ("normalised", TimeAxis::Normalised),
    ];
}

/// Colours of a chart, light or dark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    background: RGBColor,
    foreground: RGBColor,
    grid: RGBColor,
    shade: RGBColor,
    series: [RGBColor; 4],
}

impl Theme {
    /// Light theme.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        foreground: RGBColor(32, 33, 36),
        grid: RGBColor(225, 228, 232),
        shade: RGBColor(253, 236, 200),
        series: [
            RGBColor(0, 94, 184),
            RGBColor(196, 69, 0),
            RGBColor(0, 128, 74),
            RGBColor(128, 60, 170),
        ],
    };
    /// Dark theme.
    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 29),
        foreground: RGBColor(230, 232, 235),
        grid: RGBColor(58, 62, 68),
        shade: RGBColor(78, 62, 30),
        series: [
            RGBColor(110, 178, 255),
            RGBColor(255, 150, 90),
            RGBColor(90, 210, 150),
            RGBColor(200, 150, 255),
        ],
    };
}

/// How a trace is stroked: when scenarios are compared, colour tells the scenario and the stroke
/// tells the quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stroke {
    Solid,
    Dashed,
    Dotted,
}

/// A polyline of one quantity of one scene.
struct Trace {
    /// Index of the scene in the scenes drawn.
    scene: usize,
    /// The quantity and its unit, or "" when the chart shows a single quantity.
    quantity: &'static str,
    color: RGBColor,
    stroke: Stroke,
    points: Vec<(f64, f64)>,
}

/// Whether an axis shows values or their log10 with 10ⁿ labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Values as they are.
    Linear,
    /// The traces hold log10 of the quantity.
    Log10,
}

/// Pixel ↔ data mapping of a drawn chart, kept for hover readouts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Chart drawn.
    pub kind: ChartKind,
    /// Plot-area left edge [px].
    pub left: f64,
    /// Plot-area top edge [px].
    pub top: f64,
    /// Plot-area width [px].
    pub width: f64,
    /// Plot-area height [px].
    pub height: f64,
    /// Data range of the x axis (log10 values on a log axis).
    pub x: (f64, f64),
    /// Data range of the y axis (log10 values on a log axis).
    pub y: (f64, f64),
    /// x axis scale.
    pub x_scale: Scale,
    /// y axis scale.
    pub y_scale: Scale,
    /// The time axis used (time charts only).
    pub time_axis: TimeAxis,
}

impl Frame {
    /// The data x coordinate under pixel column `px`, if inside the plot area.
    pub fn x_at(&self, px: f64) -> Option<f64> {
        let f = (px - self.left) / self.width;
        (0.0..=1.0)
            .contains(&f)
            .then_some(self.x.0 + f * (self.x.1 - self.x.0))
    }
}

/// What a chart shows, built by the chart files.
struct Spec {
    caption: &'static str,
    x_label: String,
    y_label: &'static str,
    x_scale: Scale,
    y_scale: Scale,
    traces: Vec<Trace>,
    /// x intervals to shade (extrapolated regions).
    shaded: Vec<(f64, f64)>,
}

/// Draws one chart of `scenes` on `area` and returns its frame. `pixel_ratio` is the number of
/// backend pixels per CSS pixel (the device pixel ratio on a canvas, 1 for SVG).
pub fn draw<DB: Polylines>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    scenes: &[Scene<'_>],
    time_axis: TimeAxis,
    theme: &Theme,
    pixel_ratio: f64,
) -> Result<Frame, String> {
    Plot::new(
        kind,
        scenes,
        time_axis,
        theme,
        pixel_ratio,
        area.dim_in_pixel(),
    )
    .draw(area)
}

/// A chart ready to draw: its guides (background, caption, axes, grid, ticks, labels and legend)
/// and its traces. While a value is dragged the guides mostly stay as they were, so the page keeps
/// them on a layer of their own and draws only the traces: over a copy of the layer, with the
/// legend's box copied back on top (it is opaque, so the pixels are those of a whole drawing).
pub struct Plot {
    kind: ChartKind,
    time_axis: TimeAxis,
    guides: Guides,
    traces: Vec<Trace>,
    shaded: Vec<(f64, f64)>,
    /// The traces' lines in backend pixels, and the plot area they were made for.
    lines: OnceCell<PlotLines>,
}

/// A plot area and the traces' lines in it [backend pixels].
type PlotLines = ((Range<i32>, Range<i32>), Vec<Vec<Vector>>);

/// Everything a chart's guides show: equal `Guides` draw identical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Guides {
    caption: &'static str,
    x_label: String,
    y_label: &'static str,
    x_scale: Scale,
    y_scale: Scale,
    /// Data ranges (log10 values on a log axis).
    x: (f64, f64),
    y: (f64, f64),
    /// Legend lines: label, colour, stroke.
    legend: Vec<(String, RGBColor, Stroke)>,
    theme: Theme,
    /// Backend pixels per CSS pixel.
    ratio: f64,
    /// Size of the drawing [backend pixels].
    size: (u32, u32),
}

impl Guides {
    /// Size of the drawing [backend pixels].
    pub fn size(&self) -> (u32, u32) {
        self.size
    }
}

/// Where drawn guides put the plot area and the legend's box [backend pixels, end exclusive].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Plot area: where the traces go.
    pub plot: (Range<i32>, Range<i32>),
    /// The legend's box, if there is a legend.
    pub legend: Option<(Range<i32>, Range<i32>)>,
}

impl Plot {
    /// Chart `kind` of `scenes` for a drawing of `size` backend pixels, `pixel_ratio` of them
    /// per CSS pixel.
    pub fn new(
        kind: ChartKind,
        scenes: &[Scene<'_>],
        time_axis: TimeAxis,
        theme: &Theme,
        pixel_ratio: f64,
        size: (u32, u32),
    ) -> Plot {
        let spec = match kind {
            ChartKind::Temperature => temperature::spec(scenes, time_axis, theme),
            ChartKind::Flux => flux::spec(scenes, time_axis, theme),
            ChartKind::Transport => transport::spec(scenes, time_axis, theme),
            ChartKind::Grain => grain::spec(scenes, time_axis, theme),
            ChartKind::Arrhenius => arrhenius::spec(scenes, theme),
        };
        let x = bounds(
            spec.traces
                .iter()
                .flat_map(|t| t.points.iter().map(|p| p.0)),
        )
        .unwrap_or((0.0, 1.0));
        let mut y = bounds(
            spec.traces
                .iter()
                .flat_map(|t| t.points.iter().map(|p| p.1)),
        )
        .unwrap_or((0.0, 1.0));
        if spec.y_scale == Scale::Log10 {
            y.0 = y.0.max(y.1 - MAX_DECADES);
        }
        Plot {
            kind,
            time_axis,
            guides: Guides {
                caption: spec.caption,
                x_label: spec.x_label,
                y_label: spec.y_label,
                x_scale: spec.x_scale,
                y_scale: spec.y_scale,
                x: pad(x, spec.x_scale),
                y: round_out(pad(y, spec.y_scale)),
                legend: legend_entries(&spec.traces, scenes, theme),
                theme: *theme,
                ratio: pixel_ratio.clamp(0.5, 4.0),
                size,
            },
            traces: spec.traces,
            shaded: spec.shaded,
            lines: OnceCell::new(),
        }
    }

    /// Draws the whole chart on `area` and returns its frame.
    pub fn draw<DB: Polylines>(&self, area: &DrawingArea<DB, Shift>) -> Result<Frame, String> {
        let layout = self.draw_axes(area)?;
        let frame = self.draw_traces(area, &layout)?;
        self.draw_legend(area, &layout)?;
        Ok(frame)
    }

    /// What the guides show.
    pub fn guides(&self) -> &Guides {
        &self.guides
    }

    /// Backend pixels of `css` CSS pixels.
    fn px(&self, css: f64) -> u32 {
        (css * self.guides.ratio).round() as u32
    }

    /// Whether the chart is drawn for a narrow (phone) screen, with fewer ticks and smaller text.
    fn small(&self) -> bool {
        f64::from(self.guides.size.0) / self.guides.ratio < 480.0
    }

    /// Font size of tick labels, axis titles and the legend [CSS px].
    fn font_size(&self) -> f64 {
        if self.small() { 11.0 } else { 13.0 }
    }

    fn text(&self) -> TextStyle<'static> {
        (FontFamily::SansSerif, self.font_size() * self.guides.ratio)
            .into_font()
            .color(&self.guides.theme.foreground)
    }

    /// The (dash, gap) pattern of a stroke [backend pixels]; `None` when solid.
    fn dashes(&self, stroke: Stroke) -> Option<(u32, u32)> {
        match stroke {
            Stroke::Solid => None,
            Stroke::Dashed => Some((self.px(6.0), self.px(4.0))),
            Stroke::Dotted => Some((self.px(2.0), self.px(3.0))),
        }
    }

    /// Draws the background, caption and axes on `area` and returns where the plot area and the
    /// legend go.
    pub fn draw_axes<DB: Polylines>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<Layout, String> {
        self.axes(area).map_err(|e| e.to_string())
    }

    fn axes<DB: Polylines>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<Layout, DrawingAreaErrorKind<DB::ErrorType>> {
        let Guides {
            caption,
            x_label,
            y_label,
            x_scale,
            y_scale,
            x,
            y,
            theme,
            ratio,
            ..
        } = &self.guides;
        area.fill(&theme.background)?;
        let small = self.small();
        let text = self.text();
        let font = self.font_size();
        let mut chart = ChartBuilder::on(area)
            .caption(
                caption,
                (FontFamily::SansSerif, (font + 1.0) * ratio)
                    .into_font()
                    .color(&theme.foreground),
            )
            .margin(self.px(if small { 6.0 } else { 10.0 }))
            .x_label_area_size(self.px(font * 3.0))
            .y_label_area_size(self.px(if small { 44.0 } else { 60.0 }))
            .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
        chart
            .configure_mesh()
            .bold_line_style(theme.grid)
            .max_light_lines(0)
            .axis_style(theme.foreground)
            .label_style(text.clone())
            .axis_desc_style(text.clone())
            .x_desc(x_label.as_str())
            .y_desc(*y_label)
            .x_labels(if small { 4 } else { 7 })
            .y_labels(if small { 5 } else { 7 })
            .x_label_formatter(&|v| tick_label(*v, *x_scale))
            .y_label_formatter(&|v| tick_label(*v, *y_scale))
            .draw()?;
        let plot = chart.plotting_area().get_pixel_range();
        let legend = self
            .legend_size(area, &text)?
            .map(|size| self.place_legend(&plot, size));
        Ok(Layout { plot, legend })
    }

    /// The layout of this plot on guides drawn with `drawn`'s plot area and legend: the same,
    /// with the legend's box where this plot's traces leave the most room (see `place_legend`).
    pub fn relayout(&self, drawn: &Layout) -> Layout {
        let legend = drawn
            .legend
            .as_ref()
            .map(|(xs, ys)| self.place_legend(&drawn.plot, (xs.end - xs.start, ys.end - ys.start)));
        Layout {
            plot: drawn.plot.clone(),
            legend,
        }
    }

    /// A box of `size` for the legend: of nine places in the plot area (its corners, the middles
    /// of its edges, its centre), the one over the least length of trace, lines within a few
    /// pixels of it counted as under it. On a tie the first of: upper left, upper right, lower
    /// left, lower right, top, bottom, left, right, centre.
    fn place_legend(
        &self,
        plot: &(Range<i32>, Range<i32>),
        (w, h): (i32, i32),
    ) -> (Range<i32>, Range<i32>) {
        let inset = self.px(8.0) as i32;
        let (xs, ys) = plot;
        let (left, top) = (xs.start + inset, ys.start + inset);
        let (right, bottom) = (
            (xs.end - inset - w).max(left),
            (ys.end - inset - h).max(top),
        );
        let (centre, middle) = ((left + right) / 2, (top + bottom) / 2);
        let places = [
            (left, top),
            (right, top),
            (left, bottom),
            (right, bottom),
            (centre, top),
            (centre, bottom),
            (left, middle),
            (right, middle),
            (centre, middle),
        ];
        let clearance = f64::from(self.px(3.0));
        let boxes = places.map(|(x, y)| {
            (
                f64::from(x) - clearance,
                f64::from(y) - clearance,
                f64::from(x + w) + clearance,
                f64::from(y + h) + clearance,
            )
        });
        let mut covered = [0.0; 9];
        for line in self.lines(plot).iter() {
            for segment in line.windows(2) {
                for (length, area) in covered.iter_mut().zip(boxes) {
                    *length += length_inside((segment[0], segment[1]), area);
                }
            }
        }
        let best = (0..places.len())
            .min_by(|&i, &j| covered[i].total_cmp(&covered[j]))
            .unwrap_or(0);
        let (x, y) = places[best];
        (x..x + w, y..y + h)
    }

    /// The traces as lines in backend pixels of plot area `plot`, at sub-pixel positions,
    /// through the points a line within a quarter pixel of every sample needs. Kept for the
    /// plot area first asked for: the legend's placement and the drawing use the same lines.
    fn lines(&self, plot: &(Range<i32>, Range<i32>)) -> Cow<'_, [Vec<Vector>]> {
        let trace = || {
            let pixels = self.pixels(plot);
            self.traces
                .iter()
                .map(|t| {
                    simplify(
                        t.points.iter().copied().map(pixels),
                        |p| p,
                        SIMPLIFY_TOLERANCE,
                    )
                })
                .collect::<Vec<_>>()
        };
        match self.lines.get() {
            None => Cow::Borrowed(&self.lines.get_or_init(|| (plot.clone(), trace())).1),
            Some((traced, lines)) if traced == plot => Cow::Borrowed(lines),
            Some(_) => Cow::Owned(trace()),
        }
    }

    /// Where plotters maps a point of the data in plot area `plot`, before it rounds to whole
    /// pixels [backend pixels], with y clamped to the axis.
    fn pixels(
        &self,
        (xs, ys): &(Range<i32>, Range<i32>),
    ) -> impl Fn((f64, f64)) -> (f64, f64) + Copy + use<> {
        let Guides { x, y, .. } = self.guides;
        let (left, bottom) = (f64::from(xs.start), f64::from(ys.end - 1));
        let (width, height) = (
            f64::from(xs.end - 1 - xs.start),
            f64::from(ys.end - 1 - ys.start),
        );
        move |(px, py)| {
            (
                left + width * (px - x.0) / (x.1 - x.0),
                bottom - height * (py.clamp(y.0, y.1) - y.0) / (y.1 - y.0),
            )
        }
    }

    /// Padding, swatch length and gap before the label of a legend line [backend pixels].
    fn legend_spacing(&self) -> (i32, i32, i32) {
        (
            self.px(6.0) as i32,
            self.px(18.0) as i32,
            self.px(6.0) as i32,
        )
    }

    /// Height of a legend line [backend pixels].
    fn legend_line<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &TextStyle<'_>,
    ) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
        let (_, h) = area.estimate_text_size("Hg", text)?;
        Ok(h as i32 + self.px(4.0) as i32)
    }

    /// Width and height of the legend's box, if there is a legend.
    fn legend_size<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &TextStyle<'_>,
    ) -> Result<Option<(i32, i32)>, DrawingAreaErrorKind<DB::ErrorType>> {
        let entries = &self.guides.legend;
        if entries.is_empty() {
            return Ok(None);
        }
        let mut width = 0;
        for (label, _, _) in entries {
            width = width.max(area.estimate_text_size(label, text)?.0 as i32);
        }
        let (pad, swatch, gap) = self.legend_spacing();
        let line = self.legend_line(area, text)?;
        Ok(Some((
            2 * pad + swatch + gap + width,
            2 * pad + line * entries.len() as i32,
        )))
    }

    /// Draws the legend in its box of `layout`. (Written here rather than with plotters' series
    /// labels, whose default font lookup pulls Unicode case tables into the wasm.) The box is
    /// opaque, with a border of whole pixels: its pixels do not depend on what it covers.
    pub fn draw_legend<DB: Polylines>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<(), String> {
        self.legend(area, layout).map_err(|e| e.to_string())
    }

    fn legend<DB: Polylines>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let Some((xs, ys)) = &layout.legend else {
            return Ok(());
        };
        let theme = &self.guides.theme;
        let text = self.text();
        let border = self.px(1.0).max(1) as i32;
        area.draw(&Rectangle::new(
            [(xs.start, ys.start), (xs.end, ys.end)],
            theme.grid.filled(),
        ))?;
        area.draw(&Rectangle::new(
            [
                (xs.start + border, ys.start + border),
                (xs.end - border, ys.end - border),
            ],
            theme.background.filled(),
        ))?;
        let (pad, swatch, gap) = self.legend_spacing();
        let line = self.legend_line(area, &text)?;
        let anchored = text.pos(Pos::new(HPos::Left, VPos::Center));
        for (i, (label, color, stroke)) in self.guides.legend.iter().enumerate() {
            let y = ys.start + pad + line * i as i32 + line / 2;
            let x = xs.start + pad;
            let style = ShapeStyle::from(*color).stroke_width(self.px(2.0).max(1));
            let (from, to, at) = (f64::from(x), f64::from(x + swatch), f64::from(y));
            area.draw(&Line::new(
                &[(from, at), (to, at)],
                self.dashes(*stroke),
                style,
            ))?;
            area.draw(&Text::new(
                label.as_str(),
                (x + swatch + gap, y),
                anchored.clone(),
            ))?;
        }
        Ok(())
    }

    /// Draws the shading and the traces on `area`, over axes drawn for equal [`Guides`] with
    /// `layout`, and returns the chart's frame.
    pub fn draw_traces<DB: Polylines>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<Frame, String> {
        self.traces(area, &layout.plot).map_err(|e| e.to_string())?;
        let Guides {
            x,
            y,
            x_scale,
            y_scale,
            ..
        } = self.guides;
        let (xs, ys) = &layout.plot;
        Ok(Frame {
            kind: self.kind,
            left: f64::from(xs.start),
            top: f64::from(ys.start),
            width: f64::from(xs.end - xs.start),
            height: f64::from(ys.end - ys.start),
            x,
            y,
            x_scale,
            y_scale,
            time_axis: self.time_axis,
        })
    }

    fn traces<DB: Polylines>(
        &self,
        area: &DrawingArea<DB, Shift>,
        plot: &(Range<i32>, Range<i32>),
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let Guides { x, y, theme, .. } = &self.guides;
        let pixels = self.pixels(plot);
        let pixel = |p: (f64, f64)| {
            let (px, py) = pixels(p);
            (px.round() as i32, py.round() as i32)
        };
        for &(from, to) in &self.shaded {
            let (from, to) = (from.max(x.0), to.min(x.1));
            if from < to {
                area.draw(&Rectangle::new(
                    [pixel((from, y.1)), pixel((to, y.0))],
                    theme.shade.mix(0.6).filled(),
                ))?;
            }
        }
        for (trace, line) in self.traces.iter().zip(self.lines(plot).iter()) {
            let style = ShapeStyle::from(trace.color).stroke_width(self.px(2.0));
            area.draw(&Line::new(line, self.dashes(trace.stroke), style))?;
        }
        Ok(())
    }
}

/// The time coordinates of a scene's samples on the chosen axis.
fn time_coordinates(curves: &Curves, axis: TimeAxis) -> impl Iterator<Item = f64> + '_ {
    let end = curves.time_s.last().copied().unwrap_or(1.0);
    curves.time_s.iter().map(move |&t| match axis {
        TimeAxis::Linear => t,
        TimeAxis::Log => t.log10(),
        TimeAxis::Normalised => t / end,
    })
}

/// The time axis's label and scale.
fn time_label(axis: TimeAxis) -> (String, Scale) {
    match axis {
        TimeAxis::Linear => ("time t [s]".into(), Scale::Linear),
        TimeAxis::Log => ("time t [s]".into(), Scale::Log10),
        TimeAxis::Normalised => ("normalised time t / t_end".into(), Scale::Linear),
    }
}

/// A trace of `values` against time for scene `index` (skipping −∞ / NaN and log t of t = 0).
/// `quantity` is (its position among the chart's quantities, its label, its stroke).
fn time_trace(
    scenes: &[Scene<'_>],
    index: usize,
    values: &[f64],
    axis: TimeAxis,
    (position, quantity, stroke): (usize, &'static str, Stroke),
    theme: &Theme,
) -> Trace {
    let mut points = Vec::with_capacity(values.len());
    points.extend(
        time_coordinates(scenes[index].curves, axis)
            .zip(values.iter().copied())
            .filter(|(x, y)| x.is_finite() && y.is_finite()),
    );
    Trace {
        scene: index,
        quantity,
        color: trace_color(theme, scenes.len(), index, position),
        stroke,
        points,
    }
}

/// One colour per quantity for a single scene; one colour per scene when comparing.
fn trace_color(theme: &Theme, scenes: usize, scene: usize, quantity: usize) -> RGBColor {
    theme.series[if scenes == 1 { quantity } else { scene } % theme.series.len()]
}

fn bounds(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// Pads a range so that flat and single-point traces still get a visible axis.
fn pad(range: (f64, f64), scale: Scale) -> (f64, f64) {
    let (lo, hi) = range;
    let span = hi - lo;
    if span > 0.0 {
        let margin = if scale == Scale::Log10 {
            0.02 * span.max(1.0)
        } else {
            0.04 * span
        };
        (lo - margin, hi + margin)
    } else {
        let margin = if scale == Scale::Log10 {
            0.5
        } else {
            0.5 * lo.abs().max(1.0) * 0.1
        };
        (lo - margin, hi + margin)
    }
}

/// Length of the part of segment `from`–`to` inside the box (left, top, right, bottom).
fn length_inside(
    ((x0, y0), (x1, y1)): ((f64, f64), (f64, f64)),
    (l, t, r, b): (f64, f64, f64, f64),
) -> f64 {
    // The segment is from + s·(to − from), s in [0, 1]: clip s to each pair of the box's edges.
    let (dx, dy) = (x1 - x0, y1 - y0);
    let mut within = (0.0f64, 1.0f64);
    for (start, delta, low, high) in [(x0, dx, l, r), (y0, dy, t, b)] {
        if delta == 0.0 {
            if start < low || start > high {
                return 0.0;
            }
        } else {
            let (a, b) = ((low - start) / delta, (high - start) / delta);
            within = (within.0.max(a.min(b)), within.1.min(a.max(b)));
        }
    }
    (within.1 - within.0).max(0.0) * dx.hypot(dy)
}

/// Widens an axis range outward to multiples of a round step (1, 2 or 5 × 10ⁿ, at most a tenth
/// of its span). A small change of the data then leaves the axes as they were: they stay still
/// under a dragging finger, and only the traces need redrawing.
fn round_out((lo, hi): (f64, f64)) -> (f64, f64) {
    let tenth = (hi - lo) / 10.0;
    if !(tenth > 0.0 && tenth.is_finite()) {
        return (lo, hi);
    }
    let magnitude = 10f64.powf(tenth.log10().floor());
    let step = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step <= tenth)
        .unwrap_or(magnitude);
    let rounded = ((lo / step).floor() * step, (hi / step).ceil() * step);
    if rounded.0.is_finite() && rounded.1.is_finite() {
        rounded
    } else {
        (lo, hi)
    }
}

fn tick_label(v: f64, scale: Scale) -> String {
    match scale {
        Scale::Log10 => format!("1e{}", v.round()),
        Scale::Linear => {
            let a = v.abs();
            if a != 0.0 && !(1e-3..1e5).contains(&a) {
                format!("{v:.1e}")
            } else {
                format!("{}", (v * 1e4).round() / 1e4)
            }
        }
    }
}

/// Legend lines: each quantity for a single scene; each scene (by colour) and each quantity (by
/// stroke) when comparing.
fn legend_entries(
    traces: &[Trace],
    scenes: &[Scene<'_>],
    theme: &Theme,
) -> Vec<(String, RGBColor, Stroke)> {
    if scenes.len() <= 1 {
        return traces
            .iter()
            .map(|t| {
                let label = if t.quantity.is_empty() {
                    scenes[t.scene].label
                } else {
                    t.quantity
                };
                (label.to_owned(), t.color, t.stroke)
            })
            .collect();
    }
    let mut entries: Vec<(String, RGBColor, Stroke)> = scenes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                s.label.to_owned(),
                trace_color(theme, scenes.len(), i, 0),
                Stroke::Solid,
            )
        })
        .collect();
    let mut quantities: Vec<(String, RGBColor, Stroke)> = Vec::new();
    for t in traces.iter().filter(|t| !t.quantity.is_empty()) {
        if !quantities.iter().any(|q| q.0 == t.quantity) {
            quantities.push((t.quantity.to_owned(), theme.foreground, t.stroke));
        }
    }
    if quantities.len() > 1 {
        entries.extend(quantities);
    }
    entries
}

/// The sample of `curves` nearest in time to chart coordinate `x` on `axis`.
fn nearest_sample(curves: &Curves, x: f64, axis: TimeAxis) -> Option<usize> {
    if curves.is_empty() {
        return None;
    }
    let i = time_coordinates(curves, axis)
        .position(|c| c >= x)
        .unwrap_or(curves.len() - 1);
    Some(i)
}

/// The hover readout at pixel column `px` of a drawn chart: exact values of every scene there.
pub fn readout(frame: &Frame, scenes: &[Scene<'_>], px: f64) -> Option<String> {
    let x = frame.x_at(px)?;
    let lines: Vec<String> = match frame.kind {
        ChartKind::Arrhenius => return Some(arrhenius::readout(scenes, x)),
        kind => scenes
            .iter()
            .filter_map(|s| {
                let i = nearest_sample(s.curves, x, frame.time_axis)?;
                let c = s.curves;
                let value = match kind {
                    ChartKind::Temperature => format!("T = {:.1} K", c.temperature_k[i]),
                    ChartKind::Flux => format!(
                        "|J| = {} mol/(m²·s), E = {}",
                        format_log10(c.log10_flux[i]),
                        format_log10(c.log10_exp_coefficient[i])
                    ),
                    ChartKind::Transport => format!(
                        "Q = {} mol/m², L = {} m, residual = {}",
                        format_log10(c.log10_amount[i]),
                        format_log10(c.log10_diffusion_length_m[i]),
                        format_log10(c.log10_residual[i])
                    ),
                    ChartKind::Grain => match c.grain_size_m.get(i) {
                        Some(d) => format!("d = {:.4e} m", d),
                        None => "no grain growth".into(),
                    },
                    ChartKind::Arrhenius => unreachable!("handled above"),
                };
                Some(format!("{}: t = {:.4e} s, {value}", s.label, c.time_s[i]))
            })
            .collect(),
    };
    Some(lines.join("\n"))
}

/// The accessible alternative to a chart: a header and up to `rows` rows of exact values of the
/// first scene, evenly spread over its samples.
pub fn table(kind: ChartKind, scene: &Scene<'_>, rows: usize) -> Vec<Vec<String>> {
    let c = scene.curves;
    let header: &[&str] = match kind {
        ChartKind::Temperature => &["t [s]", "T [K]"],
        ChartKind::Flux => &[
            "t [s]",
            "|J| [mol/(m²·s)]",
            "E = exp(−Ea/RT)",
            "G [J/(K·mol·m)]",
        ],
        ChartKind::Transport => &["t [s]", "Q [mol/m²]", "L [m]", "residual"],
        ChartKind::Grain => &["t [s]", "d [m]"],
        ChartKind::Arrhenius => return arrhenius::table(scene, rows),
    };
    let mut out = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    let n = c.len();
    let rows = rows.clamp(2, n.max(2));
    let g = format!("{:.4e}", scene.model.flux().linear_coefficient());
    for r in 0..rows.min(n) {
        let i = r * (n - 1) / (rows - 1).max(1);
        let t = format!("{:.4e}", c.time_s[i]);
        out.push(match kind {
            ChartKind::Temperature => vec![t, format!("{:.2}", c.temperature_k[i])],
            ChartKind::Flux => vec![
                t,
                format_log10(c.log10_flux[i]),
                format_log10(c.log10_exp_coefficient[i]),
                g.clone(),
            ],
            ChartKind::Transport => vec![
                t,
                format_log10(c.log10_amount[i]),
                format_log10(c.log10_diffusion_length_m[i]),
                format_log10(c.log10_residual[i]),
            ],
            ChartKind::Grain => vec![
                t,
                c.grain_size_m
                    .get(i)
                    .map_or("—".into(), |d| format!("{d:.4e}")),
            ],
            ChartKind::Arrhenius => unreachable!("returned above"),
        });
    }
    out
}

/// A number given by its log10, formatted as m.mmmm×10ⁿ even where the value itself would
/// underflow a double.
pub fn format_log10(log10: f64) -> String {
    if log10 == f64::NEG_INFINITY {
        return "0".into();
    }
    if !log10.is_finite() {
        return "—".into();
    }
    let exponent = log10.floor();
    let mantissa = 10f64.powf(log10 - exponent);
    let (mantissa, exponent) = if mantissa >= 9.9995 {
        (1.0, exponent + 1.0)
    } else {
        (mantissa, exponent)
    };
    format!("{mantissa:.4}e{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::backend::SVGBackend;

    #[test]
    fn format_log10_handles_underflow_and_rounding() {
        assert_eq!(format_log10(-400.0), "1.0000e-400");
        assert_eq!(format_log10(2.0f64.log10() - 700.0), "2.0000e-700");
        assert_eq!(format_log10(f64::NEG_INFINITY), "0");
        assert_eq!(format_log10(0.999_999_99), "1.0000e1");
    }

    #[test]
    fn the_length_of_a_segment_inside_a_box_is_that_of_its_clipped_part() {
        let area = (10.0, 10.0, 20.0, 20.0);
        let cases = [
            (((12.0, 12.0), (18.0, 18.0)), 72f64.sqrt()),
            (((0.0, 15.0), (30.0, 15.0)), 10.0),
            (((15.0, 30.0), (15.0, 0.0)), 10.0),
            (((0.0, 0.0), (30.0, 30.0)), 200f64.sqrt()),
            (((15.0, 15.0), (15.0, 15.0)), 0.0),
            (((25.0, 15.0), (15.0, 5.0)), 0.0),
            (((0.0, 0.0), (9.0, 30.0)), 0.0),
            (((21.0, 0.0), (21.0, 30.0)), 0.0),
            (((0.0, 12.0), (12.0, 0.0)), 0.0),
            (((5.0, 15.0), (15.0, 15.0)), 5.0),
        ];
        for (segment, expected) in cases {
            let got = length_inside(segment, area);
            assert!(
                (got - expected).abs() < 1e-12,
                "{segment:?}: {got} ≠ {expected}"
            );
        }
    }

    /// The validated model of `scenario` and its curves.
    fn evaluated(scenario: &crate::scenario::Scenario) -> (Model, Curves) {
        let model = scenario.validate().unwrap();
        let mut curves = Curves::default();
        model.evaluate_into(&mut curves);
        (model, curves)
    }

    #[test]
    fn the_legend_goes_to_the_corner_the_traces_leave_free() {
        use crate::program::Segment;
        // T(t) of a cooling from 2000 K runs from the upper left to the lower right, of a
        // heating from the lower left to the upper right.
        for (start_k, target_k, corner) in [
            (2000.0, 300.0, "upper right"),
            (300.0, 2000.0, "upper left"),
        ] {
            let mut scenario = crate::scenario::tests::example();
            scenario.program.start_k = start_k;
            scenario.program.segments = vec![Segment::Ramp {
                rate_k_per_s: 1.0,
                target_k,
            }];
            let (model, curves) = evaluated(&scenario);
            let scene = Scene {
                label: "ramp",
                model: &model,
                curves: &curves,
            };
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            let plot = Plot::new(
                ChartKind::Temperature,
                &[scene],
                TimeAxis::Linear,
                &Theme::LIGHT,
                1.0,
                (640, 360),
            );
            let layout = plot.draw_axes(&area).unwrap();
            let (xs, ys) = layout.legend.clone().unwrap();
            let middle = (layout.plot.0.start + layout.plot.0.end) / 2;
            let placed = match (
                xs.start < middle,
                ys.start < (layout.plot.1.start + layout.plot.1.end) / 2,
            ) {
                (true, true) => "upper left",
                (false, true) => "upper right",
                (true, false) => "lower left",
                (false, false) => "lower right",
            };
            assert_eq!(placed, corner, "{start_k} → {target_k} K: {layout:?}");
            assert_eq!(plot.relayout(&layout), layout);
        }
    }

    #[test]
    fn every_chart_renders_to_svg_with_data() {
        let (model, curves) = evaluated(&crate::scenario::tests::example());
        let scene = Scene {
            label: "furnace",
            model: &model,
            curves: &curves,
        };
        for kind in ChartKind::ALL {
            for axis in [TimeAxis::Linear, TimeAxis::Log, TimeAxis::Normalised] {
                let mut svg = String::new();
                let frame = {
                    let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
                    let frame = draw(kind, &area, &[scene], axis, &Theme::LIGHT, 1.0).unwrap();
                    area.present().unwrap();
                    frame
                };
                assert!(svg.contains("<polyline"), "{kind:?} {axis:?} draws a line");
                assert!(
                    frame.width > 300.0 && frame.height > 150.0,
                    "{kind:?}: {frame:?}"
                );
                assert!(frame.x.0 < frame.x.1 && frame.y.0 < frame.y.1);
                let text = readout(&frame, &[scene], frame.left + frame.width / 2.0).unwrap();
                assert!(
                    text.contains("furnace") || kind == ChartKind::Arrhenius,
                    "{text}"
                );
                assert!(readout(&frame, &[scene], frame.left - 5.0).is_none());
            }
        }
    }
}
