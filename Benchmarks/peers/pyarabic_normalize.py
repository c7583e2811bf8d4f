#!/usr/bin/env python3
"""Peer 1: pyarabic 0.6.15. Usage: pyarabic_normalize.py IN_FILE OUT_FILE

Per line: pyarabic.araby.strip_diacritics (every Arabic Mn mark in U+0600..U+06FF),
pyarabic.araby.strip_tatweel, then pyarabic.trans.normalize_digits(source='all',
out='west') (Arabic-Indic and Persian digits to ASCII). File in, file out.
"""
import sys

from pyarabic.araby import strip_diacritics, strip_tatweel
from pyarabic.trans import normalize_digits


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8", newline="") as src, \
            open(sys.argv[2], "w", encoding="utf-8", newline="") as dst:
        write = dst.write
        for line in src:
            write(normalize_digits(strip_tatweel(strip_diacritics(line)), source="all", out="west"))


if __name__ == "__main__":
    main()
