//! Poisson regression of daily announcement counts, with robust standard errors.
//!
//! Model: `y_t ~ Poisson(mu_t)`, `log mu_t = b0 + b1 (t / 365.25) + sum_k g_k x_kt`,
//! for every day `t` of the period, where each `x_k` is a 0/1 indicator of
//! "inside a window of W days before/after an event of group g" (and,
//! optionally, year, month or weekday dummies). `exp(g_k)` is the incidence
//! rate ratio (IRR): how many times more announcements per day inside the
//! windows than outside, holding the trend (and fixed effects) fixed. Unlike
//! the window test, this controls for the rise in announcements over time.
//!
//! Fitting: iteratively reweighted least squares (McCullagh and Nelder 1989,
//! ch. 2) with step halving whenever the deviance rises, to convergence of the
//! deviance. Standard errors are sandwich estimates, because daily counts are
//! overdispersed and autocorrelated (announcements come in bursts):
//! HC0, `(X'WX)^-1 (sum_t s_t s_t') (X'WX)^-1` with score `s_t = x_t (y_t - mu_t)`
//! (White 1980), and Newey-West HAC with a Bartlett kernel of `L` lags,
//! whose meat adds `sum_{l=1..L} (1 - l/(L+1)) (G_l + G_l')` with
//! `G_l = sum_t s_t s_{t-l}'` (Newey and West 1987), no small-sample correction
//! (statsmodels' `cov_type="HAC"` with `use_correction=False`).
//!
//! A term that covers no announcement (or only announcements) has no finite
//! estimate (separation): it is reported as not estimable with the reason and
//! left out of the fit, rather than given a huge coefficient.
//!
//! References: P. McCullagh and J. A. Nelder (1989), *Generalized Linear
//! Models*, 2nd ed.; H. White (1980), *Econometrica* 48, 817-838; W. K. Newey
//! and K. D. West (1987), *Econometrica* 55, 703-708; R. Durante and
//! E. Zhuravskaya (2018), "Attack when the world is not watching?", *J. Political
//! Economy* 126(3), 1085-1133 (Newey-West errors for strategic timing).

use nalgebra::{DMatrix, DVector};
use statrs::distribution::{ContinuousCDF, Normal};

/// The 97.5% quantile of the standard normal (scipy.stats.norm.ppf(0.975)).
pub const Z_975: f64 = 1.959_963_984_540_054;

/// One design column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub values: Vec<f64>,
    /// 0/1 indicator (checked for separation before fitting).
    pub indicator: bool,
}

/// Inference for one coefficient under one covariance estimator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inference {
    pub se: f64,
    pub z: f64,
    pub p_value: f64,
    pub irr_low: f64,
    pub irr_high: f64,
}

impl Inference {
    fn new(coef: f64, variance: f64) -> Option<Self> {
        let se = variance.sqrt();
        if !se.is_finite() || se <= 0.0 {
            return None;
        }
        let z = coef / se;
        let normal = Normal::new(0.0, 1.0).ok()?;
        Some(Inference {
            se,
            z,
            p_value: 2.0 * normal.sf(z.abs()),
            irr_low: (coef - Z_975 * se).exp(),
            irr_high: (coef + Z_975 * se).exp(),
        })
    }
}

/// One row of the regression table.
#[derive(Debug, Clone, PartialEq)]
pub struct Coefficient {
    pub term: String,
    /// `None` when not estimable; `note` says why.
    pub coef: Option<f64>,
    pub hc0: Option<Inference>,
    pub hac: Option<Inference>,
    pub note: String,
}

/// A fitted model (or the reasons it could not be fitted).
#[derive(Debug, Clone, PartialEq)]
pub struct PoissonFit {
    pub coefficients: Vec<Coefficient>,
    pub iterations: usize,
    pub converged: bool,
    pub deviance: Option<f64>,
    pub hac_lags: usize,
}

const MAX_ITERATIONS: usize = 100;
/// Largest design matrix fitted (days x columns), to keep memory bounded (~400 MB).
pub const MAX_DESIGN_CELLS: usize = 50_000_000;

/// Default lags of the Newey-West standard errors: a week, the length of
/// the bursts announcements come in.
pub const DEFAULT_HAC_LAGS: usize = 7;

fn deviance(y: &[f64], mu: &[f64]) -> f64 {
    2.0 * y
        .iter()
        .zip(mu)
        .map(|(&y, &m)| if y > 0.0 { y * (y / m).ln() - (y - m) } else { m })
        .sum::<f64>()
}

