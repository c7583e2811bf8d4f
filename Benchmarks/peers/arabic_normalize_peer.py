#!/usr/bin/env python3
"""Peer 2: arabic-normalize 0.1.0 (Rust core). Usage: arabic_normalize_peer.py IN_FILE OUT_FILE

Normalizer(diacritics=True, tatweel=True, bidi_marks=True, digits="western") with the
alef fold (on by default in the package) turned off, so it does the same work as
`hasila normalize` (which also drops bidi controls and folds no letters by default).
The file is streamed in line-aligned chunks of about 1 MiB, each chunk normalized in one call (the package keeps newlines and other whitespace as is).
"""
import sys

from arabic_normalize import Normalizer

CHUNK_HINT = 1 << 20


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    norm = Normalizer(diacritics=True, tatweel=True, alef=False, bidi_marks=True,
                      digits="western").normalize
    with open(sys.argv[1], encoding="utf-8", newline="") as src, \
            open(sys.argv[2], "w", encoding="utf-8", newline="") as dst:
        while True:
            lines = src.readlines(CHUNK_HINT)
            if not lines:
                break
            dst.write(norm("".join(lines)))


if __name__ == "__main__":
    main()
