"""The terminal interview, driven by a scripted owner (`ask`), and the rendering it ends in."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

import twitchcheck.interview as interview_module
from twitchcheck.case import Case, Question
from twitchcheck.cli import app
from twitchcheck.interview import Answer, apply_answer, parse_answer, run_interview
from twitchcheck.knowledge import load_knowledge
from twitchcheck.render import show_assessment

# what a worried owner of a dreaming dog says, field by field
NORMAL_ANSWERS = {
    "dog.age_years": 3.0,
    "dog.sex": "male",
    "dog.pregnant_or_nursing": False,
    "dog.vaccinations": "up_to_date",
    "episode.context": "asleep",
    "episode.body_area": ["hind_leg"],
    "episode.duration": "seconds",
    "episode.aware": "yes",
    "episode.afterwards": "normal",
    "episode.pattern": "occasional",
    "episode.looks_like": "twitching_or_jerking",
    "episode.count_24h": 1,
    "episode.stops_when_distracted": "yes",
    "episode.trigger": "none_noticed",
    "history.recent_heavy_exercise": False,
    "history.new_food_or_medication": False,
    "history.low_water_intake": False,
    "history.hot_weather_or_overheated": False,
    "history.possible_toxin": "no",
}
# fields an owner may not know without it making the result more urgent
HARMLESS_UNKNOWNS = {
    "episode.looks_like",
    "dog.sex",
    "dog.vaccinations",
    "dog.age_years",
    "episode.trigger",
    "episode.stops_when_distracted",
    "history.recent_heavy_exercise",
    "history.new_food_or_medication",
    "history.hot_weather_or_overheated",
}


def console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, width=100, color_system=None), buf


class ScriptedOwner:
    """Answers whatever the engine asks, by looking at the question it just asked."""

    def __init__(self, answer_for, go_back_at: int | None = 2):
        self.answer_for = answer_for
        self.go_back_at = go_back_at
        self.asked: list[Question] = []
        self.said: list[str] = []

    def spy(self, real_next_step):
        def next_step(case: Case):
            step = real_next_step(case)
            if not step.done:
                self.asked.append(step.question)
            return step

        return next_step

    def __call__(self, prompt: str) -> str:
        question = self.asked[-1]
        if self.go_back_at is not None and len(self.asked) == self.go_back_at:
            self.go_back_at = None
            reply = "b"
        else:
            reply = self.answer_for(question, self)
        self.said.append(reply)
        return reply


def number_of(question: Question, value) -> str:
    return str(question.options.index(value) + 1)


def normal_answer(question: Question, owner: ScriptedOwner) -> str:
    if question.field == "signs":
        return ""  # none of these
    if question.field in HARMLESS_UNKNOWNS and "d" not in owner.said:
        return "d"
    value = NORMAL_ANSWERS[question.field]
    if question.field == "episode.body_area":
        return " ".join(number_of(question, v) for v in value)
    return number_of(question, value)


def emergency_answer(question: Question, owner: ScriptedOwner) -> str:
    if question.field == "signs":
        return number_of(question, "collapse") if "collapse" in question.options else ""
    if "d" not in owner.said:
        return "d"
    return "1"


@pytest.fixture
def scripted(monkeypatch):
    def make(answer_for, go_back_at=2) -> ScriptedOwner:
        owner = ScriptedOwner(answer_for, go_back_at)
        monkeypatch.setattr(interview_module, "next_step", owner.spy(interview_module.next_step))
        return owner

    return make


def fields_asked(owner: ScriptedOwner) -> list[str]:
    return [q.field for q in owner.asked]


def test_interview_to_normal_with_back_and_dont_know(scripted):
    owner = scripted(normal_answer)
    con, buf = console()
    assessment = run_interview(console=con, ask=owner)
    out = buf.getvalue()
    assert assessment["urgency"] == "normal", fields_asked(owner)
    assert assessment["causes"][0]["id"] == "rem_sleep"
    assert "b" in owner.said and "d" in owner.said
    # "back" asked the previous question again
    back = owner.said.index("b")
    assert owner.asked[back + 1].field == owner.asked[back - 1].field
    assert "Question 1" in out and "Question 2" in out
    assert "NORMAL" in out
    assert load_knowledge().meta.urgency["normal"].headline in out
    assert "Dreaming" in out or "rem_sleep" in out
    assert "What to do now" in out
    assert load_knowledge().meta.disclaimer.split()[0] in out


def test_interview_to_emergency_on_collapse(scripted):
    owner = scripted(emergency_answer)
    con, buf = console()
    assessment = run_interview(console=con, ask=owner)
    out = buf.getvalue()
    assert assessment["urgency"] == "emergency"
    assert "d" in owner.said and "b" in owner.said
    assert "EMERGENCY" in out
    assert load_knowledge().meta.urgency["emergency"].headline in out
    assert assessment["red_flags"]
    assert assessment["red_flags"][0].split()[0] in out
    # the emergency banner comes before the list of causes
    assert out.index("EMERGENCY") < out.index("Most likely causes")


def test_interview_never_repeats_a_question(scripted):
    owner = scripted(normal_answer, go_back_at=None)
    run_interview(console=console()[0], ask=owner)
    fields = [f for f in fields_asked(owner) if f != "signs"]
    assert len(fields) == len(set(fields))
    signs = [s for q in owner.asked if q.field == "signs" for s in q.options]
    assert len(signs) == len(set(signs))


def test_json_mode_prints_only_the_assessment(scripted, capsys):
    owner = scripted(normal_answer)
    con, buf = console()
    run_interview(as_json=True, console=con, ask=owner)
    data = json.loads(capsys.readouterr().out)
    assert data["urgency"] == "normal"
    assert {"causes", "red_flags", "actions", "prevention", "disclaimer"} <= set(data)
    assert "Question 1" in buf.getvalue()


def test_stop_shows_the_result_so_far():
    con, buf = console()
    assessment = run_interview(console=con, ask=lambda prompt: "s")
    assert assessment["urgency"] in ("emergency", "see_vet", "home_care", "normal")
    assert "Most likely causes" in buf.getvalue()


def test_invalid_answers_are_asked_again():
    replies = iter(["banana", "99", "1 2 x", "s"])
    con, buf = console()
    run_interview(console=con, ask=lambda prompt: next(replies))
    assert "Please" in buf.getvalue()


def test_back_on_the_first_question_is_explained():
    replies = iter(["b", "s"])
    con, buf = console()
    run_interview(console=con, ask=lambda prompt: next(replies))
    assert "nothing to go back to" in buf.getvalue()


@pytest.mark.parametrize(("error", "code"), [(KeyboardInterrupt, 130), (EOFError, 1)])
def test_interrupt_and_end_of_input_exit_cleanly(error, code):
    def ask(prompt):
        raise error

    with pytest.raises(SystemExit) as exc:
        run_interview(console=console()[0], ask=ask)
    assert exc.value.code == code


def test_quit_gives_no_result():
    with pytest.raises(SystemExit) as exc:
        run_interview(console=console()[0], ask=lambda prompt: "q")
    assert exc.value.code == 1


# --- through the command line -------------------------------------------------------------

runner = CliRunner()


def test_cli_interview_json():
    result = runner.invoke(app, ["interview", "--json"], input="1\n" * 100)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["urgency"] in ("emergency", "see_vet", "home_care", "normal")
    assert "Question 1" in result.stderr


def test_cli_interview_human():
    result = runner.invoke(app, ["interview"], input="\n" + "2\n" * 100)
    assert result.exit_code == 0, result.output
    assert "Question 1" in result.stdout
    assert "Urgency" in result.stdout and "What to do now" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: plain text


def test_cli_interview_input_ends_early():
    result = runner.invoke(app, ["interview"], input="\n")
    assert result.exit_code == 1
    assert "Traceback" not in result.output


# --- answers, one at a time ---------------------------------------------------------------


def test_parse_answer():
    assert parse_answer("2", 4, multi=False, allow_unknown=True) == Answer("pick", (1,))
    assert parse_answer("5", 4, multi=False, allow_unknown=True).kind == "unknown"
    assert parse_answer("d", 4, multi=False, allow_unknown=True).kind == "unknown"
    assert parse_answer("d", 4, multi=True, allow_unknown=False).kind == "invalid"
    assert parse_answer(" B ", 4, multi=False, allow_unknown=True).kind == "back"
    assert parse_answer("0", 4, multi=False, allow_unknown=True).kind == "back"
    assert parse_answer("1 3", 4, multi=False, allow_unknown=True).kind == "invalid"
    assert parse_answer("1 3,3", 4, multi=True, allow_unknown=False) == Answer("pick", (0, 2))
    assert parse_answer("", 4, multi=True, allow_unknown=False) == Answer("pick", ())
    assert parse_answer("", 4, multi=True, allow_unknown=True).kind == "unknown"
    assert parse_answer("", 4, multi=False, allow_unknown=True).kind == "invalid"
    assert parse_answer("7", 4, multi=True, allow_unknown=False).kind == "invalid"


def test_apply_answer_signs_and_unknown():
    q = Question(field="signs", text="?", options=["collapse", "fever", "cough"])
    case = apply_answer({"signs": ["itching"]}, q, Answer("pick", (1,)))
    assert case["signs"] == ["itching", "fever"]
    assert case["signs_absent"] == ["collapse", "cough"]
    Case.model_validate(case)

    q = Question(field="episode.aware", text="?", options=["yes", "no"])
    before = {"episode": {"context": "asleep"}}
    case = apply_answer(before, q, Answer("unknown"))
    assert case["unknown"] == ["episode.aware"] and before == {"episode": {"context": "asleep"}}
    case = apply_answer(case, q, Answer("pick", (0,)))
    assert case["episode"] == {"context": "asleep", "aware": "yes"}

    q = Question(field="episode.body_area", text="?", options=["hind_leg", "back", "face_head"])
    case = apply_answer({}, q, Answer("pick", (0, 2)))
    assert case["episode"]["body_area"] == ["hind_leg", "face_head"]
    Case.model_validate(case)


# --- rendering without colour ---------------------------------------------------------------


def test_show_assessment_no_color(monkeypatch):
    from twitchcheck.engine import assess_case

    monkeypatch.setenv("NO_COLOR", "1")
    buf = io.StringIO()
    con = Console(file=buf, width=80, force_terminal=True)
    assessment = assess_case(Case.model_validate({"signs": ["collapse"]}))
    show_assessment(assessment, load_knowledge(), con)
    out = buf.getvalue()
    assert "EMERGENCY" in out
    assert "\x1b[41m" not in out and "\x1b[31m" not in out  # no red
    assert "%" in out


def test_show_assessment_ascii_console():
    from twitchcheck.engine import assess_case

    buf = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    con = Console(file=buf, width=80, color_system=None)
    assessment = assess_case(Case.model_validate({"episode": {"context": "asleep"}}))
    show_assessment(assessment, load_knowledge(), con)
    buf.flush()
    assert "#" in buf.buffer.getvalue().decode("ascii")
