//! Axes: the ranges of the data, their ticks, and the one mapping between data and pixels that
//! drawing and readouts share.

use std::ops::Range;

use super::{ChartKind, TimeFrame};
use crate::display::{DIGITS, number_from_log10, number_to, power_of_ten};

/// Largest span of a logarithmic y axis [decades]; anything lower is drawn at its bottom edge.
pub(super) const MAX_DECADES: f64 = 40.0;

/// Whether an axis shows values or their log10 with 10ⁿ labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Values as they are.
    Linear,
    /// The traces hold log10 of the quantity.
    Log10,
}

/// The data ↔ pixel mapping of a drawn chart: the drawing maps its traces through it and the
/// readout maps the pointer back through it. It is plotters' own mapping of its plot area, before
/// plotters rounds to whole pixels: the first and last pixel of each edge hold the ends of the range.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Chart drawn.
    pub kind: ChartKind,
    /// The plot area [backend pixels, end exclusive].
    pub plot: (Range<i32>, Range<i32>),
    /// Data range of the x axis (log10 values on a log axis).
    pub x: (f64, f64),
    /// Data range of the y axis (log10 values on a log axis).
    pub y: (f64, f64),
    /// x axis scale.
    pub x_scale: Scale,
    /// y axis scale.
    pub y_scale: Scale,
    /// The time axis used (time charts only).
    pub time: TimeFrame,
}

impl Frame {
    /// Width and height of the plot area between its first and last pixels.
    fn span(&self) -> (f64, f64) {
        let (xs, ys) = &self.plot;
        (
            f64::from(xs.end - 1 - xs.start),
            f64::from(ys.end - 1 - ys.start),
        )
    }

    /// Where a point of the data lies [backend pixels], y clamped to the axis.
    pub fn to_pixel(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (width, height) = self.span();
        let (left, bottom) = (f64::from(self.plot.0.start), f64::from(self.plot.1.end - 1));
        (
            left + width * (x - self.x.0) / (self.x.1 - self.x.0),
            bottom - height * (y.clamp(self.y.0, self.y.1) - self.y.0) / (self.y.1 - self.y.0),
        )
    }

    /// Where pixel column `px` lies across the plot area: 0 at its first pixel, 1 at its last.
    fn across(&self, px: f64) -> f64 {
        (px - f64::from(self.plot.0.start)) / self.span().0
    }

    /// The data x coordinate under pixel column `px`, or at the nearer edge of the plot area.
    pub fn x_clamped(&self, px: f64) -> f64 {
        self.x.0 + self.across(px).clamp(0.0, 1.0) * (self.x.1 - self.x.0)
    }

    /// The data x coordinate under pixel column `px`, if inside the plot area.
    pub fn x_at(&self, px: f64) -> Option<f64> {
        (0.0..=1.0)
            .contains(&self.across(px))
            .then(|| self.x_clamped(px))
    }
}

/// The smallest and largest finite coordinates of points, in x and in y (a point at infinity, as
/// log10 of a length of zero, is not drawn).
#[derive(Default)]
pub(super) struct Extent {
    pub(super) x: Option<(f64, f64)>,
    pub(super) y: Option<(f64, f64)>,
}

