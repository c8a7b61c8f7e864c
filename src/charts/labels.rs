//! Placing labels above a chart's marks: each label sits in one of a few
//! rows above the plot, with a vertical leader line down to its mark. A
//! placement is good when no two labels in a row touch and no leader line
//! crosses a label in a lower row. This is a small search, not a layout
//! engine: a handful of labels, three rows, three horizontal positions each
//! (centred over the mark, starting at it, ending at it); it looks for the
//! placement that leaves out the fewest labels, earlier labels first, and a
//! label that fits nowhere is left out rather than drawn over another.

/// A label to place: its width and the x of the mark it names, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted {
    pub width: i32,
    pub anchor: i32,
}

/// Where a label went: its row (0 nearest the plot) and left edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub row: usize,
    pub left: i32,
}

/// The room and the spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    /// Labels lie within `[left, right]`.
    pub left: i32,
    pub right: i32,
    pub rows: usize,
    /// Least space between two labels in a row.
    pub gap: i32,
    /// Least space between a leader line and a label it passes.
    pub leader_gap: i32,
    /// How far a label starting or ending at its mark reaches past it.
    pub overhang: i32,
}

struct Placed {
    row: usize,
    left: i32,
    right: i32,
    anchor: i32,
}

fn free(placed: &[Placed], room: &Room, row: usize, left: i32, wanted: Wanted) -> bool {
    let right = left + wanted.width;
    placed.iter().all(|p| {
        let apart = right + room.gap < p.left || p.right + room.gap < left;
        // A leader runs down from its label: the new one must pass clear of
        // every label below it, and every leader from above must pass clear
        // of the new label.
        let clear_below = p.row >= row
            || wanted.anchor + room.leader_gap < p.left
            || p.right + room.leader_gap < wanted.anchor;
        let clear_above =
            p.row <= row || p.anchor + room.leader_gap < left || right + room.leader_gap < p.anchor;
        (p.row != row || apart) && clear_below && clear_above
    })
}

fn candidates(wanted: Wanted, room: &Room) -> [i32; 3] {
    let clamp = |left: i32| left.clamp(room.left, (room.right - wanted.width).max(room.left));
    [
        clamp(wanted.anchor - wanted.width / 2),
        clamp(wanted.anchor - room.overhang),
        clamp(wanted.anchor + room.overhang - wanted.width),
    ]
}

/// Most placements tried before settling for the best found.
const BUDGET: usize = 20_000;

struct Search<'a> {
    labels: &'a [Wanted],
    room: &'a Room,
    tried: usize,
    best: Vec<Option<Spot>>,
    best_lost: Vec<usize>,
}

impl Search<'_> {
    fn visit(&mut self, i: usize, placed: &mut Vec<Placed>, chosen: &mut Vec<Option<Spot>>) {
        if self.best_lost.is_empty() && !self.best.is_empty() || self.tried > BUDGET {
            return;
        }
        self.tried += 1;
        let lost: Vec<usize> = (0..chosen.len()).filter(|&k| chosen[k].is_none()).collect();
        // Fewer losses win, then later ones: a placement that keeps earlier
        // (more important) labels is better. A partial placement that is
        // already worse cannot get better.
        let found = !self.best.is_empty();
        if found
            && (lost.len() > self.best_lost.len()
                || (lost.len() == self.best_lost.len() && lost < self.best_lost))
        {
            return;
        }
        let Some(&wanted) = self.labels.get(i) else {
            if !found || lost.len() < self.best_lost.len() || lost > self.best_lost {
                self.best = chosen.clone();
                self.best_lost = lost;
            }
            return;
        };
        for row in 0..self.room.rows {
            for left in candidates(wanted, self.room) {
                if free(placed, self.room, row, left, wanted) {
                    placed.push(Placed {
                        row,
                        left,
                        right: left + wanted.width,
                        anchor: wanted.anchor,
                    });
                    chosen.push(Some(Spot { row, left }));
                    self.visit(i + 1, placed, chosen);
                    chosen.pop();
                    placed.pop();
                }
            }
        }
        chosen.push(None);
        self.visit(i + 1, placed, chosen);
        chosen.pop();
    }
}

/// Places `labels` (in order of x) in `room`: a spot for each, or `None`
/// for one left out.
pub fn place(labels: &[Wanted], room: &Room) -> Vec<Option<Spot>> {
    let mut search = Search { labels, room, tried: 0, best: Vec::new(), best_lost: Vec::new() };
    search.visit(0, &mut Vec::new(), &mut Vec::new());
    if search.best.len() == labels.len() {
        search.best
    } else {
        vec![None; labels.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: Room = Room { left: 0, right: 1000, rows: 3, gap: 8, leader_gap: 3, overhang: 6 };

    /// Checks the two rules on a placement.
    fn valid(labels: &[Wanted], spots: &[Option<Spot>], room: &Room) {
        let placed: Vec<(Wanted, Spot)> =
            labels.iter().zip(spots).filter_map(|(w, s)| s.map(|s| (*w, s))).collect();
        for (i, (a, sa)) in placed.iter().enumerate() {
            assert!(sa.left >= room.left && sa.left + a.width <= room.right, "{sa:?} outside");
            for (b, sb) in &placed[i + 1..] {
                let (a_right, b_right) = (sa.left + a.width, sb.left + b.width);
                if sa.row == sb.row {
                    assert!(
                        a_right + room.gap < sb.left || b_right + room.gap < sa.left,
                        "{sa:?} {sb:?} touch"
                    );
                }
                // A leader from the higher label crosses no lower label.
                let (high, low, low_w) =
                    if sa.row > sb.row { (a, sb, b.width) } else { (b, sa, a.width) };
                if sa.row != sb.row {
                    let crosses = high.anchor + room.leader_gap >= low.left
                        && low.left + low_w + room.leader_gap >= high.anchor;
                    assert!(!crosses, "a leader at {} crosses {low:?}", high.anchor);
                }
            }
        }
    }

    #[test]
    fn close_marks_go_up_a_row_with_clear_leaders() {
        // The bundled timeline's right end: two names 35 px apart.
        let labels = [
            Wanted { width: 179, anchor: 840 },
            Wanted { width: 66, anchor: 983 },
            Wanted { width: 84, anchor: 1018 },
        ];
        let room = Room { left: 136, right: 1128, ..ROOM };
        let spots = place(&labels, &room);
        assert!(spots.iter().all(Option::is_some), "{spots:?}");
        valid(&labels, &spots, &room);
    }

    #[test]
    fn a_crowd_keeps_the_first_labels_and_never_overlaps() {
        let labels: Vec<Wanted> =
            (0..12).map(|i| Wanted { width: 150, anchor: 400 + i * 5 }).collect();
        let spots = place(&labels, &ROOM);
        valid(&labels, &spots, &ROOM);
        assert!(spots[0].is_some());
        assert!(spots.iter().filter(|s| s.is_some()).count() >= 2);
    }

    #[test]
    fn random_layouts_are_always_valid() {
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as i32
        };
        for _ in 0..200 {
            let mut labels: Vec<Wanted> = (0..(next() % 9))
                .map(|_| Wanted { width: 40 + next() % 200, anchor: next() % 1000 })
                .collect();
            labels.sort_by_key(|l| l.anchor);
            let spots = place(&labels, &ROOM);
            assert_eq!(spots.len(), labels.len());
            valid(&labels, &spots, &ROOM);
        }
    }
}
