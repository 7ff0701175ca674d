"""Scoring extraction against annotated data, as strict as the annotation rules say.

``events``: events against exhaustive annotations (docs/event-annotation.md), by
sentence, type and actors matched by name or alias, never by substring.
``text``: an extracted text against the expected one, as a bag of words.
"""
