"""The phrase tables of `understand`, read from the YAML files in `data/` and checked whole.

Like the knowledge files, the tables are data: a sign's phrases, a field's phrases and
values, which value wins, the cue words of negation and hedging, the scope words, the
breeds and the key words for spelling. They are loaded once per process (`load_tables`),
every value is checked against the case contract and every pattern compiled at load; a
malformed table fails with a `TablesError` that names the file, the entry and the field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from twitchcheck.case import BODY_AREAS, SIGN_IDS, Dog, Episode, History

DATA_DIR = Path(__file__).parent / "data"
SEEN, ABSENT = "seen", "absent"
_M = TypeVar("_M", bound=BaseModel)
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_SECTIONS: dict[str, type[BaseModel]] = {"dog": Dog, "episode": Episode, "history": History}
_BOOLEAN_FIELDS = {
    f"{section}.{name}"
    for section, model in _SECTIONS.items()
    for name, info in model.model_fields.items()
    if info.annotation in (bool, bool | None)
}


class TablesError(ValueError):
    """A phrase table is malformed; the message says which file, entry and field."""


@dataclass(frozen=True)
class Rule:
    """A phrase pattern and what it means said plainly, denied and hedged (None: nothing)."""

    target: str  # a case field path, or "signs.<sign id>"
    pattern: str  # the phrases as one alternation, macros expanded
    affirmed: object
    negated: object = None
    unsure: object = None
    scope: str = "any"
    owner_guard: bool = False  # skip when the owner is the subject ("I'm anxious")
    compared: object = None  # in a comparison ("as if she's cold"): usually nothing


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Model):
    phrases: list[str] = Field(min_length=1)
    said: Any = None
    denied: Any = None
    hedged: Any = None
    scope: str = "any"
    not_about_the_owner: bool = False
    compared: Any = None  # the value in a comparison ("walks like she's drunk"); else none


class SignRuleSpec(RuleSpec):
    said: Any = SEEN
    denied: Any = ABSENT


class FieldSpec(_Model):
    # values, most important first; a list inside is a group of equal rank, in which the
    # value said first wins ("a seizure" wins; else the owner's first word for it)
    prefer: list[Any] = []
    rules: list[RuleSpec] = Field(min_length=1)

    def ranks(self) -> dict:
        out: dict = {}
        for rank, item in enumerate(self.prefer):
            for value in item if isinstance(item, list) else [item]:
                out[value] = rank
        return out


class CuesSpec(_Model):
    max_gap: int = Field(ge=0, le=20)
    lookback: int = Field(ge=10, le=500)
    neutral: list[str]
    hedged: list[str]
    hypothetical: list[str] = []
    compared: list[str] = []
    ends_negation: list[str] = []
    ends_a_list: list[str] = []
    denied: list[str] = Field(min_length=1)
    boundary_characters: str
    boundary_words: list[str]
    new_subject: list[str]
    owner_subject: str
    owner_fillers: list[str]
    scopes: dict[str, list[str]]

    @field_validator("scopes")
    @classmethod
    def _needs_episode(cls, value: dict) -> dict:
        if "episode" not in value:
            raise ValueError("needs an `episode` scope (the words for the twitching)")
        if "any" in value:
            raise ValueError("`any` is not a scope name: it means no scope")
        return value


class AreaSpec(_Model):
    area: str | None
    phrases: list[str] = Field(min_length=1)


class EpisodeSpec(_Model):
    whole_body_words: list[str] = Field(min_length=1)
    areas: list[AreaSpec] = Field(min_length=1)
    single_muscle: list[str] = Field(min_length=1)


class BreedSpec(_Model):
    name: str = Field(min_length=1, max_length=80)
    in_a_mix: str | None = None
    also: list[str] = []


class BreedsSpec(_Model):
    breeds: list[BreedSpec] = Field(min_length=1)
    needs_a_dog_word: list[str] = []


class SpellingSpec(_Model):
    key_words: list[str] = Field(min_length=1)
    real_words_nearby: list[str] = []
    # written without the apostrophe ("hes", "cant") or misspelt beyond one edit of a
    # short word ("slep"): the word, and what the patterns read instead
    words: dict[str, str] = {}

    @field_validator("words")
    @classmethod
    def _lower_pairs(cls, pairs: dict[str, str]) -> dict[str, str]:
        for word, meant in pairs.items():
            if not (word.isascii() and word.isalpha() and word.islower()) or not meant:
                raise ValueError(f"{word!r}: lower-case letters, and what it stands for")
        return pairs

    @field_validator("key_words", "real_words_nearby")
    @classmethod
    def _lower_words(cls, words: list[str]) -> list[str]:
        for word in words:
            if not (word.isascii() and word.isalpha() and word.islower()):
                raise ValueError(f"{word!r}: a key word is lower-case letters only")
        return words


class LanguagesSpec(_Model):
    at_least: int = Field(ge=1)
    english: list[str] = Field(min_length=1)
    others: dict[str, list[str]]

    @field_validator("english")
    @classmethod
    def _words(cls, words: list) -> list:
        for word in words:
            if not isinstance(word, str) or not word.islower():
                raise ValueError(f"{word!r}: a lower-case word (quote no, on, y)")
        return words

    @field_validator("others")
    @classmethod
    def _lists(cls, others: dict) -> dict:
        for words in others.values():
            cls._words(words)
        return others


@dataclass(frozen=True)
class Tables:
    rules: tuple[Rule, ...]
    preference: dict[str, dict]  # field path -> {value: rank}, lower ranks win
    cues: CuesSpec
    episode: EpisodeSpec
    breeds: BreedsSpec
    spelling: SpellingSpec
    languages: LanguagesSpec


# --- reading and checking -----------------------------------------------------------


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise TablesError(f"{path.name}: cannot be read as YAML: {exc}") from exc


def _parse(model: type[_M], data: Any, where: str) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(entry)"
            problems.append(f"{loc}: {err['msg']}")
        raise TablesError(f"{where}: {'; '.join(problems)}") from exc


def _mapping(data: Any, where: str) -> dict:
    if not isinstance(data, dict):
        raise TablesError(f"{where}: expected a mapping of entries")
    return data


def expand(pattern: str, macros: dict[str, str], where: str, depth: int = 0) -> str:
    """`pattern` with each `{NAME}` replaced by its macro (macros may use macros)."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise TablesError(f"{where}: unknown macro {{{name}}} (macros.yaml has "
                              f"{', '.join(sorted(macros))})")  # fmt: skip
        if depth > 5:
            raise TablesError(f"{where}: macro {{{name}}} refers to itself")
        return expand(macros[name], macros, where, depth + 1)

    return _MACRO.sub(one, pattern)


