//! Traces bounded by the pixels, and the element that strokes them.
//!
//! However many samples a trace has (a train of 10,000 pulses is 40,000), the backend is sent
//! few points. Of each run of consecutive samples in one pixel column only the first, the topmost,
//! the bottommost and the last count (the M4 reduction of Jugel et al., VLDB 2014). Where a
//! column's run spans more than the line is wide (a pulse train narrower than a column), the trace
//! is a band: its envelope, topmost and bottommost point per column, filled and outlined, which
//! covers the pixels a line through every sample would, at a fraction of the cost of rasterising
//! that zigzag. Elsewhere it is a line through the points a line within a quarter pixel of every
//! one of those needs, so that a smooth curve of hundreds of columns keeps tens of points.

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};
use std::ops::Range;

/// How far [backend pixels] a trace's line may pass from a point of its envelope.
const TOLERANCE: f64 = 0.25;

/// A stretch of a trace as it is drawn, in backend pixels.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) enum Shape {
    /// A polyline.
    Line(Vec<BackendCoord>),
    /// The closed outline of a band, filled and stroked like a line.
    Band(Vec<BackendCoord>),
}

/// The shapes of a trace through `points` [backend pixels] drawn `width` pixels wide: lines,
/// and bands where a column's points span more than `width`. Each line joins the bands beside it.
pub(super) fn trace_shapes(points: &mut dyn Iterator<Item = Vector>, width: f64) -> Vec<Shape> {
    let columns = columns(points);
    let dense = |r: &Run| r.bottom.0.1 - r.top.0.1 > width;
    let mut shapes = Vec::new();
    let mut start = 0;
    while let Some(first) = columns.get(start) {
        let band = dense(first);
        let end = start
            + columns[start..]
                .iter()
                .take_while(|r| dense(r) == band)
                .count();
        let stretch = &columns[start..end];
        shapes.push(if band {
            let mut outline = edge(&mut stretch.iter().map(|r| r.top.0));
            outline.extend(edge(&mut stretch.iter().rev().map(|r| r.bottom.0)));
            Shape::Band(outline)
        } else {
            let mut line = Vec::from_iter(start.checked_sub(1).map(|i| columns[i].last));
            for run in stretch {
                run.push_to(&mut line);
            }
            line.extend(columns.get(end).map(|r| r.first));
            Shape::Line(edge(&mut line.into_iter()))
        });
        start = end;
    }
    shapes
}

/// The outline [backend pixels] of the region that `points` (the samples of two or more curves,
/// in any order) cover in pixel columns `columns`: per column from the topmost point to the
/// bottommost, the tops left to right, then the bottoms back. A dip of the outline one column
/// wide is filled: the traces' lines, wider than a column, show nothing narrower either, and a
/// pulse train's samples can leave a column with its base only.
pub(super) fn band_between(
    points: &mut dyn Iterator<Item = Vector>,
    columns: Range<i32>,
) -> Vec<BackendCoord> {
    let mut extent: Vec<Option<(f64, f64)>> = vec![None; columns.len()];
    for (x, y) in points {
        let column = usize::try_from(x.round() as i64 - i64::from(columns.start)).ok();
        if let Some(e) = column.and_then(|c| extent.get_mut(c)) {
            *e = Some(e.map_or((y, y), |(top, bottom)| (top.min(y), bottom.max(y))));
        }
    }
    for c in 1..extent.len().saturating_sub(1) {
        if let (Some(before), Some(here), Some(after)) = (extent[c - 1], extent[c], extent[c + 1]) {
            extent[c] = Some((
                here.0.min(before.0.max(after.0)),
                here.1.max(before.1.min(after.1)),
            ));
        }
    }
    let x = |c: usize| f64::from(columns.start) + c as f64;
    let filled = extent
        .iter()
        .enumerate()
        .filter_map(|(c, e)| Some((x(c), (*e)?)));
    let mut outline = edge(&mut filled.clone().map(|(x, (top, _))| (x, top)));
    outline.extend(edge(&mut filled.rev().map(|(x, (_, bottom))| (x, bottom))));
    outline
}

