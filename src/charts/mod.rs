//! Charts of a scenario (and of up to three pinned ones), drawn on any plotters backend: the page
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
#[cfg(feature = "views")]
mod growth;
#[cfg(feature = "views")]
mod kissinger;
mod legend;
mod lines;
mod plot;
#[cfg(feature = "views")]
mod rates;
#[cfg(feature = "views")]
mod routes;
// Without the feature "views" no chart makes a sweep: its type is still named where a chart of
// the paper's questions would be drawn, read out or tabulated (none is, in that build).
#[cfg_attr(not(feature = "views"), allow(dead_code))]
mod sweep;
mod temperature;
mod theme;
mod transport;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::fit::DiffusivityPoint;
use axes::digits_for;
pub use axes::{Frame, Scale};
use legend::legend_entries;
pub use plot::{Guides, Layout, Plot};
pub use theme::Theme;
use theme::trace_color;

use crate::display::{DIGITS, DisplayUnits};
use crate::names::Named;
use crate::scenario::{Column, Curves, Model, TIME};
use crate::units::{Quantity, Unit};

/// One scenario to draw.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    /// Legend label.
    pub label: &'a str,
    /// The validated scenario.
    pub model: &'a Model,
    /// Its evaluated curves.
    pub curves: &'a Curves,
    /// The reader's measurements drawn with it.
    pub measured: Measured<'a>,
    /// The curves of its uncertainty band's lower and upper ends, when it has one (see
    /// [`Model::band`]), on the same grid as `curves`.
    pub band: Option<(&'a Curves, &'a Curves)>,
}

/// The reader's measurements drawn with a scene, in its colour.
#[derive(Clone, Copy, Default)]
pub struct Measured<'a> {
    /// Diffusion coefficients, on the Arrhenius chart.
    pub diffusivities: &'a [DiffusivityPoint],
    /// Grain sizes, on the grain chart.
    pub grain_sizes: &'a [TimedLength],
    /// Diffusion lengths, on the transport chart.
    pub diffusion_lengths: &'a [TimedLength],
}

/// A length measured a time into a program: (time from its start [s], or none for its end;
/// length [m]).
pub type TimedLength = (Option<f64>, f64);

/// The charts the calculator draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// T(t) of the program.
    Temperature,
    /// |J(t)| of eq. (11); its control coefficients in the caption and the readout.
    Flux,
    /// Diffusion length; transported amount and homogenisation residual in the readout.
    Transport,
    /// Grain size d(t) of eq. (12).
    Grain,
    /// D against 1/T with the measured range marked.
    Arrhenius,
    /// §3.2: the temperature that homogenises against the mixing length.
    Mixing,
    /// §3.3: the diffusion length against the heating rate.
    Rate,
    /// §3.4: the grain size after a hold against its temperature.
    Growth,
    /// A Kissinger plot of homogenisation at constant heating rates.
    Kissinger,
}

impl ChartKind {
    /// All charts, in page order.
    pub const ALL: [ChartKind; 9] = [
        ChartKind::Temperature,
        ChartKind::Flux,
        ChartKind::Transport,
        ChartKind::Grain,
        ChartKind::Arrhenius,
        ChartKind::Mixing,
        ChartKind::Rate,
        ChartKind::Growth,
        ChartKind::Kissinger,
    ];

    /// Whether the chart is drawn against time (and so zooms with the others).
    pub fn against_time(self) -> bool {
        matches!(
            self,
            ChartKind::Temperature | ChartKind::Flux | ChartKind::Transport | ChartKind::Grain
        )
    }

    /// The sweep a chart of the paper's questions draws for `model`; none in a build without
    /// the feature "views" (the page's own module: the page loads the library for a view).
    #[cfg_attr(not(feature = "views"), allow(unused_variables))]
    fn sweep<'a>(self, model: &'a Model, units: &DisplayUnits) -> Option<sweep::Sweep<'a>> {
        match self {
            #[cfg(feature = "views")]
            ChartKind::Mixing => Some(routes::sweep(model, units)),
            #[cfg(feature = "views")]
            ChartKind::Rate => Some(rates::sweep(model, units)),
            #[cfg(feature = "views")]
            ChartKind::Growth => Some(growth::sweep(model, units)),
            #[cfg(feature = "views")]
            ChartKind::Kissinger => Some(kissinger::sweep(model, units)),
            _ => None,
        }
    }
}

