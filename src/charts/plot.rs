//! A chart ready to draw: its guides (background, caption, axes, labels, legend) and its traces.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

use super::axes::{Extent, Frame, MAX_DECADES, Scale, pad, round_out, tick_label};
use super::lines::{Line, Shape, band_between, trace_shapes};
use super::theme::*;
use super::{
    Band, ChartKind, Mark, Scene, Shade, Spec, TimeFrame, Trace, View, arrhenius, flux, grain,
    temperature, time_marks, time_spec, transport,
};

/// Opacity of an uncertainty band's shading.
const BAND_ALPHA: f64 = 0.25;

/// A chart ready to draw: its guides (background, caption, axes, grid, ticks, labels and legend)
/// and its traces. While a value is dragged the guides mostly stay as they were, so the page keeps
/// them on a layer of their own and draws only the traces, over a copy of the layer (the legend
/// is outside the plot area, where no trace goes). Equal plots draw identical pixels.
#[derive(PartialEq)]
pub struct Plot {
    pub(super) kind: ChartKind,
    pub(super) time: TimeFrame,
    pub(super) guides: Guides,
    pub(super) traces: Vec<Trace>,
    bands: Vec<Band>,
    marks: Vec<Mark>,
    shaded: Vec<Shade>,
}

/// Everything a chart's guides show: equal `Guides` draw identical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Guides {
    pub(super) caption: String,
    pub(super) x_label: String,
    pub(super) y_label: String,
    pub(super) x_scale: Scale,
    pub(super) y_scale: Scale,
    /// Data ranges (log10 values on a log axis).
    pub(super) x: (f64, f64),
    pub(super) y: (f64, f64),
    /// Legend lines: label and colour.
    pub(super) legend: Vec<(String, RGBColor)>,
    pub(super) theme: Theme,
    /// Backend pixels per CSS pixel.
    pub(super) ratio: f64,
    /// Size of the drawing [backend pixels].
    pub(super) size: (u32, u32),
}

impl Guides {
    /// Size of the drawing [backend pixels].
    pub fn size(&self) -> (u32, u32) {
        self.size
    }
}

/// Where drawn guides put the plot area and the legend's box [backend pixels, end exclusive].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Plot area: where the traces go.
    pub plot: (Range<i32>, Range<i32>),
    /// The legend's strip below the plot, if there is a legend.
    pub legend: Option<(Range<i32>, Range<i32>)>,
}

impl Plot {
    /// Chart `kind` of `scenes` for a drawing of `size` backend pixels, `pixel_ratio` of them
    /// per CSS pixel.
    pub fn new(
        kind: ChartKind,
        scenes: &[Scene<'_>],
        view: &View,
        theme: &Theme,
        pixel_ratio: f64,
        size: (u32, u32),
    ) -> Plot {
        let time = TimeFrame::of(scenes, view);
        let units = &view.units;
        let time_chart = |curve, caption| time_spec(scenes, (time, units), theme, curve, caption);
        let spec = match kind {
            ChartKind::Temperature => time_chart(temperature::CURVE, temperature::CAPTION.into()),
            ChartKind::Flux => time_chart(flux::CURVE, flux::caption(scenes)),
            ChartKind::Transport => Spec {
                marks: time_marks(scenes, (time, units), theme, transport::CURVE.0, |m| {
                    m.diffusion_lengths
                }),
                ..time_chart(transport::CURVE, transport::CAPTION.into())
            },
            ChartKind::Grain => Spec {
                marks: time_marks(scenes, (time, units), theme, grain::CURVE.0, |m| {
                    m.grain_sizes
                }),
                ..time_chart(grain::CURVE, grain::CAPTION.into())
            },
            ChartKind::Arrhenius => arrhenius::spec(scenes, units, theme),
            ChartKind::Mixing | ChartKind::Rate | ChartKind::Growth | ChartKind::Kissinger => {
                scenes
                    .first()
                    .and_then(|s| kind.sweep(s.model, units))
                    .map(|sweep| sweep.spec(units, theme))
                    .unwrap_or_else(Spec::empty)
            }
        };
        let zoomed = kind.against_time().then(|| time.zoomed_range()).flatten();
        // Every point drawn: the traces', the bands' and the marked ones.
        let mut extent = Extent::default();
        for trace in &spec.traces {
            extent.add(&trace.points);
        }
        for band in &spec.bands {
            extent.add(&band.lower);
            extent.add(&band.upper);
        }
        for mark in &spec.marks {
            extent.add(&[mark.at]);
        }
        let x = zoomed.unwrap_or_else(|| pad(extent.x.unwrap_or((0.0, 1.0)), spec.x_scale));
        let y = extent.y.unwrap_or((0.0, 1.0));
        // At most MAX_DECADES before padding (which grows with the span) and after rounding.
        let limited = |(lo, hi): (f64, f64)| match spec.y_scale {
            Scale::Log10 => (lo.max(hi - MAX_DECADES), hi),
            Scale::Linear => (lo, hi),
        };
        let y_range = limited(round_out(pad(limited(y), spec.y_scale), spec.y_scale));
        Plot {
            kind,
            time,
            guides: Guides {
                caption: spec.caption,
                x_label: spec.x_label,
                y_label: spec.y_label,
                x_scale: spec.x_scale,
                y_scale: spec.y_scale,
                x,
                y: y_range,
                legend: spec.legend,
                theme: *theme,
                ratio: pixel_ratio.clamp(0.5, 4.0),
                size,
            },
            traces: spec.traces,
            bands: spec.bands,
            marks: spec.marks,
            shaded: spec.shaded,
        }
    }

    /// Draws the whole chart on `area` and returns its frame.
    pub fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<Frame, String> {
        let layout = self.draw_guides(area)?;
        self.draw_traces(area, &layout)
    }

    /// What the guides show.
    pub fn guides(&self) -> &Guides {
        &self.guides
    }

    /// Backend pixels of `css` CSS pixels.
    pub(super) fn px(&self, css: f64) -> u32 {
        (css * self.guides.ratio).round() as u32
    }

    /// Whether the chart is drawn for a narrow (phone) screen, with fewer ticks and smaller text.
    pub(super) fn small(&self) -> bool {
        f64::from(self.guides.size.0) / self.guides.ratio < NARROW_PX
    }

    /// The phone's or the wide screen's value of a (phone, elsewhere) pair.
    fn sized<T>(&self, (phone, wide): (T, T)) -> T {
        if self.small() { phone } else { wide }
    }

    /// Font size of tick labels, axis titles and the legend [CSS px].
    pub(super) fn font_size(&self) -> f64 {
        self.sized(FONT_PX)
    }

    pub(super) fn text(&self) -> TextStyle<'static> {
        (FontFamily::SansSerif, self.font_size() * self.guides.ratio)
            .into_font()
            .color(&self.guides.theme.foreground)
    }

