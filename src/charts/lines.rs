//! Traces as polylines bounded by the pixels, and the element that strokes them solid or dashed.
//!
//! However many samples a trace has (a train of 10,000 pulses is 40,000), what reaches the
//! backend is at most four points per pixel column: of each run of consecutive points in one
//! column, the first, the lowest, the highest and the last (the M4 reduction of Jugel et al.,
//! VLDB 2014). A trace narrower than a column becomes its envelope, min and max per column, and
//! the line drawn covers the same pixels as the line through every sample.

use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// A polyline through `points` [backend pixels, whole] reduced to at most four points per run of
/// points in one pixel column: the first, the lowest, the highest and the last, in their order.
pub(super) fn envelope(points: impl IntoIterator<Item = (f64, f64)>) -> Vec<BackendCoord> {
    let mut out: Vec<BackendCoord> = Vec::new();
    let mut run: Option<Run> = None;
    for (x, y) in points {
        let p = (x.round() as i32, y.round() as i32);
        match run.as_mut() {
            Some(r) if r.first.0 == p.0 => r.admit(p),
            _ => {
                if let Some(r) = run.take() {
                    r.push_to(&mut out);
                }
                run = Some(Run::new(p));
            }
        }
    }
    if let Some(r) = run {
        r.push_to(&mut out);
    }
    out
}

/// Consecutive points in one pixel column; `low` and `high` with the order they were seen in.
struct Run {
    first: BackendCoord,
    low: (BackendCoord, usize),
    high: (BackendCoord, usize),
    last: BackendCoord,
    seen: usize,
}

impl Run {
    fn new(p: BackendCoord) -> Run {
        Run {
            first: p,
            low: (p, 0),
            high: (p, 0),
            last: p,
            seen: 0,
        }
    }

    fn admit(&mut self, p: BackendCoord) {
        self.seen += 1;
        if p.1 < self.low.0.1 {
            self.low = (p, self.seen);
        }
        if p.1 > self.high.0.1 {
            self.high = (p, self.seen);
        }
        self.last = p;
    }

    /// Appends the run's points, each once, in the order they were seen.
    fn push_to(self, out: &mut Vec<BackendCoord>) {
        let (a, b) = if self.low.1 <= self.high.1 {
            (self.low.0, self.high.0)
        } else {
            (self.high.0, self.low.0)
        };
        for p in [self.first, a, b, self.last] {
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
    }
}

/// A polyline in backend pixels: solid, or in dashes of (dash, gap) pixels.
pub(super) struct Line<'a> {
    points: &'a [BackendCoord],
    dashes: Option<(u32, u32)>,
    style: ShapeStyle,
}

impl<'a> Line<'a> {
    pub(super) fn new(
        points: &'a [BackendCoord],
        dashes: Option<(u32, u32)>,
        style: ShapeStyle,
    ) -> Self {
        Line {
            points,
            dashes,
            style,
        }
    }
}

/// The line's points are already in backend pixels: it gives plotters none to map.
impl<'a> PointCollection<'a, BackendCoord> for &'a Line<'_> {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Empty<&'a BackendCoord>;

    fn point_iter(self) -> Self::IntoIter {
        std::iter::empty()
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Line<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        _: I,
        backend: &mut DB,
        size: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let path = self.points.iter().copied();
        match self.dashes {
            None => backend.draw_path(path, &self.style),
            // The element dashes the backend points it is given; its own are never read.
            Some((dash, gap)) => {
                DashedPathElement::new(std::iter::empty::<BackendCoord>(), dash, gap, self.style)
                    .draw(path, backend, size)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels each column of a polyline covers vertically, by column.
    fn columns(points: &[BackendCoord]) -> std::collections::BTreeMap<i32, (i32, i32)> {
        let mut out = std::collections::BTreeMap::new();
        for w in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            for x in x0.min(x1)..=x0.max(x1) {
                let (lo, hi) = if x0 == x1 {
                    (y0.min(y1), y0.max(y1))
                } else {
                    let f = |x: i32| y0 + (y1 - y0) * (x - x0) / (x1 - x0);
                    (f(x).min(f(x)), f(x).max(f(x)))
                };
                let e = out.entry(x).or_insert((lo, hi));
                *e = (e.0.min(lo), e.1.max(hi));
            }
        }
        out
    }

    #[test]
    fn a_pulse_train_narrower_than_a_pixel_is_its_envelope() {
        // 10,000 square pulses over 500 columns: 40,000 points, 20 per column.
        let points: Vec<(f64, f64)> = (0..40_000)
            .map(|i| {
                let x = 500.0 * f64::from(i / 2) / 20_000.0;
                let y = if (i / 2) % 2 == 0 { 300.0 } else { 20.0 };
                (x, y)
            })
            .collect();
        let reduced = envelope(points.iter().copied());
        assert!(reduced.len() <= 4 * 501, "{} points", reduced.len());
        let whole: Vec<BackendCoord> = points
            .iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        assert_eq!(columns(&reduced), columns(&whole), "same pixels per column");
        assert_eq!(reduced.first(), whole.first());
        assert_eq!(reduced.last(), whole.last());
    }

    #[test]
    fn runs_keep_their_first_extremes_and_last_in_order() {
        let reduced = envelope([(0.0, 5.0), (0.2, 9.0), (0.3, 1.0), (0.4, 4.0), (1.0, 4.0)]);
        assert_eq!(reduced, vec![(0, 5), (0, 9), (0, 1), (0, 4), (1, 4)]);
        // A line that goes down then up in one column keeps the low point before the high one.
        let reduced = envelope([(3.0, 5.0), (3.1, 1.0), (3.2, 9.0)]);
        assert_eq!(reduced, vec![(3, 5), (3, 1), (3, 9)]);
        // Repeated points are kept once; an empty trace stays empty.
        assert_eq!(envelope([(1.0, 1.0), (1.0, 1.0)]), vec![(1, 1)]);
        assert!(envelope([]).is_empty());
        // A smooth curve of 600 samples over 300 columns keeps at most what the columns need.
        let smooth =
            envelope((0..600).map(|i| (f64::from(i) / 2.0, 100.0 * (f64::from(i) / 90.0).sin())));
        assert!(smooth.len() <= 4 * 300, "{}", smooth.len());
    }
}
