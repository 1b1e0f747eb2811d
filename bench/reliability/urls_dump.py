"""Run inside the site's Django: every address in the URL configuration, filled in with
owner A's objects, printed as JSON lines {"name", "url", "scope"}.

scope: "object" (one of owner A's diary objects), "admin" (the staff admin), "own" (the
caller's own pages), "public". The world (seed.py's output) comes on standard input.
Patterns that cannot be filled are printed with "url": null, so none is left out silently.
"""

from __future__ import annotations

import json
import sys

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib import admin  # noqa: E402
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse  # noqa: E402

# the caller's own pages, or pages reached with a secret sent to them (tried with a wrong one)
OWN = {"home", "dog_new", "account", "account_delete", "account_export", "result_save"}
TOKENS = {"token": "wrong-token-000000000000000000000000000"}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace or ""
            yield from walk(entry.url_patterns, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(entry, URLPattern):
            yield prefix, entry


def admin_kwargs(name: str, keys: list[str]) -> list[dict]:
    """Admin addresses: each app, and each model's first object."""
    if "app_label" in keys:
        return [
            {"app_label": label}
            for label in sorted({m._meta.app_label for m in admin.site._registry})
        ]
    if "object_id" in keys:
        for model in admin.site._registry:
            meta = model._meta
            if name.startswith(f"{meta.app_label}_{meta.model_name}_"):
                first = model._default_manager.order_by("pk").first()
                return [{"object_id": str(first.pk if first else 1)}]
        if name == "auth_user_password_change":
            return [{"id": "1"}]
    if keys == ["content_type_id", "object_id"]:
        return []
    if "id" in keys:
        return [{"id": "2"}]
    return [{}]


def main() -> None:
    world = json.load(sys.stdin)
    values = {**world["objects"], "page": "dog-muscle-spasms", **TOKENS}
    values["uidb64"] = "MQ"
    for prefix, entry in walk(get_resolver().url_patterns):
        if not entry.name:
            print(json.dumps({"name": str(entry.pattern), "url": None, "scope": "unnamed"}))
            continue
        name = f"{prefix}{entry.name}"
        keys = list(entry.pattern.converters) or list(entry.pattern.regex.groupindex)
        if name.startswith("admin:"):
            scope = "admin" if name not in ("admin:login", "admin:logout") else "public"
            kwargs_list = admin_kwargs(entry.name, keys)
        else:
            scope = "public"
            if name.startswith("diary:"):
                scope = "own" if entry.name in OWN else "object"
                if entry.name in ("report_shared", "invitation"):
                    scope = "public"  # the wrong token must give nothing
            kwargs_list = [{k: values.get(k) for k in keys}]
        for kwargs in kwargs_list:
            try:
                url = reverse(name, kwargs={k: v for k, v in kwargs.items() if v is not None})
            except NoReverseMatch:
                url = None
            print(json.dumps({"name": name, "url": url, "scope": scope}))
    models = [f"{m._meta.app_label}.{m._meta.model_name}" for m in apps.get_models()]
    print(json.dumps({"name": "#models", "url": None, "scope": "info", "models": models}))


if __name__ == "__main__":
    main()
