//! Traces and legend swatches as polylines at sub-pixel positions, solid or dashed, and how a
//! backend strokes them.

use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// A drawing backend that strokes polylines given in backend pixels. By default the points are
/// rounded to whole pixels, and each dash is drawn as a line of its own, as plotters does. A
/// canvas strokes them where they are, and dashes a whole line at once (`setLineDash`), several
/// times faster than a dash per call.
pub trait Polylines: DrawingBackend {
    /// Strokes a line through `points`, solid or in dashes of (dash, gap) pixels.
    fn draw_polyline(
        &mut self,
        points: &[Vector],
        dashes: Option<(u32, u32)>,
        style: &ShapeStyle,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let path = points
            .iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32));
        match dashes {
            None => self.draw_path(path, style),
            Some((dash, gap)) => {
                // The element dashes the backend points it is given; its own are never read.
                let size = self.get_size();
                DashedPathElement::new(std::iter::empty::<BackendCoord>(), dash, gap, *style)
                    .draw(path, self, size)
            }
        }
    }
}

impl Polylines for SVGBackend<'_> {}

/// A polyline in backend pixels: solid, or in dashes of (dash, gap) pixels.
pub(super) struct Line<'a> {
    points: &'a [Vector],
    dashes: Option<(u32, u32)>,
    style: ShapeStyle,
}

impl<'a> Line<'a> {
    pub(super) fn new(points: &'a [Vector], dashes: Option<(u32, u32)>, style: ShapeStyle) -> Self {
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

impl<DB: Polylines> Drawable<DB> for Line<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        _: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        backend.draw_polyline(self.points, self.dashes, &self.style)
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

#[cfg(test)]
mod tests {
    use super::*;

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
