"""Hasila on Apache Spark: counted figures from documents on any Hadoop file system, as Parquet.

    spark-submit --archives hasila.tar.gz#hasila hasila_job.py \
        --input s3a://bucket/reports/ --input-format text --output s3a://bucket/hasila/figures

Input: JSON lines ({"id", "text", "date"?, ...}, each line passed to hasila as it is) or text
files (.txt, .text, and the same .gz; the document id is the file's path relative to the input
folder without its extensions, as `hasila extract FOLDER` names it), at any URI Hadoop reads
(s3a://, gs://, abfss://, hdfs://, file://). Each partition runs ONE `hasila extract --quiet
--errors inline -` subprocess over its documents, and the exit status is checked: 0 is fine, 1
only when error records came back, anything else fails the task (and, after Spark's retries, the
job), or with --failed-partitions record becomes a row of the errors dataset.

Output (nothing is collected on the driver):
  <output>/doc_month=YYYY-MM/...parquet  the figure records, every field, explicit schema
  <output>/_errors (or --errors-output)  the documents that could not be read, failed partitions
  <output>/_dates (or --dates-output)    with --dates, the date mentions
The counts (documents in, figures, dates, errors, processes) come back through accumulators and
are logged by the driver at the end. See Spark/README.md.
"""

import argparse
import bisect
import collections
import glob
import gzip
import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
from urllib.parse import unquote

from pyspark import AccumulatorParam, SparkFiles, StorageLevel, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (ArrayType, BooleanType, IntegerType, LongType, MapType, StringType,
                               StructField, StructType)

LOG = logging.getLogger("hasila_job")
ARCHIVE_ALIAS = "hasila"   # the name after '#' in --archives hasila.tar.gz#hasila
STDERR_KEEP = 64 * 1024    # bytes of a subprocess's stderr kept for the error message
UNKNOWN_MONTH = "unknown"  # doc_month of a record with neither doc_date nor when.start


def _span(*extra):
    return StructType([StructField("start", LongType(), True), StructField("end", LongType(), True), *extra])


NAME = StructType([  # a gazetteer key with the words that named it (actors, place, source)
    StructField("key", StringType(), True),
    StructField("text", StringType(), True),
    StructField("start", LongType(), True),
    StructField("end", LongType(), True),
])

# The figure records. Every field is nullable: a binary that does not write a field yet gives null.
FIGURE_SCHEMA = StructType([
    StructField("id", StringType(), True),
    StructField("doc", StringType(), True),
    StructField("value", LongType(), True),
    StructField("text", StringType(), True),
    StructField("start", LongType(), True),
    StructField("end", LongType(), True),
    StructField("qualifier", StringType(), True),
    StructField("category", StringType(), True),
    StructField("noun", StringType(), True),
    StructField("parent", StringType(), True),
    StructField("period", StructType([StructField("start", StringType(), True),
                                      StructField("end", StringType(), True)]), True),
    StructField("sentence", _span(), True),
    StructField("doc_date", StringType(), True),
    StructField("when", StructType([StructField("start", StringType(), True),
                                    StructField("end", StringType(), True),
                                    StructField("basis", StringType(), True)]), True),
    StructField("cumulative", BooleanType(), True),
    StructField("repeats", StringType(), True),
    StructField("actors", ArrayType(NAME, True), True),
    StructField("place", NAME, True),
    StructField("country", StringType(), True),
    StructField("source", NAME, True),
    StructField("meta", MapType(StringType(), StringType(), True), True),
    StructField("doc_month", StringType(), False),  # the partition column
])

# The date mentions (with --dates).
DATE_SCHEMA = StructType([
    StructField("id", StringType(), True),
    StructField("doc", StringType(), True),
    StructField("text", StringType(), True),
    StructField("start", LongType(), True),
    StructField("end", LongType(), True),
    StructField("value", StringType(), True),
    StructField("calendar", StringType(), True),
    StructField("relative", BooleanType(), True),
    StructField("range_start", StringType(), True),
    StructField("range_end", StringType(), True),
    StructField("doc_date", StringType(), True),
    StructField("meta", MapType(StringType(), StringType(), True), True),
    StructField("doc_month", StringType(), False),
])

