"""The diary's alarms: the rise test (exact conditional binomial, last 14 days against
the 28 before) and clusters of fit-like episodes; and how the log fills the case."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from math import comb

import pytest
from diary_helpers import add_episodes

from twitchcheck.web.diary import trends
from twitchcheck.web.diary.selectors import counts_at
from twitchcheck.web.diary.services import episode_case

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


def at_days(*days: float) -> list[datetime]:
    return [NOW - timedelta(days=d) for d in days]


def exact_tail(k: int, n: int) -> Fraction:
    p = Fraction(1, 3)
    return sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


@pytest.mark.parametrize(("k", "n"), [(0, 0), (1, 1), (3, 3), (5, 9), (12, 20), (40, 90), (1, 200)])
def test_binomial_tail_matches_exact_fractions(k, n):
    assert trends.binomial_upper_tail(k, n, 1 / 3) == pytest.approx(
        float(exact_tail(k, n)), rel=1e-9
    )


def test_fires_on_a_real_rise():
    # one episode a week for the 4 weeks before, then one a day for the last 2 weeks
    times = at_days(*[14 + 7 * w + 3 for w in range(4)], *[d + 0.5 for d in range(14)])
    result = trends.rise_test_for_times(times, NOW)
    assert (result.recent, result.before) == (14, 4)
    assert result.rising and result.p_value < 0.001
    assert result.summary().startswith("More often lately")


def test_quiet_on_a_steady_rate():
    times = at_days(*[d + 0.5 for d in range(42)])  # one a day for six weeks
    result = trends.rise_test_for_times(times, NOW)
    assert (result.recent, result.before) == (14, 28)
    assert not result.rising and result.p_value > 0.5
    assert result.summary().startswith("No clear rise")


def test_needs_three_recent_episodes():
    assert not trends.rise_test(2, 0).rising
    assert trends.rise_test(3, 0).rising  # p = 1/27
    assert not trends.rise_test(0, 0).rising and trends.rise_test(0, 0).p_value is None
    assert trends.rise_test(1, 10).summary().startswith("Too few recent")


def test_false_alarms_on_steady_rates_stay_under_five_percent():
    rng = random.Random(11)
    fired = runs = 0
    for _ in range(3000):
        per_day = rng.choice([0.1, 0.3, 0.5, 1, 2, 4])
        times = [
            NOW - timedelta(days=rng.uniform(0, 42)) for _ in range(_poisson(rng, per_day * 42))
        ]
        fired += trends.rise_test_for_times(times, NOW).rising
        runs += 1
    assert fired / runs <= 0.05


def _poisson(rng, mean) -> int:
    # sum of exponential gaps: the count of a Poisson process over one unit
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count += 1
        total += rng.expovariate(1.0)
    return count


def test_power_on_a_doubling_rate():
    rng = random.Random(5)
    fired = 0
    for _ in range(500):
        before = [NOW - timedelta(days=rng.uniform(14, 42)) for _ in range(_poisson(rng, 28))]
        recent = [NOW - timedelta(days=rng.uniform(0, 14)) for _ in range(_poisson(rng, 28))]
        fired += trends.rise_test_for_times(before + recent, NOW).rising
    assert fired / 500 > 0.7  # one a day becoming two a day is caught most of the time


def test_two_fits_within_24_hours_are_a_cluster():
    fits = [NOW - timedelta(hours=23), NOW - timedelta(hours=1)]
    assert trends.clusters(fits) == [sorted(fits)]
    assert trends.active_cluster(fits, NOW) == sorted(fits)


def test_fits_more_than_24_hours_apart_are_not():
    fits = [NOW - timedelta(hours=50), NOW - timedelta(hours=25), NOW - timedelta(minutes=30)]
    assert trends.clusters(fits) == []
    assert trends.active_cluster(fits, NOW) is None


def test_an_old_cluster_is_not_an_emergency_now():
    fits = [NOW - timedelta(days=10, hours=3), NOW - timedelta(days=10)]
    assert len(trends.clusters(fits)) == 1
    assert trends.active_cluster(fits, NOW) is None


def test_a_run_of_three_is_one_cluster():
    fits = [NOW - timedelta(hours=h) for h in (40, 20, 2)]
    assert [len(c) for c in trends.clusters(fits)] == [3]


@pytest.mark.django_db
def test_the_log_fills_pattern_and_count_24h(dog):
    (first,) = add_episodes(dog, at_days(60))
    case, _ = episode_case(episode=first)
    assert case.episode.pattern == "first_time" and case.episode.count_24h == 1
    add_episodes(dog, at_days(30, 20))
    (steady,) = add_episodes(dog, at_days(10))
    case, _ = episode_case(episode=steady)
    assert case.episode.pattern == "occasional"
    rising = add_episodes(dog, at_days(3, 2, 1.5, 1, 0.5, 0.2))
    case, fits = episode_case(episode=rising[-1])
    assert case.episode.pattern == "more_often_lately"
    assert case.episode.count_24h == 3  # 1, 0.5 and 0.2 days ago
    assert counts_at(dog=dog, at=rising[-1].started_at).earlier == 9
    assert fits == 0


@pytest.mark.django_db
def test_a_new_medication_is_a_new_medication_in_the_case(dog):
    from twitchcheck.web.diary import services

    (episode,) = add_episodes(dog, at_days(1))
    services.medication_create(dog=dog, name="Pheno", since=(NOW - timedelta(days=5)).date())
    case, _ = episode_case(episode=episode)
    assert case.history.new_food_or_medication is True
    assert case.dog.age_years == pytest.approx(5.9, abs=0.1)