impl Named for ChartKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("temperature", ChartKind::Temperature),
        ("flux", ChartKind::Flux),
        ("transport", ChartKind::Transport),
        ("grain", ChartKind::Grain),
        ("arrhenius", ChartKind::Arrhenius),
        ("mixing", ChartKind::Mixing),
        ("rate", ChartKind::Rate),
        ("growth", ChartKind::Growth),
        ("kissinger", ChartKind::Kissinger),
    ];
}

/// How the time axis is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeAxis {
    /// Linear.
    #[default]
    Linear,
    /// Logarithmic.
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

/// How the reader looks at the charts: the time axis, the part of it zoomed into, and the unit
/// of every quantity.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct View {
    pub time_axis: TimeAxis,
    /// The start and end of the time shown by every time chart, in [`TimeFrame::time_of`]'s
    /// measure, when the reader zoomed in.
    pub zoom: Option<(f64, f64)>,
    pub units: DisplayUnits,
}

/// The time axis of one chart: its scale, the unit of its times and the part shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeFrame {
    pub axis: TimeAxis,
    pub unit: Unit,
    /// Whether the axis is logarithmic although a linear one was asked for, because the
    /// programs compared differ too much in duration to share a linear axis.
    pub switched: bool,
    /// The zoom of the [`View`].
    pub zoom: Option<(f64, f64)>,
}

/// Longest over shortest duration of compared programs beyond which a linear time axis becomes
/// logarithmic: on a linear axis the shorter one would be a vertical line at t = 0.
const LOG_SWITCH_RATIO: f64 = 100.0;

impl TimeAxis {
    /// The start and end [s] of what time charts on this axis, zoomed into `zoom` (in
    /// [`TimeFrame::time_of`]'s measure), show of a program of `duration_s`.
    pub fn window(self, zoom: Option<(f64, f64)>, duration_s: f64) -> Option<(f64, f64)> {
        let (from, to) = zoom?;
        Some(match self {
            TimeAxis::Normalised => (from * duration_s, to * duration_s),
            TimeAxis::Linear | TimeAxis::Log => (from, to),
        })
    }
}

impl TimeFrame {
    /// The time axis of `scenes` in `view`; an automatic unit suits the longest program, or the
    /// part zoomed into.
    fn of(scenes: &[Scene<'_>], view: &View) -> TimeFrame {
        let (shortest, span) = scenes
            .iter()
            .map(|s| s.model.program().duration_s())
            .fold((f64::INFINITY, 0.0_f64), |(lo, hi), d| {
                (lo.min(d), hi.max(d))
            });
        let switched = view.time_axis == TimeAxis::Linear && span > LOG_SWITCH_RATIO * shortest;
        let shown = match (view.zoom, view.time_axis) {
            (Some((from, to)), TimeAxis::Linear | TimeAxis::Log) => to - from,
            _ => span,
        };
        TimeFrame {
            axis: if switched {
                TimeAxis::Log
            } else {
                view.time_axis
            },
            unit: view.units.unit(Quantity::Time, shown),
            switched,
            zoom: view.zoom,
        }
    }

    /// The chart coordinate of time `t` [s] of a program of `duration_s`.
    fn coordinate(self, t: f64, duration_s: f64) -> f64 {
        match self.axis {
            TimeAxis::Linear => self.unit.from_si(t),
            TimeAxis::Log => self.unit.from_si(t).log10(),
            TimeAxis::Normalised => t / duration_s,
        }
    }

    /// The time coordinates of a scene's samples.
    fn coordinates<'a>(self, scene: &Scene<'a>) -> impl Iterator<Item = f64> + 'a {
        let duration = scene.model.program().duration_s();
        scene
            .curves
            .time_s
            .iter()
            .map(move |&t| self.coordinate(t, duration))
    }

    /// What chart coordinate `x` stands for: a time [s] on a linear or logarithmic axis, a
    /// fraction of each program on the normalised one. Zooms are kept in this measure.
    pub fn time_of(self, x: f64) -> f64 {
        match self.axis {
            TimeAxis::Linear => self.unit.to_si(x),
            TimeAxis::Log => self.unit.to_si(10f64.powf(x)),
            TimeAxis::Normalised => x,
        }
    }

    /// The x range of a zoomed chart (none before a zoom, or when it would start at log 0).
    fn zoomed_range(self) -> Option<(f64, f64)> {
        let (from, to) = self.zoom?;
        // Zooms are in the time measure of the axis, so the duration of a normalised one is 1.
        let range = (self.coordinate(from, 1.0), self.coordinate(to, 1.0));
        (range.0.is_finite() && range.1 > range.0).then_some(range)
    }

    /// The axis's label and scale.
    fn label(self) -> (String, Scale) {
        let unit = self.unit.symbol();
        match self.axis {
            TimeAxis::Linear => (format!("time t [{unit}]"), Scale::Linear),
            TimeAxis::Log if self.switched => (
                format!("time t [{unit}], log scale: the durations differ over 100×"),
                Scale::Log10,
            ),
            TimeAxis::Log => (format!("time t [{unit}]"), Scale::Log10),
            TimeAxis::Normalised => ("normalised time t / t_end".into(), Scale::Linear),
        }
    }
}

