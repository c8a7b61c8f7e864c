//! The phase test: where in the cycle between two events do announcements fall?
//!
//! For an announcement on day `a` with the group's previous event day
//! `E_prev <= a` and next event day `E_next > a`, its phase is
//! `theta = 2 pi (a - E_prev) / (E_next - E_prev)`: 0 just after an event,
//! close to `2 pi` just before the next one. Both ends are "near an event", so
//! clustering toward events shows as a mean direction near 0 (= 2 pi).
//!
//! Null model: phases uniform on the circle (announcements ignore the cycle).
//! Rayleigh test of uniformity against any single preferred direction:
//! `z = n Rbar^2` with the approximation `p = exp(sqrt(1 + 4n + 4(n^2 - R^2)) - (1 + 2n))`
//! (Zar 2010, eq. 27.4), `R = n Rbar`. The V-test (Durand and Greenwood 1958)
//! asks about one direction given in advance, the event (`mu0 = 0`):
//! `V = R cos(mean - mu0)`, `u = V sqrt(2/n)`, `p = 1 - Phi(u)`.
//!
//! Caveat: the phase treats the whole gap between events as one cycle, so a
//! week before an election in a five-year gap and a week before one in a
//! one-year gap get different phases. The peri-event histogram, in days, is
//! the complement.
//!
//! References: J. H. Zar (2010), *Biostatistical Analysis*, 5th ed., ch. 27;
//! D. Durand and J. A. Greenwood (1958), *J. Geology* 66, 229-238.

use statrs::distribution::{ContinuousCDF, Normal};

/// Outcome of the phase test for one group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseTest {
    pub n: u64,
    /// Mean direction in `[0, 2 pi)`; `None` when `n = 0` or the resultant vanishes.
    pub mean_phase: Option<f64>,
    pub resultant_length: Option<f64>,
    pub rayleigh_z: Option<f64>,
    pub p_rayleigh: Option<f64>,
    pub v_statistic: Option<f64>,
    pub v_u: Option<f64>,
    pub p_v: Option<f64>,
}

/// Phases of announcements between two events. `days` are announcement day
/// numbers with weights, `events` the group's sorted, distinct event days (any
/// integer day numbering shared with `days`). Announcements before the first
/// or on/after the last event have no phase and are left out.
pub fn phases(days: &[(i64, u64)], events: &[i64]) -> Vec<(f64, u64)> {
    days.iter()
        .filter_map(|&(a, weight)| {
            let next = events.partition_point(|&e| e <= a);
            let (prev, next) = (events.get(next.checked_sub(1)?)?, events.get(next)?);
            let phase = std::f64::consts::TAU * (a - prev) as f64 / (next - prev) as f64;
            Some((phase, weight))
        })
        .collect()
}

/// Rayleigh and V tests of weighted phases (a weight of `k` counts a phase `k` times).
pub fn phase_test(phases: &[(f64, u64)]) -> PhaseTest {
    let n: u64 = phases.iter().map(|p| p.1).sum();
    let empty = PhaseTest {
        n,
        mean_phase: None,
        resultant_length: None,
        rayleigh_z: None,
        p_rayleigh: None,
        v_statistic: None,
        v_u: None,
        p_v: None,
    };
    if n == 0 {
        return empty;
    }
    let (c, s) = phases.iter().fold((0.0, 0.0), |(c, s), &(theta, w)| {
        (c + w as f64 * theta.cos(), s + w as f64 * theta.sin())
    });
    let nf = n as f64;
    let r = c.hypot(s);
    let rbar = r / nf;
    let p_rayleigh =
        ((1.0 + 4.0 * nf + 4.0 * (nf * nf - r * r)).sqrt() - (1.0 + 2.0 * nf)).exp().min(1.0);
    let mean = if r > 1e-12 * nf {
        let m = s.atan2(c).rem_euclid(std::f64::consts::TAU);
        Some(if m >= std::f64::consts::TAU { 0.0 } else { m })
    } else {
        None
    };
    let v = mean.map_or(0.0, |m| r * m.cos());
    let u = v * (2.0 / nf).sqrt();
    let p_v = Normal::new(0.0, 1.0).ok().map(|normal| normal.sf(u));
    PhaseTest {
        n,
        mean_phase: mean,
        resultant_length: Some(rbar),
        rayleigh_z: Some(nf * rbar * rbar),
        p_rayleigh: Some(p_rayleigh),
        v_statistic: Some(v),
        v_u: Some(u),
        p_v,
    }
}

/// Weighted counts of phases in `sectors` equal sectors of the circle,
/// sector `k` covering `[2 pi k / sectors, 2 pi (k + 1) / sectors)`.
pub fn sector_counts(phases: &[(f64, u64)], sectors: usize) -> Vec<u64> {
    let mut counts = vec![0u64; sectors.max(1)];
    for &(theta, w) in phases {
        let k = ((theta / std::f64::consts::TAU) * sectors as f64).floor() as usize;
        counts[k.min(sectors.max(1) - 1)] += w;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    #[test]
    fn phases_run_from_the_previous_event_and_exclude_the_edges() {
        let events = [10, 20, 40];
        let p = phases(&[(5, 1), (10, 1), (15, 2), (30, 1), (40, 1)], &events);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], (0.0, 1));
        assert!((p[1].0 - PI).abs() < 1e-15 && p[1].1 == 2);
        assert!((p[2].0 - PI).abs() < 1e-15);
    }

    #[test]
    fn concentrated_phases_reject_uniformity_and_point_at_the_event() {
        let phases: Vec<(f64, u64)> = [0.1, 6.2, 0.05, 6.25, 0.0].iter().map(|&p| (p, 1)).collect();
        let t = phase_test(&phases);
        let mean = t.mean_phase.unwrap();
        assert!(!(0.1..=6.1).contains(&mean), "{mean}");
        assert!(t.resultant_length.unwrap() > 0.99);
        assert!(t.p_v.unwrap() < 0.01 && t.p_rayleigh.unwrap() < 0.01);
    }

    #[test]
    fn sectors_split_the_circle_evenly() {
        let counts = sector_counts(&[(0.0, 1), (PI, 2), (6.2, 1)], 4);
        assert_eq!(counts, [1, 0, 2, 1]);
    }

    #[test]
    fn opposite_phases_cancel() {
        let t = phase_test(&[(0.0, 1), (PI, 1)]);
        assert!(t.mean_phase.is_none());
        assert!(t.resultant_length.unwrap() < 1e-12);
        assert!(phase_test(&[]).p_rayleigh.is_none());
    }
}
