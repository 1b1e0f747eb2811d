"""Cross-site scripting: every payload (payloads.py) through every field a visitor, an
owner or a staff member can fill, and every page that shows it opened in Chromium.

- visitor: the comment form (name, body; typed and sent in the browser, so the page that
  answers, error or thanks, is looked at too) and the wizard (dog's name and the owner's
  words, through the page's own htmx, then the result page);
- owner: the diary's forms (dog: name, breed, notes; medication: name, dose; episode:
  notes, behaviour before), sent as the browser would, then the diary home, each dog,
  edit form, trend and episode page;
- staff: the admin's add forms of the store (every text field), then the guide, the
  wizard's pages and the admin lists; comments are approved so visitors see them.

Each page is opened twice: with the site's Content-Security-Policy, and with Chromium told
to ignore it, so that escaping alone is tested too. A payload counts as executed when its
alert(N) runs (alert, confirm, prompt and print are replaced before any page script, and
dialogs are caught too). Markup a payload injected (an element with an on* attribute, or a
javascript:/data: link) counts as well, executed or not.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .browser_http import Visitor, form_with
from .payloads import payloads
from .result import Row
from .stack import Gunicorn, Site, sql

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HOOK = """(() => {
  const hit = (n) => {
    (window.top.__xss = window.top.__xss || []).push(String(n));
    console.log("XSS-EXECUTED " + n);
  };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    try { Object.defineProperty(window, name, { value: hit, writable: false }); } catch (e) {}
  }
})();"""
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = (attr.value || "").trim().toLowerCase().replace(/\\s/g, "");
      if (attr.name.startsWith("on")) found.push(el.tagName + " " + attr.name);
      if (["href", "src", "action", "formaction", "data", "background"].includes(attr.name)
          && (value.startsWith("javascript:") || value.startsWith("data:text/html")))
        found.push(el.tagName + " " + attr.name + "=" + attr.value.slice(0, 40));
    }
  }
  for (const s of document.querySelectorAll("script:not([src])"))
    if (/alert/.test(s.textContent)) found.push("inline script " + s.textContent.slice(0, 40));
  return found;
}"""
DESCRIBE = "my dog twitches in her sleep and wakes up normal"


@dataclass
class Findings:
    views: int = 0
    executed: dict[str, set[str]] = field(default_factory=dict)  # payload N -> pages
    injected: dict[str, set[str]] = field(default_factory=dict)  # markup -> pages

    def add(self, page: str, executed: list[str], injected: list[str]) -> None:
        self.views += 1
        for n in executed:
            self.executed.setdefault(n, set()).add(page)
        for markup in injected:
            self.injected.setdefault(markup, set()).add(page)


class Viewer:
    """Chromium pages for one person, with and without the CSP, all hooked."""

    def __init__(self, browser, base: str, findings: Findings):
        self.base = base
        self.findings = findings
        self.pages = {}
        for mode, bypass in (("csp", False), ("no-csp", True)):
            context = browser.new_context(bypass_csp=bypass, base_url=base)
            context.add_init_script(HOOK)
            page = context.new_page()
            page.on("dialog", lambda d, page=page: self._dialog(page, d))
            page.on("console", lambda m, page=page: self._console(page, m))
            self.pages[mode] = page
        self._fired: list[str] = []

    def _dialog(self, page, dialog) -> None:
        self._fired.append(dialog.message or "dialog")
        dialog.dismiss()

    def _console(self, page, message) -> None:
        match = re.match(r"XSS-EXECUTED (\S+)", message.text)
        if match:
            self._fired.append(match.group(1))

    def login(self, email: str, password: str, path: str) -> None:
        for page in self.pages.values():
            page.goto(path)
            page.fill("input[name=username]", email)
            page.fill("input[name=password]", password)
            page.click("[type=submit]")
            page.wait_for_load_state()

    def check(self, page, label: str) -> None:
        page.wait_for_timeout(50)  # autofocus and load handlers
        try:
            fired = page.evaluate("() => window.__xss || []")
            injected = page.evaluate(INJECTED)
        except Exception:  # a page that navigated away: what fired was caught by the hooks
            fired, injected = [], []
        self.findings.add(label, sorted(set(fired) | set(self._fired)), injected)
        self._fired = []

    def view(self, path: str, modes=("csp", "no-csp")) -> None:
        for mode in modes:
            page = self.pages[mode]
            page.goto(path, wait_until="load")
            self.check(page, f"{mode} {path}")

    def follow_pages(self, path: str, modes=("csp", "no-csp"), limit: int = 100) -> None:
        """A page and the pages after it (rel=next links: paginated comments)."""
        seen = set()
        while path and path not in seen and len(seen) < limit:
            seen.add(path)
            self.view(path, modes)
            link = self.pages[modes[0]].query_selector("a[rel=next]")
            path = link.get_attribute("href") if link else None
            if path and path.startswith("?"):
                path = path_only(self.pages[modes[0]].url) + path

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


