"""Every address as a visitor, another owner (B) and a signed-up user with no dog (C):
nothing of owner A's may show or change.

The page addresses come from the URL configuration (urls_dump.py, filled in with A's
objects), the API's from the OpenAPI document, each tried with GET and POST (the API with
every documented method). A leak is any of:
- A's secret text or email address in an answer;
- a 2xx, or a redirect anywhere but a log-in page, for one of A's objects or for the admin;
- a change in the database (A's diary, the comments, the store, the accounts).
Owner A tries A's own pages first, so an address that shows A nothing cannot pass as safe.
"""

from __future__ import annotations

import hashlib
import json
import time

import requests

from .browser_http import Visitor
from .result import Row
from .stack import ROOT, Gunicorn, Site, sql

SKIP_POST = {"logout", "admin:logout", "diary:account_delete", "password_change"}
API_BODIES = {
    ("patch", "/api/v1/dogs/{dog_id}"): {"name": "Stolen"},
    ("post", "/api/v1/dogs/{dog_id}/episodes"): {"started_at": "2026-03-14T21:40:00+00:00"},
    ("patch", "/api/v1/episodes/{episode_id}"): {"notes": "stolen"},
}


def snapshot(world: dict) -> dict[str, str]:
    """Owner A's rows (diary, tokens, account) and every comment, store and wizard row,
    hashed by table. A stranger may change their own rows, never these."""
    dog, user = world["objects"]["dog_id"], world["alice"]["id"]
    columns: dict[str, set[str]] = {}
    for table, column in sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public'"
    ):
        columns.setdefault(table, set()).add(column)
    hashes = {}
    for table, names in sorted(columns.items()):
        if table.split("_")[0] not in ("diary", "comments", "store", "check"):
            continue
        if table == "diary_dog":
            where = f"WHERE id = {dog}"
        elif "dog_id" in names:
            where = f"WHERE dog_id = {dog}"
        elif "user_id" in names:
            where = f"WHERE user_id = {user}"
        else:
            where = ""
        rows = sql(f'SELECT * FROM "{table}" {where} ORDER BY 1')
        hashes[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    account = sql(
        f"SELECT id, username, email, password, is_staff FROM auth_user WHERE id = {user}"
    )
    hashes["auth_user (A)"] = hashlib.sha256(repr(account).encode()).hexdigest()
    return hashes


def page_addresses(site: Site, world: dict) -> tuple[list[dict], list[str]]:
    lines = site.django(ROOT / "bench/reliability/urls_dump.py", stdin=json.dumps(world))
    entries, unfilled = [], []
    for line in lines.splitlines():
        entry = json.loads(line)
        if entry["scope"] in ("info",) or entry["name"].startswith("api:"):
            continue  # the API is walked from its OpenAPI document
        if entry["url"] is None:
            unfilled.append(entry["name"])
            continue
        entries.append(entry)
    entries.append({"name": "favicon", "url": "/favicon.ico", "scope": "public"})
    return entries, unfilled


def api_operations(host: Gunicorn, objects: dict) -> list[tuple[str, str, str]]:
    document = Visitor(host.url).get("/api/v1/openapi.json").json()
    operations = []
    for template, methods in document["paths"].items():
        path = template.replace("{cause_id}", "toxin").format(
            **{k: v for k, v in objects.items() if isinstance(v, int)}
        )
        scope = "object" if "{dog_id}" in template or "{episode_id}" in template else "public"
        for method in methods:
            if method in ("get", "post", "put", "patch", "delete"):
                operations.append((method, template, path, scope))
    return operations


def _leaky(response, scope: str, world: dict) -> str:
    body = response.content
    if world["secret"].encode() in body or world["alice"]["email"].encode() in body:
        return "shows owner A's data"
    status = response.status_code
    location = response.headers.get("Location", "")
    if scope in ("object", "admin"):
        if 200 <= status < 300:
            return f"answers {status}"
        if 300 <= status < 400 and "login" not in location:
            return f"redirects to {location}"
    return ""


def run(host: Gunicorn, site: Site) -> Row:
    # an owner A of the walk's own, made now: the checks before it (schemathesis acts as
    # the seeded owner A) may have patched or deleted that owner's objects
    fresh = json.loads(
        site.django(ROOT / "bench/reliability/seed.py", "--owner-a", f"-walk{time.time_ns()}")
    )
    world = {**site.world, **fresh}
    seeded = sql("SELECT name FROM diary_dog WHERE id = %s", (site.world["objects"]["dog_id"],))
    row = Row("Access (URL conf + API)", "addresses x methods x roles (visitor, B, C)")
    row.note(
        "the seeded owner A's dog when the walk began: "
        + (
            "deleted"
            if not seeded
            else ("as seeded" if site.world["secret"] in seeded[0][0] else "changed")
        )
        + " (the walk uses an owner A of its own)"
    )
    pages, unfilled = page_addresses(site, world)
    if unfilled:
        row.note("not filled in (tried by pattern only): " + ", ".join(sorted(set(unfilled))))
    operations = api_operations(host, world["objects"])

    # owner A first: each object address must show A's data, or the walk proves nothing
    alice = Visitor(host.url)
    alice.login(world["alice"]["email"], world["password"])
    blind = []
    for e in pages:
        if e["scope"] == "object" and e["name"] in (
            "diary:dog",
            "diary:episode",
            "diary:report",
            "diary:dog_edit",
        ):
            own = _send(row, f"alice GET {e['url']}", alice.get, e["url"])
            if own is None or world["secret"].encode() not in own.content:
                blind.append(e["name"])
    if blind:
        row.failures += len(blind)
        row.note("owner A does not see the secret on: " + ", ".join(blind))

    roles = {"visitor": Visitor(host.url)}
    for who in ("bob", "carol"):
        roles[who] = Visitor(host.url)
        if not roles[who].login(world[who]["email"], world["password"]):
            row.available = False
            row.note(f"{who} could not log in")
            return row
    for visitor in roles.values():
        visitor.csrf()
    tokens = {"visitor": None, "bob": world["bob"]["token"], "carol": world["carol"]["token"]}

    before = snapshot(world)
    for role, visitor in roles.items():
        for entry in pages:
            for method in ("get", "post"):
                if method == "post" and (entry["name"] in SKIP_POST or entry["name"] == "logout"):
                    continue
                what = f"{role} {method.upper()} {entry['url']}"
                response = _send(
                    row,
                    what,
                    getattr(visitor, method),
                    entry["url"],
                    **({} if method == "get" else {"data": {}}),
                )
                if response is not None:
                    _count(row, response, what, entry["scope"], world)
        for method, template, path, scope in operations:
            headers = {"Authorization": f"Bearer {tokens[role]}"} if tokens[role] else {}
            body = API_BODIES.get((method, template), {})
            what = f"{role} {method.upper()} {path} (API)"
            response = _send(
                row,
                what,
                visitor.http.request,
                method.upper(),
                host.url + path,
                json=body if method in ("post", "patch", "put") else None,
                headers=headers,
                allow_redirects=False,
                timeout=60,
            )
            if response is not None:
                _count(row, response, what, scope, world)
    after = snapshot(world)
    changed = [table for table in before if after.get(table) != before[table]]
    if changed:
        row.failures += len(changed)
        row.examples.append("changed by the strangers' walk: " + ", ".join(changed))
    row.count = row.requests
    row.note(
        "strangers' answers for A's objects and the admin: "
        + ", ".join(f"{k}: {v}" for k, v in sorted(row.statuses.items()))
    )
    row.note(f"{len(pages)} page addresses, {len(operations)} API operations")
    return row


def _send(row: Row, what: str, request, *args, **kwargs):
    """One request of the walk. A connection dropped or timed out before an answer is an
    error of that request (its address in the examples), and the walk goes on: a reset
    must not hide what the other addresses answer."""
    try:
        return request(*args, **kwargs)
    except requests.RequestException as problem:
        row.requests += 1
        row.errors += 1
        row.examples.append(f"{what}: no answer ({type(problem).__name__}: {problem})"[:300])
        return None


def _count(row: Row, response, what: str, scope: str, world: dict) -> None:
    row.requests += 1
    if scope in ("object", "admin"):
        key = f"{scope} {response.status_code}"
        row.statuses[key] = row.statuses.get(key, 0) + 1
    if response.status_code >= 500:
        row.errors += 1
        row.examples.append(f"{what}: {response.status_code}")
    problem = _leaky(response, scope, world)
    if problem:
        row.failures += 1
        row.examples.append(f"{what}: {problem}")