# What could not be turned into records: never mixed with them.
ERROR_SCHEMA = StructType([
    StructField("kind", StringType(), False),     # "error": a document; "partition": a failed process
    StructField("doc", StringType(), True),       # the document id, when known
    StructField("path", StringType(), True),      # the input file
    StructField("line", LongType(), True),        # the line in that file, when known
    StructField("error", StringType(), True),     # what went wrong, as hasila or the job says it
    StructField("partition", IntegerType(), True),
    StructField("exit_status", IntegerType(), True),
    StructField("input_documents", LongType(), True),  # for "partition": documents fed before it failed
    StructField("records", LongType(), True),          # for "partition": records kept from it
    StructField("stderr", StringType(), True),         # for "partition": the last of its stderr
])

FIGURE_FIELDS = [f.name for f in FIGURE_SCHEMA.fields if f.name != "doc_month"]
DATE_FIELDS = [f.name for f in DATE_SCHEMA.fields if f.name != "doc_month"]
KNOWN = {"figure": set(FIGURE_FIELDS) | {"kind"}, "date": set(DATE_FIELDS) | {"kind"}}

TEXT_EXTENSIONS = ("txt", "text")            # read as documents, as hasila reads them in a folder
OTHER_EXTENSIONS = ("html", "htm", "xhtml", "jsonl", "ndjson")  # hasila reads these, this job does not
MONTH = re.compile(r"^\d{4}-\d{2}")


class HasilaFailed(RuntimeError):
    """A per-partition command failed; raising it fails the Spark task, hence the job."""


class SetParam(AccumulatorParam):
    """An accumulator of a set (the record fields that the schema does not have)."""

    def zero(self, value):
        return set()

    def addInPlace(self, a, b):
        a |= b
        return a


# --- the records as rows ------------------------------------------------------------------------

def doc_month(doc_date, when_start):
    """YYYY-MM of the document's date, else of the start of the figure's `when`, else "unknown"."""
    for value in (doc_date, when_start):
        if isinstance(value, str) and MONTH.match(value):
            return value[:7]
    return UNKNOWN_MONTH


def meta_map(meta):
    """A JSON-lines document's other fields as map<string,string>: JSON-encoded when not strings."""
    if meta is None:
        return None
    return {k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True,
                                                       separators=(",", ":"))
            for k, v in meta.items()}


def _name(value):
    if value is None:
        return None
    return (value.get("key"), value.get("text"), value.get("start"), value.get("end"))


def figure_row(rec):
    """A figure record as a tuple in FIGURE_SCHEMA's order (a field it lacks is None)."""
    period, sentence, when = rec.get("period"), rec.get("sentence"), rec.get("when")
    actors = rec.get("actors")
    return (rec.get("id"), rec.get("doc"), rec.get("value"), rec.get("text"), rec.get("start"),
            rec.get("end"), rec.get("qualifier"), rec.get("category"), rec.get("noun"),
            rec.get("parent"),
            None if period is None else (period.get("start"), period.get("end")),
            None if sentence is None else (sentence.get("start"), sentence.get("end")),
            rec.get("doc_date"),
            None if when is None else (when.get("start"), when.get("end"), when.get("basis")),
            rec.get("cumulative"), rec.get("repeats"),
            None if actors is None else [_name(a) for a in actors],
            _name(rec.get("place")), rec.get("country"), _name(rec.get("source")),
            meta_map(rec.get("meta")),
            doc_month(rec.get("doc_date"), (when or {}).get("start")))


def date_row(rec):
    """A date record as a tuple in DATE_SCHEMA's order."""
    return (rec.get("id"), rec.get("doc"), rec.get("text"), rec.get("start"), rec.get("end"),
            rec.get("value"), rec.get("calendar"), rec.get("relative"), rec.get("range_start"),
            rec.get("range_end"), rec.get("doc_date"), meta_map(rec.get("meta")),
            doc_month(rec.get("doc_date"), rec.get("value")))


