"""Bag-of-words comparison of an extracted text with the expected one (the cleaning scorers)."""

from __future__ import annotations

import re
from collections import Counter

_WORDS = re.compile(r"\w+")


def words(text: str | None) -> list[str]:
    """The lower-cased ``\\w+`` tokens of ``text``."""
    return _WORDS.findall((text or "").lower())


def bag_f1(predicted: list[str], expected: list[str]) -> float:
    """F1 of two token bags (counts clipped); 1.0 when both are empty."""
    common = sum((Counter(predicted) & Counter(expected)).values())
    if not common:
        return 1.0 if not predicted and not expected else 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)
