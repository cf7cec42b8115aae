//! Charts of a scenario (and of up to four pinned ones), drawn on any plotters backend: the page
//! draws them on `<canvas>`, exports use the SVG backend, and native tests render SVG strings.
//!
//! Each chart file (`temperature`, `flux`, `transport`, `grain`, `arrhenius`) turns scenes into
//! [`Trace`]s and gives its readout and data table; [`Plot`] (in `plot`) lays every chart out
//! and draws it the same way, with its legend (`legend`), its colours and sizes (`theme`), and
//! the one data ↔ pixel mapping of `axes`, whose [`Frame`] the readouts use.

mod arrhenius;
mod axes;
mod flux;
mod grain;
mod legend;
mod lines;
mod plot;
mod temperature;
mod theme;
mod transport;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use axes::{Frame, Scale};
pub use plot::{Guides, Layout, Plot};
pub use theme::Theme;
use theme::{Stroke, trace_color};

use crate::names::Named;
use crate::scenario::{Column, Curves, Model, TIME};

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

/// A polyline of one quantity of one scene.
pub(super) struct Trace {
    /// Index of the scene in the scenes drawn.
    pub(super) scene: usize,
    /// The quantity and its unit, or "" when the chart shows a single quantity.
    pub(super) quantity: &'static str,
    pub(super) color: RGBColor,
    pub(super) stroke: Stroke,
    pub(super) points: Vec<(f64, f64)>,
}

/// What a chart shows, built by the chart files.
pub(super) struct Spec {
    pub(super) caption: &'static str,
    pub(super) x_label: String,
    pub(super) y_label: &'static str,
    pub(super) x_scale: Scale,
    pub(super) y_scale: Scale,
    pub(super) traces: Vec<Trace>,
    /// x intervals to shade (extrapolated regions).
    pub(super) shaded: Vec<(f64, f64)>,
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

/// The sample of `curves` nearest in time to chart coordinate `x` on `axis` (time coordinates
/// never decrease along the samples).
fn nearest_sample(curves: &Curves, x: f64, axis: TimeAxis) -> Option<usize> {
    let coordinates: Vec<f64> = time_coordinates(curves, axis).collect();
    let after = coordinates.partition_point(|&c| c < x);
    [
        after.checked_sub(1),
        (after < coordinates.len()).then_some(after),
    ]
    .into_iter()
    .flatten()
    .min_by(|&i, &j| {
        (coordinates[i] - x)
            .abs()
            .total_cmp(&(coordinates[j] - x).abs())
    })
}

/// The curves a time chart reads out and tabulates.
fn shown(kind: ChartKind) -> &'static [&'static Column] {
    match kind {
        ChartKind::Temperature => temperature::SHOWN,
        ChartKind::Flux => flux::SHOWN,
        ChartKind::Transport => transport::SHOWN,
        ChartKind::Grain => grain::SHOWN,
        ChartKind::Arrhenius => &[],
    }
}

/// The hover readout at pixel column `px` of a drawn chart: exact values of every scene there.
pub fn readout(frame: &Frame, scenes: &[Scene<'_>], px: f64) -> Option<String> {
    let x = frame.x_at(px)?;
    if frame.kind == ChartKind::Arrhenius {
        return Some(arrhenius::readout(scenes, x));
    }
    let lines: Vec<String> = scenes
        .iter()
        .filter_map(|s| {
            let i = nearest_sample(s.curves, x, frame.time_axis)?;
            let mut line = format!("{}: {}", s.label, TIME.reading(s.curves, i));
            for column in shown(frame.kind) {
                line.push_str(", ");
                line.push_str(&column.reading(s.curves, i));
            }
            Some(line)
        })
        .collect();
    Some(lines.join("\n"))
}

/// The accessible alternative to a chart: a header and up to `rows` rows of exact values of the
/// first scene, evenly spread over its samples.
pub fn table(kind: ChartKind, scene: &Scene<'_>, rows: usize) -> Vec<Vec<String>> {
    if kind == ChartKind::Arrhenius {
        return arrhenius::table(scene, rows);
    }
    let columns = shown(kind);
    let g = (kind == ChartKind::Flux).then(|| flux::g_cell(scene));
    let mut header: Vec<String> = [TIME].iter().chain(columns).map(|c| c.header()).collect();
    header.extend(g.as_ref().map(|_| flux::G_HEADER.to_string()));
    let mut out = vec![header];
    let n = scene.curves.len();
    let rows = rows.clamp(2, n.max(2));
    for r in 0..rows.min(n) {
        let i = r * (n - 1) / (rows - 1).max(1);
        let mut cells: Vec<String> = [TIME]
            .iter()
            .chain(columns)
            .map(|c| c.cell(scene.curves, i))
            .collect();
        cells.extend(g.clone());
        out.push(cells);
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

    /// The validated model of `scenario` and its curves.
    fn evaluated(scenario: &crate::scenario::Scenario) -> (Model, Curves) {
        let model = scenario.validate().unwrap();
        let mut curves = Curves::default();
        model.evaluate_into(&mut curves);
        (model, curves)
    }

    #[test]
    fn the_legend_is_below_the_plot_area_and_wraps() {
        let (model, curves) = evaluated(&crate::scenario::tests::example());
        let scenes: Vec<Scene<'_>> = ["a furnace program", "a second one", "and a third"]
            .into_iter()
            .map(|label| Scene {
                label,
                model: &model,
                curves: &curves,
            })
            .collect();
        let strip = |width: u32, scenes: &[Scene<'_>]| {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (width, 360)).into_drawing_area();
            let plot = Plot::new(
                ChartKind::Transport,
                scenes,
                TimeAxis::Linear,
                &Theme::LIGHT,
                1.0,
                (width, 360),
            );
            let layout = plot.draw_guides(&area).unwrap();
            let (xs, ys) = layout.legend.clone().unwrap();
            assert!(ys.start >= layout.plot.1.end, "{layout:?}");
            assert_eq!((xs, ys.end), (0..width as i32, 360));
            ys.len()
        };
        let one_row = strip(1200, &scenes);
        assert!(
            strip(300, &scenes) >= 2 * one_row - 10,
            "wraps on a narrow chart"
        );
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
                    frame.plot.0.len() > 300 && frame.plot.1.len() > 150,
                    "{kind:?}: {frame:?}"
                );
                assert!(frame.x.0 < frame.x.1 && frame.y.0 < frame.y.1);
                let text = readout(
                    &frame,
                    &[scene],
                    f64::from(frame.plot.0.start + frame.plot.0.end) / 2.0,
                )
                .unwrap();
                assert!(
                    text.contains("furnace") || kind == ChartKind::Arrhenius,
                    "{text}"
                );
                assert!(readout(&frame, &[scene], f64::from(frame.plot.0.start) - 5.0).is_none());
            }
        }
    }
}
