#!/usr/bin/env python3
"""Generate the large deterministic inputs of the Hasila extraction benchmarks.

Usage:
  generate_archive.py archive OUT_DIR TARGET_BYTES [DOCUMENTS_DIR] [SEED]
      A mixed folder of about TARGET_BYTES on disk: mostly .txt files of 1-20 KB,
      some .html pages (<p>, <div>, <script>, <style>, entities), some .jsonl files
      of 1000 documents each, some .txt.gz / .html.gz / .jsonl.gz, and a few
      windows-1256 .txt files, all mixed in nested folders of 100 files.
  generate_archive.py jsonl OUT_FILE TARGET_BYTES [DOCUMENTS_DIR] [SEED]
      One JSON-lines file of about TARGET_BYTES, one {"id","text","date"?} per
      line, written as it is generated (never held in memory).
  generate_archive.py files OUT_DIR COUNT [DOCUMENTS_DIR] [SEED]
      COUNT small .txt files of 0.5-2 KB, 1000 to a folder, the folders nested
      ten to a group.

The sentences and the number variation are those of generate_corpus.py (the
sentences of DOCUMENTS_DIR/*.txt, or its built-in set). Everything is drawn
from one random generator with a fixed seed, so the same arguments give the
same bytes (gzip members carry no name and mtime 0). The output is written
under OUT.tmp and renamed at the end, so a killed run leaves no half input.
Prints one line describing what was written. Benchmark-only helper: the
product never uses Python.
"""
import gzip
import html
import io
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_corpus import load_sentences, vary_numbers  # noqa: E402

# Share of the archive's bytes on disk for each kind of file. The .gz shares are
# small because each compressed byte stands for several decoded ones.
ARCHIVE_SHARES = [
    ("txt", 0.63),
    ("html", 0.16),
    ("jsonl", 0.14),
    ("txt.gz", 0.02),
    ("html.gz", 0.02),
    ("jsonl.gz", 0.02),
    ("cp1256.txt", 0.01),
]
FILES_PER_FOLDER = 100
JSONL_DOCS_PER_FILE = 1000


class Text:
    """Corpus-style text from one seeded generator."""

    def __init__(self, sentences, rng):
        self.sentences = sentences
        self.rng = rng

    def sentence(self, pool=None):
        return vary_numbers(self.rng.choice(pool or self.sentences), self.rng)

    def paragraph(self, lo, hi, pool=None):
        return " ".join(self.sentence(pool) for _ in range(self.rng.randint(lo, hi)))

    def lines(self, target_bytes, pool=None):
        """Lines of 1-8 sentences (and a few blank lines) until target_bytes of UTF-8."""
        out, size = [], 0
        while size < target_bytes:
            line = "" if self.rng.random() < 0.06 else self.paragraph(1, 8, pool)
            out.append(line)
            size += len(line.encode("utf-8")) + 1
        return "\n".join(out) + "\n"

    def date(self):
        return "%04d-%02d-%02d" % (self.rng.randint(2011, 2024), self.rng.randint(1, 12),
                                   self.rng.randint(1, 28))


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=6) as fh:
        fh.write(data)
    return buf.getvalue()


