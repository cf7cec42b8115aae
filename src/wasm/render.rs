//! Drawing on the page: plotters-canvas's `CanvasBackend` on each chart's `<canvas>`, plotters'
//! `SVGBackend` for exports, both through [`Measured`].
//!
//! Two needs that plotters alone does not meet, measured:
//! - plotters sizes each label (tick labels, titles, the legend) by laying it out in a DOM
//!   element of the page: a forced layout per label, and a style attribute the page's CSP must
//!   allow. [`Measured`] measures text with the chart canvas's own `measureText` instead, each
//!   font and text once.
//! - Chart code generic over two backends is compiled twice: 11 KB of the gzip-compressed wasm.
//!   [`Measured`] holds either backend and forwards each call to it, so that the charts are
//!   compiled once, for `Measured`.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::fmt;
use web_sys::CanvasRenderingContext2d;

/// Most label widths remembered; beyond it the memory starts afresh.
const MAX_REMEMBERED: usize = 512;

/// Label widths already measured, by font and text [backend pixels].
#[derive(Default)]
pub struct TextWidths(RefCell<Vec<(String, f64)>>);

/// What a chart is drawn on.
pub enum Target<'a> {
    /// A `<canvas>` of the page.
    Canvas(CanvasBackend),
    /// An SVG document.
    Svg(SVGBackend<'a>),
}

/// `target` with its text measured by `context`.
pub struct Measured<'a> {
    pub target: Target<'a>,
    pub context: &'a CanvasRenderingContext2d,
    pub widths: &'a TextWidths,
}

/// A drawing error of either backend, as text.
#[derive(Debug)]
pub struct DrawError(String);

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

fn draw_error<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<DrawError> {
    DrawingErrorKind::DrawingError(DrawError(e.to_string()))
}

/// Calls the same method on whichever backend `$m` holds.
macro_rules! forward {
    ($m:expr, $t:ident => $call:expr) => {
        match &mut $m.target {
            Target::Canvas($t) => $call.map_err(draw_error),
            Target::Svg($t) => $call.map_err(draw_error),
        }
    };
}

/// The CSS font of a text style, as plotters-canvas sets it.
fn font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        match &self.target {
            Target::Canvas(b) => b.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.ensure_prepared())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.present())
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.draw_pixel(p, c))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.draw_line(from, to, s))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.draw_rect(a, b, s, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.draw_path(path, s))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.draw_circle(c, r, s, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.fill_polygon(vert, s))
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<DrawError>> {
        forward!(self, t => t.draw_text(text, s, pos))
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<DrawError>> {
        let key = format!("{}\n{text}", font(s));
        let mut widths = self.widths.0.borrow_mut();
        let width = match widths.iter().find(|(k, _)| *k == key) {
            Some(&(_, w)) => w,
            None => {
                self.context.set_font(&font(s));
                let w = self.context.measure_text(text).map_or(0.0, |m| m.width());
                if widths.len() >= MAX_REMEMBERED {
                    widths.clear();
                }
                widths.push((key, w));
                w
            }
        };
        Ok((width.ceil() as u32, s.size().ceil() as u32))
    }
}