def compiled(pattern: str, where: str) -> re.Pattern[str]:
    """`pattern` compiled as a phrase (word edges on both sides), or a TablesError."""
    try:
        return re.compile(rf"\b(?:{pattern})\b")
    except re.error as exc:
        raise TablesError(f"{where}: bad regular expression {pattern!r}: {exc}") from None


def check_value(path: str, value: object, where: str) -> None:
    """A TablesError unless `value` is a value the contract allows for field `path`."""
    if value == "unknown" and path in _BOOLEAN_FIELDS:
        return  # a yes/no field the owner is unsure of: goes to the case's `unknown`
    section, _, name = path.partition(".")
    try:
        _SECTIONS[section].model_validate({name: value})
    except ValidationError as exc:
        msg = exc.errors()[0]["msg"]
        if isinstance(value, bool):
            msg += " (a bare yes/no reads as true/false in YAML: quote it)"
        raise TablesError(f"{where}: {value!r} is not a value of {path}: {msg}") from None


def _rules_of(target: str, specs: Sequence[RuleSpec], macros: dict[str, str], scopes: set[str],
              where: str, check: Callable[[Any, str], None]) -> list[Rule]:  # fmt: skip
    rules = []
    for i, spec in enumerate(specs, 1):
        here = f"{where}, rule {i}"
        if spec.scope != "any" and spec.scope not in scopes:
            raise TablesError(f"{here}, scope: {spec.scope!r} is not `any` nor a scope of "
                              f"cues.yaml ({', '.join(sorted(scopes))})")  # fmt: skip
        for key in ("said", "denied", "hedged", "compared"):
            value = getattr(spec, key)
            if value is not None:
                check(value, f"{here}, {key}")
        phrases = []
        for j, phrase in enumerate(spec.phrases, 1):
            full = expand(phrase, macros, f"{here}, phrase {j}")
            compiled(full, f"{here}, phrase {j}")
            phrases.append(full)
        rules.append(Rule(target, "|".join(phrases), spec.said, spec.denied, spec.hedged,
                          spec.scope, spec.not_about_the_owner, spec.compared))  # fmt: skip
    return rules