def html_page(text, target_bytes):
    """An HTML page whose visible text is Corpus-style paragraphs, among markup
    that must not reach the text: head, style, script, comments, navigation."""
    rng = text.rng
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    parts = [
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<title>%s</title>\n" % esc(text.sentence()),
        "<style>\nbody { font-family: \"Noto Naskh Arabic\", serif; direction: rtl; }\n"
        "p.note::before { content: \"<p>\"; } .count > span { color: #a00; }\n</style>\n",
        "<script>\nvar counts = [%d, %d, %d];\nfunction f(a, b) { return a < b && b > 0 ? \"<div>\" : '&amp;'; }\n"
        "</script>\n</head>\n<body>\n" % (rng.randint(1, 999), rng.randint(1, 999), rng.randint(1, 999)),
        "<div class=\"nav\"><a href=\"/\">الرئيسية</a> &raquo; <a href=\"/reports\">التقارير</a>"
        " &raquo; <span>%s</span></div>\n" % esc(text.sentence()),
        "<!-- generated page; <p>this comment is not text</p> -->\n",
        "<h1>%s</h1>\n<div class=\"content\">\n" % esc(text.sentence()),
    ]
    size = sum(len(p.encode("utf-8")) for p in parts)
    while size < target_bytes:
        roll = rng.random()
        if roll < 0.55:
            piece = "<p>%s</p>\n" % esc(text.paragraph(1, 6))
        elif roll < 0.70:
            # Entities: named, decimal and hexadecimal, in and between sentences.
            piece = "<p class=\"note\">&laquo;%s&raquo;&nbsp;&#8211; %s &amp; %s&#x060C; %s</p>\n" % (
                esc(text.sentence()), esc(text.sentence()), esc(text.sentence()), esc(text.sentence()))
        elif roll < 0.85:
            piece = "<div class=\"count\"><span>%s</span> <b>%s</b><br>%s</div>\n" % (
                esc(text.sentence()), esc(text.sentence()), esc(text.paragraph(1, 3)))
        elif roll < 0.93:
            piece = "<ul><li>%s</li><li>%s</li></ul>\n" % (esc(text.sentence()), esc(text.sentence()))
        else:
            piece = ("<script type=\"text/javascript\">document.write(\"<p>%d</p>\"); "
                     "if (x < %d) { y = \"&quot;\"; }</script>\n" % (rng.randint(1, 99999), rng.randint(1, 99)))
        parts.append(piece)
        size += len(piece.encode("utf-8"))
    parts.append("</div>\n<footer>&copy; %d &mdash; <a href=\"/about\">عن الشبكة</a></footer>\n"
                 "</body>\n</html>\n" % rng.randint(2011, 2024))
    return "".join(parts)


