"""The phrase tables of understand are data, checked whole at load: a malformed table
fails with a message that names the file, the entry and the field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from twitchcheck.understand import tables
from twitchcheck.understand.tables import TablesError, load, load_tables


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(tables.DATA_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_packaged_tables_load():
    loaded = load_tables()
    assert loaded is load_tables()  # once per process
    assert len(loaded.rules) > 50
    targets = {rule.target for rule in loaded.rules}
    assert "episode.looks_like" in targets and "signs.collapse" in targets
    for rule in loaded.rules:  # every pattern compiles, with its macros expanded
        assert "{" not in re.sub(r"\{\d*,?\d*\}", "", rule.pattern)


BROKEN = [
    # (file, text in it, replacement, words the message must contain)
    ("signs.yaml", "      - 'limp(?:s|ing|ed)'", "      - 'limp(?:s|ing|ed'",
     ["signs.yaml", "limping_or_pain", "rule 1", "phrase 1", "bad regular expression"]),
    ("signs.yaml", "limping_or_pain:\n", "limping_or_painful:\n",
     ["signs.yaml", "limping_or_painful", "not a sign id"]),
    ("signs.yaml", "    said: absent\n    denied: seen\n", "    said: gone\n    denied: seen\n",
     ["signs.yaml", "limping_or_pain", "rule 2", "said", "'gone'"]),
    ("signs.yaml", "{PRONOUN}", "{PRONOUNS}", ["signs.yaml", "unknown macro {PRONOUNS}"]),
    ("fields.yaml", "      said: first_time\n", "      said: first_ever\n",
     ["fields.yaml", "episode.pattern", "said", "'first_ever'", "not a value of episode.pattern"]),
    ("fields.yaml", "  prefer: ['yes', unknown, 'no']", "  prefer: [yes, unknown, no]",
     ["fields.yaml", "history.possible_toxin", "prefer", "quote it"]),
    ("fields.yaml", "dog.vaccinations:\n", "dog.vaccination:\n",
     ["fields.yaml", "dog.vaccination", "not a field of the case contract"]),
    ("fields.yaml", "      scope: episode\n", "      scope: sleep\n",
     ["fields.yaml", "scope", "'sleep'"]),
    ("fields.yaml", "      said: head_bobbing\n", "      said: head_bobbing\n      sayd: 1\n",
     ["fields.yaml", "episode.looks_like", "sayd", "Extra inputs"]),
    ("cues.yaml", "max_gap: 4", "max_gap: many", ["cues.yaml", "max_gap"]),
    ("cues.yaml", "  - 'not (?:sure|certain)'", "  - 'not (?:sure|certain'",
     ["cues.yaml", "hedged", "phrase 1", "bad regular expression"]),
    ("episode.yaml", "  - area: hind_leg", "  - area: hind_legs",
     ["episode.yaml", "areas", "'hind_legs'"]),
    ("breeds.yaml", "  - name: beagle\n", "  - nam: beagle\n", ["breeds.yaml", "breeds", "name"]),
    ("spelling.yaml", "  - twitching\n", "  - Twitching\n", ["spelling.yaml", "'Twitching'"]),
    ("languages.yaml", "'und', ", "'the', ", ["languages.yaml", "german", "english"]),
    ("macros.yaml", "PRONOUN: '(?:his", "PRONOUN: '((?:his", ["macros.yaml", "PRONOUN"]),
    ("signs.yaml", "cough:\n", "cough:\n  - [", ["signs.yaml", "cannot be read as YAML"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "old", "new", "words"), BROKEN, ids=[b[1][:30] for b in BROKEN])
def test_a_malformed_table_names_file_entry_and_field(data, name, old, new, words):
    edit(data / name, old, new)
    with pytest.raises(TablesError) as raised:
        load(data)
    message = str(raised.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
