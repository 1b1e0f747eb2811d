"""The diary's documentation keeps up with the code: every DIARY_ setting read from the
environment, and every diary API path, is in docs/diary.md."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "diary.md").read_text()


def test_every_diary_environment_variable_is_documented():
    settings = (ROOT / "src" / "twitchcheck" / "web" / "settings.py").read_text()
    names = set(re.findall(r'"(DIARY_[A-Z_]+)"', settings))
    assert names, "no DIARY_ settings found"
    for name in names:
        assert f"`{name}`" in DOC or f"`{name}" in DOC, name


def test_every_diary_api_path_is_documented(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    diary = [
        p for p in paths if p.startswith(("/api/v1/dogs", "/api/v1/episodes", "/api/v1/token"))
    ]
    assert len(diary) == 9
    for path in diary:
        assert path in DOC.replace("{id}", "{dog_id}") or path in DOC.replace(
            "{id}", "{episode_id}"
        ), path