    /// Draws the background, caption, axes and legend on `area` and returns where the plot
    /// area and the legend are.
    pub fn draw_guides<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<Layout, String> {
        self.guides_on(area).map_err(|e| e.to_string())
    }

    fn guides_on<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<Layout, DrawingAreaErrorKind<DB::ErrorType>> {
        let Guides {
            caption,
            x_label,
            y_label,
            x_scale,
            y_scale,
            x,
            y,
            theme,
            ratio,
            ..
        } = &self.guides;
        area.fill(&theme.background)?;
        let text = self.text();
        let font = self.font_size();
        let (width, height) = area.dim_in_pixel();
        let (width, height) = (width as i32, height as i32);
        let margin = self.px(self.sized(MARGIN_PX)) as i32;
        let caption_font = (FontFamily::SansSerif, (font + 1.0) * ratio)
            .into_font()
            .color(&theme.foreground)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let lines = wrap(area, caption, &caption_font, width - 2 * margin)?;
        let line = area.estimate_text_size("Hg", &caption_font)?.1 as i32;
        let top = margin + line * lines.len() as i32;
        for (i, text) in lines.iter().enumerate() {
            let y = margin + line * i as i32;
            area.draw(&Text::new(
                text.as_str(),
                (width / 2, y),
                caption_font.clone(),
            ))?;
        }
        let strip = self.legend_height(area, width)?;
        let (above, _) = area.split_vertically(height - strip);
        let (_, chart_area) = above.split_vertically(top);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin(margin as u32)
            .x_label_area_size(self.px(font * 3.0))
            .y_label_area_size(self.px(self.sized(Y_LABELS_PX)))
            .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
        chart
            .configure_mesh()
            .bold_line_style(theme.grid)
            .max_light_lines(0)
            .axis_style(theme.foreground)
            .label_style(text.clone())
            .axis_desc_style(text.clone())
            .x_desc(x_label.as_str())
            .y_desc(y_label.as_str())
            .x_labels(self.sized(X_LABELS))
            .y_labels(self.sized(Y_LABELS))
            .x_label_formatter(&|v| tick_label(*v, *x_scale, *x))
            .y_label_formatter(&|v| tick_label(*v, *y_scale, *y))
            .draw()?;
        let layout = Layout {
            plot: chart.plotting_area().get_pixel_range(),
            legend: (strip > 0).then_some((0..width, height - strip..height)),
        };
        self.draw_legend(area, &layout)?;
        Ok(layout)
    }

    /// The data ↔ pixel mapping of this plot in plot area `plot`.
    pub(super) fn frame(&self, plot: &(Range<i32>, Range<i32>)) -> Frame {
        let Guides {
            x,
            y,
            x_scale,
            y_scale,
            ..
        } = self.guides;
        Frame {
            kind: self.kind,
            plot: plot.clone(),
            x,
            y,
            x_scale,
            y_scale,
            time: self.time,
        }
    }

