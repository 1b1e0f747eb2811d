"""A person's browser without the rendering: a requests session that logs in through the
site's own form and reads the fields of the forms it is shown (CSRF token, stamps)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}, "inputs": []})
        elif not self.forms:
            return
        elif tag in ("input", "textarea") and a.get("name"):
            kind = a.get("type", "text" if tag == "input" else "textarea")
            self.forms[-1]["inputs"].append({"name": a["name"], "type": kind, **a})
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file", "image"):
                self.forms[-1]["fields"].setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.forms[-1]["inputs"].append({"name": a["name"], "type": "select"})
        elif tag == "option" and self._select:
            fields = self.forms[-1]["fields"]
            if self._select not in fields or "selected" in a:
                fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def forms(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def form_with(html: str, field: str) -> dict | None:
    """The first form that has a field of that name."""
    for form in forms(html):
        if field in form["fields"] or any(i["name"] == field for i in form["inputs"]):
            return form
    return None


class Visitor:
    """One person: a cookie jar, the site's address, and the CSRF token it was given."""

    def __init__(self, base: str):
        import requests  # the reliability extra; the form reading above needs nothing

        self.base = base
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "twitchcheck-reliability"

    def get(self, path: str, **kw):
        kw.setdefault("timeout", 30)
        kw.setdefault("allow_redirects", False)
        return self.http.get(self.base + path, **kw)

    def post(self, path: str, data=None, **kw):
        kw.setdefault("timeout", 30)
        kw.setdefault("allow_redirects", False)
        headers = {"Referer": self.base + path, **kw.pop("headers", {})}
        token = self.http.cookies.get("csrftoken")
        if token:
            headers["X-CSRFToken"] = token
            if isinstance(data, dict):
                data = {"csrfmiddlewaretoken": token, **data}
        return self.http.post(self.base + path, data=data, headers=headers, **kw)

    def csrf(self) -> None:
        """A page with a form sets the CSRF cookie."""
        if not self.http.cookies.get("csrftoken"):
            self.get("/accounts/login/")

    def login(self, email: str, password: str, path: str = "/accounts/login/") -> bool:
        page = self.get(path)
        form = form_with(page.text, "password") or {"fields": {}}
        data = {**form["fields"], "username": email, "password": password}
        response = self.post(path, data)
        return response.status_code == 302 and "sessionid" in self.http.cookies
