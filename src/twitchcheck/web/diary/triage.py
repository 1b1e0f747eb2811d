"""An episode in the light of the diary: the case the engine assesses.

The dog's profile gives `dog.*` (age at the time of the episode, from the birth date);
the episode gives what the owner logged; the log gives `episode.count_24h` (episodes in
the 24 hours up to this one, this one included) and `episode.pattern` (first_time when
nothing came before, more_often_lately when the rise test fires at that time, constant
when the owner said it does not stop, else occasional). A medication started in the
14 days before sets `history.new_food_or_medication`. Nothing is asked of the owner.
"""

from __future__ import annotations

from datetime import timedelta

from twitchcheck.case import Case
from twitchcheck.web.diary import trends
from twitchcheck.web.diary.fields import CHOICE_FIELDS
from twitchcheck.web.diary.selectors import DiaryCounts

NEW_MEDICATION_DAYS = 14


def age_years(birth_date, on) -> float | None:
    if birth_date is None:
        return None
    years = (on - birth_date).days / 365.25
    return round(min(max(years, 0.0), 30.0), 1)


def pattern_for(episode, counts: DiaryCounts) -> str:
    if episode.duration == "constant":
        return "constant"
    if counts.earlier == 0:
        return "first_time"
    if trends.rise_test(counts.recent, counts.before).rising:
        return "more_often_lately"
    return "occasional"


def case_for_episode(episode, *, counts: DiaryCounts, medications) -> Case:
    dog = episode.dog
    day = episode.started_at.date()
    profile: dict = {}
    age = age_years(dog.birth_date, day)
    if age is not None:
        profile["age_years"] = age
    if dog.breed:
        profile["breed"] = dog.breed[:80]
    if dog.sex:
        profile["sex"] = dog.sex
    if dog.pregnant_or_nursing is not None:
        profile["pregnant_or_nursing"] = dog.pregnant_or_nursing
    if dog.vaccinations:
        profile["vaccinations"] = dog.vaccinations

    seen: dict = {name: getattr(episode, name) for name in CHOICE_FIELDS if getattr(episode, name)}
    if episode.body_area:
        seen["body_area"] = list(episode.body_area)
    seen["count_24h"] = max(1, min(counts.count_24h, 100))
    seen["pattern"] = pattern_for(episode, counts)

    history: dict = {}
    if any(day - timedelta(days=NEW_MEDICATION_DAYS) <= m.since <= day for m in medications):
        history["new_food_or_medication"] = True
    return Case.model_validate(
        {"dog": profile, "episode": seen, "history": history, "signs": list(episode.signs)}
    )
