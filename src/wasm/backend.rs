//! The chart backends: a canvas backend of our own and plotters' SVG backend, as one type so that
//! the chart code is compiled once for the page instead of once per backend (about 14 KB of
//! gzip-compressed wasm).
//!
//! The canvas backend draws through any 2D context: an `OffscreenCanvas`'s, to which the page hands
//! each chart canvas where the browser can, or a canvas element's own. (plotters-canvas draws only
//! on a canvas element's context. A chart drawn in place is handed to the compositor again at every
//! frame the page paints: in Chromium without GPU raster that is a copy of every chart canvas per
//! frame, and the first frames of a slider drag after a pause allocate them anew, over 50 ms at a
//! phone's speed. An `OffscreenCanvas` sends a frame only when it is drawn.)
//!
//! This file declares the drawing calls it imports; the exported API stays in `mod.rs`.

use crate::charts::Polylines;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
    text_anchor::{HPos, VPos},
};
use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use wasm_bindgen::prelude::*;
use web_sys::TextMetrics;

#[wasm_bindgen]
extern "C" {
    /// Something to draw a chart on: an `OffscreenCanvas` or an `HTMLCanvasElement`.
    pub type Surface;
    #[wasm_bindgen(method, getter)]
    fn width(this: &Surface) -> u32;
    #[wasm_bindgen(method, getter)]
    fn height(this: &Surface) -> u32;
    #[wasm_bindgen(method, setter)]
    fn set_width(this: &Surface, width: u32);
    #[wasm_bindgen(method, setter)]
    fn set_height(this: &Surface, height: u32);
    #[wasm_bindgen(method, catch, js_name = getContext)]
    fn get_context(this: &Surface, kind: &str) -> Result<JsValue, JsValue>;

    /// The calls the charts make, common to `CanvasRenderingContext2D` and
    /// `OffscreenCanvasRenderingContext2D`.
    pub type Context2d;
    #[wasm_bindgen(method, setter = font)]
    fn set_font(this: &Context2d, font: &str);
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_style(this: &Context2d, style: &str);
    #[wasm_bindgen(method, setter = strokeStyle)]
    fn set_stroke_style(this: &Context2d, style: &str);
    #[wasm_bindgen(method, setter = lineWidth)]
    fn set_line_width(this: &Context2d, width: f64);
    #[wasm_bindgen(method, setter = textAlign)]
    fn set_text_align(this: &Context2d, align: &str);
    #[wasm_bindgen(method, setter = textBaseline)]
    fn set_text_baseline(this: &Context2d, baseline: &str);
    #[wasm_bindgen(method, js_name = beginPath)]
    fn begin_path(this: &Context2d);
    #[wasm_bindgen(method, js_name = moveTo)]
    fn move_to(this: &Context2d, x: f64, y: f64);
    #[wasm_bindgen(method, js_name = lineTo)]
    fn line_to(this: &Context2d, x: f64, y: f64);
    #[wasm_bindgen(method, js_name = closePath)]
    fn close_path(this: &Context2d);
    #[wasm_bindgen(method)]
    fn arc(this: &Context2d, x: f64, y: f64, radius: f64, start: f64, end: f64);
    #[wasm_bindgen(method)]
    fn stroke(this: &Context2d);
    #[wasm_bindgen(method)]
    fn fill(this: &Context2d);
    #[wasm_bindgen(method, js_name = fillRect)]
    fn fill_rect(this: &Context2d, x: f64, y: f64, width: f64, height: f64);
    #[wasm_bindgen(method, js_name = strokeRect)]
    fn stroke_rect(this: &Context2d, x: f64, y: f64, width: f64, height: f64);
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &Context2d, text: &str, x: f64, y: f64);
    #[wasm_bindgen(method, js_name = measureText)]
    fn measure_text(this: &Context2d, text: &str) -> TextMetrics;
    #[wasm_bindgen(method, js_name = resetTransform)]
    fn reset_transform(this: &Context2d);
    #[wasm_bindgen(method)]
    fn translate(this: &Context2d, x: f64, y: f64);
    #[wasm_bindgen(method)]
    fn rotate(this: &Context2d, angle: f64);
    #[wasm_bindgen(method, js_name = setLineDash)]
    fn set_line_dash(this: &Context2d, segments: &[f64]);
    #[wasm_bindgen(method, js_name = drawImage)]
    #[allow(clippy::too_many_arguments)]
    fn draw_image(
        this: &Context2d,
        image: &Surface,
        sx: f64,
        sy: f64,
        sw: f64,
        sh: f64,
        dx: f64,
        dy: f64,
        dw: f64,
        dh: f64,
    );
}