    /// Draws the shading and the traces on `area`, over axes drawn for equal [`Guides`] with
    /// `layout`, and returns the chart's frame.
    pub fn draw_traces<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        layout: &Layout,
    ) -> Result<Frame, String> {
        self.traces(area, &layout.plot).map_err(|e| e.to_string())?;
        Ok(self.frame(&layout.plot))
    }

    fn traces<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        plot: &(Range<i32>, Range<i32>),
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let Guides { x, y, theme, .. } = &self.guides;
        let frame = self.frame(plot);
        let pixel = |p: (f64, f64)| {
            let (px, py) = frame.to_pixel(p);
            (px.round() as i32, py.round() as i32)
        };
        for &((x0, x1), (y0, y1)) in &self.shaded {
            let (x0, x1, y0, y1) = (x0.max(x.0), x1.min(x.1), y0.max(y.0), y1.min(y.1));
            if x0 < x1 && y0 < y1 {
                area.draw(&Rectangle::new(
                    [pixel((x0, y1)), pixel((x1, y0))],
                    theme.shade.mix(0.6).filled(),
                ))?;
            }
        }
        // Each uncertainty band: the region between its two ends, inside the plot area.
        let room = !(plot.0.is_empty() || plot.1.is_empty());
        for band in self.bands.iter().filter(|_| room) {
            let ends = band.lower.iter().chain(&band.upper);
            let outline = band_between(&mut ends.map(|&p| frame.to_pixel(p)), plot.0.clone());
            let outline: Vec<(i32, i32)> = outline
                .into_iter()
                .map(|(px, py)| (px, py.clamp(plot.1.start, plot.1.end - 1)))
                .collect();
            area.draw(&Polygon::new(outline, band.color.mix(BAND_ALPHA).filled()))?;
        }
        for trace in &self.traces {
            // Bounded by the pixels (see `lines`).
            let width = self.px(TRACE_PX);
            let style = ShapeStyle::from(trace.color).stroke_width(width);
            let mut points = trace.points.iter().map(|&p| frame.to_pixel(p));
            for shape in trace_shapes(&mut points, f64::from(width)) {
                match shape {
                    Shape::Line(line) => area.draw(&Line::new(&line, style))?,
                    Shape::Band(mut outline) => {
                        area.draw(&Polygon::new(outline.clone(), trace.color.filled()))?;
                        outline.extend(outline.first().copied());
                        area.draw(&Line::new(&outline, style))?;
                    }
                }
            }
        }
        let radius = self.px(MARK_PX);
        let (right, text) = (plot.0.end, self.text());
        for mark in &self.marks {
            let inside = (x.0..=x.1).contains(&mark.at.0) && (y.0..=y.1).contains(&mark.at.1);
            if !inside {
                continue;
            }
            let (px, py) = pixel(mark.at);
            area.draw(&Circle::new((px, py), radius, mark.color.filled()))?;
            area.draw(&Circle::new(
                (px, py),
                radius,
                theme.foreground.stroke_width(1),
            ))?;
            if mark.label.is_empty() {
                continue;
            }
            // The label beside the point, on its left near the right edge.
            let (w, h) = area.estimate_text_size(&mark.label, &text)?;
            let gap = 2 * radius as i32;
            let left = if px + gap + w as i32 > right {
                px - gap - w as i32
            } else {
                px + gap
            };
            area.draw(&Text::new(
                mark.label.as_str(),
                (left, py - h as i32 / 2),
                text.clone(),
            ))?;
        }
        Ok(())
    }
}

/// `text` broken at spaces into lines no wider than `width` pixels (a word wider than that has
/// a line of its own), so that a caption is never clipped on a narrow chart.
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle<'_>,
    width: i32,
) -> Result<Vec<String>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        if let Some(last) = lines.last_mut() {
            let joined = format!("{last} {word}");
            if area.estimate_text_size(&joined, style)?.0 as i32 <= width {
                *last = joined;
                continue;
            }
        }
        lines.push(word.to_string());
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_wraps_to_the_width_of_a_narrow_chart() {
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (3000, 300)).into_drawing_area();
        let style = TextStyle::from((FontFamily::SansSerif, 14.0).into_font());
        let caption = "|J(t)| = (D₀C/R)·G·exp(−Ea/RT), eq. (11); G = 1.338 × 10⁷ J/(K·mol·m)";
        assert_eq!(wrap(&area, caption, &style, 3000).unwrap(), [caption]);
        let lines = wrap(&area, caption, &style, 200).unwrap();
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), caption, "nothing is lost");
        for line in &lines {
            let width = area.estimate_text_size(line, &style).unwrap().0;
            assert!(width <= 200 || !line.contains(' '), "{line}: {width} px");
        }
    }
}
