//! The legend: its entries, and the strip below the plot area where they are drawn.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Scene;
use super::lines::Line;
use super::plot::{Layout, Plot};
use super::theme::*;

/// Legend lines: each scene's label in its colour.
pub(super) fn legend_entries(scenes: &[Scene<'_>], theme: &Theme) -> Vec<(String, RGBColor)> {
    scenes
        .iter()
        .enumerate()
        .map(|(i, s)| (s.label.to_owned(), trace_color(theme, i)))
        .collect()
}

/// Where each legend entry starts, and the height of the strip [backend pixels].
type LegendFlow = (Vec<(i32, i32)>, i32);

impl Plot {
    /// Padding, swatch length, gap before a label and gap between entries [backend pixels].
    fn legend_spacing(&self) -> (i32, i32, i32, i32) {
        (
            self.px(LEGEND_PAD_PX) as i32,
            self.px(LEGEND_SWATCH_PX) as i32,
            self.px(LEGEND_GAP_PX) as i32,
            self.px(LEGEND_SPACING_PX) as i32,
        )
    }

    /// Height of a legend row [backend pixels].
    fn legend_line<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &TextStyle<'_>,
    ) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
        let (_, h) = area.estimate_text_size("Hg", text)?;
        Ok(h as i32 + self.px(LEGEND_LEADING_PX) as i32)
    }

    /// Where each legend entry starts (its swatch's left end and its row's middle) in a strip
    /// `width` pixels wide whose top is y = 0, entries flowing left to right and wrapping; and
    /// the strip's height (zero without a legend).
    fn legend_flow<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &TextStyle<'_>,
        width: i32,
    ) -> Result<LegendFlow, DrawingAreaErrorKind<DB::ErrorType>> {
        let entries = &self.guides.legend;
        if entries.is_empty() {
            return Ok((Vec::new(), 0));
        }
        let (pad, swatch, gap, spacing) = self.legend_spacing();
        let line = self.legend_line(area, text)?;
        let (mut x, mut row) = (pad, 0);
        let mut at = Vec::with_capacity(entries.len());
        for (label, _) in entries {
            let w = swatch + gap + area.estimate_text_size(label, text)?.0 as i32;
            if x > pad && x + w > width - pad {
                (x, row) = (pad, row + 1);
            }
            at.push((x, pad + line * row + line / 2));
            x += w + spacing;
        }
        Ok((at, 2 * pad + line * (row + 1)))
    }

    /// Height of the legend's strip below the plot for a drawing `width` pixels wide [backend
    /// pixels]; zero without a legend.
    pub(super) fn legend_height<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        width: i32,
    ) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
        Ok(self.legend_flow(area, &self.text(), width)?.1)
    }

    /// Draws the legend in its strip of `layout`, outside the plot area, so it never covers a
    /// trace. (Written here rather than with plotters' series labels, whose default font lookup
    /// pulls Unicode case tables into the wasm.)
    pub(super) fn draw_legend<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let Some((xs, ys)) = &layout.legend else {
            return Ok(());
        };
        let text = self.text();
        let (at, _) = self.legend_flow(area, &text, xs.end - xs.start)?;
        let (_, swatch, gap, _) = self.legend_spacing();
        let anchored = text.pos(Pos::new(HPos::Left, VPos::Center));
        for ((label, color), (x, y)) in self.guides.legend.iter().zip(at) {
            let (x, y) = (xs.start + x, ys.start + y);
            let style = ShapeStyle::from(*color).stroke_width(self.px(TRACE_PX).max(1));
            area.draw(&Line::new(&[(x, y), (x + swatch, y)], style))?;
            area.draw(&Text::new(
                label.as_str(),
                (x + swatch + gap, y),
                anchored.clone(),
            ))?;
        }
        Ok(())
    }
}

/// Legend sizes [CSS px]: padding around the strip, swatch length, gap before a label, space
/// between entries, leading between rows.
const LEGEND_PAD_PX: f64 = 4.0;
const LEGEND_SWATCH_PX: f64 = 18.0;
const LEGEND_GAP_PX: f64 = 6.0;
const LEGEND_SPACING_PX: f64 = 16.0;
const LEGEND_LEADING_PX: f64 = 4.0;
