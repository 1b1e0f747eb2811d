"""The command line as a user and a script meet it: assess, next-question, knowledge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcheck.case import FIELD_PATHS, SIGN_IDS
from twitchcheck.cli import app

CONTRACT = Path("/work/shared/contract")
REQUIRED = ("urgency", "causes", "red_flags", "actions", "prevention", "disclaimer")

CASE = {
    "dog": {"age_years": 3.5, "breed": "labrador retriever", "sex": "female"},
    "episode": {
        "context": "asleep",
        "body_area": ["hind_leg"],
        "duration": "seconds",
        "aware": "yes",
        "afterwards": "normal",
        "pattern": "occasional",
    },
    "history": {"possible_toxin": "no"},
    "signs": ["paddling_or_chomping"],
}

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def _schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    path = CONTRACT / "assessment.schema.json"
    if not path.exists():
        return None
    return jsonschema.Draft202012Validator(json.loads(path.read_text()))


VALIDATOR = _schema_validator()


def check_assessment(data: dict) -> None:
    if VALIDATOR is not None:
        VALIDATOR.validate(data)
    for key in REQUIRED:
        assert key in data
    assert data["urgency"] in ("emergency", "see_vet", "home_care", "normal")
    assert abs(sum(c["probability"] for c in data["causes"]) - 1) < 0.01


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- assess --------------------------------------------------------------------------------


def test_assess_case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    result = run("assess", "--case", str(path))
    assert result.exit_code == 0, result.output
    check_assessment(json.loads(result.stdout))


def test_assess_case_stdin():
    result = run("assess", "--case", "-", input=json.dumps(CASE))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_assessment(data)
    assert data["causes"][0]["id"] == "rem_sleep"


def test_assess_empty_case_is_valid():
    result = run("assess", "--case", "-", input="{}")
    assert result.exit_code == 0, result.output
    check_assessment(json.loads(result.stdout))


def test_assess_collapse_is_an_emergency():
    result = run("assess", "--case", "-", input='{"signs": ["collapse"]}')
    assert json.loads(result.stdout)["urgency"] == "emergency"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"dog": {"age_years": "three"}}', "dog.age_years"),
        ('{"dog": {"age_years": 45}}', "dog.age_years"),
        ('{"dog": {"age_years": -1}}', "dog.age_years"),
        ('{"episode": {"aware": "maybe"}}', "episode.aware"),
        ('{"episode": {"body_area": "hind_leg"}}', "episode.body_area"),
        ('{"history": {"low_water_intake": "yes"}}', "history.low_water_intake"),
        ('{"history": {"possible_toxn": "no"}}', "history.possible_toxn"),
        ('{"signs": ["sneezing"]}', "signs"),
        ('{"unknown": ["dog.colour"]}', "unknown"),
        ('{"colour": "brown"}', "colour"),
    ],
)
def test_assess_bad_case_names_the_field(text, field):
    result = run("assess", "--case", "-", input=text)
    assert result.exit_code == 2
    assert field in result.stderr
    assert result.stdout == ""
    no_traceback(result)


@pytest.mark.parametrize("text", ["{not json", "", "[1, 2]", '"a case"', "\xff"])
def test_assess_unreadable_input(text):
    result = run("assess", "--case", "-", input=text)
    assert result.exit_code == 2
    assert "error" in result.stderr
    no_traceback(result)


def test_assess_missing_file(tmp_path):
    result = run("assess", "--case", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "nope.json" in result.stderr
    no_traceback(result)


def test_assess_needs_exactly_one_input(tmp_path):
    assert run("assess").exit_code == 2
    path = tmp_path / "c.json"
    path.write_text("{}")
    assert run("assess", "--case", str(path), "--batch", str(path)).exit_code == 2


# --- assess --batch ---------------------------------------------------------------------


def test_batch_keeps_order_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"signs": ["collapse"]}),
        "",
        json.dumps(CASE),
        '{"dog": {"age_years": 99}}',
        "   ",
        "{broken",
        json.dumps({"episode": {"context": "during_or_after_exercise"}}),
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = run("assess", "--batch", str(path))
    assert result.exit_code == 1
    no_traceback(result)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5  # blank lines skipped
    assert out[0]["urgency"] == "emergency"
    check_assessment(out[0])
    assert out[1]["causes"][0]["id"] == "rem_sleep"
    check_assessment(out[1])
    assert "error" in out[2]
    assert "dog.age_years" in json.dumps(out[2]["error"])
    assert "error" in out[3]
    check_assessment(out[4])


def test_batch_all_good_exits_zero(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(CASE) + "\n\n" + "{}\n")
    result = run("assess", "--batch", str(path))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 2
    for data in out:
        check_assessment(data)


def test_batch_missing_file(tmp_path):
    result = run("assess", "--batch", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2
    no_traceback(result)


# --- next-question ----------------------------------------------------------------------


def check_step(data: dict) -> None:
    assert isinstance(data["done"], bool)
    if data["done"]:
        assert data == {"done": True}
        return
    question = data["question"]
    assert {"field", "text", "options"} <= set(question)
    assert question["text"]
    assert isinstance(question["options"], list) and question["options"]
    if question["field"] == "signs":
        assert set(question["options"]) <= set(SIGN_IDS)


def test_next_question_case():
    result = run("next-question", "--case", "-", input="{}")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_step(data)
    assert data["done"] is False


def test_next_question_full_case_is_done():
    full = json.loads(json.dumps(CASE))
    full["signs_absent"] = [s for s in SIGN_IDS if s not in full["signs"]]
    known = {
        f"{section}.{name}" for section in ("dog", "episode", "history") for name in full[section]
    }
    full["unknown"] = [p for p in FIELD_PATHS if p not in known]
    result = run("next-question", "--case", "-", input=json.dumps(full))
    data = json.loads(result.stdout)
    check_step(data)
    assert data["done"] is True


def test_next_question_bad_case():
    result = run("next-question", "--case", "-", input='{"episode": {"aware": 1}}')
    assert result.exit_code == 2
    assert "episode.aware" in result.stderr
    no_traceback(result)


def test_next_question_batch(tmp_path):
    path = tmp_path / "partial.jsonl"
    path.write_text('{}\n\n{"dog": {"sex": "robot"}}\n{"signs": ["collapse"]}\n')
    result = run("next-question", "--batch", str(path))
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3
    check_step(out[0])
    assert "dog.sex" in json.dumps(out[1]["error"])
    check_step(out[2])


def _answer(case: dict, question: dict, policy: str, turn: int) -> dict:
    """A fixed answering policy: what a scripted owner says to one question."""
    field, options = question["field"], question["options"]
    if field == "signs":
        seen = [options[0]] if policy == "first" and turn % 4 == 0 else []
        case["signs"] = case.get("signs", []) + seen
        case["signs_absent"] = case.get("signs_absent", []) + [s for s in options if s not in seen]
        return case
    if policy == "unknown" or (policy == "mixed" and turn % 2):
        case["unknown"] = case.get("unknown", []) + [field]
        return case
    value = options[0] if policy == "first" else options[-1]
    section, _, name = field.partition(".")
    case.setdefault(section, {})[name] = [value] if field == "episode.body_area" else value
    return case


@pytest.mark.parametrize("policy", ["first", "last", "unknown", "mixed"])
def test_no_question_is_asked_twice(policy):
    case: dict = {}
    asked_fields: list[str] = []
    asked_signs: list[str] = []
    for turn in range(100):
        result = run("next-question", "--case", "-", input=json.dumps(case))
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        check_step(data)
        if data["done"]:
            break
        question = data["question"]
        if question["field"] == "signs":
            assert not set(question["options"]) & set(asked_signs), question
            asked_signs += question["options"]
        else:
            assert question["field"] not in asked_fields, (question["field"], asked_fields)
            assert question["field"] not in case.get("unknown", [])
            asked_fields.append(question["field"])
        case = _answer(case, question, policy, turn)
    else:
        pytest.fail("the interview never finished")
    # the finished case is still a valid case, and assesses
    result = run("assess", "--case", "-", input=json.dumps(case))
    assert result.exit_code == 0, result.output
    check_assessment(json.loads(result.stdout))


# --- knowledge ------------------------------------------------------------------------------


def test_knowledge_check():
    result = run("knowledge", "check")
    assert result.exit_code == 0, result.output
    assert "knowledge OK" in result.stdout


def test_knowledge_show_toxin():
    result = run("knowledge", "show", "toxin")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Poisoning" in text
    assert "(888) 426-4435" in text  # ASPCA Animal Poison Control
    assert "(855) 764-7661" in text  # Pet Poison Helpline
    assert "https://" in text
    assert "References" in text
    no_traceback(result)


def test_knowledge_show_every_cause_renders():
    from twitchcheck.knowledge import load_knowledge

    for cause in load_knowledge().causes:
        result = run("knowledge", "show", cause.id)
        assert result.exit_code == 0, (cause.id, result.output)
        for ref in cause.references:
            assert ref.title[:30] in " ".join(result.stdout.split())


def test_knowledge_show_unknown_cause():
    result = run("knowledge", "show", "nope")
    assert result.exit_code == 2
    assert "nope" in result.stderr
    no_traceback(result)