/// `points` [backend pixels] simplified to what a line within the tolerance of every one of
/// them needs, in whole pixels.
fn edge(points: &mut dyn Iterator<Item = Vector>) -> Vec<BackendCoord> {
    let mut line: Vec<BackendCoord> = Vec::new();
    for (x, y) in simplify(points, |p| p, TOLERANCE) {
        let p = (x.round() as i32, y.round() as i32);
        if line.last() != Some(&p) {
            line.push(p);
        }
    }
    line
}

/// `points` grouped into runs of consecutive points in one pixel column.
fn columns(points: &mut dyn Iterator<Item = Vector>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for p in points {
        match out.last_mut() {
            Some(r) if r.column == p.0.round() => r.admit(p),
            _ => out.push(Run::new(p)),
        }
    }
    out
}

/// Consecutive points in one pixel column; `top` and `bottom` (the smallest and the largest pixel
/// y: the highest and the lowest value) with the order they were seen in.
struct Run {
    column: f64,
    first: Vector,
    top: (Vector, usize),
    bottom: (Vector, usize),
    last: Vector,
    seen: usize,
}

impl Run {
    fn new(p: Vector) -> Run {
        Run {
            column: p.0.round(),
            first: p,
            top: (p, 0),
            bottom: (p, 0),
            last: p,
            seen: 0,
        }
    }

    fn admit(&mut self, p: Vector) {
        self.seen += 1;
        if p.1 < self.top.0.1 {
            self.top = (p, self.seen);
        }
        if p.1 > self.bottom.0.1 {
            self.bottom = (p, self.seen);
        }
        self.last = p;
    }

    /// Appends the run's points, each once, in the order they were seen.
    fn push_to(&self, out: &mut Vec<Vector>) {
        let (a, b) = if self.top.1 <= self.bottom.1 {
            (self.top, self.bottom)
        } else {
            (self.bottom, self.top)
        };
        out.push(self.first);
        for (p, seen) in [a, b] {
            if seen > 0 {
                out.push(p);
            }
        }
        if self.seen > 0 && self.last != a.0 && self.last != b.0 {
            out.push(self.last);
        }
    }
}

/// The points of a line that a line within `tolerance` pixels of every point needs, where `at`
/// gives a point's place in pixels: the segment from each kept point to the next passes within
/// `tolerance` of every point between them. A smooth curve of hundreds of points keeps tens.
pub(super) fn simplify<T: Copy>(
    mut points: impl Iterator<Item = T>,
    at: impl Fn(T) -> Vector,
    tolerance: f64,
) -> Vec<T> {
    let mut kept = Vec::new();
    let Some(first) = points.next() else {
        return kept;
    };
    kept.push(first);
    // The last point seen, and whether it is to be kept if nothing follows.
    let (mut last, mut pending) = (first, false);
    let mut sleeve = Sleeve::new(at(first), tolerance);
    for p in points {
        if !sleeve.admit(at(p)) {
            kept.push(last);
            sleeve = Sleeve::new(at(last), tolerance);
            sleeve.admit(at(p));
        }
        (last, pending) = (p, true);
    }
    if pending {
        kept.push(last);
    }
    kept
}

/// A point or a direction in backend pixels.
pub type Vector = (f64, f64);

fn cross(a: Vector, b: Vector) -> f64 {
    a.0 * b.1 - a.1 * b.0
}

/// The segments from an anchor point that pass within a tolerance of every point admitted so
/// far: their directions form a cone (less than a half turn), narrowed by each point. Admitted
/// points also move away from the anchor, so that each lies beside the segment, not beyond its end.
struct Sleeve {
    anchor: Vector,
    tolerance: f64,
    /// The cone's clockwise and counter-clockwise edges; `None` while it is unbounded.
    edges: Option<(Vector, Vector)>,
    /// Squared distance of the farthest point admitted.
    farthest: f64,
}