def error_row(kind, doc=None, path=None, line=None, error=None, partition=None, exit_status=None,
              input_documents=None, records=None, stderr=None):
    """A row of the errors dataset, in ERROR_SCHEMA's order."""
    return (kind, doc, path, line, error, partition, exit_status, input_documents, records, stderr)


# --- the binary on the executor -----------------------------------------------------------------

def locate_hasila(binary):
    """(executable, grammars folder or None, library folder or None) on this executor.

    With --binary, that path (installed on the executors; it finds its own grammars). Otherwise
    the archive shipped with --archives ...#hasila, in either layout: `hasila` with `Grammars/`
    beside it, or the release layout `bin/hasila` with `share/hasila/Grammars` (possibly inside
    one top folder). A `lib/` folder in the archive (ICU's libraries) goes on LD_LIBRARY_PATH.
    """
    if binary:
        if not os.access(binary, os.X_OK):
            raise HasilaFailed(f"--binary {binary}: not an executable file on this executor")
        return binary, None, None
    roots = []
    try:
        roots.append(os.path.join(SparkFiles.getRootDirectory(), ARCHIVE_ALIAS))
    except Exception:  # not inside a Spark worker
        pass
    roots.append(os.path.join(os.getcwd(), ARCHIVE_ALIAS))
    looked = []
    for root in roots:
        prefixes = [root] + sorted(glob.glob(os.path.join(root, "*", "")))
        for prefix in prefixes:
            for exe, grammars in ((os.path.join(prefix, "hasila"), os.path.join(prefix, "Grammars")),
                                  (os.path.join(prefix, "bin", "hasila"),
                                   os.path.join(prefix, "share", "hasila", "Grammars"))):
                looked.append(exe)
                if not os.path.isfile(exe):
                    continue
                if not os.access(exe, os.X_OK):  # an unpacker that dropped the mode bits
                    os.chmod(exe, 0o755)
                if not os.path.isdir(grammars):
                    raise HasilaFailed(f"{exe} was shipped without its grammars at {grammars}")
                lib = os.path.join(prefix, "lib")
                return exe, grammars, (lib if os.path.isdir(lib) else None)
    raise HasilaFailed("the hasila binary is not on this executor (looked at: " + ", ".join(looked)
                       + "); submit with --archives hasila.tar.gz#hasila, or give --binary")


# --- the documents ------------------------------------------------------------------------------

def text_format(name):
    """(is a text document, is gzip) for a file name, by hasila's rules; None for a file it skips."""
    parts = name.lower().rsplit("/", 1)[-1].split(".")
    gz = len(parts) >= 3 and parts[-1] == "gz"
    ext = parts[-2] if gz else (parts[-1] if len(parts) >= 2 else None)
    if ext in TEXT_EXTENSIONS:
        return True, gz
    if ext in OTHER_EXTENSIONS:
        return False, gz
    return None


def document_id(path, root):
    """The file's path relative to the input folder, without its extensions (".txt", ".txt.gz")."""
    rel = path[len(root):].lstrip("/") if path.startswith(root) else path.rsplit("/", 1)[-1]
    extensions = 2 if rel.lower().endswith(".gz") else 1
    for _ in range(extensions):
        slash, dot = rel.rfind("/"), rel.rfind(".")
        if dot > slash + 1:
            rel = rel[:dot]
    return rel


def decode_text(data):
    """The text of a file's bytes, as hasila decodes UTF-8 and UTF-16 with a BOM; raises
    UnicodeDecodeError for anything else (legacy encodings, damaged UTF-8)."""
    if data[:2] == b"\xff\xfe":
        return data[2:].decode("utf-16-le")
    if data[:2] == b"\xfe\xff":
        return data[2:].decode("utf-16-be")
    return data.decode("utf-8")  # a UTF-8 BOM stays as U+FEFF, as hasila keeps it


