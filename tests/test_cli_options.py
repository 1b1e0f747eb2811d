"""The command line's options for people and scripts: --version, completion, exit codes,
--format, --exit-code, interview --text/--save/--name, progress on standard error, and
the robust edges (bytes that are not UTF-8, --batch -, text over the limit)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import twitchcheck.cli as cli
from twitchcheck.cli import URGENCY_EXIT, app
from twitchcheck.session import Interview
from twitchcheck.understand.text import MAX_CHARS

runner = CliRunner()
DREAMING = {"episode": {"context": "asleep", "aware": "yes", "duration": "seconds"}}
COLLAPSED = {"signs": ["collapse", "breathing_difficulty"]}


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- the command itself ---------------------------------------------------------------------


def test_version():
    from importlib.metadata import version

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"twitchcheck {version('twitchcheck')}"


def test_help_documents_the_exit_codes_and_offers_completion():
    result = run("--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit status: 0 done; 1 some batch lines were invalid" in text
    for code in (
        "2 wrong usage",
        "3 the text could not be understood",
        "10 home care",
        "11 see a vet",
        "12 emergency",
        "130 interrupted",
    ):
        assert code in text
    assert "--install-completion" in text and "--show-completion" in text


def test_shell_completion_script(monkeypatch):
    # typer finds the shell from the process tree, which depends on how the tests were started
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("bash", "/bin/bash"))
    result = runner.invoke(app, ["--show-completion"], prog_name="twitchcheck")
    assert result.exit_code == 0, result.output
    assert "_TWITCHCHECK_COMPLETE=complete_bash" in result.stdout


# --- assess: formats and exit codes ---------------------------------------------------------


def test_json_when_piped_table_on_a_terminal(monkeypatch):
    piped = run("assess", "--case", "-", input=json.dumps(DREAMING))
    assert json.loads(piped.stdout)["urgency"]
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    table = run("assess", "--case", "-", input=json.dumps(DREAMING))
    assert table.exit_code == 0, table.output
    assert "What to do now" in table.stdout and "Most likely causes" in table.stdout
    assert not table.stdout.lstrip().startswith("{")


@pytest.mark.parametrize("fmt", ["json", "table", "markdown"])
def test_every_format(fmt):
    result = run("assess", "--case", "-", "--format", fmt, input=json.dumps(COLLAPSED))
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["urgency"] == "emergency"
    elif fmt == "table":
        assert "EMERGENCY" in out and "What you told us" in out
        assert out.rstrip().splitlines()[-1].strip().startswith("EMERGENCY:")
    else:
        assert out.startswith("# Emergency: Go to a vet")
        assert "## What to do now" in out and "## Most likely causes" in out
        assert out.index("## What to do now") < out.index("## Why") < out.index("## Most likely")
        assert "| cause | likelihood | why |" in out


def test_markdown_and_table_for_a_poisoning_give_the_phone_lines():
    case = json.dumps({"history": {"possible_toxin": "yes"}, "signs": ["drooling"]})
    md = run("assess", "--case", "-", "--format", "markdown", input=case).stdout
    assert "[(888) 426-4435](tel:8884264435)" in md
    table = run("assess", "--case", "-", "--format", "table", input=case).stdout
    assert "(888) 426-4435" in table


def test_a_batch_is_always_json_lines():
    result = run("assess", "--batch", "-", "--format", "table", input="{}\n")
    assert result.exit_code == 2
    assert "JSON Lines" in result.stderr


@pytest.mark.parametrize(("case", "code"), [(DREAMING, 0), (COLLAPSED, 12)])
def test_exit_code_follows_the_urgency(case, code):
    result = run("assess", "--case", "-", "--exit-code", input=json.dumps(case))
    assert result.exit_code == code
    assert URGENCY_EXIT[json.loads(result.stdout)["urgency"]] == code


def test_exit_code_of_a_batch_is_its_most_urgent_line_unless_a_line_is_bad():
    good = "\n".join(json.dumps(c) for c in (DREAMING, COLLAPSED, {})) + "\n"
    result = run("assess", "--batch", "-", "--exit-code", input=good)
    assert result.exit_code == 12
    assert len(result.stdout.splitlines()) == 3
    result = run("assess", "--batch", "-", "--exit-code", input=good + "{broken\n")
    assert result.exit_code == 1
    assert run("assess", "--batch", "-", input=good).exit_code == 0


def test_exit_code_on_a_see_a_vet_or_home_care_case():
    for case in (
        {"episode": {"context": "during_or_after_exercise"}},
        {"episode": {"pattern": "more_often_lately"}},
    ):
        result = run("assess", "--case", "-", "--exit-code", input=json.dumps(case))
        assert result.exit_code == URGENCY_EXIT[json.loads(result.stdout)["urgency"]]


# --- the robust edges -----------------------------------------------------------------------


def test_batch_from_standard_input():
    lines = json.dumps(DREAMING) + "\n" + json.dumps(COLLAPSED) + "\n"
    result = run("assess", "--batch", "-", input=lines)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["urgency"] for o in out][1] == "emergency"
    nq = run("next-question", "--batch", "-", input="{}\n")
    assert json.loads(nq.stdout)["done"] in (True, False)
    und = run("understand", "--batch", "-", input='{"text": "she collapsed"}\n')
    assert "case" in json.loads(und.stdout)


@pytest.mark.parametrize("command", ["assess", "next-question", "understand"])
def test_a_line_that_is_not_utf8_gets_its_own_error_and_the_batch_goes_on(tmp_path, command):
    path = tmp_path / "mixed.jsonl"
    good = b'{"text": "she twitches in her sleep"}' if command == "understand" else b"{}"
    bad = b'{"text": "caf\xe9"}' if command == "understand" else b'{"dog": {"breed": "caf\xe9"}}'
    path.write_bytes(good + b"\n" + bad + b"\n" + good + b"\n")
    result = run(command, "--batch", str(path))
    assert result.exit_code == 1
    no_traceback(result)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3
    assert "error" not in out[0] and "error" not in out[2]
    assert out[1]["error"]["line"] == 2
    assert "not UTF-8" in out[1]["error"]["message"]


def test_case_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "case.json"
    path.write_bytes(b'{"dog": {"breed": "caf\xe9"}}')
    result = run("assess", "--case", str(path))
    assert result.exit_code == 2
    no_traceback(result)


def test_batch_output_is_byte_for_byte_the_contracts_json(tmp_path):
    import orjson

    from twitchcheck.engine import assess_case
    from twitchcheck.errors import parse_case

    cases = [DREAMING, COLLAPSED, {}, {"dog": {"age_years": 2.0}}]
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases))
    result = runner.invoke(app, ["assess", "--batch", str(path)])
    expected = b"".join(orjson.dumps(assess_case(parse_case(json.dumps(c)))) + b"\n" for c in cases)
    assert result.stdout_bytes == expected


def test_progress_goes_to_standard_error_never_into_the_output(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    path = tmp_path / "cases.jsonl"
    path.write_text("{}\n" * 600)
    result = run("assess", "--batch", str(path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 600
    assert all(line.startswith('{"urgency"') for line in lines)


def test_the_progress_bar_shows_lines_rate_and_time_left(tmp_path):
    import io

    from rich.console import Console

    path = tmp_path / "cases.jsonl"
    path.write_text("{}\n" * 10)
    buffer = io.StringIO()
    update = cli._progress(
        path.stat().st_size, console=Console(file=buffer, force_terminal=True, width=100)
    )
    with path.open("rb") as handle:
        handle.read()
        update(handle, 10)
    update(None, 0)
    shown = buffer.getvalue()
    assert "10 lines" in shown and "/s" in shown


@pytest.mark.parametrize(
    "args",
    [("assess", "--text"), ("understand", "--text"), ("interview", "--text")],
)
def test_text_over_the_limit_is_refused_never_cut(args):
    result = run(*args, "x" * (MAX_CHARS + 1))
    assert result.exit_code == 2
    assert f"{MAX_CHARS:,}" in result.stderr and "not cut" in result.stderr
    no_traceback(result)


def test_text_over_the_limit_in_a_batch_is_an_error_line():
    line = json.dumps({"text": "x" * (MAX_CHARS + 1)})
    result = run("understand", "--batch", "-", input=line + '\n{"text": "she collapsed"}\n')
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert "error" in out[0] and out[0]["error"]["fields"][0]["field"] == "text"
    assert "case" in out[1]


def test_text_not_understood_says_so_instead_of_assessing():
    result = run("assess", "--text", "qwerty zxcv")
    assert result.exit_code == 3
    assert "could not understand" in result.stderr
    assert result.stdout == ""
    und = run("understand", "--text", "qwerty zxcv")
    assert und.exit_code == 0
    assert json.loads(und.stdout)["case"] == {}
    assert "could not understand" in und.stderr


# --- interview --text, --save, --name -------------------------------------------------------


def test_interview_from_the_owners_words_asks_only_what_is_missing(tmp_path):
    save = tmp_path / "check.json"
    text = "my lab jerks her back leg in her sleep for a few seconds and wakes up fine when called"
    result = runner.invoke(
        app,
        ["interview", "--text", text, "--save", str(save), "--name", "Bella"],
        input="\n" + "d\n" * 60,
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "What I understood" in out
    assert "While asleep" in out
    assert "When does the twitching happen?" not in out  # understood, so never asked
    assert "Dog: Bella" in out
    data = json.loads(save.read_text())
    assert data["dog_name"] == "Bella"
    assert data["assessment"]["urgency"] in URGENCY_EXIT
    state = Interview.from_dict(data["twitchcheck_interview"])
    assert state.case_dict == data["case"] and state.from_text
    assert data["case"]["episode"]["context"] == "asleep"


def test_interview_text_facts_can_be_taken_out():
    text = "my lab jerks her back leg in her sleep"
    result = runner.invoke(app, ["interview", "--text", text], input="1\n\n" + "d\n" * 60)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("What I understood") == 2


def test_interview_text_not_understood_goes_on_with_questions():
    result = runner.invoke(app, ["interview", "--text", "qwerty zxcv"], input="d\n" * 60)
    assert result.exit_code == 0, result.output
    assert "I could not understand this" in result.stdout
    assert "Question 1" in result.stdout


def test_interview_json_with_text_prints_only_the_assessment():
    result = runner.invoke(
        app,
        ["interview", "--json", "--text", "she collapsed and cannot breathe"],
        input="\n" + "d\n" * 60,
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["urgency"] == "emergency"
