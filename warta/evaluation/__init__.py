"""Scoring extraction against annotated data, as strict as the annotation rules say.

``events``: events against exhaustive annotations (docs/event-annotation.md), by
sentence, type and actors matched by name or alias, never by substring.
"""
