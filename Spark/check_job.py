"""The opt-in test's checks of Spark/hasila_job.py (run by Spark/run with spark-submit, local mode).

Spark/run has already submitted the job as is over a folder of text files (--input-format text
--dates). This script:
  1. reads that Parquet back with the job's schema (FAILFAST) and compares it, record by record,
     with `hasila extract` run directly on the same folder: same ids, and every field equal
     (values, offsets, categories, periods, meta, doc_date, when, actors, place, source...);
     the same for the date mentions in _dates; doc_month as the rule says, one folder per month;
     the errors dataset empty;
  2. runs the job (its run() function, in this Spark session) over a JSON-lines file with ids,
     dates, other fields and ONE bad line, and compares the same way; the errors dataset must
     hold that one line (its file, hasila's message) and nothing else;
  3. checks the exit-status rules: a hasila that exits 2 fails the job (--failed-partitions fail)
     or gives one "partition" row per partition and exit 3 (--failed-partitions record);
  4. puts a record with every field the schema knows (those other branches add too) through the
     job's row conversion, Parquet and back.
Every check prints "check: ... ok" or a FAIL line; it ends with "spark: N passed, M failed".
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys

from pyspark.sql import SparkSession

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hasila_job  # noqa: E402  (the job under test)

RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(f"check: {name}: {'ok' if ok else 'FAIL'}{(' (' + detail + ')') if detail else ''}")
    sys.stdout.flush()


# --- what a direct run's record must become in Parquet (written apart from the job's code) --------

def _meta(meta):
    if meta is None:
        return None
    return {k: (v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True,
                                                        separators=(",", ":")))
            for k, v in meta.items()}


def _name(n):
    return None if n is None else {k: n.get(k) for k in ("key", "text", "start", "end")}


def _month(*candidates):
    for c in candidates:
        if isinstance(c, str) and len(c) >= 7 and c[:4].isdigit() and c[4] == "-" and c[5:7].isdigit():
            return c[:7]
    return "unknown"


def expected_figure(rec):
    when = rec.get("when")
    return {
        "id": rec["id"], "doc": rec["doc"], "value": rec["value"], "text": rec["text"],
        "start": rec["start"], "end": rec["end"], "qualifier": rec["qualifier"],
        "category": rec.get("category"), "noun": rec.get("noun"), "parent": rec.get("parent"),
        "period": None if rec.get("period") is None else
        {"start": rec["period"].get("start"), "end": rec["period"].get("end")},
        "sentence": None if rec.get("sentence") is None else
        {"start": rec["sentence"]["start"], "end": rec["sentence"]["end"]},
        "doc_date": rec.get("doc_date"),
        "when": None if when is None else {k: when.get(k) for k in ("start", "end", "basis")},
        "cumulative": rec.get("cumulative"), "repeats": rec.get("repeats"),
        "actors": None if rec.get("actors") is None else [_name(a) for a in rec["actors"]],
        "place": _name(rec.get("place")), "country": rec.get("country"),
        "source": _name(rec.get("source")), "meta": _meta(rec.get("meta")),
        "doc_month": _month(rec.get("doc_date"), (when or {}).get("start")),
    }


def expected_date(rec):
    out = {k: rec.get(k) for k in ("id", "doc", "text", "start", "end", "value", "calendar",
                                   "relative", "range_start", "range_end", "doc_date")}
    out["meta"] = _meta(rec.get("meta"))
    out["doc_month"] = _month(rec.get("doc_date"), rec.get("value"))
    return out


def direct_run(binary, grammars, path, dates):
    cmd = [binary, "extract", "--quiet", "--errors", "inline", "--grammars", grammars]
    cmd += (["--dates"] if dates else []) + [path]
    env = {k: v for k, v in os.environ.items() if k != "HASILA_GRAMMARS"}
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if res.returncode not in (0, 1):
        raise SystemExit(f"direct run {' '.join(cmd)}: exit {res.returncode}: {res.stderr.decode()}")
    recs = [json.loads(line) for line in res.stdout.decode("utf-8").splitlines()]
    by_kind = {}
    for r in recs:
        by_kind.setdefault(r["kind"], []).append(r)
    return by_kind


def read_back(spark, uri, schema):
    rows = spark.read.schema(schema).option("mode", "FAILFAST").parquet(uri).collect()
    return [r.asDict(recursive=True) for r in rows]


def compare(label, got, expected):
    """Record by record, keyed by id: same ids, no duplicates, every field equal."""
    ids = [r["id"] for r in got]
    check(f"{label}: no duplicate ids", len(ids) == len(set(ids)), f"{len(ids)} rows")
    got_by_id = {r["id"]: r for r in got}
    exp_by_id = {r["id"]: r for r in expected}
    only_spark = sorted(set(got_by_id) - set(exp_by_id))
    only_direct = sorted(set(exp_by_id) - set(got_by_id))
    check(f"{label}: same ids as the direct run", not only_spark and not only_direct and bool(exp_by_id),
          f"spark {len(got_by_id)}, direct {len(exp_by_id)}, only in spark {only_spark[:3]}, "
          f"only in direct {only_direct[:3]}")
    differ = []
    for i in sorted(set(got_by_id) & set(exp_by_id)):
        g, e = got_by_id[i], exp_by_id[i]
        fields = [k for k in e if g.get(k) != e[k]]
        if fields:
            differ.append((i, fields, {k: (g.get(k), e[k]) for k in fields[:2]}))
    check(f"{label}: every field equal to the direct run's", not differ,
          f"{len(exp_by_id) - len(differ)} of {len(exp_by_id)} equal"
          + (f"; first difference {differ[0]}" if differ else ""))


def month_folders(path):
    return sorted(d[len("doc_month="):] for d in os.listdir(path) if d.startswith("doc_month="))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True, help="Spark/.work")
    ap.add_argument("--binary", required=True, help="the staged binary (the one in the archive)")
    ap.add_argument("--grammars", required=True, help="the staged grammars")
    ap.add_argument("--folder", required=True, help="the text folder the job was submitted on")
    ap.add_argument("--output", required=True, help="the job's output folder (local path)")
    ap.add_argument("--jsonl", required=True, help="JSON lines with ids, dates and one bad line")
    ap.add_argument("--expect-icu-lib", action="store_true", help="the archive ships ICU in lib/")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("hasila-spark-check").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark {spark.version}, master {spark.sparkContext.master}")

    # The binary on the executor is the one run directly here.
    def digest(path):
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    shipped = spark.sparkContext.parallelize([0], 1).map(
        lambda _: digest(hasila_job.locate_hasila(None)[0])).collect()[0]
    check("the shipped binary is the one run directly", shipped == digest(args.binary), shipped[:12])

    if args.expect_icu_lib:  # the executor's hasila loads ICU from the archive's lib/
        def icu_from(_):
            exe, _grammars, lib = hasila_job.locate_hasila(None)
            env = dict(os.environ, LD_LIBRARY_PATH=lib or "")
            out = subprocess.run(["ldd", exe], stdout=subprocess.PIPE, env=env).stdout.decode()
            return lib, [line.split("=>")[1].split()[0] for line in out.splitlines() if "libicu" in line]
        lib, icu = spark.sparkContext.parallelize([0], 1).map(icu_from).collect()[0]
        check("ICU shipped in the archive's lib/ is the one the executor's hasila loads",
              bool(lib) and len(icu) == 3 and all(p.startswith(lib + "/") for p in icu), f"{icu}")

    # --- 1. the submitted job over the text folder ----------------------------------------------
    direct = direct_run(args.binary, args.grammars, args.folder, dates=True)
    figures = read_back(spark, "file://" + args.output, hasila_job.FIGURE_SCHEMA)
    compare("text folder, figures", figures, [expected_figure(r) for r in direct.get("figure", [])])
    dates = read_back(spark, "file://" + args.output + "/_dates", hasila_job.DATE_SCHEMA)
    compare("text folder, dates", dates, [expected_date(r) for r in direct.get("date", [])])
    months = sorted({r["doc_month"] for r in figures})
    check("text folder: one doc_month folder per month", month_folders(args.output) == months,
          f"{months}")
    errors = read_back(spark, "file://" + args.output + "/_errors", hasila_job.ERROR_SCHEMA)
    check("text folder: errors dataset empty, as the direct run has none",
          errors == [] and not direct.get("error"), f"{len(errors)} rows")
    docs = {r["doc"] for r in figures}
    check("text folder: ids of files in a subfolder, of a .txt.gz and of a .TXT as hasila names them",
          any(d.startswith("e/") for d in docs) and "gz/a01" in docs and "A02" in docs,
          f"{sorted(docs)[:2]} {sorted(docs)[-2:]}")

    # --- 2. JSON lines with one bad line, in this session -----------------------------------------
    out = os.path.join(args.work, "jsonl.parquet")
    errors_out = os.path.join(args.work, "jsonl-errors.parquet")  # a sibling, --errors-output
    status, counts = hasila_job.run(spark, ["--input", "file://" + args.jsonl, "--output", "file://" + out,
                                            "--errors-output", "file://" + errors_out, "--partitions", "3"])
    direct = direct_run(args.binary, args.grammars, args.jsonl, dates=False)
    with open(args.jsonl, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    check("jsonl: exit 1 with an error record accepted, job status 0", status == 0, f"status {status}")
    check("jsonl: counts from the accumulators",
          counts["documents"] == len(lines) and counts["errors"] == 1 and counts["processes"] == 3
          and counts["figures"] == len(direct.get("figure", [])) and counts["dates"] == 0, f"{counts}")
    figures = read_back(spark, "file://" + out, hasila_job.FIGURE_SCHEMA)
    compare("jsonl, figures", figures, [expected_figure(r) for r in direct.get("figure", [])])
    months = sorted({r["doc_month"] for r in figures})
    check("jsonl: one doc_month folder per month", month_folders(out) == months, f"{months}")
    check("jsonl: meta is a map of the other fields, JSON-encoded when not strings",
          any(r["meta"] and r["meta"].get("outlet") and r["meta"].get("tags", "").startswith("[")
              for r in figures), f"{next((r['meta'] for r in figures if r['meta']), None)}")
    check("jsonl: --errors-output puts the errors beside, not inside, the records",
          not os.path.exists(os.path.join(out, "_errors")) and os.path.exists(os.path.join(errors_out, "_SUCCESS")))
    errors = read_back(spark, "file://" + errors_out, hasila_job.ERROR_SCHEMA)
    want = direct.get("error", [])
    check("jsonl: the errors dataset holds the one bad line (its file, hasila's message), apart",
          len(errors) == 1 and len(want) == 1 and errors[0]["kind"] == "error"
          and errors[0]["error"] == want[0]["error"]
          and (errors[0]["path"] or "").endswith(os.path.basename(args.jsonl)),
          f"{errors}")
    check("jsonl: no error row among the records", all(r["id"] and r["value"] is not None for r in figures))

    # --- 2b. documents that cannot be read, from text files: named in the errors dataset --------
    folder = os.path.join(args.work, "unreadable")
    os.makedirs(os.path.join(folder, "sub"), exist_ok=True)
    sentence = "قتل 5 مدنيين في قصف على السوق. "
    with open(os.path.join(folder, "good.txt"), "w", encoding="utf-8") as f:
        f.write(sentence)
    with open(os.path.join(folder, "sub", "long.txt"), "w", encoding="utf-8") as f:
        f.write(sentence * 200)                      # over --max-bytes: hasila's error
    with open(os.path.join(folder, "legacy.txt"), "wb") as f:
        f.write(sentence.encode("cp1256"))           # not UTF-8: the job's error
    with open(os.path.join(folder, "page.html"), "w", encoding="utf-8") as f:
        f.write("<p>" + sentence + "</p>")          # HTML: the job's error
    out = os.path.join(args.work, "unreadable.parquet")
    status, counts = hasila_job.run(spark, ["--input", "file://" + folder, "--input-format", "text",
                                            "--output", "file://" + out,
                                            "--hasila-option=--max-bytes=4096"])
    errors = read_back(spark, "file://" + out + "/_errors", hasila_job.ERROR_SCHEMA)
    named = sorted((r["doc"], os.path.basename(r["path"] or "")) for r in errors)
    figures = read_back(spark, "file://" + out, hasila_job.FIGURE_SCHEMA)
    check("text files that cannot be read: one error row each, naming the document and its file",
          status == 0 and counts["documents"] == 4 and counts["errors"] == 3
          and named == [("legacy", "legacy.txt"), ("page", "page.html"), ("sub/long", "long.txt")]
          and all(r["error"] for r in errors) and {r["doc"] for r in figures} == {"good"},
          f"status {status}, {[(r['doc'], r['error'][:60]) for r in errors]}")

    # --- 3. the exit-status rules ---------------------------------------------------------------
    bad = ["--input", "file://" + args.jsonl, "--output", "file://" + os.path.join(args.work, "exit2.parquet"),
           "--partitions", "2", "--hasila-option=--grammars=/nonexistent-hasila-grammars"]
    try:
        hasila_job.run(spark, bad)
        check("exit 2 fails the job", False, "the job succeeded")
    except Exception as exc:  # Py4JJavaError carrying the task's HasilaFailed
        text = str(exc)
        check("exit 2 fails the job", "HasilaFailed" in text and "exit status 2" in text, text[:200])
    # The same with --binary (a hasila installed on the executors): the archive is not used.
    status, counts = hasila_job.run(spark, bad + ["--failed-partitions", "record", "--binary", args.binary])
    errors = read_back(spark, "file://" + os.path.join(args.work, "exit2.parquet", "_errors"),
                       hasila_job.ERROR_SCHEMA)
    check("--failed-partitions record: exit 3, one 'partition' row per partition, no records",
          status == 3 and counts["failed_partitions"] == 2 and counts["figures"] == 0
          and sorted(r["partition"] for r in errors if r["kind"] == "partition") == [0, 1]
          and all(r["exit_status"] == 2 and "nonexistent" in (r["stderr"] or "") for r in errors),
          f"status {status}, {[(r['kind'], r['partition'], r['exit_status']) for r in errors]}")

    # --- 4. every field the schema knows, through the row conversion and Parquet ----------------
    rec = {"kind": "figure", "id": "r#1", "doc": "r", "value": 12, "text": "12", "start": 4, "end": 6,
           "qualifier": "exact", "category": "killed.civilians", "noun": "x", "parent": None,
           "period": {"start": "2020-03-01", "end": None}, "sentence": {"start": 0, "end": 40},
           "doc_date": None, "when": {"start": "2020-03-01", "end": "2020-03-31", "basis": "stated"},
           "cumulative": True, "repeats": "r#0", "country": "SY",
           "actors": [{"key": "actor.a", "text": "a", "start": 10, "end": 11},
                      {"key": "actor.b", "text": "b", "start": 14, "end": 15}],
           "place": {"key": "SY-HM", "text": "p", "start": 20, "end": 21}, "source": None,
           "meta": {"outlet": "o", "n": 3, "nested": {"b": [1, "٢"], "a": None}}}
    path = os.path.join(args.work, "synthetic.parquet")
    spark.createDataFrame([hasila_job.figure_row(rec)], hasila_job.FIGURE_SCHEMA, verifySchema=True) \
        .write.mode("overwrite").partitionBy("doc_month").parquet("file://" + path)
    back = read_back(spark, "file://" + path, hasila_job.FIGURE_SCHEMA)
    want = expected_figure(rec)
    check("every schema field survives conversion and Parquet (doc_month from when.start)",
          back == [want] and month_folders(path) == ["2020-03"],
          f"{back[0] if back else None} vs {want}" if back != [want] else "")

    spark.stop()
    passed = sum(RESULTS)
    print(f"spark: {passed} passed, {len(RESULTS) - passed} failed")
    return 0 if passed == len(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