/// Fits the Poisson regression of `y` on `columns` (the first should be the intercept).
pub fn poisson_regression(y: &[f64], columns: &[Column], hac_lags: usize) -> PoissonFit {
    let mut rows: Vec<Coefficient> = columns
        .iter()
        .map(|c| Coefficient {
            term: c.name.clone(),
            coef: None,
            hc0: None,
            hac: None,
            note: String::new(),
        })
        .collect();
    let total: f64 = y.iter().sum();
    // Separation and empty terms: left out of the fit, with the reason.
    let mut used = Vec::new();
    for (k, column) in columns.iter().enumerate() {
        if column.indicator {
            let inside: f64 =
                column.values.iter().zip(y).filter(|(&x, _)| x > 0.5).map(|(_, &y)| y).sum();
            let days_in = column.values.iter().filter(|&&x| x > 0.5).count();
            let note = if days_in == 0 {
                Some("not estimable: the term covers no day of the period")
            } else if days_in == y.len() {
                Some("not estimable: the term covers every day of the period")
            } else if inside == 0.0 {
                Some("not estimable: no announcement on the days this term covers (separation; the estimate would be minus infinity)")
            } else if inside == total {
                Some(
                    "not estimable: every announcement falls on days this term covers (separation)",
                )
            } else {
                None
            };
            if let Some(note) = note {
                rows[k].note = note.into();
                continue;
            }
        }
        used.push(k);
    }
    let fail = |mut rows: Vec<Coefficient>, note: &str, iterations| {
        for (k, row) in rows.iter_mut().enumerate() {
            if used.contains(&k) {
                row.note = note.into();
            }
        }
        PoissonFit { coefficients: rows, iterations, converged: false, deviance: None, hac_lags }
    };
    let n = y.len();
    if n.saturating_mul(used.len()) > MAX_DESIGN_CELLS {
        return fail(rows, "not estimable here: too many days x terms for the design matrix (use fewer fixed effects or a shorter period)", 0);
    }
    if total <= 0.0 || n == 0 {
        return fail(rows, "not estimable: there are no announcements to model", 0);
    }
    let p = used.len();
    let x = DMatrix::from_fn(n, p, |t, j| columns[used[j]].values[t]);
    let yv = DVector::from_column_slice(y);
    let mut beta = DVector::zeros(p);
    if let Some(intercept) = used.iter().position(|&k| columns[k].name == "intercept") {
        beta[intercept] = (total / n as f64).ln();
    }
    let mu_of = |beta: &DVector<f64>| -> Vec<f64> { (&x * beta).iter().map(|e| e.exp()).collect() };
    let mut mu = mu_of(&beta);
    let mut dev = deviance(y, &mu);
    let mut converged = false;
    let mut iterations = 0;
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        let eta = &x * &beta;
        let w = DVector::from_vec(mu.clone());
        let z = DVector::from_fn(n, |t, _| eta[t] + (yv[t] - mu[t]) / mu[t]);
        let xtw = DMatrix::from_fn(p, n, |j, t| x[(t, j)] * w[t]);
        let Some(cholesky) = (&xtw * &x).cholesky() else {
            return fail(rows, "not estimable: the terms are collinear", iterations);
        };
        let mut next = cholesky.solve(&(&xtw * &z));
        let mut next_mu = mu_of(&next);
        let mut next_dev = deviance(y, &next_mu);
        let mut halvings = 0;
        let rises = |next_dev: f64| next_dev.is_nan() || next_dev > dev * (1.0 + 1e-15) + 1e-12;
        while rises(next_dev) && halvings < 40 {
            next = (&beta + &next) * 0.5;
            next_mu = mu_of(&next);
            next_dev = deviance(y, &next_mu);
            halvings += 1;
        }
        let change = (dev - next_dev).abs();
        beta = next;
        mu = next_mu;
        let previous = dev;
        dev = next_dev;
        if change <= 1e-11 * (previous.abs() + 0.1) {
            converged = true;
            break;
        }
    }
    if !converged || beta.iter().any(|b| !b.is_finite()) {
        return fail(
            rows,
            &format!("not estimable: the fit did not converge in {MAX_ITERATIONS} iterations"),
            iterations,
        );
    }
    // Sandwich covariances.
    let xtwx: DMatrix<f64> =
        DMatrix::from_fn(p, p, |i, j| (0..n).map(|t| x[(t, i)] * x[(t, j)] * mu[t]).sum::<f64>());
    let Some(bread) = xtwx.try_inverse() else {
        return fail(rows, "not estimable: the terms are collinear", iterations);
    };
    let scores = DMatrix::from_fn(n, p, |t, j| x[(t, j)] * (y[t] - mu[t]));
    let meat_hc0: DMatrix<f64> = scores.transpose() * &scores;
    let mut meat_hac = meat_hc0.clone();
    for lag in 1..=hac_lags.min(n.saturating_sub(1)) {
        let weight = 1.0 - lag as f64 / (hac_lags as f64 + 1.0);
        let gamma = scores.rows(lag, n - lag).transpose() * scores.rows(0, n - lag);
        meat_hac += (&gamma + gamma.transpose()) * weight;
    }
    let cov_hc0: DMatrix<f64> = &bread * meat_hc0 * &bread;
    let cov_hac: DMatrix<f64> = &bread * meat_hac * &bread;
    for (j, &k) in used.iter().enumerate() {
        let coef = beta[j];
        rows[k].coef = Some(coef);
        rows[k].hc0 = Inference::new(coef, cov_hc0[(j, j)]);
        rows[k].hac = Inference::new(coef, cov_hac[(j, j)]);
        if rows[k].hc0.is_none() {
            rows[k].note =
                "standard error not available (zero or negative variance estimate)".into();
        }
    }
    PoissonFit { coefficients: rows, iterations, converged: true, deviance: Some(dev), hac_lags }
}