def text_documents(root):
    """A mapPartitions-side converter: (path, content) rows -> JSON lines, or error rows."""

    def convert(rows):
        for row in rows:
            path = row.path
            fmt = text_format(path)
            if fmt is None:
                continue  # not a document (hasila skips it in a folder too)
            doc = document_id(path, root)
            is_text, gz = fmt
            if not is_text:
                yield (path, doc), error_row("error", doc=doc, path=path, error=(
                    "HTML and JSON-lines files are not read with --input-format text: "
                    "give JSON lines with --input-format jsonl, or run hasila on the files"))
                continue
            try:
                data = bytes(row.content)
                if gz:
                    data = gzip.decompress(data)
                text = decode_text(data)
            except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
                yield (path, doc), error_row("error", doc=doc, path=path, error=(
                    f"not read: {exc} (the job reads UTF-8 and UTF-16 with a BOM; convert other "
                    "encodings first, e.g. iconv -f WINDOWS-1256 -t UTF-8)"))
                continue
            yield (path, doc), json.dumps({"id": doc, "text": text}, ensure_ascii=False)

    return convert


def jsonl_documents(rows):
    """(path, line) rows of the text reader -> ((path, None), line) items, blank lines dropped.
    The path (input_file_name(), a URI: "sub%20dir") is decoded as the file system names it."""
    uri, origin = None, None
    for row in rows:
        if row.path != uri:
            uri, origin = row.path, (unquote(row.path), None)
        if row.value.strip():
            yield origin, row.value


# --- one hasila process per partition ------------------------------------------------------------

def make_partition_runner(options, counters, record_failed_partitions=False, binary=None):
    """A mapPartitions function: the partition's ((path, doc id or None), JSON line or error row)
    items through ONE hasila process; yields ("figure" | "date" | "error", row)."""

    def run_partition(items):
        ctx = TaskContext.get()
        partition = ctx.partitionId() if ctx is not None else None
        exe, grammars, lib = locate_hasila(binary)
        jobs = str(ctx.cpus()) if ctx is not None else "1"  # the cores Spark gave this task
        cmd = [exe, "extract", "--quiet", "--errors", "inline", "--jobs", jobs]
        if grammars:
            cmd += ["--grammars", grammars]
        cmd += [*options, "-"]
        env = dict(os.environ)
        env.pop("HASILA_GRAMMARS", None)  # the grammars shipped with this binary, nothing stale
        if lib:
            env["LD_LIBRARY_PATH"] = lib + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env)
        counters["processes"].add(1)
        fed = [0]
        line_starts, line_origins = [], []   # the (file, doc) of each line fed (run-length)
        converted_errors = []              # documents the job itself could not turn into a line
        feed_error = []
        stderr_tail = collections.deque()
        stderr_size = [0]

        def feed():  # stdin in its own thread, so that a full stdout pipe cannot deadlock us
            try:
                for origin, item in items:
                    if isinstance(item, tuple):
                        converted_errors.append(item)
                        continue
                    if not line_origins or line_origins[-1] != origin:
                        line_starts.append(fed[0] + 1)
                        line_origins.append(origin)
                    proc.stdin.write(item.encode("utf-8") + b"\n")
                    fed[0] += 1
            except BrokenPipeError:
                pass  # hasila stopped reading: its exit status says why
            except BaseException as exc:  # the input iterator failed: fail the task with it
                feed_error.append(exc)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        def drain_stderr():
            for chunk in iter(lambda: proc.stderr.read(4096), b""):
                stderr_tail.append(chunk)
                stderr_size[0] += len(chunk)
                while stderr_size[0] > STDERR_KEEP and len(stderr_tail) > 1:
                    stderr_size[0] -= len(stderr_tail.popleft())

        def input_origin(stdin_line):
            k = bisect.bisect_right(line_starts, stdin_line) - 1 if isinstance(stdin_line, int) else -1
            return line_origins[k] if k >= 0 else (None, None)

        feeder = threading.Thread(target=feed, name="hasila-stdin", daemon=True)
        reader = threading.Thread(target=drain_stderr, name="hasila-stderr", daemon=True)
        feeder.start()
        reader.start()
        counts = collections.Counter()
        unknown = set()
        problem = None
        try:
            try:
                for n, raw in enumerate(proc.stdout, 1):
                    try:
                        rec = json.loads(raw)
                    except ValueError as exc:
                        raise HasilaFailed(f"hasila printed a line that is not JSON (line {n}): "
                                           f"{raw[:200]!r}: {exc}") from None
                    kind = rec.get("kind")
                    if kind == "figure":
                        row = figure_row(rec)
                    elif kind == "date":
                        row = date_row(rec)
                    elif kind == "error":
                        # stdin:N names the Nth line of this partition: name the input file,
                        # and for a text file its document id, instead.
                        path, doc = input_origin(rec.get("line"))
                        if doc is None and not str(rec.get("doc")).startswith("stdin:"):
                            doc = rec.get("doc")
                        row = error_row("error", doc=doc, path=path, error=rec.get("error"))
                    else:
                        raise HasilaFailed(f"unexpected record kind {kind!r}: "
                                           f"{json.dumps(rec, ensure_ascii=False)[:300]}")
                    if kind in KNOWN:
                        unknown.update(set(rec) - KNOWN[kind])
                    counts[kind] += 1
                    yield kind, row
                status = proc.wait()
                feeder.join()
                reader.join()
                if feed_error:
                    raise feed_error[0]
                if not (status == 0 or (status == 1 and counts["error"] > 0)):
                    why = ("exit status 1 without any error record" if status == 1
                           else f"exit status {status}")
                    problem = (status, f"{' '.join(cmd)}: {why} after {fed[0]} input documents")
            except HasilaFailed as exc:
                if proc.poll() is None:
                    proc.kill()
                status = proc.wait()
                feeder.join(5)
                reader.join(5)
                problem = (status, str(exc))
            for row in converted_errors:
                counts["error"] += 1
                yield "error", row
            stderr = b"".join(stderr_tail).decode("utf-8", "replace").strip()
            if problem is not None:
                status, message = problem
                if not record_failed_partitions:
                    raise HasilaFailed(message + (f"; stderr: {stderr}" if stderr else ""))
                counts["partition"] += 1
                yield "error", error_row("partition", error=message, partition=partition,
                                         exit_status=status, input_documents=fed[0],
                                         records=counts["figure"] + counts["date"],
                                         stderr=stderr[-4000:] or None)
            counters["documents"].add(fed[0] + len(converted_errors))
            counters["figures"].add(counts["figure"])
            counters["dates"].add(counts["date"])
            counters["errors"].add(counts["error"])
            counters["failed_partitions"].add(counts["partition"])
            if unknown:
                counters["unknown_fields"].add(unknown)
        finally:
            if proc.poll() is None:  # the consumer stopped early, or we are failing
                proc.kill()
                proc.wait()

    return run_partition


