//! Colours and the sizes of a chart's text and margins.

use plotters::prelude::*;

/// Colours of a chart, light or dark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub(super) background: RGBColor,
    pub(super) foreground: RGBColor,
    pub(super) grid: RGBColor,
    pub(super) shade: RGBColor,
    pub(super) series: [RGBColor; 4],
}

impl Theme {
    /// Light theme.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        foreground: RGBColor(32, 33, 36),
        grid: RGBColor(225, 228, 232),
        shade: RGBColor(253, 236, 200),
        series: [
            RGBColor(0, 94, 184),
            RGBColor(196, 69, 0),
            RGBColor(0, 128, 74),
            RGBColor(128, 60, 170),
        ],
    };
    /// Dark theme.
    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 29),
        foreground: RGBColor(230, 232, 235),
        grid: RGBColor(58, 62, 68),
        shade: RGBColor(78, 62, 30),
        series: [
            RGBColor(110, 178, 255),
            RGBColor(255, 150, 90),
            RGBColor(90, 210, 150),
            RGBColor(200, 150, 255),
        ],
    };
}

/// The colour of scene `scene`'s traces (each chart shows one quantity).
pub(super) fn trace_color(theme: &Theme, scene: usize) -> RGBColor {
    theme.series[scene % theme.series.len()]
}

/// Font size of tick labels, axis titles and the legend [CSS px]: on a phone, elsewhere.
pub(super) const FONT_PX: (f64, f64) = (11.0, 13.0);
/// Width below which a chart is laid out for a phone [CSS px].
pub(super) const NARROW_PX: f64 = 480.0;
/// Margin around the chart [CSS px]: on a phone, elsewhere.
pub(super) const MARGIN_PX: (f64, f64) = (6.0, 10.0);
/// Width of the y axis's labels [CSS px]: on a phone, elsewhere.
pub(super) const Y_LABELS_PX: (f64, f64) = (44.0, 60.0);
/// Number of x and y axis labels: on a phone, elsewhere.
pub(super) const X_LABELS: (usize, usize) = (4, 7);
pub(super) const Y_LABELS: (usize, usize) = (5, 7);
/// Radius of a marked point [CSS px].
pub(super) const MARK_PX: f64 = 4.0;
/// Width of a trace [CSS px].
pub(super) const TRACE_PX: f64 = 2.0;
