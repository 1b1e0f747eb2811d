"""Reading settings from the environment, and the development secret kept on disk."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {raw!r})")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return default if raw is None or not raw.strip() else int(raw)


def required(name: str, why: str):
    """Production (DEBUG off, no LOCAL_RUN) refuses to start without this setting."""
    raise ImproperlyConfigured(
        f"{name} must be set when DEBUG is off: {why} (for a local run on this machine over "
        "plain HTTP, set LOCAL_RUN=1 instead; see docs/web.md)."
    )


def var_dir() -> Path:
    """Where the SQLite database and the development secret live (git-ignored).

    VAR_DIR when set; otherwise var/ at the top of the source tree when running from a
    checkout, else var/ in the working directory.
    """
    if os.environ.get("VAR_DIR"):
        return Path(os.environ["VAR_DIR"]).resolve()
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / "manage.py").is_file():
        return checkout / "var"
    return Path.cwd() / "var"


def development_secret(folder: Path) -> str:
    """A random secret made once and kept in folder/secret_key (mode 600), for machines
    that set no SECRET_KEY. Production sets SECRET_KEY."""
    path = folder / "secret_key"
    if path.is_file():
        return path.read_text().strip()
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / f".secret_key.{os.getpid()}"
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(50) + "\n")
    try:
        os.link(draft, path)  # atomic: the first process to get here wins
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return path.read_text().strip()