impl Extent {
    /// Widens the extent to take in `points` (in one plain pass: charts call this at each edit
    /// over thousands of points).
    pub(super) fn add(&mut self, points: &[(f64, f64)]) {
        fn widen(range: &mut Option<(f64, f64)>, v: f64) {
            if v.is_finite() {
                *range = Some(range.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
            }
        }
        for &(x, y) in points {
            widen(&mut self.x, x);
            widen(&mut self.y, y);
        }
    }
}

/// Pads a range so that flat and single-point traces still get a visible axis.
pub(super) fn pad(range: (f64, f64), scale: Scale) -> (f64, f64) {
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

/// Widens an axis range outward to multiples of a round step: 1, 2 or 5 × 10ⁿ, at most a tenth
/// of the span on a linear axis and a fifth on a logarithmic one, where spans of two decades or
/// more end on whole decades. A small change of the data then leaves the axes as they were: they
/// stay still under a dragging finger, and only the traces need redrawing. (On a log axis over
/// tens of decades, the end at room temperature moves a decade with every few kJ/mol of Eₐ.)
pub(super) fn round_out((lo, hi): (f64, f64), scale: Scale) -> (f64, f64) {
    let parts = match scale {
        Scale::Linear => 10.0,
        Scale::Log10 => 5.0,
    };
    let most = (hi - lo) / parts;
    if !(most > 0.0 && most.is_finite()) {
        return (lo, hi);
    }
    let magnitude = 10f64.powf(most.log10().floor());
    let mut step = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step <= most)
        .unwrap_or(magnitude);
    if scale == Scale::Log10 && hi - lo >= 2.0 {
        // Whole decades, where its ticks are.
        step = step.max(1.0);
    }
    let rounded = ((lo / step).floor() * step, (hi / step).ceil() * step);
    if rounded.0.is_finite() && rounded.1.is_finite() {
        rounded
    } else {
        (lo, hi)
    }
}

/// A tick's label on an axis over `range`: 10ⁿ on a log axis, the value as a person writes it on
/// a linear one, with the digits that tell ticks a tenth of the range apart (a chart zoomed into
/// 4.864 × 10⁵ to 4.866 × 10⁵ ms labels 4.8642 × 10⁵, not 4.864 × 10⁵ five times).
pub(super) fn tick_label(v: f64, scale: Scale, (lo, hi): (f64, f64)) -> String {
    match scale {
        // A log axis spanning a few decades (zoomed in, say) has ticks between the decades.
        Scale::Log10 if (v - v.round()).abs() > 1e-9 => number_from_log10(v),
        Scale::Log10 => power_of_ten(v.round() as i64),
        Scale::Linear => number_to(v, digits_for((lo, hi))),
    }
}

/// The significant digits (at least the usual four) that tell apart values a tenth of `range`
/// apart.
pub(super) fn digits_for((lo, hi): (f64, f64)) -> usize {
    let magnitude = lo.abs().max(hi.abs()).log10().floor();
    let step = ((hi - lo) / 10.0).log10().floor();
    (magnitude - step + 1.0).clamp(DIGITS as f64, 12.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_between_decades_say_their_value() {
        let labels: Vec<String> = [1.0, 1.5, 2.0, 2.5, -4.5]
            .into_iter()
            .map(|v| tick_label(v, Scale::Log10, (-5.0, 3.0)))
            .collect();
        assert_eq!(labels, ["10¹", "31.62", "10²", "316.2", "3.162 × 10⁻⁵"]);
    }

    #[test]
    fn linear_ticks_of_a_narrow_range_tell_each_other_apart() {
        let label = |v, range| tick_label(v, Scale::Linear, range);
        assert_eq!(label(1500.0, (0.0, 2000.0)), "1500");
        assert_eq!(label(0.25, (0.0, 1.0)), "0.25");
        // 10 min of a 10 h program, in ms.
        let zoomed = (486_400.0, 486_600.0);
        assert_eq!(label(486_420.0, zoomed), "4.8642 × 10⁵");
        assert_eq!(label(486_440.0, zoomed), "4.8644 × 10⁵");
        assert_eq!(label(-0.000_25, (-0.001, 0.0)), "−2.5 × 10⁻⁴");
        // A flat range keeps four digits.
        assert_eq!(label(3.0, (3.0, 3.0)), "3");
    }

    #[test]
    fn ranges_round_out_to_round_steps() {
        // Linear: steps of at most a tenth of the span.
        assert_eq!(round_out((293.0, 1512.0), Scale::Linear), (200.0, 1600.0));
        // A flux over 45 decades (clamped to MAX_DECADES afterwards): its ends move by 5 decades,
        // so that an Eₐ slider moving the room-temperature end by 0.18 decades per step leaves the
        // axis still for ~28 steps.
        assert_eq!(round_out((-47.3, -2.4), Scale::Log10), (-50.0, 0.0));
        assert_eq!(round_out((-45.1, -2.4), Scale::Log10), (-50.0, 0.0));
        // A diffusion length over three decades: whole decades. Zoomed in to under two
        // decades, finer steps.
        assert_eq!(round_out((-3.3, -0.2), Scale::Log10), (-4.0, 0.0));
        let (lo, hi) = round_out((-1.3, 0.1), Scale::Log10);
        assert!(
            (lo + 1.4).abs() < 1e-12 && (hi - 0.2).abs() < 1e-12,
            "{lo} {hi}"
        );
        // Nothing to round: an empty or non-finite range is left as it is.
        assert_eq!(round_out((2.0, 2.0), Scale::Linear), (2.0, 2.0));
        assert!(
            round_out((f64::NEG_INFINITY, 0.0), Scale::Log10)
                .0
                .is_infinite()
        );
    }

    #[test]
    fn the_readout_inverts_the_drawing_mapping() {
        let frame = Frame {
            kind: ChartKind::Temperature,
            plot: (60..620, 10..300),
            x: (0.0, 7200.0),
            y: (300.0, 1500.0),
            x_scale: Scale::Linear,
            y_scale: Scale::Linear,
            time: TimeFrame {
                axis: crate::charts::TimeAxis::Linear,
                unit: crate::units::Unit::Second,
                switched: false,
                zoom: None,
            },
        };
        for x in [0.0, 1.0, 3600.0, 7199.0, 7200.0] {
            let (px, _) = frame.to_pixel((x, 900.0));
            let back = frame.x_at(px).unwrap();
            assert!((back - x).abs() < 1e-9, "{x} → {px} → {back}");
        }
        assert_eq!(frame.to_pixel((0.0, 300.0)), (60.0, 299.0));
        assert_eq!(frame.to_pixel((7200.0, 1e9)), (619.0, 10.0));
        assert!(frame.x_at(59.0).is_none() && frame.x_at(620.0).is_none());
    }
}