def load(data_dir: Path = DATA_DIR) -> Tables:
    """Read and check every phrase table in `data_dir`."""
    macros = _mapping(_read(data_dir / "macros.yaml"), "macros.yaml")
    for name, body in macros.items():
        if not (isinstance(name, str) and _MACRO.fullmatch("{" + name + "}")):
            raise TablesError(f"macros.yaml: {name!r}: a macro name is upper-case")
        if not isinstance(body, str):
            raise TablesError(f"macros.yaml: {name}: expected a pattern")
        compiled(expand(body, macros, f"macros.yaml: {name}"), f"macros.yaml: {name}")

    cues = _parse(CuesSpec, _read(data_dir / "cues.yaml"), "cues.yaml")
    for kind in (
        "neutral",
        "hedged",
        "hypothetical",
        "compared",
        "denied",
        "ends_negation",
        "ends_a_list",
    ):
        for j, phrase in enumerate(getattr(cues, kind), 1):
            compiled(phrase, f"cues.yaml: {kind}, phrase {j}")
    for scope, words in cues.scopes.items():
        for j, phrase in enumerate(words, 1):
            compiled(phrase, f"cues.yaml: scopes.{scope}, phrase {j}")
    compiled(cues.owner_subject, "cues.yaml: owner_subject")
    scopes = set(cues.scopes)

    rules: list[Rule] = []
    signs = _mapping(_read(data_dir / "signs.yaml"), "signs.yaml")
    for sign_id, entries in signs.items():
        where = f"signs.yaml: {sign_id}"
        if sign_id not in SIGN_IDS:
            raise TablesError(f"{where}: not a sign id of the contract")
        if not isinstance(entries, list) or not entries:
            raise TablesError(f"{where}: expected a list of rules")
        specs = [_parse(SignRuleSpec, e, f"{where}, rule {i}") for i, e in enumerate(entries, 1)]

        def check_sign(value: object, here: str) -> None:
            if value not in (SEEN, ABSENT):
                raise TablesError(f"{here}: {value!r} is not `seen`, `absent` or null")

        rules += _rules_of(f"signs.{sign_id}", specs, macros, scopes, where, check_sign)

    preference: dict[str, dict] = {}
    fields = _mapping(_read(data_dir / "fields.yaml"), "fields.yaml")
    for path, entry in fields.items():
        where = f"fields.yaml: {path}"
        section, _, name = str(path).partition(".")
        if section not in _SECTIONS or name not in _SECTIONS[section].model_fields:
            raise TablesError(f"{where}: not a field of the case contract")
        spec = _parse(FieldSpec, entry, where)
        ranks = spec.ranks()
        for value in ranks:
            check_value(path, value, f"{where}, prefer")
        if ranks:
            preference[path] = ranks

        def check_field(value: object, here: str, path: str = path, prefer: dict = ranks) -> None:
            check_value(path, value, here)
            if prefer and value not in prefer:
                raise TablesError(f"{here}: {value!r} is missing from `prefer`")

        rules += _rules_of(path, spec.rules, macros, scopes, where, check_field)

    episode = _parse(EpisodeSpec, _read(data_dir / "episode.yaml"), "episode.yaml")
    areas = {"both_legs", *BODY_AREAS}
    for i, area in enumerate(episode.areas, 1):
        if area.area is not None and area.area not in areas:
            raise TablesError(f"episode.yaml: areas, entry {i}, area: {area.area!r} is not "
                              f"a body area ({', '.join(sorted(areas))}) nor null")  # fmt: skip
        for j, phrase in enumerate(area.phrases, 1):
            compiled(phrase, f"episode.yaml: areas, entry {i}, phrase {j}")
    for key in ("whole_body_words", "single_muscle"):
        for j, phrase in enumerate(getattr(episode, key), 1):
            compiled(phrase, f"episode.yaml: {key}, phrase {j}")

    breeds = _parse(BreedsSpec, _read(data_dir / "breeds.yaml"), "breeds.yaml")
    names = {n for b in breeds.breeds for n in (b.name, *b.also)}
    for word in breeds.needs_a_dog_word:
        if word not in names:
            raise TablesError(f"breeds.yaml: needs_a_dog_word: {word!r} is not a breed name")
    spelling = _parse(SpellingSpec, _read(data_dir / "spelling.yaml"), "spelling.yaml")
    languages = _parse(LanguagesSpec, _read(data_dir / "languages.yaml"), "languages.yaml")
    for language, words in languages.others.items():
        shared = sorted(set(words) & set(languages.english))
        if shared:
            raise TablesError(f"languages.yaml: others.{language}: {shared} are in `english` too")
    return Tables(tuple(rules), preference, cues, episode, breeds, spelling, languages)


@functools.cache
def load_tables() -> Tables:
    """The packaged tables, loaded and checked once per process."""
    return load()


def words_pattern(words: list[str]) -> str:
    """One alternation of phrase patterns, longest-first irrelevant: each at word edges."""
    return "|".join(f"(?:{w})" for w in words)
