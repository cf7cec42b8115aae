//! Drawing on the page: plotters-canvas's `CanvasBackend` on each chart's `<canvas>`, plotters'
//! `SVGBackend` for exports, both through [`Measured`].
//!
//! What plotters alone does not do, measured:
//! - plotters sizes each label (tick labels, titles, the legend) by laying it out in a DOM
//!   element of the page: a forced layout per label, and a style attribute the page's CSP must
//!   allow. [`Measured`] measures text with the chart canvas's own `measureText` instead, each
//!   font and text once.
//! - Half the cost of a drawing is its guides (background, caption, axes, labels, legend), which
//!   an edit mostly leaves as they were. Each chart keeps them on a [`Layer`], a canvas of its
//!   own, drawn anew only when they change; a redraw copies it and draws the traces over it.
//! - Chart code generic over two backends is compiled twice: 11 KB of the gzip-compressed wasm.
//!   [`Measured`] holds either backend and forwards each call to it, so that the charts are
//!   compiled once, for `Measured`.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::{Frame, Guides, Layout, Plot};

/// Most label widths remembered; beyond it the memory starts afresh.
const MAX_REMEMBERED: usize = 512;

/// Label widths already measured, by font and text [backend pixels].
#[derive(Default)]
pub struct TextWidths(RefCell<Vec<(String, f64)>>);

/// What a chart is drawn on.
pub enum Target<'a> {
    /// A `<canvas>` of the page.
    Canvas(&'a mut CanvasBackend),
    /// An SVG document (the exports, which the scripting library makes).
    #[cfg(feature = "scripting")]
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

#[cfg(feature = "scripting")]
/// An error of the SVG backend, which writes to a `String` and so cannot fail: its text is not
/// worth the bytes of `std::io::Error`'s messages.
fn svg_error(_: DrawingErrorKind<std::io::Error>) -> DrawingErrorKind<DrawError> {
    DrawingErrorKind::DrawingError(DrawError("the SVG could not be written".into()))
}

/// Calls the same method on whichever backend `$m` holds.
macro_rules! forward {
    ($m:expr, $t:ident => $call:expr) => {
        match &mut $m.target {
            Target::Canvas($t) => $call.map_err(draw_error),
            #[cfg(feature = "scripting")]
            Target::Svg($t) => $call.map_err(svg_error),
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
            #[cfg(feature = "scripting")]
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

/// A `<canvas>`, its 2D context and the plotters backend on it, made once (asking a canvas for
/// its context costs as much as drawing a chart's traces).
pub struct Canvas {
    pub element: HtmlCanvasElement,
    pub context: CanvasRenderingContext2d,
    backend: CanvasBackend,
}

impl Canvas {
    /// `element` with its 2D context, if it has one.
    pub fn new(element: HtmlCanvasElement) -> Option<Canvas> {
        let context = element.get_context("2d").ok()??.dyn_into().ok()?;
        let backend = CanvasBackend::with_canvas_object(element.clone())?;
        Some(Canvas {
            element,
            context,
            backend,
        })
    }

    /// A drawing area over the whole canvas, its text measured on it.
    fn area<'a>(&'a mut self, widths: &'a TextWidths) -> DrawingArea<Measured<'a>, Shift> {
        Measured {
            target: Target::Canvas(&mut self.backend),
            context: &self.context,
            widths,
        }
        .into_drawing_area()
    }

    /// Copies the pixels of `from` in `rect` (end exclusive) to the same place.
    fn copy(&self, from: &Canvas, (xs, ys): &(Range<i32>, Range<i32>)) {
        let (x, y) = (f64::from(xs.start), f64::from(ys.start));
        let (w, h) = (f64::from(xs.end - xs.start), f64::from(ys.end - ys.start));
        // Copying between two canvases of the page cannot fail.
        let _ = self
            .context
            .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &from.element,
                x,
                y,
                w,
                h,
                x,
                y,
                w,
                h,
            );
    }
}

/// A chart's guides, kept on a canvas of their own (not in the page), with what they show.
pub struct Layer {
    canvas: Canvas,
    drawn: Option<(Guides, Layout)>,
}

impl Layer {
    /// A layer for the charts drawn on `beside`, made in its document.
    pub fn beside(beside: &HtmlCanvasElement) -> Option<Layer> {
        let element = beside.owner_document()?.create_element("canvas").ok()?;
        let canvas = Canvas::new(element.dyn_into().ok()?)?;
        Some(Layer {
            canvas,
            drawn: None,
        })
    }

    /// Where the guides of `plot` go, drawn on the layer if it shows other guides.
    fn guides(&mut self, plot: &Plot, widths: &TextWidths) -> Result<Layout, String> {
        if let Some((guides, drawn)) = &self.drawn
            && guides == plot.guides()
        {
            return Ok(drawn.clone());
        }
        self.drawn = None;
        let (w, h) = plot.guides().size();
        let element = &self.canvas.element;
        if (element.width(), element.height()) != (w, h) {
            element.set_width(w);
            element.set_height(h);
        }
        let area = self.canvas.area(widths);
        let layout = plot.draw_guides(&area)?;
        area.present().map_err(|e| e.to_string())?;
        self.drawn = Some((plot.guides().clone(), layout.clone()));
        Ok(layout)
    }
}

/// Draws `plot` on `canvas`: a copy of its guides from `layer` and the traces over it.
pub fn draw(
    canvas: &mut Canvas,
    layer: &mut Layer,
    plot: &Plot,
    widths: &TextWidths,
) -> Result<Frame, String> {
    let layout = layer.guides(plot, widths)?;
    let (w, h) = plot.guides().size();
    canvas.copy(&layer.canvas, &(0..w as i32, 0..h as i32));
    let area = canvas.area(widths);
    let frame = plot.draw_traces(&area, &layout)?;
    area.present().map_err(|e| e.to_string())?;
    Ok(frame)
}
