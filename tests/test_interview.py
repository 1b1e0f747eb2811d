"""The terminal interview, driven by a scripted owner (`ask`), and the rendering it ends in."""
# ruff: noqa: E501

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from twitchcheck import next_question
from twitchcheck.case import Case, Question
from twitchcheck.cli import app
from twitchcheck.interview import Answer, apply, parse_answer, run_interview
from twitchcheck.knowledge import load_knowledge
from twitchcheck.render import markdown_report, show_assessment
from twitchcheck.session import Interview, typical_length

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
        def next_step(interview):
            step = real_next_step(interview)
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
        return "n"  # none of these
    if question.field in HARMLESS_UNKNOWNS and "d" not in owner.said:
        return "d"
    value = NORMAL_ANSWERS[question.field]
    if question.field == "episode.body_area":
        return " ".join(number_of(question, v) for v in value)
    return number_of(question, value)


def emergency_answer(question: Question, owner: ScriptedOwner) -> str:
    if question.field == "signs":
        return number_of(question, "collapse") if "collapse" in question.options else "n"
    if "d" not in owner.said:
        return "d"
    return "1"


@pytest.fixture
def scripted(monkeypatch):
    def make(answer_for, go_back_at=2) -> ScriptedOwner:
        typical_length()  # worked out once, before the spy counts questions
        owner = ScriptedOwner(answer_for, go_back_at)
        monkeypatch.setattr(Interview, "next_step", owner.spy(Interview.next_step))
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
    assert "b" in owner.said, (owner.said, fields_asked(owner))
    # "back" asked the previous question again
    back = owner.said.index("b")
    assert owner.asked[back + 1].field == owner.asked[back - 1].field
    assert "Question 1" in out and "Question 2" in out
    assert "NORMAL" in out
    assert load_knowledge().meta.urgency["normal"].headline in out
    assert "Dreaming" in out or "rem_sleep" in out
    assert "What to do now" in out
    assert load_knowledge().meta.disclaimer.split()[0] in out
    assert "What you told us" in out and "While asleep" in out


def test_interview_to_emergency_on_collapse(scripted):
    owner = scripted(emergency_answer)
    con, buf = console()
    assessment = run_interview(console=con, ask=owner)
    out = buf.getvalue()
    assert assessment["urgency"] == "emergency"
    assert "EMERGENCY" in out
    assert load_knowledge().meta.urgency["emergency"].headline in out
    assert assessment["red_flags"]
    assert assessment["red_flags"][0].split()[0] in out
    # the emergency banner comes before the list of causes, and again as the last line
    result = out[out.rindex("What to do now") - 200 :]
    assert result.index("EMERGENCY") < result.index("Most likely causes")
    assert out.rstrip().splitlines()[-1].strip().startswith("EMERGENCY:")
    # once the answers made it an emergency, every later question carried the warning
    warned = out.index("GO TO A VET NOW")
    assert all(
        out.index(f"Question {n}", warned)
        for n in range(len(owner.asked))
        if f"Question {n}" in out[warned:]
    )


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


def test_the_checklist_shows_the_heading_of_each_part_once():
    replies = iter(["2", "s"])  # trembling, then stop at the checklist of signs
    con, buf = console()
    run_interview(console=con, ask=lambda prompt: next(replies))
    shown = buf.getvalue()
    groups = next_question(
        {"episode": {"looks_like": "trembling_or_shivering"}}
    ).question.option_groups
    assert len(groups) >= 2
    for group in groups:
        assert shown.count(group.label) == 1
    # the numbering runs on through the parts: every sign has its own number
    assert re.search(r"\b21\s+Red skin or hives", shown)


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
    result = runner.invoke(app, ["interview"], input="\n" + "2\n" * 100)  # \n: asked again
    assert result.exit_code == 0, result.output
    assert "Question 1" in result.stdout
    assert "What to do now" in result.stdout and "Most likely causes" in result.stdout
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
    assert parse_answer("n", 4, multi=True) == Answer("pick", ())  # none of these
    assert parse_answer("", 4, multi=True).kind == "invalid"  # a choice, never a guess
    assert parse_answer("", 4, multi=False, allow_unknown=True).kind == "invalid"
    assert parse_answer("7", 4, multi=True, allow_unknown=False).kind == "invalid"
    assert parse_answer(" Beagle ", 0, multi=False, typed=True) == Answer("typed", text="Beagle")
    assert parse_answer("d", 0, multi=False, typed=True).kind == "unknown"


def test_apply_answer_signs_and_unknown():
    q = Question(field="signs", text="?", options=["collapse", "fever", "cough"])
    state = apply(Interview.start({"signs": ["itching"]}), q, Answer("pick", (1,)))
    assert state.case_dict["signs"] == ["itching", "fever"]
    assert state.case_dict["signs_absent"] == ["collapse", "cough"]

    q = Question(field="episode.aware", text="?", options=["yes", "no"])
    before = Interview.start({"episode": {"context": "asleep"}})
    state = apply(before, q, Answer("unknown"))
    assert state.case_dict["unknown"] == ["episode.aware"]
    assert before.case_dict == {"episode": {"context": "asleep"}}
    state = apply(state, q, Answer("pick", (0,)))
    assert state.case_dict["episode"] == {"context": "asleep", "aware": "yes"}
    assert "unknown" not in state.case_dict

    q = Question(field="episode.body_area", text="?", options=["hind_leg", "back", "face_head"])
    state = apply(Interview.start(), q, Answer("pick", (0, 2)))
    assert state.case_dict["episode"]["body_area"] == ["hind_leg", "face_head"]
    q = Question(field="dog.breed", text="?", options=[])
    assert apply(Interview.start(), q, Answer("typed", text="Beagle")).case.dog.breed == "Beagle"


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


def test_an_80_by_40_terminal_keeps_the_emergency_in_sight():
    from twitchcheck import assess

    buf = io.StringIO()
    con = Console(file=buf, width=80, height=40, color_system=None)
    case = {"history": {"possible_toxin": "yes"}, "signs": ["collapse", "drooling"]}
    assessment = assess(case).model_dump(mode="json")
    show_assessment(assessment, load_knowledge(), con, case=case, dog_name="Rex", when="today")
    lines = buf.getvalue().rstrip("\n").splitlines()
    assert len(lines) > 40  # the whole result is longer than the screen
    assert any("EMERGENCY" in line for line in lines[-40:])  # what stays on screen
    assert "EMERGENCY" in lines[1]  # and it leads
    assert max(len(line) for line in lines) <= 80


def test_markdown_report_in_the_same_order():
    from twitchcheck import assess

    case = {"episode": {"context": "asleep", "aware": "yes"}}
    md = markdown_report(
        assess(case).model_dump(mode="json"), load_knowledge(), case=case, dog_name="Bella"
    )
    assert md.startswith("# Normal:")
    assert "Dog: Bella" in md
    assert md.index("## Most likely causes") < md.index("## What you told us")
