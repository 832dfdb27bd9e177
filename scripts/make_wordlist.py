"""Regenerate the English word-frequency table from the wordfreq package (pip install wordfreq)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

TARGET = (
    Path(__file__).resolve().parents[1] / "bot" / "core" / "normalise" / "data" / "english_zipf.txt"
)
MIN_ZIPF = 2.8


def main() -> None:
    """Write one line per Zipf value (one decimal) with the words that have it."""
    by_zipf: dict[float, list[str]] = defaultdict(list)
    for word in top_n_list("en", 40000):
        zipf = round(zipf_frequency(word, "en"), 1)
        if word.isascii() and word.isalpha() and zipf >= MIN_ZIPF:
            by_zipf[zipf].append(word)
    lines = [
        "# English word frequencies on the Zipf scale: each line is a value, then its words.",
        "# Derived from wordfreq (https://github.com/rspeer/wordfreq), data CC-BY-SA 4.0.",
        "# Regenerate with: python scripts/make_wordlist.py",
    ]
    lines += [f"{z:.1f} {' '.join(sorted(ws))}" for z, ws in sorted(by_zipf.items(), reverse=True)]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
