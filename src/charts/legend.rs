//! The legend: its entries, its size, where it goes and how it is drawn.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

use super::lines::Line;
use super::plot::{Layout, Plot};
use super::theme::*;
use super::{Scene, Trace};

/// Legend lines: each quantity for a single scene; each scene (by colour) and each quantity (by
/// stroke) when comparing.
pub(super) fn legend_entries(
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

impl Plot {
    /// A box of `size` for the legend: of nine places in the plot area (its corners, the middles
    /// of its edges, its centre), the one over the least length of trace, lines within a few
    /// pixels of it counted as under it. On a tie the first of: upper left, upper right, lower
    /// left, lower right, top, bottom, left, right, centre.
    pub(super) fn place_legend(
        &self,
        plot: &(Range<i32>, Range<i32>),
        (w, h): (i32, i32),
    ) -> (Range<i32>, Range<i32>) {
        let inset = self.px(LEGEND_INSET_PX) as i32;
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
        let clearance = f64::from(self.px(LEGEND_CLEARANCE_PX));
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
                    *length += length_inside((float(segment[0]), float(segment[1])), area);
                }
            }
        }
        let best = (0..places.len())
            .min_by(|&i, &j| covered[i].total_cmp(&covered[j]))
            .unwrap_or(0);
        let (x, y) = places[best];
        (x..x + w, y..y + h)
    }

    /// Padding, swatch length and gap before the label of a legend line [backend pixels].
    fn legend_spacing(&self) -> (i32, i32, i32) {
        (
            self.px(LEGEND_PAD_PX) as i32,
            self.px(LEGEND_SWATCH_PX) as i32,
            self.px(LEGEND_GAP_PX) as i32,
        )
    }

    /// Height of a legend line [backend pixels].
    fn legend_line<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &TextStyle<'_>,
    ) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
        let (_, h) = area.estimate_text_size("Hg", text)?;
        Ok(h as i32 + self.px(LEGEND_LEADING_PX) as i32)
    }

    /// Width and height of the legend's box, if there is a legend.
    pub(super) fn legend_size<DB: DrawingBackend>(
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
    pub fn draw_legend<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<(), String> {
        self.legend(area, layout).map_err(|e| e.to_string())
    }

    fn legend<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let Some((xs, ys)) = &layout.legend else {
            return Ok(());
        };
        let theme = &self.guides.theme;
        let text = self.text();
        let border = self.px(LEGEND_BORDER_PX).max(1) as i32;
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
            let style = ShapeStyle::from(*color).stroke_width(self.px(TRACE_PX).max(1));
            area.draw(&Line::new(
                &[(x, y), (x + swatch, y)],
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
}

/// Legend sizes [CSS px]: inset from the plot area's edges, clearance counted as under it,
/// padding, swatch length, gap before a label, leading between lines, border.
const LEGEND_INSET_PX: f64 = 8.0;
const LEGEND_CLEARANCE_PX: f64 = 3.0;
const LEGEND_PAD_PX: f64 = 6.0;
const LEGEND_SWATCH_PX: f64 = 18.0;
const LEGEND_GAP_PX: f64 = 6.0;
const LEGEND_LEADING_PX: f64 = 4.0;
const LEGEND_BORDER_PX: f64 = 1.0;

/// Length of the part of segment `from`–`to` inside the box (left, top, right, bottom).
fn length_inside(
    ((x0, y0), (x1, y1)): ((f64, f64), (f64, f64)),
    (l, t, r, b): (f64, f64, f64, f64),
) -> f64 {
    // Most segments of a trace are a pixel long and far from the box.
    if x0.max(x1) < l || x0.min(x1) > r || y0.max(y1) < t || y0.min(y1) > b {
        return 0.0;
    }
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

/// A point in backend pixels as floating point.
fn float((x, y): (i32, i32)) -> (f64, f64) {
    (f64::from(x), f64::from(y))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