impl Sleeve {
    fn new(anchor: Vector, tolerance: f64) -> Self {
        Sleeve {
            anchor,
            tolerance,
            edges: None,
            farthest: 0.0,
        }
    }

    /// Whether a segment from the anchor through `p` passes within the tolerance of every point
    /// admitted before; if so, `p` is admitted. A new sleeve admits any point.
    fn admit(&mut self, p: Vector) -> bool {
        let d = (p.0 - self.anchor.0, p.1 - self.anchor.1);
        let r2 = d.0 * d.0 + d.1 * d.1;
        let t2 = self.tolerance * self.tolerance;
        if r2 < self.farthest {
            return false;
        }
        self.farthest = r2;
        if r2 <= t2 {
            // Within the tolerance of every segment from the anchor.
            return true;
        }
        // The directions that pass within the tolerance of `p`: `d` turned by ± asin(t / r).
        let sin = (t2 / r2).sqrt();
        let cos = (1.0 - sin * sin).sqrt();
        let cw = (d.0 * cos + d.1 * sin, d.1 * cos - d.0 * sin);
        let ccw = (d.0 * cos - d.1 * sin, d.1 * cos + d.0 * sin);
        self.edges = match self.edges {
            None => Some((cw, ccw)),
            Some((lo, hi)) if cross(lo, d) >= 0.0 && cross(d, hi) >= 0.0 => Some((
                if cross(lo, cw) > 0.0 { cw } else { lo },
                if cross(ccw, hi) > 0.0 { ccw } else { hi },
            )),
            Some(_) => return false,
        };
        true
    }
}

/// A polyline in backend pixels.
pub(super) struct Line<'a> {
    points: &'a [BackendCoord],
    style: ShapeStyle,
}