/// The polyline of one scene on a chart.
#[derive(PartialEq)]
pub(super) struct Trace {
    pub(super) color: RGBColor,
    pub(super) points: Vec<(f64, f64)>,
}

/// A shaded band between two lines, in a scene's colour.
#[derive(PartialEq)]
pub(super) struct Band {
    pub(super) color: RGBColor,
    pub(super) lower: Vec<(f64, f64)>,
    pub(super) upper: Vec<(f64, f64)>,
}

/// A point named on a chart: its label, place and colour.
#[derive(PartialEq)]
pub(super) struct Mark {
    pub(super) label: String,
    pub(super) at: (f64, f64),
    pub(super) color: RGBColor,
}

/// What a chart shows, built by the chart files.
pub(super) struct Spec {
    pub(super) caption: String,
    pub(super) x_label: String,
    pub(super) y_label: String,
    pub(super) x_scale: Scale,
    pub(super) y_scale: Scale,
    /// Legend lines: label and colour.
    pub(super) legend: Vec<(String, RGBColor)>,
    pub(super) traces: Vec<Trace>,
    /// Uncertainty bands, under the traces.
    pub(super) bands: Vec<Band>,
    pub(super) marks: Vec<Mark>,
    /// Rectangles to shade (extrapolated regions), as x and y intervals; infinite ends reach
    /// the plot's edges.
    pub(super) shaded: Vec<Shade>,
}

/// An x and a y interval.
pub(super) type Shade = ((f64, f64), (f64, f64));

impl Spec {
    /// A chart with nothing to draw (a chart of the current scenario, when there is none).
    fn empty() -> Spec {
        Spec {
            caption: String::new(),
            x_label: String::new(),
            y_label: String::new(),
            x_scale: Scale::Linear,
            y_scale: Scale::Linear,
            legend: Vec::new(),
            traces: Vec::new(),
            bands: Vec::new(),
            marks: Vec::new(),
            shaded: Vec::new(),
        }
    }
}

/// Draws one chart of `scenes` on `area` and returns its frame. `pixel_ratio` is the number of
/// backend pixels per CSS pixel (the device pixel ratio on a canvas, 1 for SVG).
pub fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    scenes: &[Scene<'_>],
    view: &View,
    theme: &Theme,
    pixel_ratio: f64,
) -> Result<Frame, String> {
    Plot::new(kind, scenes, view, theme, pixel_ratio, area.dim_in_pixel()).draw(area)
}

