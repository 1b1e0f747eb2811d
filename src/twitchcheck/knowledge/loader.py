"""Load the knowledge data files and check them, whole, before anything uses them.

A malformed file fails with a `KnowledgeError` naming the file, the entry and the field.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from twitchcheck.case import BODY_AREAS, FIELD_PATHS, SIGN_IDS
from twitchcheck.knowledge.models import (
    Action,
    BreedGroup,
    Cause,
    Condition,
    FieldSpec,
    Meta,
    PreventionSpec,
    QuestionSpec,
    RedFlag,
    Sign,
)

DATA_DIR = Path(__file__).parent / "data"
_M = TypeVar("_M", bound=BaseModel)
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONTRACT_CAUSES = (
    "rem_sleep",
    "overexertion",
    "injury",
    "allergic_reaction",
    "dehydration",
    "mineral_deficiency",
    "toxin",
    "distemper",
    "dystonia",
    "canine_stress_syndrome",
    "seizure_disorder",
)
CONTRACT_PREVENTION = (
    "water_intake",
    "cold_compress",
    "ramp_no_jumping",
    "supervised_play",
    "stretching_massage",
    "supplements",
    "vet_prescribed_relief",
)


class KnowledgeError(ValueError):
    """The knowledge files are malformed; the message says where."""


@dataclass(frozen=True)
class Knowledge:
    causes: list[Cause]
    fields: dict[str, FieldSpec]
    signs: dict[str, Sign]
    questions: list[QuestionSpec]
    prevention: list[PreventionSpec]
    red_flags: list[RedFlag]
    breed_groups: dict[str, BreedGroup]
    meta: Meta
    _by_id: dict[str, Cause] = field(default_factory=dict, repr=False)

    def cause(self, cause_id: str) -> Cause:
        return self._by_id[cause_id]

    def prevention_item(self, item_id: str) -> PreventionSpec:
        return next(p for p in self.prevention if p.id == item_id)


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path.name}: cannot be read as YAML: {exc}") from exc


def _parse(model: type[_M], data: Any, where: str) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            # drop pydantic's union branch names ("dict[str,float]", "float", "[key]")
            parts = [str(p) for p in err["loc"] if not _is_type_name(p)]
            text = f"{'.'.join(parts) or '(entry)'}: {err['msg']}"
            if isinstance(err.get("input"), bool) and "[key]" in map(str, err["loc"]):
                text += " (a bare yes/no key reads as true/false in YAML: quote it)"
            if text not in problems:
                problems.append(text)
        raise KnowledgeError(f"{where}: {'; '.join(problems)}") from exc


def _is_type_name(part: object) -> bool:
    return isinstance(part, str) and (
        part in ("float", "int", "str", "bool", "[key]") or "[" in part
    )


def _mapping(data: Any, where: str) -> dict:
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: expected a mapping of entries")
    return data


def _list(data: Any, where: str) -> list:
    if not isinstance(data, list):
        raise KnowledgeError(f"{where}: expected a list of entries")
    return data


def load(data_dir: Path = DATA_DIR) -> Knowledge:
    """Read and check every knowledge file in `data_dir`."""
    fields = {
        path: _parse(FieldSpec, entry, f"fields.yaml: {path}")
        for path, entry in _mapping(_read(data_dir / "fields.yaml"), "fields.yaml").items()
    }
    signs = {
        sid: _parse(Sign, entry, f"signs.yaml: {sid}")
        for sid, entry in _mapping(_read(data_dir / "signs.yaml"), "signs.yaml").items()
    }
    breed_groups = {
        gid: _parse(BreedGroup, entry, f"breeds.yaml: {gid}")
        for gid, entry in _mapping(_read(data_dir / "breeds.yaml"), "breeds.yaml").items()
    }
    questions = [
        _parse(QuestionSpec, entry, f"questions.yaml: entry {i + 1}")
        for i, entry in enumerate(_list(_read(data_dir / "questions.yaml"), "questions.yaml"))
    ]
    prevention = [
        _parse(PreventionSpec, entry, f"prevention.yaml: entry {i + 1}")
        for i, entry in enumerate(_list(_read(data_dir / "prevention.yaml"), "prevention.yaml"))
    ]
    red_flags = [
        _parse(RedFlag, entry, f"red_flags.yaml: entry {i + 1}")
        for i, entry in enumerate(_list(_read(data_dir / "red_flags.yaml"), "red_flags.yaml"))
    ]
    meta = _parse(Meta, _read(data_dir / "meta.yaml"), "meta.yaml")
    causes = []
    for path in sorted((data_dir / "causes").glob("*.yaml")):
        cause = _parse(Cause, _read(path), f"causes/{path.name}")
        if cause.id != path.stem:
            raise KnowledgeError(f"causes/{path.name}: id: must match the file name")
        causes.append(cause)
    knowledge = Knowledge(
        causes=causes,
        fields=fields,
        signs=signs,
        questions=questions,
        prevention=prevention,
        red_flags=red_flags,
        breed_groups=breed_groups,
        meta=meta,
        _by_id={c.id: c for c in causes},
    )
    _check_whole(knowledge)
    return knowledge


@functools.cache
def load_knowledge() -> Knowledge:
    """The packaged knowledge, loaded and checked once per process.

    The checked result is kept in the user's cache folder, keyed by the data files' names,
    sizes and times, so the next process starts without parsing and validating YAML; a
    cache that cannot be read or written is simply not used."""
    path = _cache_path(DATA_DIR)
    if path is not None:
        try:
            with path.open("rb") as f:
                cached = pickle.load(f)
            if isinstance(cached, Knowledge):
                return cached
        except Exception:  # a missing, stale or damaged cache: load from the files
            pass
    knowledge = load()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as f:
                pickle.dump(knowledge, f, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(path)
        except OSError:  # a read-only home: the next process loads the files again
            pass
    return knowledge


def _cache_path(data_dir: Path) -> Path | None:
    if os.environ.get("TWITCHCHECK_NO_CACHE"):
        return None
    try:
        files = sorted(data_dir.rglob("*.yaml"))
        stamp = hashlib.sha256()
        for file in files:
            info = file.stat()
            stamp.update(
                f"{file.relative_to(data_dir)}:{info.st_size}:{info.st_mtime_ns};".encode()
            )
        # and the code that defines the loaded objects
        code = [*Path(__file__).parent.glob("*.py"), Path(__file__).parent.parent / "case.py"]
        for file in sorted(code):
            stamp.update(f"{file.name}:{file.stat().st_mtime_ns};".encode())
        stamp.update(sys.version.encode())
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "twitchcheck" / f"knowledge-{stamp.hexdigest()[:24]}.pickle"


# --- checks across files -------------------------------------------------------------


def _check_whole(k: Knowledge) -> None:
    _same_set(set(k.fields), set(FIELD_PATHS), "fields.yaml", "case fields")
    _same_set(set(k.signs), set(SIGN_IDS), "signs.yaml", "sign ids")
    _same_set(set(k.fields["episode.body_area"].values), set(BODY_AREAS), "fields.yaml", "areas")
    prevention_ids = [p.id for p in k.prevention]
    missing = set(CONTRACT_PREVENTION) - set(prevention_ids)
    if missing:
        raise KnowledgeError(f"prevention.yaml: missing contract items {sorted(missing)}")
    cause_ids = [c.id for c in k.causes]
    missing = set(CONTRACT_CAUSES) - set(cause_ids)
    if missing:
        raise KnowledgeError(f"causes/: missing contract causes {sorted(missing)}")
    for cause in k.causes:
        where = f"causes/{cause.id}.yaml"
        if cause.id in CONTRACT_CAUSES and cause.refines is not None:
            raise KnowledgeError(f"{where}: refines: a contract cause refines nothing")
        if cause.refines is not None and cause.refines not in CONTRACT_CAUSES:
            raise KnowledgeError(f"{where}: refines: {cause.refines!r} is not a contract cause")
        for item in cause.prevention:
            if item not in prevention_ids:
                raise KnowledgeError(f"{where}: prevention: unknown item {item!r}")
        for path, spec in cause.likelihoods.items():
            _check_likelihood(k, path, spec, f"{where}: likelihoods.{path}")
        for i, esc in enumerate(cause.urgency.escalate):
            _check_condition(k, esc.when, f"{where}: urgency.escalate[{i}].when")
        if cause.requires is not None:
            _check_condition(k, cause.requires.when, f"{where}: requires.when")
        _check_actions(k, cause.actions, f"{where}: actions")
    for i, flag in enumerate(k.red_flags):
        where = f"red_flags.yaml: entry {i + 1} ({flag.id})"
        _check_condition(k, flag.when, f"{where}.when")
        _check_actions(k, flag.actions, f"{where}.actions")
    for q in k.questions:
        where = f"questions.yaml: {q.id}"
        if q.field == "signs":
            if not q.signs:
                raise KnowledgeError(f"{where}: signs: a sign question lists its signs")
            for s in q.signs:
                if s not in k.signs:
                    raise KnowledgeError(f"{where}: signs: unknown sign {s!r}")
        elif q.field not in k.fields:
            raise KnowledgeError(f"{where}: field: unknown case field {q.field!r}")
        if q.only_if is not None:
            _check_condition(k, q.only_if, f"{where}: only_if")
        if q.screen_if is not None:
            _check_condition(k, q.screen_if, f"{where}: screen_if")
    asked = [s for q in k.questions if q.field == "signs" for s in q.signs]
    if sorted(asked) != sorted(SIGN_IDS):
        raise KnowledgeError("questions.yaml: the sign questions must ask every sign once")
    for level in ("emergency", "see_vet", "home_care", "normal"):
        if level not in k.meta.urgency:
            raise KnowledgeError(f"meta.yaml: urgency.{level}: missing")
    for sign in k.meta.red_flag_signs:
        if sign not in k.signs:
            raise KnowledgeError(f"meta.yaml: red_flag_signs: unknown sign {sign!r}")


def _check_actions(k: Knowledge, actions: Iterable[Action], where: str) -> None:
    for i, action in enumerate(actions):
        if action.when is not None:
            _check_condition(k, action.when, f"{where}[{i}].when")


def _same_set(got: set, want: set, where: str, what: str) -> None:
    if got != want:
        detail = []
        if want - got:
            detail.append(f"missing {sorted(want - got)}")
        if got - want:
            detail.append(f"unknown {sorted(got - want)}")
        raise KnowledgeError(f"{where}: {what}: {'; '.join(detail)}")


def _check_probability(value: object, where: str) -> None:
    if not isinstance(value, int | float) or not 0 < value < 1 or math.isnan(value):
        raise KnowledgeError(f"{where}: {value!r} must be a probability strictly between 0 and 1")


def _check_likelihood(k: Knowledge, path: str, spec: object, where: str) -> None:
    if path == "signs":
        if not isinstance(spec, dict):
            raise KnowledgeError(f"{where}: expected {{sign: probability}}")
        for sign, p in spec.items():
            if sign not in k.signs:
                raise KnowledgeError(f"{where}: unknown sign {sign!r}")
            _check_probability(p, f"{where}.{sign}")
        return
    if path == "dog.breed":
        if not isinstance(spec, dict):
            raise KnowledgeError(f"{where}: expected {{breed group: likelihood ratio}}")
        for group, ratio in spec.items():
            if group not in k.breed_groups:
                raise KnowledgeError(f"{where}: unknown breed group {group!r}")
            if not isinstance(ratio, int | float) or ratio <= 0:
                raise KnowledgeError(f"{where}.{group}: a likelihood ratio must be positive")
        return
    spec_field = k.fields.get(path)
    if spec_field is None:
        raise KnowledgeError(f"{where}: unknown case field")
    if spec_field.kind == "boolean":
        _check_probability(spec, where)
        return
    if not isinstance(spec, dict):
        raise KnowledgeError(f"{where}: expected {{value: probability}}")
    for value, p in spec.items():
        if str(value) not in spec_field.values:
            raise KnowledgeError(f"{where}: unknown value {value!r}")
        _check_probability(p, f"{where}.{value}")
    if spec_field.kind != "multi" and sum(spec.values()) > 1.0 + 1e-9:
        raise KnowledgeError(f"{where}: probabilities add up to more than 1")


def _check_condition(k: Knowledge, cond: Condition, where: str) -> None:
    if cond.field is not None:
        spec = k.fields.get(cond.field)
        if spec is None:
            raise KnowledgeError(f"{where}: field: unknown case field {cond.field!r}")
        if cond.in_ is not None:
            for value in cond.in_:
                if str(value) not in spec.values:
                    raise KnowledgeError(f"{where}: in: {value!r} is not a value of {cond.field}")
        if cond.is_ is not None and spec.kind != "boolean":
            raise KnowledgeError(f"{where}: is: only for yes/no fields")
        if spec.kind == "text":
            raise KnowledgeError(f"{where}: field: {cond.field} is free text and cannot be tested")
    for group in cond.breed or []:
        if group not in k.breed_groups:
            raise KnowledgeError(f"{where}: breed: unknown breed group {group!r}")
    named = [cond.sign] if cond.sign else []
    for sign in named + (cond.signs_any or []) + (cond.signs_two_of or []):
        if sign not in k.signs:
            raise KnowledgeError(f"{where}: unknown sign {sign!r}")
    for i, sub in enumerate(cond.all or []):
        _check_condition(k, sub, f"{where}.all[{i}]")
    for i, sub in enumerate(cond.any or []):
        _check_condition(k, sub, f"{where}.any[{i}]")
    if cond.not_ is not None:
        _check_condition(k, cond.not_, f"{where}.not")