# --- the job ------------------------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(prog="hasila_job.py", description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True,
                    help="a file, folder or glob at any Hadoop URI (s3a://, gs://, abfss://, hdfs://, file://)")
    ap.add_argument("--input-format", choices=("jsonl", "text"), default="jsonl",
                    help="jsonl: one document per line (default); text: .txt/.text files (.gz too), "
                         "one document each, id = path relative to the input folder without extension")
    ap.add_argument("--output", required=True, help="Parquet folder of the figure records, partitioned by doc_month")
    ap.add_argument("--errors-output", help="where the errors dataset goes (default: <output>/_errors)")
    ap.add_argument("--dates", action="store_true", help="also write the date mentions")
    ap.add_argument("--dates-output", help="where the date mentions go (default: <output>/_dates)")
    ap.add_argument("--mode", choices=("overwrite", "errorifexists"), default="overwrite",
                    help="what to do when the output exists (default: overwrite)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="repartition the documents into N partitions (one hasila process each); "
                         "default: as the input is split")
    ap.add_argument("--failed-partitions", choices=("fail", "record"), default="fail",
                    help="fail: a partition whose hasila fails fails the task and the job (default); "
                         "record: it becomes a row of the errors dataset, the job goes on and exits 3")
    ap.add_argument("--binary", help="the hasila binary installed on the executors, instead of the archive")
    ap.add_argument("--hasila-option", action="append", default=[], metavar="OPTION",
                    help="an option passed to `hasila extract` (repeatable), e.g. --hasila-option=--max-bytes=67108864")
    return ap.parse_args(argv)


