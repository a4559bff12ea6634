"""Flesch-Kincaid grade level, with a small syllable heuristic (no downloads, no dictionaries).

Grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59. Syllables are counted as groups
of vowels, less a silent final "e"; good enough to tell plain prose from dense prose.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?:\s|$)|\n\s*\n")


def syllables(word: str) -> int:
    """An estimate of the syllables in ``word``."""
    word = word.lower().replace("\u2019", "'")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text``."""
    words = _WORD.findall(text)
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    if not words:
        return 0.0
    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59
