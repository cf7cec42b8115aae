//! Drawing on the page: plotters-canvas's `CanvasBackend` on each chart's `<canvas>`, plotters'
//! `SVGBackend` for exports, both through [`Measured`].
//!
//! plotters sizes each label (tick labels, titles, the legend) by laying it out in a DOM element
//! of the page, one forced layout per label and a style attribute the page's CSP must allow.
//! [`Measured`] forwards every drawing call to the backend it wraps and measures text with the
//! chart canvas's own `measureText` instead, each font and text once.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::cell::RefCell;
use web_sys::CanvasRenderingContext2d;

/// Most label widths remembered; beyond it the memory starts afresh.
const MAX_REMEMBERED: usize = 512;

/// Label widths already measured, by font and text [backend pixels].
#[derive(Default)]
pub struct TextWidths(RefCell<Vec<(String, f64)>>);

/// `backend` with its text measured by `context`.
pub struct Measured<'a, DB> {
    pub backend: DB,
    pub context: &'a CanvasRenderingContext2d,
    pub widths: &'a TextWidths,
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

impl<DB: DrawingBackend> DrawingBackend for Measured<'_, DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.backend.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.present()
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.draw_line(from, to, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.draw_path(path, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.fill_polygon(vert, s)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        self.backend.draw_text(text, s, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<DB::ErrorType>> {
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