def path_only(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url).split("?")[0]


def _comments(viewer: Viewer, items, row: Row) -> None:
    page = viewer.pages["no-csp"]
    page.goto("/guides/dog-muscle-spasms/comments/")  # the form's own page
    for n, text in items:
        if not page.query_selector("form.comment-form"):
            page.goto("/guides/dog-muscle-spasms/comments/")
        page.fill("form.comment-form [name=name]", text[:80])
        page.fill("form.comment-form [name=email]", f"xss{n}@example.org")
        page.fill("form.comment-form [name=body]", f"{text} (a comment long enough)")
        page.click("form.comment-form [type=submit]")
        page.wait_for_load_state()
        viewer.check(page, "no-csp comment answer")
        row.requests += 1


def _wizard(viewer: Viewer, items, row: Row) -> list[str]:
    page = viewer.pages["no-csp"]
    results = []
    for _n, text in items:
        page.goto("/check/")
        page.fill("[name=name]", text)
        page.fill("[name=text]", f"{text} {DESCRIBE}")
        with page.expect_response(lambda r: r.request.method == "POST"):
            page.click("button[value=describe]")
        page.wait_for_timeout(100)  # htmx swaps the answer in
        viewer.check(page, "no-csp wizard answer")
        row.requests += 2
        if not page.query_selector("input[name=state]"):
            continue  # refused (a name over 40 characters): the page that said so was looked at
        page.evaluate(
            """() => {
              const state = document.querySelector("input[name=state]");
              const form = state.form;
              const action = document.createElement("input");
              action.type = "hidden"; action.name = "action"; action.value = "finish";
              form.appendChild(action);
              form.removeAttribute("hx-post");
              HTMLFormElement.prototype.submit.call(form);
            }"""
        )
        page.wait_for_load_state()
        page.wait_for_url(re.compile(r"/check/result/"), timeout=15000)
        viewer.check(page, "no-csp wizard result")
        results.append(path_only(page.url))
    return results


def _diary(owner: Visitor, items, row: Row) -> list[int]:
    """The diary's own forms over HTTP, as the browser sends them."""
    dogs = []
    for n, text in items:
        form = form_with(owner.get("/diary/dogs/new/").text, "name")
        data = {**form["fields"], "name": text[:80], "breed": text[:80], "notes": text}
        response = owner.post("/diary/dogs/new/", data)
        row.requests += 2
        match = re.search(r"/diary/dogs/(\d+)/", response.headers.get("Location", ""))
        if response.status_code != 302 or not match:
            row.note(f"dog form refused payload {n}: {response.status_code}")
            continue
        dog = int(match.group(1))
        dogs.append(dog)
        for path, values in (
            (f"/diary/dogs/{dog}/medications/new/", {"name": text[:120], "dose": text[:120]}),
            (f"/diary/dogs/{dog}/episodes/new/", {"notes": text, "behaviour_before": text}),
        ):
            form = form_with(owner.get(path).text, next(iter(values))) or {"fields": {}}
            response = owner.post(path, {**form["fields"], **values})
            row.requests += 2
            if response.status_code != 302:
                row.note(f"{path} refused payload {n}: {response.status_code}")
    return dogs


def _store(staff: Visitor, items, row: Row) -> int:
    """Each payload into every text field of one store model's admin add form, in turn."""
    keep = {}
    for model, field_name in (("featureimage", "static_path"), ("product", "prevention_ids")):
        page = staff.get(f"/admin/store/{model}/1/change/").text
        keep[field_name] = (form_with(page, field_name) or {"fields": {}})["fields"].get(
            field_name, ""
        )
    keep["image_static_path"] = keep["static_path"]
    keep["phone"] = "+1 888 426 4435"
    keep["country"] = "US"  # the store's country: its poison lines show on a result
    models = ["announcement", "promosection", "featureimage", "product", "poisonline"]
    saved = 0
    for i, (n, text) in enumerate(items):
        model = models[i % len(models)]
        path = f"/admin/store/{model}/add/"
        form = form_with(staff.get(path).text, "_save")
        data = dict(form["fields"])
        for entry in form["inputs"]:
            name, kind = entry["name"], entry["type"]
            if name in keep:
                data[name] = keep[name]
            elif kind in ("text", "textarea", "url"):
                limit = int(entry.get("maxlength") or 10000)
                data[name] = text[:limit]
            elif kind == "number":
                data[name] = "1" if name != "position" else str(n)
        data.update(is_shown="on", _save="Save")
        response = staff.post(path, data)
        row.requests += 2
        if response.status_code == 302:
            saved += 1
        else:
            errors = re.findall(r'class="errorlist[^"]*"[^>]*>\s*<li>([^<]*)', response.text)
            row.note(f"admin {model} refused payload {n}: {'; '.join(errors)[:120]}")
    return saved


