"""schemathesis hooks for `st run` (SCHEMATHESIS_HOOKS=bench.reliability.st_hooks).

The one request rule the OpenAPI document states in words rather than JSON Schema (which
generators cannot use for it): a sign is either seen or absent, never both. Bodies breaking
it are left out of the generated data; the server's 422 for them is tested in
tests/web/test_openapi_conformance.py."""

from __future__ import annotations

import schemathesis


@schemathesis.hook
def filter_body(context, body) -> bool:
    if not isinstance(body, dict):
        return True
    seen, absent = body.get("signs"), body.get("signs_absent")
    if not (isinstance(seen, list) and isinstance(absent, list)):
        return True
    return not {s for s in seen if isinstance(s, str)} & {s for s in absent if isinstance(s, str)}