impl<'a> Line<'a> {
    pub(super) fn new(points: &'a [BackendCoord], style: ShapeStyle) -> Self {
        Line { points, style }
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
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        backend.draw_path(self.points.iter().copied(), &self.style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `points` reduced to at most four per run of consecutive points in one pixel column: the
    /// first, the topmost, the bottommost and the last, in the order they came.
    fn envelope(points: impl IntoIterator<Item = Vector>) -> Vec<Vector> {
        let mut out = Vec::new();
        for run in columns(&mut points.into_iter()) {
            run.push_to(&mut out);
        }
        out
    }

    #[test]
    fn a_pulse_train_narrower_than_a_pixel_is_its_envelope() {
        // 10,000 square pulses over 500 columns: 40,000 points, 80 per column.
        let points: Vec<Vector> = (0..40_000)
            .map(|i| {
                let x = 500.0 * f64::from(i / 2) / 20_000.0;
                let y = if (i / 2) % 2 == 0 { 300.0 } else { 20.0 };
                (x, y)
            })
            .collect();
        let column = |p: &Vector| p.0.round() as i64;
        let extent = |points: &[Vector]| {
            let mut out = std::collections::BTreeMap::new();
            for p in points {
                let e = out.entry(column(p)).or_insert((p.1, p.1));
                *e = (e.0.min(p.1), e.1.max(p.1));
            }
            out
        };
        let reduced = envelope(points.iter().copied());
        assert!(reduced.len() <= 4 * 501, "{} points", reduced.len());
        assert_eq!(
            extent(&reduced),
            extent(&points),
            "min and max of every column"
        );
        assert_eq!(reduced.first(), points.first());
        assert_eq!(reduced.last(), points.last());
        // Drawn as one band from the lowest to the highest point of every column: four corners
        // (a column is about 0.1 pixel from each end), not a zigzag through 2,000 points.
        let shapes = trace_shapes(&mut points.iter().copied(), 2.0);
        let corners = vec![(0, 20), (500, 20), (500, 300), (0, 300)];
        assert_eq!(shapes, [Shape::Band(corners)]);
    }

    #[test]
    fn a_line_joins_the_bands_beside_it() {
        // A ramp, a pulse train narrower than a column, then a ramp down.
        let mut points: Vec<Vector> = (0..=100)
            .map(|i| (f64::from(i), 300.0 - f64::from(i)))
            .collect();
        points.extend((0..4000).map(|i| {
            let x = 100.0 + 100.0 * f64::from(i / 2) / 2000.0;
            (x, if (i / 2) % 2 == 0 { 200.0 } else { 50.0 })
        }));
        points.extend((0..=100).map(|i| (200.0 + f64::from(i), 200.0 + f64::from(i) / 2.0)));
        let shapes = trace_shapes(&mut points.iter().copied(), 2.0);
        let [Shape::Line(up), Shape::Band(band), Shape::Line(down)] = &shapes[..] else {
            panic!("{shapes:?}");
        };
        // Each line runs into the band's first or last column.
        assert_eq!(up.first(), Some(&(0, 300)));
        assert_eq!(up.last(), Some(&(100, 200)));
        assert_eq!(down.first(), Some(&(200, 200)));
        assert_eq!(down.last(), Some(&(300, 250)));
        // Its top at the pulses' peak (y = 50) and its bottom at their base (y = 200), from the
        // band's first column to its last: the corners only.
        assert_eq!(band, &[(100, 50), (200, 50), (200, 200), (100, 200)]);
    }

    #[test]
    fn a_band_between_curves_spans_them_all_in_each_column_in_any_order() {
        let zigzag = [
            (0.0, 5.0),
            (0.2, 9.0),
            (0.4, 1.0),
            (1.0, 6.0),
            (1.2, 8.0),
            (2.0, 6.0),
        ];
        let flat = [(0.0, 7.0), (1.0, 7.0), (2.0, 7.0)];
        let outline = band_between(&mut zigzag.iter().chain(&flat).copied(), 0..3);
        // Bottoms (2, 7), (1, 8), (0, 9) lie on one line: its middle point is not needed.
        assert_eq!(outline, [(0, 1), (1, 6), (2, 6), (2, 7), (0, 9)]);
        assert_eq!(
            band_between(&mut flat.iter().chain(&zigzag).copied(), 0..3),
            outline
        );
        // A column that only reached the base of pulses between two that reach their peaks.
        let notched = [(0.0, 1.0), (0.0, 9.0), (1.0, 9.0), (2.0, 1.0), (2.0, 9.0)];
        assert_eq!(
            band_between(&mut notched.into_iter(), 0..3),
            [(0, 1), (2, 1), (2, 9), (0, 9)]
        );
        // Columns outside the plot area are left out.
        assert_eq!(
            band_between(&mut zigzag.iter().chain(&flat).copied(), 1..2),
            [(1, 6), (1, 8)]
        );
    }

    #[test]
    fn runs_keep_their_first_extremes_and_last_in_order() {
        let run = [(0.0, 5.0), (0.2, 9.0), (0.3, 1.0), (0.4, 4.0), (1.0, 4.0)];
        assert_eq!(envelope(run), run.to_vec());
        // A line that goes down then up in one column keeps the low point before the high one.
        assert_eq!(
            envelope([(3.0, 5.0), (3.1, 1.0), (3.2, 9.0), (3.3, 8.0), (3.4, 7.0)]).len(),
            4
        );
        assert_eq!(envelope([(1.0, 1.0)]), vec![(1.0, 1.0)]);
        assert!(envelope([]).is_empty());
        // A straight line and a smooth curve are lines of a few points, in whole pixels.
        let straight = trace_shapes(
            &mut (0..400).map(|i| (f64::from(i), 7.0 + f64::from(i) / 2.0)),
            2.0,
        );
        assert_eq!(straight, [Shape::Line(vec![(0, 7), (399, 207)])]);
        let smooth = trace_shapes(
            &mut (0..600).map(|i| (f64::from(i) / 2.0, 100.0 * (f64::from(i) / 90.0).sin())),
            2.0,
        );
        let [Shape::Line(smooth)] = &smooth[..] else {
            panic!("{smooth:?}");
        };
        assert!(smooth.len() < 60, "{}", smooth.len());
    }

    /// Distance from `p` to the segment `a`–`b`.
    fn to_segment(p: Vector, a: Vector, b: Vector) -> f64 {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len2 = dx * dx + dy * dy;
        let t = if len2 == 0.0 {
            0.0
        } else {
            (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
        };
        (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
    }

    /// Simplifies `points` and checks that both ends are kept, and that every point dropped
    /// lies within `tolerance` of the segment between the kept points around it. Returns how
    /// many were kept.
    fn check(points: &[Vector], tolerance: f64) -> usize {
        let kept = simplify(points.iter().copied().enumerate(), |(_, p)| p, tolerance);
        let kept: Vec<usize> = kept.into_iter().map(|(i, _)| i).collect();
        if points.is_empty() {
            assert!(kept.is_empty());
            return 0;
        }
        assert_eq!(kept.first(), Some(&0));
        assert_eq!(kept.last(), Some(&(points.len() - 1)));
        for pair in kept.windows(2) {
            assert!(pair[0] < pair[1] || points.len() == 1, "{pair:?}");
            let (a, b) = (points[pair[0]], points[pair[1]]);
            for p in &points[pair[0] + 1..pair[1]] {
                let d = to_segment(*p, a, b);
                assert!(d <= tolerance + 1e-9, "{p:?} is {d} px from {a:?}–{b:?}");
            }
        }
        kept.len()
    }

    #[test]
    fn simplified_lines_stay_within_the_tolerance_of_every_point() {
        // Smooth curves of 600 points over 300 pixel columns, with turns, a kink, a flat and an
        // oscillation at the scale of pixels.
        let curves: [fn(f64) -> f64; 4] = [
            |t| 300.0 * (t / 100.0).sin(),
            |t| 0.002 * (t - 300.0).powi(3) / 300.0,
            |t| if t < 200.0 { 0.0 } else { (t - 200.0) * 1.7 },
            |t| 4.0 * ((t / 2.0).sin() + (t / 3.0).cos()),
        ];
        let mut kept = Vec::new();
        for curve in curves {
            let points: Vec<Vector> = (0..600)
                .map(|i| (f64::from(i) / 2.0, 500.0 - curve(f64::from(i))))
                .collect();
            for tolerance in [0.25, 1.0] {
                kept.push(check(&points, tolerance));
            }
        }
        // The smooth curves keep a small part of their points; the kinked line its three.
        assert!(kept[0] < 60 && kept[2] < 60 && kept[4] == 3, "{kept:?}");
        // A line that doubles back on itself keeps its turning point.
        let back: Vec<Vector> = (0..40)
            .chain((0..40).rev())
            .map(|x| (f64::from(x), 5.0))
            .collect();
        assert_eq!(check(&back, 0.25), 3);
        // A deterministic pseudo-random walk: most points are corners.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let walk: Vec<Vector> = (0..2000)
            .scan((0.0, 0.0), |p: &mut Vector, _| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                p.0 += (state % 3) as f64 - 1.0;
                p.1 += ((state >> 8) % 5) as f64 - 2.0;
                Some(*p)
            })
            .collect();
        check(&walk, 0.25);
        // A straight line keeps its ends; repeated points and the shortest lines are kept whole.
        let line: Vec<Vector> = (0..100)
            .map(|i| (3.0 * f64::from(i), 7.0 - f64::from(i)))
            .collect();
        assert_eq!(check(&line, 0.25), 2);
        assert_eq!(check(&[(1.0, 1.0)], 0.25), 1);
        assert_eq!(check(&[], 0.25), 0);
        assert_eq!(check(&[(1.0, 1.0), (1.0, 1.0)], 0.25), 2);
    }
}
