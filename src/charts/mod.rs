//! Charts of a scenario (and of up to four pinned ones), drawn on any plotters backend: the page
//! draws them on `<canvas>`, exports use the SVG backend, and native tests render SVG strings.
//!
//! Each chart file turns scenes into [`Trace`]s; [`plot`] draws them all the same way and returns
//! the [`Frame`] that maps pixels back to data for hover readouts.

mod arrhenius;
mod flux;
mod grain;
mod temperature;
mod transport;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::names::Named;
use crate::scenario::{Curves, Model};

/// Largest span of a logarithmic y axis [decades]; anything lower is drawn at its bottom edge.
const MAX_DECADES: f64 = 40.0;

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
#[derive(Debug, Clone, Copy)]
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
pub fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    scenes: &[Scene<'_>],
    time_axis: TimeAxis,
    theme: &Theme,
    pixel_ratio: f64,
) -> Result<Frame, String> {
    let spec = match kind {
        ChartKind::Temperature => temperature::spec(scenes, time_axis, theme),
        ChartKind::Flux => flux::spec(scenes, time_axis, theme),
        ChartKind::Transport => transport::spec(scenes, time_axis, theme),
        ChartKind::Grain => grain::spec(scenes, time_axis, theme),
        ChartKind::Arrhenius => arrhenius::spec(scenes, theme),
    };
    plot(
        kind,
        area,
        scenes,
        spec,
        time_axis,
        theme,
        pixel_ratio.clamp(0.5, 4.0),
    )
    .map_err(|e| e.to_string())
}

/// The time coordinate of sample `i` of a scene on the chosen axis.
fn time_coordinate(curves: &Curves, i: usize, axis: TimeAxis) -> f64 {
    let t = curves.time_s[i];
    match axis {
        TimeAxis::Linear => t,
        TimeAxis::Log => t.log10(),
        TimeAxis::Normalised => t / curves.time_s.last().copied().unwrap_or(1.0),
    }
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
    let curves = scenes[index].curves;
    let points = (0..values.len())
        .map(|i| (time_coordinate(curves, i, axis), values[i]))
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
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

fn plot<DB: DrawingBackend>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    scenes: &[Scene<'_>],
    spec: Spec,
    time_axis: TimeAxis,
    theme: &Theme,
    ratio: f64,
) -> Result<Frame, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
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
    let (x, y) = (pad(x, spec.x_scale), pad(y, spec.y_scale));
    let px = |css: f64| (css * ratio).round() as u32;
    let small = f64::from(area.dim_in_pixel().0) / ratio < 480.0;
    let font = if small { 11.0 } else { 13.0 };
    let text = (FontFamily::SansSerif, font * ratio)
        .into_font()
        .color(&theme.foreground);
    let mut chart = ChartBuilder::on(area)
        .caption(
            spec.caption,
            (FontFamily::SansSerif, (font + 1.0) * ratio)
                .into_font()
                .color(&theme.foreground),
        )
        .margin(px(if small { 6.0 } else { 10.0 }))
        .x_label_area_size(px(font * 3.0))
        .y_label_area_size(px(if small { 44.0 } else { 60.0 }))
        .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
    chart
        .configure_mesh()
        .bold_line_style(theme.grid)
        .max_light_lines(0)
        .axis_style(theme.foreground)
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .x_desc(spec.x_label.as_str())
        .y_desc(spec.y_label)
        .x_labels(if small { 4 } else { 7 })
        .y_labels(if small { 5 } else { 7 })
        .x_label_formatter(&|v| tick_label(*v, spec.x_scale))
        .y_label_formatter(&|v| tick_label(*v, spec.y_scale))
        .draw()?;
    for &(from, to) in &spec.shaded {
        let (from, to) = (from.max(x.0), to.min(x.1));
        if from < to {
            chart.draw_series(std::iter::once(Rectangle::new(
                [(from, y.0), (to, y.1)],
                theme.shade.mix(0.6).filled(),
            )))?;
        }
    }
    // Traces are drawn with at most four points per pixel column of the plot.
    let columns = f64::from(chart.plotting_area().dim_in_pixel().0);
    let clamp = |(px, py): (f64, f64)| (px, py.clamp(y.0, y.1));
    for trace in &spec.traces {
        let style = ShapeStyle::from(trace.color).stroke_width(px(2.0));
        let points = decimate(trace.points.iter().copied().map(clamp), x, columns);
        match trace.stroke {
            Stroke::Solid => chart.draw_series(LineSeries::new(points, style))?,
            Stroke::Dashed => {
                chart.draw_series(DashedLineSeries::new(points, px(6.0), px(4.0), style))?
            }
            Stroke::Dotted => {
                chart.draw_series(DashedLineSeries::new(points, px(2.0), px(3.0), style))?
            }
        };
    }
    let entries = legend_entries(&spec.traces, scenes, theme);
    legend(
        &chart.plotting_area().strip_coord_spec(),
        &entries,
        &text,
        theme,
        ratio,
    )?;
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    Ok(Frame {
        kind,
        left: f64::from(xs.start),
        top: f64::from(ys.start),
        width: f64::from(xs.end - xs.start),
        height: f64::from(ys.end - ys.start),
        x,
        y,
        x_scale: spec.x_scale,
        y_scale: spec.y_scale,
        time_axis,
    })
}

