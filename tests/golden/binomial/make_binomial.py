#!/usr/bin/env python3
"""Reference values of the binomial upper tail P(X >= x), X ~ Binomial(n, p),
for `binomial_upper_tail` in src/stats/window.rs. Writes upper_tail.csv here.

Every p is a double and is taken exactly (mpmath.mpf(float) and
fractions.Fraction(float) are exact), so the references are the true tails at
the very p the Rust code receives.

- n <= 60: the exact rational sum over k >= x of C(n,k) p^k (1-p)^(n-k)
  (fractions.Fraction), rounded once at the end.
- larger n: mpmath at 50 significant digits. pmf(k) is exp(ln C(n,k) + k ln p
  + (n-k) ln(1-p)) with ln C from mpmath.loggamma; the smaller side is summed
  (upward from x when x > np, else 1 - the sum downward from x-1), each term
  from the ratio pmf(k+1)/pmf(k) = (n-k)/(k+1) p/(1-p) with an exact
  re-evaluation every 1000 terms, until the terms fall below 1e-45 of the sum.
  Checks: where the tail exceeds 1e-15, the other side (1 - P(X <= x-1), or
  the upward sum) must agree to 1e-25 relative, which also checks that the pmf
  sums to 1; for n <= 10000, mpmath.betainc (a different method: the
  regularized incomplete beta, P(X >= x) = I_p(x, n-x+1)) must agree to 1e-25
  (it is too slow for larger n).

Usage: python3 make_binomial.py   (needs mpmath; any version >= 1.0)
"""

import csv
import math
import os
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))


def exact_small(x, n, p):
    """sum_{k>=x} C(n,k) p^k q^(n-k) as an exact rational, then to mpf."""
    P = Fraction(p)
    Q = 1 - P
    total = sum(Fraction(math.comb(n, k)) * P**k * Q ** (n - k) for k in range(x, n + 1))
    return mpf(total.numerator) / mpf(total.denominator)


def log_pmf(k, n, P, lnP, lnQ):
    return (mpmath.loggamma(n + 1) - mpmath.loggamma(k + 1) - mpmath.loggamma(n - k + 1)
            + k * lnP + (n - k) * lnQ)


def walk(start, step, n, P, Q):
    """sum of pmf(k) for k = start, start+step, ... while terms matter."""
    lnP, lnQ = mpmath.log(P), mpmath.log(Q)
    ratio_pq = P / Q
    k = start
    term = mpmath.exp(log_pmf(k, n, P, lnP, lnQ))
    total = mpf(0)
    count = 0
    while True:
        total += term
        if (step > 0 and k == n) or (step < 0 and k == 0):
            return total
        if term < total * mpf("1e-45") or term == 0:
            return total
        if step > 0:
            term *= mpf(n - k) / (k + 1) * ratio_pq
        else:
            term *= mpf(k) / (n - k + 1) / ratio_pq
        k += step
        count += 1
        if count % 1000 == 0:
            term = mpmath.exp(log_pmf(k, n, P, lnP, lnQ))


def reference(x, n, p):
    if x == 0:
        return mpf(1)
    if x > n or p == 0.0:
        return mpf(0)
    if p == 1.0:
        return mpf(1)
    if n <= 60:
        return exact_small(x, n, p)
    P = mpf(p)
    Q = 1 - P
    if x > n * P:
        value = walk(x, 1, n, P, Q)
    else:
        value = 1 - walk(x - 1, -1, n, P, Q)
    if value > mpf("1e-15"):
        if x > n * P:
            other = 1 - walk(x - 1, -1, n, P, Q)
        else:
            other = walk(x, 1, n, P, Q)
        assert abs(other - value) <= mpf("1e-25") * value, (x, n, p, value, other)
    if n <= 10_000:
        check = mpmath.betainc(x, n - x + 1, 0, P, regularized=True)
        assert abs(check - value) <= mpf("1e-25") * value, (x, n, p, value, check)
    return value


def kl_tail_x(n, p, log10_target):
    """An x above np whose upper tail is near 10**log10_target (Chernoff bound
    n KL(x/n || p) = -ln target, solved by bisection)."""
    goal = -log10_target * math.log(10)
    lo, hi = n * p, float(n)
    for _ in range(200):
        mid = (lo + hi) / 2
        a = mid / n
        if a >= 1:
            kl = -math.log(p)
        else:
            kl = a * math.log(a / p) + (1 - a) * math.log((1 - a) / (1 - p))
        if n * kl < goal:
            lo = mid
        else:
            hi = mid
    return int(math.ceil(hi))


