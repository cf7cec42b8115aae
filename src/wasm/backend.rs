//! One plotters backend type for both the canvas and SVG export, so that the chart code is
//! compiled once for the page instead of once per backend (about 14 KB of gzip-compressed wasm).

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::fmt;
use web_sys::CanvasRenderingContext2d;

/// The chart backends the page uses, each with a canvas context that measures text.
pub(super) enum AnyBackend<'a> {
    Canvas(CanvasBackend, TextMeasure),
    Svg(SVGBackend<'a>, TextMeasure),
}

/// Measures text with the canvas's own `measureText`. plotters' default measures each label by
/// inserting a DOM element and reading its size, which forces a page layout per label.
pub(super) struct TextMeasure {
    context: CanvasRenderingContext2d,
    font: RefCell<String>,
}

impl TextMeasure {
    pub(super) fn new(context: CanvasRenderingContext2d) -> Self {
        TextMeasure {
            context,
            font: RefCell::new(String::new()),
        }
    }

    fn size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<AnyError>> {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if *self.font.borrow() != font {
            self.context.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        let metrics = self
            .context
            .measure_text(text)
            .map_err(|_| DrawingErrorKind::DrawingError(AnyError("measureText failed".into())))?;
        Ok((
            metrics.width().ceil() as u32,
            (style.size() * LINE_HEIGHT).ceil() as u32,
        ))
    }
}

/// Height of a line of text relative to its font size, as browsers lay out a span.
const LINE_HEIGHT: f64 = 1.15;

/// A drawing error of either backend, as text.
#[derive(Debug)]
pub(super) struct AnyError(String);

impl fmt::Display for AnyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AnyError {}

fn convert<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<AnyError> {
    match e {
        DrawingErrorKind::DrawingError(inner) => {
            DrawingErrorKind::DrawingError(AnyError(inner.to_string()))
        }
        DrawingErrorKind::FontError(font) => DrawingErrorKind::FontError(font),
    }
}

/// Forwards a call to whichever backend this is.
macro_rules! forward {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b, _) => $call.map_err(convert),
            AnyBackend::Svg($b, _) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = AnyError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b, _) => b.get_size(),
            AnyBackend::Svg(b, _) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<AnyError>> {
        forward!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<AnyError>> {
        match self {
            AnyBackend::Canvas(_, measure) | AnyBackend::Svg(_, measure) => {
                measure.size(text, style)
            }
        }
    }
}