def qualified_root(spark, uri):
    """The input folder as Hadoop names the files under it (a file or glob: its folder)."""
    jvm = spark._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    head = re.split(r"[*?\[{]", uri, maxsplit=1)[0]
    if head != uri:  # a glob: ids relative to the folder before it
        head = head.rsplit("/", 1)[0]
    path = jvm.org.apache.hadoop.fs.Path(head)
    fs = path.getFileSystem(conf)
    path = fs.makeQualified(path)
    if head == uri and fs.exists(path) and fs.getFileStatus(path).isFile():
        path = path.getParent()
    return path.toString().rstrip("/")


def run(spark, argv):
    """Runs the job; returns (exit status, counts). Raises when a partition fails (mode fail)."""
    args = parse_args(argv)
    sc = spark.sparkContext
    started = time.monotonic()
    counters = {name: sc.accumulator(0) for name in
                ("documents", "figures", "dates", "errors", "failed_partitions", "processes")}
    counters["unknown_fields"] = sc.accumulator(set(), SetParam())
    options = list(args.hasila_option) + (["--dates"] if args.dates else [])

    if args.input_format == "text":
        root = qualified_root(spark, args.input)
        names = TEXT_EXTENSIONS + OTHER_EXTENSIONS + ("gz",)
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                 # only the files hasila would look at are read (not the PDFs beside them)
                 .option("pathGlobFilter", "*.{" + ",".join(names + tuple(n.upper() for n in names)) + "}")
                 .load(args.input).select("path", "content"))
        items = files.rdd.mapPartitions(text_documents(root))
    else:
        lines = (spark.read.option("recursiveFileLookup", "true").text(args.input)
                 .select(F.input_file_name().alias("path"), "value"))
        items = lines.rdd.mapPartitions(jsonl_documents)
    if args.partitions > 0:
        items = items.repartition(args.partitions)
    runner = make_partition_runner(options, counters, args.failed_partitions == "record", args.binary)
    out = items.mapPartitions(runner).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        figures = spark.createDataFrame(out.filter(lambda r: r[0] == "figure").map(lambda r: r[1]),
                                        FIGURE_SCHEMA)
        figures.write.mode(args.mode).partitionBy("doc_month").parquet(args.output)
        errors_uri = args.errors_output or args.output.rstrip("/") + "/_errors"
        errors = spark.createDataFrame(out.filter(lambda r: r[0] == "error").map(lambda r: r[1]),
                                       ERROR_SCHEMA)
        errors.repartition(1).write.mode(args.mode).parquet(errors_uri)  # one file, built in parallel
        dates_uri = None
        if args.dates:
            dates_uri = args.dates_output or args.output.rstrip("/") + "/_dates"
            dates = spark.createDataFrame(out.filter(lambda r: r[0] == "date").map(lambda r: r[1]),
                                          DATE_SCHEMA)
            dates.write.mode(args.mode).partitionBy("doc_month").parquet(dates_uri)
    finally:
        out.unpersist()
    counts = {name: acc.value for name, acc in counters.items()}
    LOG.info("hasila: %d documents in, %d figures, %d dates%s, %d errors (%d failed partitions), "
             "%d hasila processes, %.1f s",
             counts["documents"], counts["figures"], counts["dates"],
             "" if args.dates else " (not asked: --dates)", counts["errors"],
             counts["failed_partitions"], counts["processes"], time.monotonic() - started)
    LOG.info("hasila: figures -> %s, errors -> %s%s", args.output, errors_uri,
             f", dates -> {dates_uri}" if dates_uri else "")
    if counts["unknown_fields"]:
        LOG.warning("hasila: record fields not in the job's schema (not written): %s",
                    ", ".join(sorted(counts["unknown_fields"])))
    if counts["failed_partitions"]:
        LOG.error("hasila: %d partitions failed; their rows are in %s (kind = 'partition')",
                  counts["failed_partitions"], errors_uri)
        return 3, counts
    return 0, counts


def main(argv=None):
    handler = logging.StreamHandler(sys.stderr)  # the driver's log, beside Spark's own
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False
    spark = SparkSession.builder.appName("hasila").getOrCreate()
    try:
        status, _ = run(spark, sys.argv[1:] if argv is None else argv)
    finally:
        spark.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())