def cases():
    c = []
    # Small n: exact rational sums.
    c += [
        (1, 1, 0.3), (0, 1, 0.3), (1, 2, 0.5), (2, 2, 0.5),
        (3, 10, 0.1), (1, 10, 0.1), (10, 10, 0.1), (5, 10, 0.5),
        (7, 20, 0.25), (4, 20, 0.25), (20, 20, 0.999),
        (1, 50, 0.02), (25, 50, 0.5), (26, 50, 0.5), (45, 50, 0.9), (50, 50, 0.9),
        (49, 50, 0.999), (3, 50, 1e-7), (30, 30, 1e-10), (13, 13, 0.7), (2, 13, 0.7),
        (40, 50, 0.01),
    ]
    # Medium n.
    c += [
        (100, 10_000, 0.01), (90, 10_000, 0.01), (101, 10_000, 0.01), (130, 10_000, 0.01),
        (250, 10_000, 0.01), (30_000, 100_000, 0.3), (29_500, 100_000, 0.3),
        (30_001, 100_000, 0.3), (30_800, 100_000, 0.3), (5_160, 100_000, 0.05),
        (99_999, 100_000, 0.9999), (2, 100_000, 1e-6),
    ]
    # Large n: below, at and above the mean.
    c += [
        (10_000, 1_000_000, 0.01), (9_900, 1_000_000, 0.01), (10_001, 1_000_000, 0.01),
        (10_200, 1_000_000, 0.01), (300_000, 1_000_000, 0.3), (299_500, 1_000_000, 0.3),
        (300_700, 1_000_000, 0.3), (150_500, 1_000_000, 0.15),
        (2_000_000, 10_000_000, 0.2), (2_001_500, 10_000_000, 0.2), (1_999_000, 10_000_000, 0.2),
        (500_000_000, 1_000_000_000, 0.5), (500_000_001, 1_000_000_000, 0.5),
        (500_020_000, 1_000_000_000, 0.5), (499_980_000, 1_000_000_000, 0.5),
        (1_000, 1_000_000_000, 1e-6), (1_100, 1_000_000_000, 1e-6),
        (3_000_050_000, 10_000_000_000, 0.3),
    ]
    # p near 0 and 1.
    c += [
        (1, 1_000_000, 1e-7), (2, 1_000_000, 1e-7), (3, 1_000_000, 1e-7),
        (1_000_000, 1_000_000, 0.9999999), (999_999, 1_000_000, 0.9999999),
        (999_997, 1_000_000, 0.9999999), (1_000_000, 1_000_000, 1 - 2.0**-40),
        (999_000, 1_000_000, 1 - 2.0**-40),
    ]
    c += [
        (999_990, 1_000_000, 0.9999), (30, 1_000_000, 1e-7),
        (3_000_000_000, 10_000_000_000, 0.3), (2_999_950_000, 10_000_000_000, 0.3),
    ]
    # Far tails: p-values near 1e-20 and 1e-300 (the Chernoff bound aimed two
    # decades high lands about there; the latter kept just above 1e-300).
    for n, p in [(1_000_000, 0.1), (1_000_000_000, 0.5), (10_000, 0.3), (10_000_000, 0.01),
                 (10_000_000_000, 0.3)]:
        for target in (-18, -298):
            x = kl_tail_x(n, p, target)
            while reference(x, n, p) < mpf("1e-300"):  # stay a normal double, tested relatively
                x -= 1
            c.append((x, n, p))
    c.append((kl_tail_x(1_000_000_000, 0.1, -18), 1_000_000_000, 0.1))
    return c


def main():
    rows = []
    for x, n, p in cases():
        v = reference(x, n, p)
        assert v == 0 or v > mpf("1e-307"), (x, n, p, v)  # keep references normal doubles
        rows.append((x, n, repr(p), repr(float(v))))
        print(x, n, p, mpmath.nstr(v, 20), flush=True)
    with open(os.path.join(HERE, "upper_tail.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x", "n", "p", "expected"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