impl Surface {
    /// The surface's 2D context; an error naming the argument `name` if it has none (a canvas
    /// already given to WebGL, or not a canvas at all).
    pub(super) fn context(&self, name: &str) -> Result<Context2d, JsError> {
        match self.get_context("2d") {
            Ok(context) if context.is_object() => Ok(context.unchecked_into()),
            _ => Err(JsError::new(&format!(
                "{name} has no 2D context: pass an OffscreenCanvas or a <canvas>"
            ))),
        }
    }

    /// Its size in pixels.
    pub(super) fn size(&self) -> (u32, u32) {
        (self.width(), self.height())
    }

    /// Resizes it (which clears it) unless it already has `size`.
    pub(super) fn resize(&self, size: (u32, u32)) {
        if self.size() != size {
            self.set_width(size.0);
            self.set_height(size.1);
        }
    }
}

impl Context2d {
    /// Copies the pixels of `surface` in `rect` (end exclusive) to the same place.
    pub(super) fn copy(&self, surface: &Surface, (xs, ys): &(Range<i32>, Range<i32>)) {
        let (x, y) = (f64::from(xs.start), f64::from(ys.start));
        let (w, h) = (f64::from(xs.end - xs.start), f64::from(ys.end - ys.start));
        self.draw_image(surface, x, y, w, h, x, y, w, h);
    }
}

/// The chart backends the page uses.
pub(super) enum AnyBackend<'a> {
    Canvas(CanvasBackend<'a>),
    Svg(SVGBackend<'a>, TextMeasure<'a>),
}

/// Draws on a 2D context of `size` device pixels.
///
/// plotters draws a grid line, a dash or a trace as one call each; stroking each on its own costs
/// a path and a rasterisation per call. Lines of one stroke style go into one open path, stroked
/// when the style changes or anything else is drawn. The context's styles are sent only when they
/// change (each is a string the page decodes).
pub(super) struct CanvasBackend<'a> {
    measure: TextMeasure<'a>,
    size: (u32, u32),
    path_open: bool,
    fill: Option<Rgba>,
    stroke: Option<(Rgba, u32)>,
    text_align: &'static str,
    text_baseline: &'static str,
}

/// A colour as a comparable key: its channels and the bits of its alpha.
type Rgba = ((u8, u8, u8), u64);

fn rgba(color: BackendColor) -> Rgba {
    (color.rgb, color.alpha.to_bits())
}

/// Whether `value` differs from the `last` one sent to the context; `last` takes it.
fn changed<T: PartialEq>(last: &mut T, value: T) -> bool {
    let differs = *last != value;
    *last = value;
    differs
}

/// A colour as the canvas reads it.
fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

impl<'a> CanvasBackend<'a> {
    /// Draws on `surface` through `context`, its 2D context.
    pub(super) fn new(surface: &Surface, context: &'a Context2d, widths: &'a TextWidths) -> Self {
        CanvasBackend {
            measure: TextMeasure::new(context, widths),
            size: surface.size(),
            path_open: false,
            fill: None,
            stroke: None,
            text_align: "",
            text_baseline: "",
        }
    }