def jsonl_doc(text, doc_id, lo, hi):
    doc = {"id": doc_id}
    n = text.rng.randint(lo, hi)
    pieces = [text.paragraph(1, 5) for _ in range(max(1, n // 3))]
    doc["text"] = "\n".join(pieces)
    if text.rng.random() < 0.6:
        doc["date"] = text.date()
    if text.rng.random() < 0.3:
        doc["source"] = "bench-%d" % text.rng.randint(1, 40)
    return json.dumps(doc, ensure_ascii=False) + "\n"


def make_archive(out_dir, target, text):
    rng = text.rng
    cp1256_pool = []
    for s in text.sentences:
        try:
            s.encode("cp1256")
        except UnicodeEncodeError:
            continue
        cp1256_pool.append(s)
    shares = [(k, s) for k, s in ARCHIVE_SHARES if k != "cp1256.txt" or cp1256_pool]
    total_share = sum(s for _, s in shares)
    budget = {k: target * s / total_share for k, s in shares}
    written = {k: 0 for k, _ in shares}
    files = {k: 0 for k, _ in shares}
    decoded = 0
    total = 0
    seq = 0
    jsonl_docs = 0
    kinds = [k for k, _ in shares]
    while total < target or seq < len(kinds):
        if seq < len(kinds):
            kind = kinds[seq]  # one of each kind first, so every kind is there at any size
        else:
            weights = [max(budget[k] - written[k], 0.0) for k in kinds]
            if sum(weights) <= 0:
                break
            kind = rng.choices(kinds, weights)[0]
        base = kind.split(".")[0]
        if base == "txt":
            data = text.lines(rng.randint(1000, 20000)).encode("utf-8")
            ext = "txt"
        elif base == "cp1256":
            data = text.lines(rng.randint(1000, 20000), cp1256_pool).encode("cp1256")
            ext = "txt"
        elif base == "html":
            data = html_page(text, rng.randint(4000, 40000)).encode("utf-8")
            ext = "html"
        else:
            docs = []
            for _ in range(JSONL_DOCS_PER_FILE):
                jsonl_docs += 1
                docs.append(jsonl_doc(text, "arch-%08d" % jsonl_docs, 1, 12))
            data = "".join(docs).encode("utf-8")
            ext = "jsonl"
        decoded += len(data)
        if kind.endswith(".gz"):
            data = gz(data)
            ext += ".gz"
        tag = "w1256" if base == "cp1256" else base
        folder = os.path.join(out_dir, "d%02d" % (seq // (FILES_PER_FOLDER * 100)),
                              "d%02d" % ((seq // FILES_PER_FOLDER) % 100))
        if seq % FILES_PER_FOLDER == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "%07d-%s.%s" % (seq, tag, ext)), "wb") as fh:
            fh.write(data)
        written[kind] += len(data)
        files[kind] += 1
        total += len(data)
        seq += 1
    detail = ", ".join("%s %d (%.1f MB)" % (k, files[k], written[k] / 1e6) for k in kinds)
    return "%d bytes in %d files, %d bytes decoded; %s; %d JSON-lines documents" % (
        total, seq, decoded, detail, jsonl_docs)


def make_jsonl(out_path, target, text):
    total = docs = 0
    with open(out_path, "wb") as out:
        buf, size = [], 0
        while total + size < target:
            docs += 1
            line = jsonl_doc(text, "big-%09d" % docs, 1, 24).encode("utf-8")
            buf.append(line)
            size += len(line)
            if size >= (1 << 20):
                out.write(b"".join(buf))
                total += size
                buf, size = [], 0
        out.write(b"".join(buf))
        total += size
    return "%d bytes, %d JSON-lines documents" % (total, docs)


def make_line(out_path, target, text):
    """One plain-text document of `target` bytes on a single line: sentences joined by spaces,
    no line break at all, as scraped text often is (Hasila must cut it at sentence ends)."""
    total = sentences = 0
    with open(out_path, "wb") as out:
        buf, size = [], 0
        while total + size < target:
            part = (text.sentence() + " ").encode("utf-8")
            buf.append(part)
            size += len(part)
            sentences += 1
            if size >= (1 << 20):
                out.write(b"".join(buf))
                total += size
                buf, size = [], 0
        out.write(b"".join(buf))
        total += size
    return "%d bytes on one line, %d sentences" % (total, sentences)


def make_files(out_dir, count, text):
    total = 0
    rng = text.rng
    for i in range(count):
        folder = os.path.join(out_dir, "g%03d" % (i // 10000), "f%04d" % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        want = rng.randint(500, 2000)
        lines, size = [], 0
        while True:
            line = text.sentence()
            n = len(line.encode("utf-8")) + 1
            if lines and size + n > want:
                break
            lines.append(line)
            size += n
        data = ("\n".join(lines) + "\n").encode("utf-8")
        with open(os.path.join(folder, "%07d.txt" % i), "wb") as fh:
            fh.write(data)
        total += len(data)
    return "%d bytes in %d files, %d folders of 1000" % (total, count, (count + 999) // 1000)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("archive", "jsonl", "files", "line"):
        sys.exit(__doc__)
    mode, out_path, amount = sys.argv[1], sys.argv[2], int(sys.argv[3])
    doc_dir = sys.argv[4] if len(sys.argv) > 4 else ""
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 20240601
    sentences, origin = load_sentences(doc_dir)
    # A distinct stream per mode, so the three inputs do not repeat one another.
    rng = random.Random("%s:%d" % (mode, seed))
    text = Text(sentences, rng)

    tmp_path = out_path + ".tmp"
    if os.path.isdir(tmp_path):
        shutil.rmtree(tmp_path)
    elif os.path.exists(tmp_path):
        os.remove(tmp_path)
    if mode == "archive":
        os.makedirs(tmp_path)
        info = make_archive(tmp_path, amount, text)
    elif mode == "jsonl":
        info = make_jsonl(tmp_path, amount, text)
    elif mode == "line":
        info = make_line(tmp_path, amount, text)
    else:
        os.makedirs(tmp_path)
        info = make_files(tmp_path, amount, text)
    if os.path.isdir(out_path):
        shutil.rmtree(out_path)
    elif os.path.exists(out_path):
        os.remove(out_path)
    os.replace(tmp_path, out_path)
    print("%s: %s: %s; %d source sentences (%s), seed %d" % (
        mode, out_path, info, len(sentences), origin, seed))


if __name__ == "__main__":
    main()
