"""Flesch-Kincaid grade level, with a small syllable heuristic (no downloads, no dictionaries).

Grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59. Syllables are counted as groups
of vowels, less a silent final "e"; good enough to tell plain prose from dense prose.

For Spanish, ``szigriszt_pazos`` gives the Szigriszt-Pazos perspicuity (below), with its own
syllable heuristic.
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


# --- Spanish: the Szigriszt-Pazos perspicuity score (the INFLESZ scale) ---------------------------
#
# Perspicuity = 206.835 - 62.3 * syllables/words - words/sentences. Higher is easier. On the
# INFLESZ scale, below 40 is very hard, 40 to 55 somewhat hard, 55 to 65 normal (everyday prose,
# general newspapers), 65 to 80 fairly easy, above 80 very easy. Spanish spelling is close to its
# sound, so syllables are counted as vowel groups: a group is one syllable (a diphthong) unless it
# joins two strong vowels (a, e, o) or holds an accented í or ú, which each start a new syllable
# (a hiatus: "le-í-a", "re-o"). The silent u of "que", "qui", "gue", "gui" is dropped, and a
# final y after a vowel ("hay", "muy") is part of that vowel's syllable.

_WORD_ES = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
_STRONG = set("aeoáéó")
_VOWELS = set("aeiouáéíóúü")


def syllables_es(word: str) -> int:
    """An estimate of the syllables in the Spanish ``word``."""
    word = re.sub(r"([qg])u([eiéí])", r"\1\2", word.lower())
    word = re.sub(r"(?<=[aeiouáéíóú])y$", "", word)
    count = 0
    previous = ""
    for letter in word:
        if letter not in _VOWELS and not (letter == "y" and len(word) == 1):
            previous = ""
            continue
        hiatus = previous and ((letter in _STRONG and previous in _STRONG) or letter in "íú" or previous in "íú")
        if not previous or hiatus:
            count += 1
        previous = letter
    return max(1, count)


def szigriszt_pazos(text: str) -> float:
    """The Szigriszt-Pazos perspicuity of the Spanish ``text`` (higher is easier)."""
    words = _WORD_ES.findall(text)
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD_ES.search(s)]))
    if not words:
        return 0.0
    total = sum(syllables_es(w) for w in words)
    return 206.835 - 62.3 * total / len(words) - len(words) / sentences