/// The points a line through `points` needs at a resolution of `columns` pixel columns over the
/// x range `x`: of each run of consecutive points in one column, the first, the lowest, the
/// highest and the last, in their order. The line drawn through them covers the same pixels.
fn decimate(
    points: impl Iterator<Item = (f64, f64)>,
    x: (f64, f64),
    columns: f64,
) -> Vec<(f64, f64)> {
    let scale = columns / (x.1 - x.0);
    let column = |p: (f64, f64)| ((p.0 - x.0) * scale).floor();
    // A point with its index in `points`.
    type Indexed = (usize, (f64, f64));
    let mut out = Vec::with_capacity(points.size_hint().0);
    // The current run: its column and its first, lowest, highest and last points.
    let mut run: Option<(f64, [Indexed; 4])> = None;
    let flush = |out: &mut Vec<(f64, f64)>, [first, low, high, last]: [Indexed; 4]| {
        if first.0 == last.0 {
            // The run's only point (the usual case while there are fewer points than columns).
            out.push(first.1);
            return;
        }
        let (a, b) = if low.0 <= high.0 {
            (low, high)
        } else {
            (high, low)
        };
        let mut previous = usize::MAX;
        for (i, p) in [first, a, b, last] {
            if i != previous {
                out.push(p);
                previous = i;
            }
        }
    };
    for (i, p) in points.enumerate() {
        let c = column(p);
        match &mut run {
            Some((col, keep)) if *col == c => {
                if p.1 < keep[1].1.1 {
                    keep[1] = (i, p);
                }
                if p.1 > keep[2].1.1 {
                    keep[2] = (i, p);
                }
                keep[3] = (i, p);
            }
            _ => {
                if let Some((_, keep)) = run {
                    flush(&mut out, keep);
                }
                run = Some((c, [(i, p); 4]));
            }
        }
    }
    if let Some((_, keep)) = run {
        flush(&mut out, keep);
    }
    out
}

/// Legend lines: each quantity for a single scene; each scene (by colour) and each quantity (by
/// stroke) when comparing.
fn legend_entries<'a>(
    traces: &'a [Trace],
    scenes: &'a [Scene<'_>],
    theme: &Theme,
) -> Vec<(&'a str, RGBColor, Stroke)> {
    if scenes.len() <= 1 {
        return traces
            .iter()
            .map(|t| {
                (
                    if t.quantity.is_empty() {
                        scenes[t.scene].label
                    } else {
                        t.quantity
                    },
                    t.color,
                    t.stroke,
                )
            })
            .collect();
    }
    let mut entries: Vec<(&str, RGBColor, Stroke)> = scenes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                s.label,
                trace_color(theme, scenes.len(), i, 0),
                Stroke::Solid,
            )
        })
        .collect();
    let mut quantities: Vec<(&str, RGBColor, Stroke)> = Vec::new();
    for t in traces.iter().filter(|t| !t.quantity.is_empty()) {
        if !quantities.iter().any(|q| q.0 == t.quantity) {
            quantities.push((t.quantity, theme.foreground, t.stroke));
        }
    }
    if quantities.len() > 1 {
        entries.extend(quantities);
    }
    entries
}