/// The chart of `column` against time, one trace per scene that has the column, in the
/// reader's units: what every chart but the Arrhenius plot draws.
pub(super) fn time_spec(
    scenes: &[Scene<'_>],
    (time, units): (TimeFrame, &DisplayUnits),
    theme: &Theme,
    (column, y_scale): (&Column, Scale),
    caption: String,
) -> Spec {
    let (x_label, x_scale) = time.label();
    let points = |s: &Scene<'_>, curves| column_points(s, curves, column, (time, units));
    let traces = scenes
        .iter()
        .enumerate()
        .filter(|(_, s)| !(column.values)(s.curves).is_empty())
        .map(|(i, s)| Trace {
            color: trace_color(theme, i),
            points: points(s, s.curves),
        })
        .collect();
    let bands = scenes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (lower, upper) = s.band?;
            Some(Band {
                color: trace_color(theme, i),
                lower: points(s, lower),
                upper: points(s, upper),
            })
        })
        .collect();
    Spec {
        caption,
        x_label,
        y_label: column.header(units),
        x_scale,
        y_scale,
        legend: legend_entries(scenes, theme),
        traces,
        bands,
        marks: Vec::new(),
        shaded: Vec::new(),
    }
}

/// Lengths the reader measured a time into each scene's program (`measured` picks them), at
/// that time (the program's end, as it now is, when none was given) on `column`'s axis, in
/// their scene's colour.
pub(super) fn time_marks<'a>(
    scenes: &[Scene<'a>],
    (time, units): (TimeFrame, &DisplayUnits),
    theme: &Theme,
    column: &Column,
    measured: fn(&Measured<'a>) -> &'a [TimedLength],
) -> Vec<Mark> {
    let length = units.unit(Quantity::Length, f64::NAN);
    let y = |v: f64| {
        let v = length.from_si(v);
        if column.log10 { v.log10() } else { v }
    };
    scenes
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let duration = s.model.program().duration_s();
            measured(&s.measured).iter().map(move |&(t, v)| Mark {
                label: String::new(),
                at: (time.coordinate(t.unwrap_or(duration), duration), y(v)),
                color: trace_color(theme, i),
            })
        })
        .collect()
}

/// The points against time of `column` of `curves`, sampled on the program of `scene`, in the
/// reader's `units` (skipping −∞, NaN and log t of t = 0).
fn column_points(
    scene: &Scene<'_>,
    curves: &Curves,
    column: &Column,
    (time, units): (TimeFrame, &DisplayUnits),
) -> Vec<(f64, f64)> {
    let duration = scene.model.program().duration_s();
    let value = column.in_units(units);
    curves
        .time_s
        .iter()
        .zip((column.values)(curves))
        .map(|(&t, &v)| (time.coordinate(t, duration), value(v)))
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect()
}

/// The sample of `scene` nearest in time to chart coordinate `x` (time coordinates never
/// decrease along the samples).
fn nearest_sample(scene: &Scene<'_>, x: f64, time: TimeFrame) -> Option<usize> {
    let coordinates: Vec<f64> = time.coordinates(scene).collect();
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
        _ => &[],
    }
}