def run(host: Gunicorn, site: Site, *, count: int) -> Row:
    world = site.world
    items = payloads(count)
    row = Row("XSS (Chromium)", "payloads x fields (visitor, owner, staff forms)")
    if not CHROMIUM.exists():
        row.available = False
        row.note("no /usr/bin/chromium")
        return row
    from playwright.sync_api import sync_playwright

    findings = Findings()
    started = time.monotonic()
    staff = Visitor(host.url)
    staff.login(world["staff"]["email"], world["password"], "/admin/login/")
    owner = Visitor(host.url)
    owner.login(world["carol"]["email"], world["password"])

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        visitor = Viewer(browser, host.url, findings)
        _comments(visitor, items, row)
        results = _wizard(visitor, items, row)
        dogs = _diary(owner, items, row)
        stored = _store(staff, items, row)
        _approve(staff)
        comments = sql(
            "SELECT count(*) FROM comments_comment WHERE email LIKE 'xss%%' AND status = 'approved'"
        )[0][0]
        row.note(
            f"stored and shown: {comments} approved comments, {len(results)} wizard results,"
            f" {len(dogs)} dogs, {stored} store items"
        )

        # what visitors see
        for path in ("/", "/guides/dog-muscle-spasms/", "/check/"):
            visitor.follow_pages(path)
        for path in results:
            visitor.view(path, modes=("no-csp",))
        for path in results[:10]:
            visitor.view(path, modes=("csp",))
        poison = Visitor(host.url)
        toxic = _poison_result(poison)
        if toxic:
            visitor.view(toxic)
        # what the owner sees
        diary = Viewer(browser, host.url, findings)
        diary.login(world["carol"]["email"], world["password"], "/accounts/login/")
        diary.view("/diary/")
        # each object's pages without the CSP (escaping alone); a sample of the rest
        for i, dog in enumerate(dogs):
            diary.view(f"/diary/dogs/{dog}/", modes=("no-csp",))
            diary.view(f"/diary/dogs/{dog}/edit/", modes=("no-csp",))
            if i < 10:
                diary.view(f"/diary/dogs/{dog}/", modes=("csp",))
                diary.view(f"/diary/dogs/{dog}/trends/", modes=("no-csp",))
                diary.view(f"/diary/dogs/{dog}/sharing/", modes=("no-csp",))
        for (episode,) in sql(
            "SELECT e.id FROM diary_episode e JOIN diary_dog d ON d.id = e.dog_id "
            "WHERE d.owner_id = %s",
            (world["carol"]["id"],),
        ):
            diary.view(f"/diary/episodes/{episode}/")
            diary.view(f"/diary/episodes/{episode}/edit/", modes=("no-csp",))
        # what staff see
        admin = Viewer(browser, host.url, findings)
        admin.login(world["staff"]["email"], world["password"], "/admin/login/")
        for model in (
            "comments/comment",
            "store/announcement",
            "store/promosection",
            "store/featureimage",
            "store/product",
            "store/poisonline",
            "diary/dog",
        ):
            admin.follow_pages(f"/admin/{model}/")
        for (comment,) in sql(
            "SELECT id FROM comments_comment WHERE email LIKE 'xss%%' ORDER BY id LIMIT 40"
        ):
            admin.view(f"/admin/comments/comment/{comment}/change/", modes=("no-csp",))
        for viewer in (visitor, diary, admin):
            viewer.close()
        browser.close()

    row.count = len(items)
    row.requests += findings.views
    row.failures = len(findings.executed) + len(findings.injected)
    for n, pages in sorted(findings.executed.items()):
        text = dict(items).get(int(n)) if n.isdigit() else n
        row.examples.append(f"executed payload {n} {text!r} on {sorted(pages)[:3]}")
    for markup, pages in sorted(findings.injected.items()):
        row.examples.append(f"injected {markup!r} on {sorted(pages)[:3]}")
    row.note(f"{findings.views} page views in {time.monotonic() - started:.0f} s")
    return row


def _approve(staff: Visitor) -> None:
    """A moderator approves the payloads' comments in the admin (so the guide's cache, if
    any, hears of it as it would in production)."""
    ids = [i for (i,) in sql("SELECT id FROM comments_comment WHERE email LIKE 'xss%%'")]
    staff.get("/admin/comments/comment/")
    staff.post(
        "/admin/comments/comment/",
        {"action": "mark_approved", "_selected_action": ids, "index": "0"},
    )


def _poison_result(visitor: Visitor) -> str | None:
    """A wizard result where poisoning is likely shows the store's poison lines."""
    page = visitor.get("/check/")
    form = form_with(page.text, "text")
    if not form:
        return None
    data = {**form["fields"], "action": "describe", "text": "he ate chocolate and is shaking"}
    answer = visitor.post("/check/", data)
    state = form_with(answer.text, "state")
    if not state:
        return None
    done = visitor.post("/check/", {**state["fields"], "action": "finish"})
    return done.headers.get("Location")
