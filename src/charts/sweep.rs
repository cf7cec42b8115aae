//! Charts of one result against a swept input, for the current scenario: the paper's questions
//! (`routes`: §3.2, `rates`: §3.3, `growth`: §3.4) drawn as a family of curves, each curve an
//! exact closed form evaluated at every x, with the points the paper names marked on them.
//!
//! A [`Sweep`] is built from the scenario each time it is needed (drawing, readout, table): it
//! holds functions, not samples, so that a readout gives the exact value at the pointer.

use super::theme::{Theme, trace_color};
use super::{Mark, Scale, Spec, Trace};
use crate::display::{DisplayUnits, number};
use crate::units::Quantity;

/// Points per curve: the curves are smooth, so a few dozen suffice; more keep the line smooth
/// on a wide chart.
const POINTS: usize = 160;

/// An axis of a sweep: the quantity (shown in the reader's unit; none for a plain number, whose
/// unit is in the symbol), its symbol and scale.
pub(super) struct Axis {
    pub(super) quantity: Option<Quantity>,
    pub(super) symbol: &'static str,
    pub(super) scale: Scale,
}

impl Axis {
    /// The chart coordinate of `si`: the value in the reader's unit, its log10 on a log axis.
    fn coordinate(&self, si: f64, units: &DisplayUnits) -> f64 {
        let v = self.value(si, units);
        match self.scale {
            Scale::Linear => v,
            Scale::Log10 => v.log10(),
        }
    }

    /// The value [SI] at chart coordinate `x`.
    fn si(&self, x: f64, units: &DisplayUnits) -> f64 {
        let v = match self.scale {
            Scale::Linear => x,
            Scale::Log10 => 10f64.powf(x),
        };
        self.quantity
            .map_or(v, |q| units.unit(q, f64::NAN).to_si(v))
    }

    /// `si` in the reader's unit.
    fn value(&self, si: f64, units: &DisplayUnits) -> f64 {
        self.quantity.map_or(si, |q| units.unit(q, si).from_si(si))
    }

    /// `si` as a person writes it, with its unit.
    fn show(&self, si: f64, units: &DisplayUnits) -> String {
        self.quantity
            .map_or_else(|| number(si), |q| units.show(q, si))
    }

    /// The `k`-th of `n` values spread evenly over `(lo, hi)` [SI] (evenly in log on a log axis).
    fn spread(&self, (lo, hi): (f64, f64), k: usize, n: usize) -> f64 {
        let f = k as f64 / (n - 1) as f64;
        match self.scale {
            Scale::Linear => lo + (hi - lo) * f,
            Scale::Log10 => lo * (hi / lo).powf(f),
        }
    }

    /// `symbol [unit]`.
    fn header(&self, units: &DisplayUnits) -> String {
        match self.quantity {
            Some(q) => format!("{} [{}]", self.symbol, units.unit(q, f64::NAN).symbol()),
            None => self.symbol.into(),
        }
    }
}

/// One curve: its label and y [SI] as a function of x [SI] (`None` where there is no value).
pub(super) struct Curve<'a> {
    pub(super) label: String,
    pub(super) at: Box<dyn Fn(f64) -> Option<f64> + 'a>,
}

/// A point the paper names, on the curve `curve` [SI].
pub(super) struct Point {
    pub(super) label: String,
    pub(super) at: (f64, f64),
    pub(super) curve: usize,
}

/// A family of curves against a swept input.
pub(super) struct Sweep<'a> {
    pub(super) caption: String,
    pub(super) x: Axis,
    /// The swept values [SI].
    pub(super) x_range: (f64, f64),
    pub(super) y: Axis,
    pub(super) curves: Vec<Curve<'a>>,
    pub(super) points: Vec<Point>,
    /// The y range [SI] inside which the data are measured; outside it is shaded.
    pub(super) measured: Option<(f64, f64)>,
    /// What the chart's view states besides the curves at the marked points.
    pub(super) notes: Vec<String>,
}