    fn context(&self) -> &Context2d {
        self.measure.context
    }

    /// Strokes the open path, if any: before a drawing call of another kind.
    fn flush(&mut self) {
        if self.path_open {
            self.context().stroke();
            self.path_open = false;
        }
    }

    fn fill_with(&mut self, color: BackendColor) {
        if changed(&mut self.fill, Some(rgba(color))) {
            self.context().set_fill_style(&css(color));
        }
    }

    fn stroke_with(&mut self, color: BackendColor, width: u32) {
        if changed(&mut self.stroke, Some((rgba(color), width))) {
            self.context().set_stroke_style(&css(color));
            self.context().set_line_width(f64::from(width));
        }
    }

    /// Adds a line through `points` to the open path of its style.
    fn lines(&mut self, style: &impl BackendStyle, points: impl IntoIterator<Item = (f64, f64)>) {
        let color = style.color();
        if color.alpha == 0.0 {
            return;
        }
        if !self.path_open || self.stroke != Some((rgba(color), style.stroke_width())) {
            self.flush();
            self.stroke_with(color, style.stroke_width());
            self.context().begin_path();
            self.path_open = true;
        }
        let context = self.context();
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            context.move_to(x, y);
            for (x, y) in points {
                context.line_to(x, y);
            }
        }
    }
}

/// A horizontal or vertical line moved by half a pixel, so that a 1 px line covers one pixel row
/// or column instead of blurring over two.
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

/// Measures text with a canvas context's own `measureText` (plotters' default inserts a DOM
/// element per label and reads its size, a page layout each), and sets the context's font only
/// when it changes.
pub(super) struct TextMeasure<'a> {
    context: &'a Context2d,
    font: RefCell<String>,
    widths: &'a TextWidths,
}

/// Widths in pixels of the texts measured so far, sorted by font and text: a chart's labels
/// mostly repeat from one drawing to the next, and `measureText` shapes the text anew each time.
#[derive(Default)]
pub(super) struct TextWidths(RefCell<Vec<(String, String, u32)>>);

/// Most texts whose widths are kept; past it they are all forgotten (tick labels follow the
/// data, so the set of texts a session measures has no bound).
const MAX_TEXT_WIDTHS: usize = 1000;

impl<'a> TextMeasure<'a> {
    pub(super) fn new(context: &'a Context2d, widths: &'a TextWidths) -> Self {
        TextMeasure {
            context,
            font: RefCell::new(String::new()),
            widths,
        }
    }

    fn font<S: BackendTextStyle>(style: &S) -> String {
        format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        )
    }

    fn use_font(&self, font: String) {
        let mut last = self.font.borrow_mut();
        if changed(&mut *last, font) {
            self.context.set_font(&last);
        }
    }

    fn size<S: BackendTextStyle>(&self, text: &str, style: &S) -> (u32, u32) {
        let height = (style.size() * LINE_HEIGHT).ceil() as u32;
        let font = Self::font(style);
        let mut widths = self.widths.0.borrow_mut();
        let at = match widths
            .binary_search_by(|(f, t, _)| (f.as_str(), t.as_str()).cmp(&(&font, text)))
        {
            Ok(found) => return (widths[found].2, height),
            Err(at) => at,
        };
        self.use_font(font.clone());
        let width = self.context.measure_text(text).width().ceil() as u32;
        let entry = (font, text.to_owned(), width);
        if widths.len() >= MAX_TEXT_WIDTHS {
            *widths = vec![entry];
        } else {
            widths.insert(at, entry);
        }
        (width, height)
    }
}

/// Height of a line of text relative to its font size, as browsers lay out a span.
const LINE_HEIGHT: f64 = 1.15;

/// A drawing error (only the SVG backend has any), as text.
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

type Drawn = Result<(), DrawingErrorKind<AnyError>>;

