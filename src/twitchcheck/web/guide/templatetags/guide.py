"""Template filters for telephone numbers: tap-to-call links everywhere."""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from twitchcheck.present import PHONE
from twitchcheck.present import tel_href as _tel_href

register = template.Library()


@register.filter
def tel_href(phone: str) -> str:
    """A telephone number as a tel: link target."""
    return _tel_href(str(phone))


@register.filter
def phone_links(text: str):
    """Text with every telephone number in it made a tap-to-call link (escaped)."""
    text = str(text)
    out, last = [], 0
    for match in PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in match.group(1))
        if digits < 7:
            continue
        out.append(escape(text[last : match.start(1)]))
        out.append(format_html('<a href="{}">{}</a>', _tel_href(match.group(1)), match.group(1)))
        last = match.end(1)
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (None when missing)."""
    return mapping.get(key) if hasattr(mapping, "get") else None
