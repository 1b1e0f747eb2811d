"""The case contract (version 1.1) as pydantic models: what the engine takes and gives.

Every field of a case is optional and absent means "unknown", never "no". Unknown keys,
wrong types and out-of-range values are rejected with the field's path.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

SignId = Literal[
    "limping_or_pain",
    "itching",
    "skin_redness_or_hives",
    "face_swelling",
    "breathing_difficulty",
    "vomiting_or_diarrhea",
    "dry_gums_or_sunken_eyes",
    "lethargy",
    "wobbling",
    "drooling",
    "muscle_stiffness",
    "weakness_or_paralysis",
    "collapse",
    "loss_of_bladder_control",
    "paddling_or_chomping",
    "nasal_or_eye_discharge",
    "cough",
    "fever",
    "overheating",
    "anxiety_or_restlessness",
    "poor_appetite",
]
BodyArea = Literal["hind_leg", "front_leg", "back", "face_head", "whole_body", "single_muscle"]
YesNoUnknown = Literal["yes", "no", "unknown"]
LooksLike = Literal[
    "seizure_or_fit",
    "trembling_or_shivering",
    "twitching_or_jerking",
    "cramp_or_stiffening",
    "head_bobbing",
]
Trigger = Literal[
    "none_noticed",
    "cold_fear_or_excitement",
    "standing_or_getting_up",
    "missed_meal",
    "after_a_meal",
]

Context = Literal["asleep", "resting_awake", "during_or_after_exercise", "any_time"]
Duration = Literal["seconds", "under_5_minutes", "over_5_minutes", "constant"]
Afterwards = Literal["normal", "confused_or_wobbly", "unknown"]

SIGN_IDS: tuple[str, ...] = get_args(SignId)
BODY_AREAS: tuple[str, ...] = get_args(BodyArea)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_null(cls, value: Any) -> Any:
        # absent means unknown; an explicit null is a mistake the contract rejects
        if value is None:
            raise ValueError("null is not allowed: leave the field out when it is unknown")
        return value


def _unique(values: list | None) -> list | None:
    if values is not None and len(set(values)) != len(values):
        raise ValueError("items must be unique")
    return values


class Dog(_Strict):
    age_years: Annotated[float, Field(ge=0, le=30)] | None = None
    breed: Annotated[str, Field(max_length=80)] | None = None
    sex: Literal["female", "male", "unknown"] | None = None
    pregnant_or_nursing: bool | None = None
    vaccinations: Literal["up_to_date", "not_up_to_date", "unknown"] | None = None


class Episode(_Strict):
    context: Context | None = None
    body_area: list[BodyArea] | None = None
    duration: Duration | None = None
    aware: YesNoUnknown | None = None
    afterwards: Afterwards | None = None
    pattern: Literal["first_time", "occasional", "more_often_lately", "constant"] | None = None
    looks_like: LooksLike | None = None
    count_24h: Annotated[int, Field(ge=1, le=100)] | None = None
    stops_when_distracted: YesNoUnknown | None = None
    trigger: Trigger | None = None

    _unique_areas = field_validator("body_area")(_unique)

    @field_validator("count_24h", mode="before")
    @classmethod
    def _whole_number(cls, value: object) -> object:
        # JSON (and JSON Schema's "integer") does not tell 3 from 3.0; 3.5 is still refused
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value


class History(_Strict):
    recent_heavy_exercise: bool | None = None
    new_food_or_medication: bool | None = None
    low_water_intake: bool | None = None
    hot_weather_or_overheated: bool | None = None
    possible_toxin: YesNoUnknown | None = None


FieldPath = Literal[
    "dog.age_years",
    "dog.breed",
    "dog.sex",
    "dog.pregnant_or_nursing",
    "dog.vaccinations",
    "episode.context",
    "episode.body_area",
    "episode.duration",
    "episode.aware",
    "episode.afterwards",
    "episode.pattern",
    "episode.looks_like",
    "episode.count_24h",
    "episode.stops_when_distracted",
    "episode.trigger",
    "history.recent_heavy_exercise",
    "history.new_food_or_medication",
    "history.low_water_intake",
    "history.hot_weather_or_overheated",
    "history.possible_toxin",
]
FIELD_PATHS: tuple[str, ...] = get_args(FieldPath)


class Case(_Strict):
    dog: Dog = Dog()
    episode: Episode = Episode()
    history: History = History()
    signs: list[SignId] = []
    signs_absent: list[SignId] = []
    unknown: list[FieldPath] = []

    _unique_lists = field_validator("signs", "signs_absent", "unknown")(_unique)

    @field_validator("signs_absent")
    @classmethod
    def _not_seen_and_absent(cls, absent: list, info: ValidationInfo) -> list:
        both = sorted(set(absent) & set(info.data.get("signs", [])))
        if both:
            raise ValueError(f"{', '.join(both)}: a sign cannot be both seen and absent")
        return absent

    def get(self, path: str) -> Any:
        """The value at a field path such as "episode.aware" (None when unknown)."""
        section, _, name = path.partition(".")
        return getattr(getattr(self, section), name)

    def is_answered(self, path: str) -> bool:
        return self.get(path) is not None or path in self.unknown

    def sign_known(self, sign: str) -> bool:
        return sign in self.signs or sign in self.signs_absent

    def to_json_dict(self) -> dict:
        """The case as the contract writes it: only what is known."""
        return self.model_dump(mode="json", exclude_defaults=True, exclude_none=True)


# the models of results: built when first used (the batch writes dicts, and never uses them)
_BUILT_ON_FIRST_USE = ConfigDict(defer_build=True)


class CauseResult(BaseModel):
    model_config = _BUILT_ON_FIRST_USE

    id: str
    probability: float
    reasons: list[str]
    refines: str | None = None


class PreventionItem(BaseModel):
    model_config = _BUILT_ON_FIRST_USE

    id: str
    text: str


Urgency = Literal["emergency", "see_vet", "home_care", "normal"]
URGENCY_LEVELS: tuple[str, ...] = ("normal", "home_care", "see_vet", "emergency")


class Change(BaseModel):
    """An unknown fact whose answer would change the urgency (contract 1.1)."""

    model_config = _BUILT_ON_FIRST_USE

    field: str  # a case field path, or "signs"
    value: bool | float | str  # the answer; a sign id when field is "signs"
    urgency: Urgency
    text: str


class Assessment(BaseModel):
    model_config = _BUILT_ON_FIRST_USE

    urgency: Urgency
    causes: list[CauseResult]
    red_flags: list[str]
    actions: list[str]
    prevention: list[PreventionItem]
    disclaimer: str
    what_would_change: list[Change] = []


class OptionGroup(BaseModel):
    """A heading over some of a long checklist's options (the project's own addition)."""

    model_config = _BUILT_ON_FIRST_USE

    label: str
    options: list[str]


class Question(BaseModel):
    model_config = _BUILT_ON_FIRST_USE

    field: str
    text: str
    options: list  # values of the field, or sign ids when field is "signs"
    option_labels: dict[str, str] = {}
    # the options in headed parts, in the order of `options` (only for long checklists)
    option_groups: list[OptionGroup] = []
    help: str = ""


class NextStep(BaseModel):
    model_config = _BUILT_ON_FIRST_USE

    done: bool
    question: Question | None = None

    def to_json_dict(self) -> dict:
        if self.done or self.question is None:
            return {"done": True}
        return {"done": False, "question": self.question.model_dump(mode="json")}
