"""The diary's two alarms, as plain functions of counts and times (no Django).

"More often lately": of the n episodes in the last 42 days, k fell in the last 14. If the
rate had stayed the same, each of the n would fall in the last 14 days with probability
14/42 = 1/3, so k follows Binomial(n, 1/3) given n (the conditional test for comparing
two Poisson rates). We call it a rise when k >= 3 and the one-sided exact p-value
P(X >= k) is below 0.05.

"Cluster": two or more fit-like episodes (the owner said it looked like a fit, or the dog
did not respond) within 24 hours of each other. A cluster whose latest episode is within
the last 24 hours is an emergency now.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

RECENT_DAYS = 14
BEFORE_DAYS = 28
ALPHA = 0.05
MIN_RECENT = 3
CLUSTER_WINDOW = timedelta(hours=24)


def binomial_upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed exactly in log space."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    terms = [
        math.lgamma(n + 1)
        - math.lgamma(i + 1)
        - math.lgamma(n - i + 1)
        + i * log_p
        + (n - i) * log_q
        for i in range(k, n + 1)
    ]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))


@dataclass(frozen=True)
class RiseTest:
    recent: int  # episodes in the last RECENT_DAYS days
    before: int  # episodes in the BEFORE_DAYS days before those
    p_value: float | None  # None when there is nothing to test
    rising: bool

    @property
    def recent_per_week(self) -> float:
        return self.recent * 7 / RECENT_DAYS

    @property
    def before_per_week(self) -> float:
        return self.before * 7 / BEFORE_DAYS

    def summary(self) -> str:
        rates = (
            f"{self.recent} in the last {RECENT_DAYS} days ({self.recent_per_week:.1f} a week) "
            f"against {self.before} in the {BEFORE_DAYS} days before "
            f"({self.before_per_week:.1f} a week)"
        )
        if self.rising and self.p_value is not None:  # a rise is only called on a p-value
            p = "p < 0.001" if self.p_value < 0.001 else f"p = {self.p_value:.3f}"
            return f"More often lately: {rates}; {p}."
        if self.recent < MIN_RECENT:
            return f"Too few recent episodes to call a rise: {rates}."
        return f"No clear rise: {rates}; p = {self.p_value:.2f}."


def rise_test(recent: int, before: int) -> RiseTest:
    n = recent + before
    if n == 0:
        return RiseTest(recent, before, None, False)
    share = RECENT_DAYS / (RECENT_DAYS + BEFORE_DAYS)
    p_value = binomial_upper_tail(recent, n, share)
    return RiseTest(recent, before, p_value, recent >= MIN_RECENT and p_value < ALPHA)


def rise_test_for_times(times: list[datetime], now: datetime) -> RiseTest:
    """The same test from a list of episode times (for callers that have them)."""
    recent_from = now - timedelta(days=RECENT_DAYS)
    before_from = recent_from - timedelta(days=BEFORE_DAYS)
    recent = sum(1 for t in times if recent_from < t <= now)
    before = sum(1 for t in times if before_from < t <= recent_from)
    return rise_test(recent, before)


def clusters(times: list[datetime]) -> list[list[datetime]]:
    """Runs of fit-like episodes each within 24 hours of the one before; two or more."""
    runs: list[list[datetime]] = []
    for t in sorted(times):
        if runs and t - runs[-1][-1] <= CLUSTER_WINDOW:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [run for run in runs if len(run) >= 2]


def active_cluster(times: list[datetime], now: datetime) -> list[datetime] | None:
    """The cluster that is an emergency now: its latest episode within the last 24 h."""
    for run in reversed(clusters([t for t in times if t <= now])):
        if now - run[-1] <= CLUSTER_WINDOW:
            return run
    return None