impl Sweep<'_> {
    /// What the chart draws, in the reader's units.
    pub(super) fn spec(&self, units: &DisplayUnits, theme: &Theme) -> Spec {
        let traces = self
            .curves
            .iter()
            .enumerate()
            .map(|(i, c)| Trace {
                color: trace_color(theme, i),
                points: (0..POINTS)
                    .map(|k| self.x.spread(self.x_range, k, POINTS))
                    .filter_map(|x| Some((x, (c.at)(x)?)))
                    .map(|(x, y)| (self.x.coordinate(x, units), self.y.coordinate(y, units)))
                    .filter(|(x, y)| x.is_finite() && y.is_finite())
                    .collect(),
            })
            .collect();
        let marks = self
            .points
            .iter()
            .map(|p| Mark {
                label: p.label.clone(),
                at: (
                    self.x.coordinate(p.at.0, units),
                    self.y.coordinate(p.at.1, units),
                ),
                color: trace_color(theme, p.curve),
            })
            .collect();
        let shaded = self
            .measured
            .map(|(lo, hi)| {
                let (lo, hi) = (self.y.coordinate(lo, units), self.y.coordinate(hi, units));
                let all = (f64::NEG_INFINITY, f64::INFINITY);
                vec![(all, (f64::NEG_INFINITY, lo)), (all, (hi, f64::INFINITY))]
            })
            .unwrap_or_default();
        Spec {
            caption: self.caption.clone(),
            x_label: self.x.header(units),
            y_label: self.y.header(units),
            x_scale: self.x.scale,
            y_scale: self.y.scale,
            legend: self
                .curves
                .iter()
                .enumerate()
                .map(|(i, c)| (c.label.clone(), trace_color(theme, i)))
                .collect(),
            traces,
            bands: Vec::new(),
            marks,
            shaded,
        }
    }

    /// The exact value of every curve at chart coordinate `x`: `λ = 10 nm: 2 h: 819 °C; …`.
    pub(super) fn readout(&self, x: f64, units: &DisplayUnits) -> String {
        self.reading(self.x.si(x, units), units)
    }

    /// Every curve at x [SI], as [`Self::readout`] gives it.
    fn reading(&self, x: f64, units: &DisplayUnits) -> String {
        let values: Vec<String> = self
            .curves
            .iter()
            .map(|c| {
                let value = (c.at)(x).map_or_else(|| "—".into(), |y| self.y.show(y, units));
                format!("{}: {value}", c.label)
            })
            .collect();
        format!(
            "{} = {}: {}",
            self.x.symbol,
            self.x.show(x, units),
            values.join("; ")
        )
    }

    /// The numbers of the chart's view: every curve at each marked point, then the notes.
    pub(super) fn summary(&self, units: &DisplayUnits) -> String {
        let lines: Vec<String> = self
            .points
            .iter()
            .map(|p| format!("{}: {}", p.label, self.reading(p.at.0, units)))
            .chain(self.notes.iter().cloned())
            .collect();
        lines.join("\n")
    }

    /// A data table: x and every curve at `rows` values of x spread over the axis.
    pub(super) fn table(&self, rows: usize, units: &DisplayUnits) -> Vec<Vec<String>> {
        let unit = |axis: &Axis, si: f64| axis.value(si, units);
        let mut header = vec![self.x.header(units)];
        header.extend(
            self.curves
                .iter()
                .map(|c| format!("{}, {}", self.y.header(units), c.label)),
        );
        let mut out = vec![header];
        for k in 0..rows.max(2) {
            let x = self.x.spread(self.x_range, k, rows.max(2));
            let mut row = vec![number(unit(&self.x, x))];
            row.extend(
                self.curves
                    .iter()
                    .map(|c| (c.at)(x).map_or_else(|| "—".into(), |y| number(unit(&self.y, y)))),
            );
            out.push(row);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::f64::consts::PI;

    use plotters::prelude::*;

    use crate::charts::tests::scene;
    use crate::charts::{ChartKind, Theme, TimeAxis, View, draw};
    use crate::display::DisplayUnits;
    use crate::scenario::Curves;
    use crate::units::Unit;

    /// R [J/(mol·K)], written out here so that the reference values do not share the core's.
    const R: f64 = 8.314_462_618;

    fn furnace() -> crate::scenario::Model {
        crate::scenario::tests::example().validate().unwrap()
    }

    fn kelvin_and_metres() -> DisplayUnits {
        DisplayUnits::default()
    }

    /// The value of curve `index`, labelled `label`, at x [SI].
    fn value(kind: ChartKind, (index, label): (usize, &str), x: f64) -> f64 {
        let model = furnace();
        let sweep = kind.sweep(&model, &kelvin_and_metres()).unwrap();
        let curve = &sweep.curves[index];
        assert_eq!(curve.label, label);
        (curve.at)(x).unwrap()
    }

    #[test]
    fn mixing_chart_gives_the_temperature_that_homogenises() {
        // Closed form, independently: T = (Ea/R) / ln(4π² D0 t / (λ² ln(1/ε))).
        let expected = |lambda: f64, t: f64| {
            318e3 / R / (4.0 * PI * PI * 2.66e-6 * t / (lambda * lambda * 100f64.ln())).ln()
        };
        let t = value(ChartKind::Mixing, (2, "in 7200 s"), 1e-6);
        assert!((t - expected(1e-6, 7200.0)).abs() < 1e-9 * t, "{t}");
        assert!((t - 1481.0).abs() < 0.05, "1 µm → 1481.0 K in 2 h: {t}");
        let t = value(ChartKind::Mixing, (0, "in 7.2 × 10⁴ s"), 1e-8);
        assert!((t - expected(1e-8, 72_000.0)).abs() < 1e-9 * t, "{t}");
    }

    #[test]
    fn rate_chart_gives_the_diffusion_length_of_a_heat_and_cool_at_one_rate() {
        // L = √(D0 · 2∫exp(−Ea/RT)dT / β) from 298.15 K to 1500 K, the integral by Simpson's rule.
        let length = |ea: f64, rate: f64| {
            let (lo, hi, n) = (298.15, 1500.0, 200_000);
            let h = (hi - lo) / f64::from(n);
            let f = |k: i32| (-ea / (R * (lo + h * f64::from(k)))).exp();
            let inner: f64 = (1..n)
                .map(|k| if k % 2 == 1 { 4.0 } else { 2.0 } * f(k))
                .sum();
            let integral = h / 3.0 * (f(0) + inner + f(n));
            (2.66e-6 * 2.0 * integral / rate).sqrt()
        };
        let curves = [(0, "Eₐ"), (2, "Eₐ − 10⁵ J/mol")];
        for (curve, ea) in curves.into_iter().zip([318e3, 218e3]) {
            for rate in [1e-3, 1.0 / 6.0, 1e5] {
                let l = value(ChartKind::Rate, curve, rate);
                let expected = length(ea, rate);
                assert!(
                    (l - expected).abs() < 1e-7 * expected,
                    "{curve:?} {rate}: {l} vs {expected}"
                );
            }
        }
    }

    #[test]
    fn growth_chart_compares_n_2_and_3_equal_after_an_hour_at_the_peak() {
        // d = (d0ⁿ + k0·exp(−Eg/RT)·t)^(1/n) for a hold, with the example's n = 2 law.
        let d2 = |temp: f64, t: f64| (1e-14 + 1e4 * (-600e3 / (R * temp)).exp() * t).sqrt();
        let curves = [
            (0, "n = 2, 3600 s"),
            (1, "n = 2, 3.6 × 10⁴ s"),
            (2, "n = 3, 3600 s"),
            (3, "n = 3, 3.6 × 10⁴ s"),
        ];
        let d = value(ChartKind::Growth, curves[1], 1400.0);
        assert!((d - d2(1400.0, 36_000.0)).abs() < 1e-9 * d, "{d}");
        let at_peak = |curve| value(ChartKind::Growth, curve, 1500.0);
        let (two, three) = (at_peak(curves[0]), at_peak(curves[2]));
        assert!((two - three).abs() < 1e-9 * two, "{two} {three}");
        // Beyond the hour the cubic law grows more slowly.
        assert!(at_peak(curves[3]) < at_peak(curves[1]));
    }

    #[test]
    fn the_mixing_view_states_the_routes_and_the_barrier_each_would_need() {
        let model = furnace();
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            energy: Unit::KjPerMol,
            time: None,
            ..DisplayUnits::default()
        };
        let curves = Curves::default();
        let scene = scene("furnace", &model, &curves);
        let text = crate::charts::view_text(ChartKind::Mixing, &scene, &units).unwrap();
        // 1 nm in 2 h: 964.9 K = 691.7 °C (the 692 °C); the 400 °C route needs
        // Eₐ ≤ 221.9 kJ/mol (physics.md's "near 222"; homogenisation's independent test).
        assert!(
            text.contains("Atomic mixing, λ ~ 1 nm: λ = 10⁻⁹ m: in 20 h: "),
            "{text}"
        );
        assert!(text.contains("; in 2 h: 691.7 °C\n"), "{text}");
        assert!(
            text.contains(
                "Atomic mixing, λ ~ 1 nm works at 400 °C in 2 h for Eₐ up to 221.9 kJ/mol (this species: 318 kJ/mol)."
            ),
            "{text}"
        );
        assert!(crate::charts::view_text(ChartKind::Flux, &scene, &units).is_none());
    }

    #[test]
    fn the_paper_charts_draw_in_the_readers_units_with_their_points_named() {
        let model = furnace();
        let curves = Curves::default();
        let scene = scene("furnace", &model, &curves);
        let units = DisplayUnits {
            temperature: Unit::Celsius,
            length: Unit::Nanometre,
            rate: Unit::KPerMin,
            energy: Unit::KjPerMol,
            time: None,
            ..DisplayUnits::default()
        };
        let view = View {
            time_axis: TimeAxis::Linear,
            zoom: None,
            units,
        };
        for (kind, wants, reads) in [
            (
                ChartKind::Mixing,
                ["λ [nm]", "T [°C]", "Atomic mixing", "in 2 h"],
                ["λ = ", " nm: in 20 h: ", " °C; in 4 h: "],
            ),
            (
                ChartKind::Rate,
                ["β [K/min]", "L [nm]", "CTS", "kJ/mol"],
                ["β = ", " K/min: Eₐ: ", " nm; Eₐ − 50 kJ/mol: "],
            ),
            (
                ChartKind::Growth,
                ["T [°C]", "d [nm]", "both laws", "n = 3, 10 h"],
                ["T = ", " °C: n = 2, 60 min: ", " nm; n = 3, 10 h: "],
            ),
        ] {
            let mut svg = String::new();
            let frame = {
                let area = SVGBackend::with_string(&mut svg, (900, 420)).into_drawing_area();
                let frame = draw(kind, &area, &[scene], &view, &Theme::LIGHT, 1.0).unwrap();
                area.present().unwrap();
                frame
            };
            for want in wants {
                assert!(svg.contains(want), "{kind:?}: no {want}");
            }
            let middle = f64::from(frame.plot.0.start + frame.plot.0.end) / 2.0;
            let text = crate::charts::readout(&frame, &[scene], middle, &units).unwrap();
            for read in reads {
                assert!(text.contains(read), "{kind:?}: no {read} in {text}");
            }
            let rows = crate::charts::table(kind, &[scene], 9, &view);
            assert_eq!(rows.len(), 10, "{kind:?}: header and 9 rows");
            assert!(rows[0][0].contains(" ["), "{:?}", rows[0]);
        }
    }
}