/// Draws the legend in the upper-left corner of the plot area. (Written here rather than with
/// plotters' series labels, whose default font lookup pulls Unicode case tables into the wasm.)
fn legend<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    entries: &[(&str, RGBColor, Stroke)],
    text: &TextStyle<'_>,
    theme: &Theme,
    ratio: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if entries.is_empty() {
        return Ok(());
    }
    let px = |css: f64| (css * ratio).round() as i32;
    let (pad, swatch, gap) = (px(6.0), px(18.0), px(6.0));
    let mut width = 0;
    let mut line = 0;
    for (label, _, _) in entries {
        let (w, h) = plot.estimate_text_size(label, text)?;
        width = width.max(w as i32);
        line = line.max(h as i32 + px(4.0));
    }
    let (x0, y0) = (px(8.0), px(8.0));
    let (x1, y1) = (
        x0 + 2 * pad + swatch + gap + width,
        y0 + 2 * pad + line * entries.len() as i32,
    );
    plot.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        theme.background.mix(0.88).filled(),
    ))?;
    plot.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        ShapeStyle::from(theme.grid).stroke_width(1),
    ))?;
    for (i, (label, color, stroke)) in entries.iter().enumerate() {
        let y = y0 + pad + line * i as i32 + line / 2;
        let x = x0 + pad;
        let style = ShapeStyle::from(*color).stroke_width(px(2.0).max(1) as u32);
        let (dash, step) = match stroke {
            Stroke::Solid => (swatch, swatch),
            Stroke::Dashed => (px(6.0), px(10.0)),
            Stroke::Dotted => (px(2.0), px(5.0)),
        };
        let mut from = x;
        while from < x + swatch {
            plot.draw(&PathElement::new(
                vec![(from, y), ((from + dash).min(x + swatch), y)],
                style,
            ))?;
            from += step;
        }
        let anchored = text.pos(Pos::new(HPos::Left, VPos::Center));
        plot.draw(&Text::new(*label, (x + swatch + gap, y), anchored))?;
    }
    Ok(())
}

/// The sample of `curves` nearest in time to chart coordinate `x` on `axis`.
fn nearest_sample(curves: &Curves, x: f64, axis: TimeAxis) -> Option<usize> {
    if curves.is_empty() {
        return None;
    }
    let i = (0..curves.len())
        .map(|i| time_coordinate(curves, i, axis))
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

    /// Splits `points` into runs of consecutive points in one pixel column.
    fn runs(points: &[(f64, f64)], x: (f64, f64), columns: f64) -> Vec<Vec<(f64, f64)>> {
        let column = |p: &(f64, f64)| ((p.0 - x.0) * columns / (x.1 - x.0)).floor();
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        for p in points {
            match runs.last_mut() {
                Some(run) if column(&run[0]) == column(p) => run.push(*p),
                _ => runs.push(vec![*p]),
            }
        }
        runs
    }

    #[test]
    fn decimation_keeps_each_columns_ends_and_extremes_in_order() {
        // A deterministic pseudo-random walk that also doubles back in x (as 1/T does on cooling).
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for (n, columns) in [(5_000, 300.0), (200, 700.0), (3, 10.0), (1, 1.0), (0, 50.0)] {
            let mut x = 0.0;
            let points: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    x += next() - 0.2;
                    (x, next() * 100.0 - 50.0)
                })
                .collect();
            let range = bounds(points.iter().map(|p| p.0)).unwrap_or((0.0, 1.0));
            let range = (range.0, range.1 + 1.0);
            let kept = decimate(points.iter().copied(), range, columns);
            let runs = runs(&points, range, columns);
            assert!(kept.len() <= 4 * runs.len());
            let mut from = 0;
            for run in runs {
                let count = run.len().min(4).min(kept.len() - from);
                // The run's points among the kept ones: a subsequence, in order.
                let mut taken = Vec::new();
                for p in &run {
                    if taken.len() < count && kept[from + taken.len()] == *p {
                        taken.push(*p);
                    }
                }
                assert!(!taken.is_empty() && taken.len() <= 4);
                assert_eq!(taken[0], run[0]);
                assert_eq!(taken.last(), run.last());
                let low = run.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                let high = run.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                assert!(taken.iter().any(|p| p.1 == low) && taken.iter().any(|p| p.1 == high));
                from += taken.len();
            }
            assert_eq!(from, kept.len(), "nothing but the runs' points is kept");
        }
    }

    #[test]
    fn every_chart_renders_to_svg_with_data() {
        let scenario = crate::scenario::tests::example();
        let model = scenario.validate().unwrap();
        let mut curves = Curves::default();
        model.evaluate_into(&mut curves);
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