/// The design of the regression: intercept, trend (`t / 365.25`), one
/// indicator per window term, then the requested calendar fixed effects
/// (dummies, first level left out). A term naming a group that does not exist
/// gets an all-zero column (reported as not estimable).
pub fn design(
    period: &crate::model::Period,
    groups: &[crate::model::EventGroup],
    terms: &[crate::model::RegressionTerm],
    fixed_effects: &[crate::model::FixedEffect],
) -> Vec<Column> {
    use chrono::Datelike;
    let t = period.days();
    let mut columns = vec![
        Column { name: "intercept".into(), values: vec![1.0; t], indicator: false },
        Column {
            name: "trend".into(),
            values: (0..t).map(|d| d as f64 / 365.25).collect(),
            indicator: false,
        },
    ];
    for term in terms {
        let values = match groups.iter().find(|g| g.name == term.group) {
            Some(group) => {
                let days = group.day_indices(period);
                super::window::covered_mask(&days, t, term.direction, term.window_days)
                    .into_iter()
                    .map(|c| if c { 1.0 } else { 0.0 })
                    .collect()
            }
            None => vec![0.0; t],
        };
        columns.push(Column { name: term.name.clone(), values, indicator: true });
    }
    let dates: Vec<chrono::NaiveDate> =
        (0..t).map(|d| period.start + chrono::Duration::days(d as i64)).collect();
    for effect in fixed_effects {
        let (prefix, levels): (&str, Vec<(String, i64)>) = match effect {
            crate::model::FixedEffect::Year => (
                "year",
                (period.start.year() + 1..=period.end.year())
                    .map(|y| (y.to_string(), i64::from(y)))
                    .collect(),
            ),
            crate::model::FixedEffect::Month => {
                ("month", (2..=12).map(|m| (format!("{m:02}"), m)).collect())
            }
            crate::model::FixedEffect::Weekday => (
                "weekday",
                ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
                    .iter()
                    .zip(1..)
                    .map(|(d, i)| (d.to_string(), i))
                    .collect(),
            ),
        };
        for (label, level) in levels {
            let values = dates
                .iter()
                .map(|d| {
                    let value = match effect {
                        crate::model::FixedEffect::Year => i64::from(d.year()),
                        crate::model::FixedEffect::Month => i64::from(d.month()),
                        crate::model::FixedEffect::Weekday => {
                            i64::from(d.weekday().num_days_from_monday())
                        }
                    };
                    if value == level {
                        1.0
                    } else {
                        0.0
                    }
                })
                .collect();
            columns.push(Column { name: format!("{prefix}_{label}"), values, indicator: true });
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, values: Vec<f64>, indicator: bool) -> Column {
        Column { name: name.into(), values, indicator }
    }

    #[test]
    fn a_single_indicator_recovers_the_ratio_of_rates() {
        // Rate 1 outside, 3 inside: the MLE of the IRR is the ratio of the means.
        let y = [1.0, 0.0, 2.0, 1.0, 3.0, 4.0, 2.0, 3.0];
        let x = vec![0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        let fit = poisson_regression(
            &y,
            &[column("intercept", vec![1.0; 8], false), column("inside", x, true)],
            1,
        );
        assert!(fit.converged);
        let irr = fit.coefficients[1].coef.unwrap().exp();
        assert!((irr - 12.0 / 4.0).abs() < 1e-10, "{irr}");
        let intercept = fit.coefficients[0].coef.unwrap().exp();
        assert!((intercept - 1.0).abs() < 1e-10);
    }

    #[test]
    fn separation_is_reported_not_fitted() {
        let y = [1.0, 0.0, 2.0, 0.0];
        let fit = poisson_regression(
            &y,
            &[
                column("intercept", vec![1.0; 4], false),
                column("empty", vec![0.0, 1.0, 0.0, 1.0], true),
                column("nothing", vec![0.0; 4], true),
            ],
            2,
        );
        assert!(fit.coefficients[0].coef.is_some());
        assert!(
            fit.coefficients[1].coef.is_none() && fit.coefficients[1].note.contains("separation")
        );
        assert!(fit.coefficients[2].note.contains("covers no day"));
    }

    #[test]
    fn no_announcements_at_all_is_not_a_panic() {
        let fit = poisson_regression(&[0.0; 5], &[column("intercept", vec![1.0; 5], false)], 7);
        assert!(!fit.converged);
        assert!(fit.coefficients[0].note.contains("no announcements"));
    }
}
