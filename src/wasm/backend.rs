//! One plotters backend type for both the canvas and SVG export, so that the chart code is
//! compiled once for the page instead of once per backend (about 14 KB of gzip-compressed wasm).
//! On the canvas, consecutive lines and paths of one stroke style are drawn as one path.

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
    Canvas(CanvasBackend, TextMeasure, StrokeBatch),
    Svg(SVGBackend<'a>, TextMeasure),
}

/// The stroke style (colour, alpha bits, width) of the canvas path being built, if one is open.
/// plotters draws a grid line, a dash or a trace as one call each; stroking each on its own costs
/// a style change, a path and a rasterisation per call. Lines of one style go into one path,
/// stroked when the style changes or anything else is drawn.
#[derive(Default)]
pub(super) struct StrokeBatch(Option<((u8, u8, u8), u64, u32)>);

impl StrokeBatch {
    fn add(
        &mut self,
        context: &CanvasRenderingContext2d,
        style: &impl BackendStyle,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) {
        let color = style.color();
        if color.alpha == 0.0 {
            return;
        }
        let key = (color.rgb, color.alpha.to_bits(), style.stroke_width());
        if self.0 != Some(key) {
            self.flush(context);
            let (r, g, b) = color.rgb;
            context.set_stroke_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            context.set_line_width(f64::from(style.stroke_width()));
            context.begin_path();
            self.0 = Some(key);
        }
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            context.move_to(x, y);
            for (x, y) in points {
                context.line_to(x, y);
            }
        }
    }

    fn flush(&mut self, context: &CanvasRenderingContext2d) {
        if self.0.take().is_some() {
            context.stroke();
        }
    }
}

/// A horizontal or vertical line moved by half a pixel, so that a 1 px line covers one pixel row
/// or column instead of blurring over two (as plotters-canvas does).
fn crisp(from: BackendCoord, to: BackendCoord) -> [(f64, f64); 2] {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    [from, to]
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

/// Forwards a call to whichever backend this is; on the canvas, the open path is stroked first.
macro_rules! forward {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b, measure, batch) => {
                batch.flush(&measure.context);
                $call.map_err(convert)
            }
            AnyBackend::Svg($b, _) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = AnyError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b, ..) => b.get_size(),
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
        match self {
            AnyBackend::Canvas(_, measure, batch) => {
                batch.add(&measure.context, style, crisp(from, to));
                Ok(())
            }
            AnyBackend::Svg(b, _) => b.draw_line(from, to, style).map_err(convert),
        }
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
        match self {
            AnyBackend::Canvas(_, measure, batch) => {
                let points = path.into_iter().map(|(x, y)| (f64::from(x), f64::from(y)));
                batch.add(&measure.context, style, points);
                Ok(())
            }
            AnyBackend::Svg(b, _) => b.draw_path(path, style).map_err(convert),
        }
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
            AnyBackend::Canvas(_, measure, _) | AnyBackend::Svg(_, measure) => {
                measure.size(text, style)
            }
        }
    }
}
