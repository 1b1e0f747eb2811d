"""The load: people reading the guide, checking their dog in the wizard, apps calling the
API, visitors commenting and owners logging episodes, at a realistic mix and pace.

Run by load.py and faults.py (`locust -f bench/reliability/locustfile.py ...`) with:
  RELIABILITY_WORLD    seed.py's JSON (the load owners and their API tokens)
  RELIABILITY_LOG      where every request's outcome and every acknowledged write goes
  RELIABILITY_TARGETS  comma-separated base addresses: the client spreads requests over
                       them and, when one refuses to connect, goes to the next (two hosts
                       behind nothing but the client)

Outcomes: ok; 503 (a clean one: JSON with "detail", or the styled page that sends the
owner to a vet); refused (nothing listening: not sent); dropped (connection broken
before an answer: a write may or may not have happened, so it is not acknowledged);
error (any other 5xx, a 503 that is not clean, an unexpected status, a timeout).
A write is acknowledged only by its success answer, and logged with a unique key.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
import time
import uuid

from locust import HttpUser, between, task

sys.path.insert(0, os.path.dirname(__file__))
from browser_http import form_with  # noqa: E402

with open(os.environ["RELIABILITY_WORLD"]) as handle:
    WORLD = json.load(handle)
LOG = open(os.environ["RELIABILITY_LOG"], "a", buffering=1)  # noqa: SIM115 (the whole run)
TARGETS = [t for t in os.environ.get("RELIABILITY_TARGETS", "").split(",") if t]
ACCOUNTS = itertools.cycle(WORLD["load"])
COUNTER = itertools.count()
PASSWORD = WORLD["password"]
CASES = [
    {"episode": {"context": "asleep", "aware": "yes"}},
    {
        "dog": {"age_years": 3.5, "breed": "labrador retriever", "sex": "female"},
        "episode": {"context": "asleep", "body_area": ["hind_leg"], "duration": "seconds"},
        "history": {"possible_toxin": "no"},
        "signs": ["paddling_or_chomping"],
    },
    {"episode": {"context": "during_or_after_exercise", "looks_like": "trembling_or_shivering"}},
    {"history": {"possible_toxin": "yes"}},
]
WORDS = [
    "my dog twitches in her sleep and wakes up fine",
    "he ate chocolate and is shaking all over",
    "her back leg jerks after long walks",
    "my puppy trembles when it is cold",
]


def record(**fields) -> None:
    LOG.write(json.dumps({"t": time.time(), **fields}) + "\n")


def _clean_503(response) -> bool:
    body = response.text or ""
    if "json" in response.headers.get("Content-Type", ""):
        return '"detail"' in body
    return "vet" in body.lower() and "<html" in body.lower()


class Person(HttpUser):
    wait_time = between(0.5, 2.5)

    def on_start(self):
        self.number = next(COUNTER)
        self.account = next(ACCOUNTS)
        self.token = self.account["token"]
        self.logged_in = False
        self.turn = self.number

    # --- sending, with the client's failover between hosts --------------------------------

    def send(self, method, path, name, ok=(200,), retry_dropped=None, **kw):
        """One request; the outcome is logged and returned as (kind, response)."""
        targets = TARGETS or [self.host]
        retry_dropped = method == "GET" if retry_dropped is None else retry_dropped
        kind, answer, attempts = "refused", None, []
        for attempt in range(len(targets)):
            base = targets[(self.turn + attempt) % len(targets)]
            kw.setdefault("timeout", 30)
            kw.setdefault("allow_redirects", False)
            with self.client.request(
                method, base + path, name=name, catch_response=True, **kw
            ) as response:
                kind = self._kind(response, ok)
                if kind in ("ok", "503"):
                    response.success()
                else:
                    response.failure(f"{kind} {response.status_code}")
            attempt_entry = {
                "name": name,
                "kind": kind,
                "status": response.status_code,
                "host": base,
                "path": path,
            }
            if kind != "ok" and response.status_code == 0:  # why there was no answer
                attempt_entry["error"] = str(response.error or "")[:200]
            attempts.append(attempt_entry)
            answer = response
            if kind == "refused" or (kind == "dropped" and retry_dropped):
                continue
            break
        for number, entry in enumerate(attempts, 1):
            # only the last attempt is the request's outcome; the others were retried
            record(**entry, final=number == len(attempts))
        self.turn += 1
        return kind, answer

    def _kind(self, response, ok) -> str:
        if response.status_code in ok:
            return "ok"
        if response.status_code == 0:
            error = str(response.error or "")
            return "refused" if "refused" in error.lower() else "dropped"
        if response.status_code == 503:
            return "503" if _clean_503(response) else "error"
        return "error"

    def ack(self, kind: str, key: str) -> None:
        record(ack=kind, key=key)

    # --- what people do ---------------------------------------------------------------------

    @task(10)
    def guide(self):
        self.send("GET", random.choice(["/", "/guides/dog-muscle-spasms/"]), "GET guide")

    @task(5)
    def api_assess(self):
        self.send("POST", "/api/v1/assess", "POST /api/v1/assess", json=random.choice(CASES))

    @task(3)
    def api_next_question(self):
        self.send(
            "POST", "/api/v1/next-question", "POST /api/v1/next-question", json=random.choice(CASES)
        )

    @task(2)
    def api_understand(self):
        body = {"text": random.choice(WORDS)}
        self.send("POST", "/api/v1/understand", "POST /api/v1/understand", json=body)

    @task(2)
    def api_causes(self):
        self.send("GET", "/api/v1/causes", "GET /api/v1/causes")

    @task(3)
    def wizard(self):
        kind, page = self.send("GET", "/check/", "GET /check/")
        form = kind == "ok" and form_with(page.text, "text")
        if not form:
            return
        data = {**form["fields"], "action": "describe", "text": random.choice(WORDS)}
        kind, chips = self.send("POST", "/check/", "POST /check/ describe", data=data)
        state = kind == "ok" and form_with(chips.text, "state")
        if not state:
            return
        data = {**state["fields"], "action": "finish"}
        kind, done = self.send("POST", "/check/", "POST /check/ finish", ok=(302,), data=data)
        match = re.search(
            r"/check/result/([^/]+)/", done.headers.get("Location", "") if done else ""
        )
        if kind == "ok" and match:
            self.ack("result", match.group(1))
            self.send("GET", match.group(0), "GET /check/result/{id}/")

    @task(2)
    def comment(self):
        kind, guide = self.send("GET", "/guides/dog-muscle-spasms/", "GET guide")
        # the guide links to the comment form, on a page of its own (token and stamp)
        link = kind == "ok" and re.search(r'href="([^"]+/comments/)">Leave a comment', guide.text)
        if not link:
            return
        kind, page = self.send("GET", link.group(1), "GET comment form")
        form = kind == "ok" and form_with(page.text, "stamp")
        if not form:
            return
        time.sleep(random.uniform(1.0, 3.0))  # reading and typing
        key = f"rl{uuid.uuid4().hex[:16]}"
        data = {
            **form["fields"],
            "name": f"Load tester {self.number}",
            "email": f"load{self.number}@example.org",
            "body": f"Our dog twitches at night too. {key}",
            "website": "",
        }
        path = form["action"] or "/guides/dog-muscle-spasms/comments/"
        kind, answer = self.send("POST", path, "POST comment", ok=(302,), data=data)
        if kind == "ok" and "#comments" in answer.headers.get("Location", ""):
            self.ack("comment", key)

    @task(3)
    def diary_api_write(self):
        key = f"rl{uuid.uuid4().hex[:16]}"
        body = {
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
            "looks_like": "twitching_or_jerking",
            "context": "asleep",
            "notes": key,
        }
        kind, answer = self.send(
            "POST",
            f"/api/v1/dogs/{self.account['dog_id']}/episodes",
            "POST /api/v1/dogs/{id}/episodes",
            ok=(201,),
            json=body,
            headers={"Authorization": f"Bearer {self.token}"},
        )
        if kind == "ok":
            self.ack("episode", key)

    @task(2)
    def diary_api_read(self):
        self.send(
            "GET",
            f"/api/v1/dogs/{self.account['dog_id']}/episodes?limit=20",
            "GET /api/v1/dogs/{id}/episodes",
            headers={"Authorization": f"Bearer {self.token}"},
        )

    @task(2)
    def diary_page_write(self):
        """An owner logs an episode on the site (one in four people keeps a diary)."""
        if self.number % 4:
            return self.diary_api_read()
        if not self.logged_in and not self._login():
            return
        dog = self.account["dog_id"]
        path = f"/diary/dogs/{dog}/episodes/new/"
        kind, page = self.send("GET", path, "GET /diary/dogs/{id}/episodes/new/")
        form = kind == "ok" and form_with(page.text, "notes")
        if not form:
            self.logged_in = False  # sent to log in (a lost session): log in next time
            return
        key = f"rl{uuid.uuid4().hex[:16]}"
        data = {**form["fields"], "notes": key}
        kind, answer = self.send(
            "POST", path, "POST /diary/dogs/{id}/episodes/new/", ok=(302,), data=data
        )
        location = answer.headers.get("Location", "") if answer is not None else ""
        if kind == "ok" and "/diary/" in location and "login" not in location:
            self.ack("episode", key)

    def _login(self) -> bool:
        kind, page = self.send("GET", "/accounts/login/", "GET /accounts/login/")
        form = kind == "ok" and form_with(page.text, "password")
        if not form:
            return False
        data = {**form["fields"], "username": self.account["email"], "password": PASSWORD}
        kind, _ = self.send(
            "POST", "/accounts/login/", "POST /accounts/login/", ok=(302,), data=data
        )
        self.logged_in = kind == "ok"
        return self.logged_in
