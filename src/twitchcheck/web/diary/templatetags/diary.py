from django import template

from twitchcheck.web.diary import labels

register = template.Library()


@register.filter
def choice_label(value: str, field: str) -> str:
    return labels.label(field, value)


@register.filter
def choice_labels(values, field: str) -> str:
    return labels.labels(field, values)


@register.filter
def seconds(value) -> str:
    return labels.seconds_text(value)