/// Calls the method on whichever backend this is.
macro_rules! forward {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call,
            AnyBackend::Svg($b, _) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = AnyError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b) => b.get_size(),
            AnyBackend::Svg(b, _) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Drawn {
        forward!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Drawn {
        forward!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        forward!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        forward!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        forward!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        forward!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        forward!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        forward!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        forward!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<AnyError>> {
        match self {
            AnyBackend::Canvas(b) => b.estimate_text_size(text, style),
            AnyBackend::Svg(_, measure) => Ok(measure.size(text, style)),
        }
    }
}

impl Polylines for AnyBackend<'_> {
    fn draw_polyline(
        &mut self,
        points: &[(f64, f64)],
        dashes: Option<(u32, u32)>,
        style: &ShapeStyle,
    ) -> Drawn {
        forward!(self, b => b.draw_polyline(points, dashes, style))
    }
}

impl Polylines for CanvasBackend<'_> {
    /// The points where they are, and a dashed line in one path dashed by the canvas.
    fn draw_polyline(
        &mut self,
        points: &[(f64, f64)],
        dashes: Option<(u32, u32)>,
        style: &ShapeStyle,
    ) -> Drawn {
        match dashes {
            None => self.lines(style, points.iter().copied()),
            Some((dash, gap)) => {
                self.flush();
                self.context()
                    .set_line_dash(&[f64::from(dash), f64::from(gap)]);
                self.lines(style, points.iter().copied());
                self.flush();
                self.context().set_line_dash(&[]);
            }
        }
        Ok(())
    }
}

impl DrawingBackend for CanvasBackend<'_> {
    type ErrorType = AnyError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha > 0.0 {
            self.flush();
            self.fill_with(color);
            let (x, y) = (f64::from(point.0), f64::from(point.1));
            self.context().fill_rect(x, y, 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.lines(style, crisp(from, to));
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha > 0.0 {
            self.flush();
            let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
            let (w, h) = (
                f64::from(bottom_right.0 - upper_left.0),
                f64::from(bottom_right.1 - upper_left.1),
            );
            if fill {
                self.fill_with(color);
                self.context().fill_rect(x, y, w, h);
            } else {
                self.stroke_with(color, style.stroke_width());
                self.context().stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        self.lines(
            style,
            path.into_iter().map(|(x, y)| (f64::from(x), f64::from(y))),
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        if color.alpha > 0.0 {
            self.flush();
            if fill {
                self.fill_with(color);
            } else {
                self.stroke_with(color, style.stroke_width());
            }
            let context = self.context();
            context.begin_path();
            let (x, y) = (f64::from(center.0), f64::from(center.1));
            context.arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU);
            if fill {
                context.fill();
            } else {
                context.stroke();
            }
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        if color.alpha > 0.0 {
            self.flush();
            self.fill_with(color);
            let context = self.context();
            context.begin_path();
            let mut vert = vert.into_iter();
            if let Some((x, y)) = vert.next() {
                context.move_to(f64::from(x), f64::from(y));
                for (x, y) in vert {
                    context.line_to(f64::from(x), f64::from(y));
                }
                context.close_path();
            }
            context.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.measure.use_font(TextMeasure::font(style));
        self.fill_with(color);
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if changed(&mut self.text_baseline, baseline) {
            self.context().set_text_baseline(baseline);
        }
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if changed(&mut self.text_align, align) {
            self.context().set_text_align(align);
        }
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        let quarter_turns = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let context = self.context();
        if quarter_turns == 0 {
            context.fill_text(text, x, y);
        } else {
            // Nothing else transforms the context, so the identity restores it exactly (and,
            // unlike `save` and `restore`, keeps the styles set above).
            context.translate(x, y);
            context.rotate(f64::from(quarter_turns) * std::f64::consts::FRAC_PI_2);
            context.fill_text(text, 0.0, 0.0);
            context.reset_transform();
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<AnyError>> {
        Ok(self.measure.size(text, style))
    }
}