/// The hover readout at pixel column `px` of a drawn chart: exact values of every scene there,
/// in the reader's units.
pub fn readout(
    frame: &Frame,
    scenes: &[Scene<'_>],
    px: f64,
    units: &DisplayUnits,
) -> Option<String> {
    let x = frame.x_at(px)?;
    if frame.kind == ChartKind::Arrhenius {
        return Some(arrhenius::readout(scenes, x, units));
    }
    if let Some(sweep) = frame.kind.sweep(scenes.first()?.model, units) {
        return Some(sweep.readout(x, units));
    }
    let units = &DisplayUnits {
        time: Some(frame.time.unit),
        ..*units
    };
    let lines: Vec<String> = scenes
        .iter()
        .filter_map(|s| {
            let i = nearest_sample(s, x, frame.time)?;
            // On a linear axis, with the digits its ticks have.
            let digits = match frame.time.axis {
                TimeAxis::Linear => digits_for(frame.x),
                _ => DIGITS,
            };
            let time = TIME.reading_to(s.curves, i, units, digits);
            let mut line = format!("{}: {time}", s.label);
            for column in shown(frame.kind) {
                line.push_str(", ");
                line.push_str(&column.reading(s.curves, i, units));
            }
            if frame.kind == ChartKind::Flux {
                line.push_str(", ");
                line.push_str(&flux::g_reading(s));
            }
            Some(line)
        })
        .collect();
    Some(lines.join("\n"))
}

/// The numbers of the view of chart `kind` (a chart of the paper's questions) for `scene`: its
/// curves at the points the paper names, and its notes; `None` for the other charts.
pub fn view_text(kind: ChartKind, scene: &Scene<'_>, units: &DisplayUnits) -> Option<String> {
    Some(kind.sweep(scene.model, units)?.summary(units))
}

/// Which of `values` (in time order) a table of at most `rows` rows (at least 4) shows: the first
/// and the last, and between them the lowest and the highest of each of as many equal runs of
/// samples as fit, in time order, so that no peak (of a pulse, say) falls between two rows.
fn table_rows(values: &[f64], rows: usize) -> Vec<usize> {
    let n = values.len();
    if n <= rows {
        return (0..n).collect();
    }
    let runs = (rows - 2) / 2;
    let mut picked = vec![0];
    for r in 0..runs {
        let run = (1 + r * (n - 2) / runs)..(1 + (r + 1) * (n - 2) / runs);
        let by_value = |&i: &usize, &j: &usize| values[i].total_cmp(&values[j]);
        let low = run.clone().min_by(by_value).unwrap_or(run.start);
        let high = run.clone().max_by(by_value).unwrap_or(run.start);
        picked.extend([low.min(high), low.max(high)]);
    }
    picked.push(n - 1);
    picked.dedup();
    picked
}

/// The accessible alternative to a chart of `scenes`: a header and up to `rows` rows (at least
/// four) of exact values of the first scene as the chart shows it (see [`table_rows`]), in the
/// reader's units, times in the unit of the chart's axis.
pub fn table(kind: ChartKind, scenes: &[Scene<'_>], rows: usize, view: &View) -> Vec<Vec<String>> {
    let Some(scene) = scenes.first() else {
        return Vec::new();
    };
    if kind == ChartKind::Arrhenius {
        return arrhenius::table(scene, rows, &view.units);
    }
    if let Some(sweep) = kind.sweep(scene.model, &view.units) {
        return sweep.table(rows, &view.units);
    }
    let units = &DisplayUnits {
        time: Some(TimeFrame::of(scenes, view).unit),
        ..view.units
    };
    let times = &scene.curves.time_s;
    let columns = shown(kind);
    let g = (kind == ChartKind::Flux).then(|| flux::g_number(scene));
    let mut header: Vec<String> = [TIME]
        .iter()
        .chain(columns)
        .map(|c| c.header(units))
        .collect();
    header.extend(g.as_ref().map(|_| flux::g_header()));
    let mut out = vec![header];
    // Rows are picked by the chart's curve (by time when the scenario lacks it: no grain growth).
    let picked_by = Some((columns[0].values)(scene.curves))
        .filter(|v| !v.is_empty())
        .unwrap_or(times);
    for i in table_rows(picked_by, rows.max(4)) {
        let mut cells: Vec<String> = [TIME]
            .iter()
            .chain(columns)
            .map(|c| c.cell(scene.curves, i, units))
            .collect();
        cells.extend(g.clone());
        out.push(cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::backend::SVGBackend;

    /// The validated model of `scenario` and its curves.
    fn evaluated(scenario: &crate::scenario::Scenario) -> (Model, Curves) {
        let model = scenario.validate().unwrap();
        let mut curves = Curves::default();
        model.evaluate_into(&mut curves);
        (model, curves)
    }

    /// `model` and its `curves` as the charts draw them, labelled `label`, with no measurements
    /// and no band.
    pub(super) fn scene<'a>(label: &'a str, model: &'a Model, curves: &'a Curves) -> Scene<'a> {
        Scene {
            label,
            model,
            curves,
            measured: Measured::default(),
            band: None,
        }
    }

    #[test]
    fn a_table_keeps_every_peak_of_its_curve_in_time_order() {
        // Ten spikes in 10,000 samples: a table of every 417th sample would miss them all.
        let values: Vec<f64> = (0..10_000)
            .map(|i| match i % 1000 {
                500 => 5.0,
                _ => (f64::from(i) * 0.1).sin(),
            })
            .collect();
        let rows = table_rows(&values, 25);
        assert!(rows.len() <= 25, "{} rows", rows.len());
        assert!(rows.windows(2).all(|w| w[0] < w[1]));
        assert_eq!((rows[0], rows[rows.len() - 1]), (0, 9999));
        for k in 0..10 {
            assert!(rows.contains(&(k * 1000 + 500)), "spike {k}");
        }
        assert_eq!(table_rows(&values[..7], 25), (0..7).collect::<Vec<_>>());
    }

    #[test]
    fn the_legend_is_below_the_plot_area_and_wraps() {
        let (model, curves) = evaluated(&crate::scenario::tests::example());
        let scenes: Vec<Scene<'_>> = ["a furnace program", "a second one", "and a third"]
            .into_iter()
            .map(|label| scene(label, &model, &curves))
            .collect();
        let strip = |width: u32, scenes: &[Scene<'_>]| {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (width, 360)).into_drawing_area();
            let plot = Plot::new(
                ChartKind::Transport,
                scenes,
                &View::default(),
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

    /// The text an SVG shows: what lies between its tags.
    fn svg_text(svg: &str) -> String {
        svg.split('>')
            .filter_map(|s| s.split('<').next())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether `text` holds a number in E-notation (a digit, e or E, then a digit or a sign).
    fn e_notation(text: &str) -> bool {
        let c: Vec<char> = text.chars().collect();
        c.windows(3).any(|w| {
            w[0].is_ascii_digit()
                && matches!(w[1], 'e' | 'E')
                && (w[2].is_ascii_digit() || matches!(w[2], '-' | '+'))
        })
    }

    #[test]
    fn programs_of_very_different_durations_share_a_log_time_axis_that_says_so() {
        use crate::program::Segment;
        let furnace = evaluated(&crate::scenario::tests::example());
        let mut short = crate::scenario::tests::example();
        short.program.segments = vec![Segment::Hold { duration_s: 30.0 }];
        let short = evaluated(&short);
        let scenes = [
            scene("furnace", &furnace.0, &furnace.1),
            scene("hold", &short.0, &short.1),
        ];
        let mut svg = String::new();
        let frame = {
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            draw(
                ChartKind::Temperature,
                &area,
                &scenes,
                &View::default(),
                &Theme::LIGHT,
                1.0,
            )
            .unwrap()
        };
        assert_eq!(
            (frame.time.axis, frame.time.switched),
            (TimeAxis::Log, true)
        );
        assert!(svg.contains("log scale: the durations differ over 100×"));
        let alone = {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            draw(
                ChartKind::Temperature,
                &area,
                &scenes[..1],
                &View::default(),
                &Theme::LIGHT,
                1.0,
            )
            .unwrap()
        };
        assert_eq!(alone.time.axis, TimeAxis::Linear);
    }

    /// The reader's units of the tests: °C, automatic time, nm, cm²/s.
    fn readers_units() -> DisplayUnits {
        DisplayUnits {
            temperature: Unit::Celsius,
            time: None,
            length: Unit::Nanometre,
            diffusivity: Unit::Cm2PerS,
            ..DisplayUnits::default()
        }
    }

    #[test]
    fn every_chart_of_a_program_that_never_heats_draws_on_finite_axes() {
        // A hold at room temperature: the §3.3 chart's lengths are all zero, whose log is -∞.
        let mut scenario = crate::scenario::tests::example();
        scenario.program.segments = vec![crate::program::Segment::Hold { duration_s: 60.0 }];
        let (model, curves) = evaluated(&scenario);
        let scene = scene("room temperature", &model, &curves);
        let view = View {
            time_axis: TimeAxis::Linear,
            units: readers_units(),
            zoom: None,
        };
        for kind in ChartKind::ALL {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            let frame = draw(kind, &area, &[scene], &view, &Theme::LIGHT, 1.0).unwrap();
            let ends = [frame.x.0, frame.x.1, frame.y.0, frame.y.1];
            assert!(ends.iter().all(|v| v.is_finite()), "{kind:?}: {frame:?}");
        }
    }

    #[test]
    fn every_chart_renders_to_svg_with_data_in_the_readers_units() {
        let (model, curves) = evaluated(&crate::scenario::tests::example());
        let scene = scene("furnace", &model, &curves);
        let units = readers_units();
        let charts = ChartKind::ALL
            .into_iter()
            .filter(|&k| k.against_time() || k == ChartKind::Arrhenius);
        for kind in charts {
            for time_axis in [TimeAxis::Linear, TimeAxis::Log, TimeAxis::Normalised] {
                let mut svg = String::new();
                let view = View {
                    time_axis,
                    units,
                    zoom: None,
                };
                let frame = {
                    let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
                    let frame = draw(kind, &area, &[scene], &view, &Theme::LIGHT, 1.0).unwrap();
                    area.present().unwrap();
                    frame
                };
                assert!(
                    svg.contains("<polyline"),
                    "{kind:?} {time_axis:?} draws a line"
                );
                // A 10 h program: hours on the time axis; no E-notation anywhere.
                let wants: &[&str] = match (kind, time_axis) {
                    (ChartKind::Arrhenius, _) => &["D [cm²/s]", "10⁻"],
                    (_, TimeAxis::Normalised) => &["t / t_end"],
                    _ => &["time t [h]"],
                };
                for want in wants {
                    assert!(svg.contains(want), "{kind:?} {time_axis:?}: no {want}");
                }
                let text = svg_text(&svg);
                assert!(!e_notation(&text), "{kind:?} {time_axis:?}: {text}");
                let axis_unit = match kind {
                    ChartKind::Temperature => Some("T [°C]"),
                    ChartKind::Transport => Some("L [nm]"),
                    ChartKind::Grain => Some("d [nm]"),
                    ChartKind::Flux => Some("|J| [mol/(m²·s)]"),
                    _ => None,
                };
                if let Some(label) = axis_unit {
                    assert!(svg.contains(label), "{kind:?}: no {label}");
                }
                assert!(
                    frame.plot.0.len() > 300 && frame.plot.1.len() > 150,
                    "{kind:?}: {frame:?}"
                );
                assert!(frame.x.0 < frame.x.1 && frame.y.0 < frame.y.1);
                let middle = f64::from(frame.plot.0.start + frame.plot.0.end) / 2.0;
                let text = readout(&frame, &[scene], middle, &units).unwrap();
                assert!(text.starts_with("furnace: "), "{text}");
                let unit = if kind == ChartKind::Arrhenius {
                    "°C"
                } else {
                    " h"
                };
                assert!(text.contains(unit) && !e_notation(&text), "{text}");
                let before = f64::from(frame.plot.0.start) - 5.0;
                assert!(readout(&frame, &[scene], before, &units).is_none());
                let rows = table(kind, &[scene], 20, &view);
                let header = rows[0].join(" | ");
                assert!(header.contains('[') && !header.contains("[s]"), "{header}");
                assert!(rows.iter().flatten().all(|c| !e_notation(c)), "{rows:?}");
            }
        }
    }

    #[test]
    fn a_zoom_into_one_second_of_ten_hours_reads_times_apart() {
        let window = (18_000.0, 18_001.0);
        // Sampled for the window, as the page samples a zoomed chart.
        let model = crate::scenario::tests::example().validate().unwrap();
        let mut curves = Curves::default();
        model.sample_columns_into(&mut curves, 640, Some(window));
        let scene = scene("furnace", &model, &curves);
        let view = View {
            time_axis: TimeAxis::Linear,
            units: readers_units(),
            zoom: Some(window),
        };
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
        let frame = draw(
            ChartKind::Temperature,
            &area,
            &[scene],
            &view,
            &Theme::LIGHT,
            1.0,
        )
        .unwrap();
        let time_at = |fraction: f64| {
            let px = f64::from(frame.plot.0.start) + fraction * frame.plot.0.len() as f64;
            let text = readout(&frame, &[scene], px, &view.units).unwrap();
            text.split(", ").next().unwrap().to_string()
        };
        // Samples a tenth of the window apart: four digits of 1.8 × 10⁷ ms could not tell them.
        let (a, b) = (time_at(0.3), time_at(0.6));
        assert_ne!(a, b);
        assert!(a.starts_with("furnace: t = 1.8000"), "{a}");
        assert!(b.starts_with("furnace: t = 1.8000"), "{b}");
    }
}
