"""Hasila on Apache Spark: one `hasila extract` subprocess per partition.

Run by Spark/run (RUN_SPARK_TESTS=1 Spark/run); see Spark/README.md. The shipped archive
(`--archives hasila.tar.gz#hasila`) holds the `hasila` binary with its `Grammars/` folder next
to it, so on every executor the command is `hasila/hasila extract --quiet --errors inline -`.

The job:
  1. reads the JSON-lines input as text lines and repartitions it;
  2. with mapPartitions, feeds each partition's lines to ONE hasila subprocess on stdin and
     turns the JSON lines it prints into Rows; the exit status is checked (0 is fine, 1 only
     when error records came back, anything else fails the task and so the job);
  3. writes Parquet with an explicit schema and reads it back with that schema (FAILFAST);
  4. compares the figures with a direct run of the same binary over the same file;
  5. checks the exit-status handling itself: a partition with a bad line must give an error
     record (exit 1 accepted), and a command that exits 2 must fail the job.
It prints the counts and exits non-zero on any difference.
"""

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import threading
import time

from pyspark import SparkFiles, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

ARCHIVE_ALIAS = "hasila"  # the name after '#' in --archives hasila.tar.gz#hasila
STDERR_KEEP = 64 * 1024   # bytes of the subprocess's stderr kept for the error message

SCHEMA = StructType([
    StructField("kind", StringType(), False),
    StructField("id", StringType(), True),
    StructField("doc", StringType(), True),
    StructField("value", LongType(), True),
    StructField("text", StringType(), True),   # for kind == "error": the error message
    StructField("start", LongType(), True),
    StructField("end", LongType(), True),
    StructField("qualifier", StringType(), True),
    StructField("category", StringType(), True),
    StructField("noun", StringType(), True),
    StructField("parent", StringType(), True),
    StructField("period_start", StringType(), True),
    StructField("period_end", StringType(), True),
])

# What the comparison with the direct run looks at.
KEY_FIELDS = ("id", "doc", "value", "text", "start", "end", "qualifier", "category", "parent")
ALL_FIELDS = KEY_FIELDS + ("noun", "period_start", "period_end")


class HasilaFailed(RuntimeError):
    """The per-partition command failed; raising it fails the Spark task, hence the job."""


def shipped_binary():
    """The `hasila` binary unpacked from the archive on this executor.

    On a cluster executor the archive is unpacked in the executor's working directory
    (SparkFiles' root there is "."); in local mode the executor is the driver, whose SparkFiles
    root is a temporary directory: look in both.
    """
    candidates = []
    try:
        candidates.append(os.path.join(SparkFiles.getRootDirectory(), ARCHIVE_ALIAS, "hasila"))
    except Exception:  # not inside a Spark worker
        pass
    candidates.append(os.path.join(os.getcwd(), ARCHIVE_ALIAS, "hasila"))
    for path in candidates:
        if os.path.isfile(path):
            if not os.access(path, os.X_OK):  # an unpacker that dropped the mode bits
                os.chmod(path, 0o755)
            grammars = os.path.join(os.path.dirname(path), "Grammars")
            if not os.path.isdir(grammars):
                raise HasilaFailed(f"{path} was shipped without a Grammars/ folder next to it")
            return path
    raise HasilaFailed(
        "the shipped hasila binary is not on this executor (looked at: "
        + ", ".join(candidates) + "); was the job submitted with --archives hasila.tar.gz#hasila?")


def to_row(rec):
    """A hasila JSON record as a tuple in SCHEMA's order."""
    kind = rec.get("kind")
    if kind == "figure":
        period = rec.get("period") or {}
        return (kind, rec["id"], rec["doc"], rec["value"], rec["text"], rec["start"], rec["end"],
                rec["qualifier"], rec.get("category"), rec.get("noun"), rec.get("parent"),
                period.get("start"), period.get("end"))
    if kind == "error":
        return (kind, None, rec.get("doc"), None, rec.get("error"), None, None,
                None, None, None, None, None, None)
    raise HasilaFailed(f"unexpected record kind {kind!r}: {json.dumps(rec, ensure_ascii=False)[:300]}")


def make_partition_runner(extra_args=(), subprocesses=None):
    """A mapPartitions function running one hasila subprocess over the partition's lines."""

    def run_partition(lines):
        exe = shipped_binary()
        ctx = TaskContext.get()
        jobs = str(ctx.cpus()) if ctx is not None else "1"  # the cores Spark gave this task
        cmd = [exe, "extract", "--quiet", "--errors", "inline", "--jobs", jobs, *extra_args, "-"]
        env = dict(os.environ)
        env.pop("HASILA_GRAMMARS", None)  # use the Grammars/ shipped next to the binary
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env)
        if subprocesses is not None:
            subprocesses.add(1)
        fed = [0]
        feed_error = []
        stderr_tail = collections.deque()
        stderr_size = [0]

        def feed():  # stdin in its own thread, so that a full stdout pipe cannot deadlock us
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
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

        feeder = threading.Thread(target=feed, name="hasila-stdin", daemon=True)
        reader = threading.Thread(target=drain_stderr, name="hasila-stderr", daemon=True)
        feeder.start()
        reader.start()
        errors = 0
        try:
            for n, raw in enumerate(proc.stdout, 1):
                try:
                    rec = json.loads(raw)
                except ValueError as exc:
                    raise HasilaFailed(f"hasila printed a line that is not JSON (line {n}): "
                                       f"{raw[:200]!r}: {exc}") from None
                if rec.get("kind") == "error":
                    errors += 1
                yield to_row(rec)
            status = proc.wait()
            feeder.join()
            reader.join()
            if feed_error:
                raise feed_error[0]
            stderr = b"".join(stderr_tail).decode("utf-8", "replace").strip()
            if status == 0 or (status == 1 and errors > 0):
                return
            why = ("exit status 1 without any error record" if status == 1
                   else f"exit status {status}")
            raise HasilaFailed(f"{' '.join(cmd)}: {why} after {fed[0]} input lines"
                               + (f"; stderr: {stderr}" if stderr else ""))
        finally:
            if proc.poll() is None:  # the consumer stopped early, or we are failing
                proc.kill()
                proc.wait()

    return run_partition


def binary_digest(_):
    with open(shipped_binary(), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def direct_run(binary, path):
    """The same binary over the same file, outside Spark: its figure records."""
    env = dict(os.environ)
    env.pop("HASILA_GRAMMARS", None)
    res = subprocess.run([binary, "extract", "--quiet", path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    if res.returncode != 0:
        raise SystemExit(f"direct run of {binary} failed with exit status {res.returncode}: "
                         f"{res.stderr.decode('utf-8', 'replace')}")
    rows = []
    for line in res.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("kind") == "figure":
            rows.append(dict(zip(SCHEMA.names, to_row(rec))))
    return rows


def tuples(rows, fields):
    return [tuple(r[f] for f in fields) for r in rows]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True, help="JSON-lines documents")
    ap.add_argument("--output", required=True, help="Parquet directory (overwritten)")
    ap.add_argument("--direct-binary", required=True,
                    help="the binary that was packed into the archive, for the direct run")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--skip-exit-checks", action="store_true",
                    help="do not run the exit-status self-checks")
    args = ap.parse_args()

    input_uri = "file://" + os.path.abspath(args.input)
    output_uri = "file://" + os.path.abspath(args.output)
    failures = []      # every problem found, printed at the end
    checks = {}        # check name -> passed?

    spark = SparkSession.builder.appName("hasila-spark-test").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    print(f"spark {spark.version}, master {sc.master}, python {sys.version.split()[0]}")

    # --- 1-3: extract per partition, write Parquet, read it back --------------------------------
    started = time.monotonic()
    subprocesses = sc.accumulator(0)
    lines = sc.textFile(input_uri).filter(lambda l: l.strip() != "")
    n_docs = lines.count()
    parts = lines.repartition(args.partitions)
    records = parts.mapPartitions(make_partition_runner(subprocesses=subprocesses))
    df = spark.createDataFrame(records, SCHEMA, verifySchema=True)
    df.write.mode("overwrite").parquet(output_uri)
    extract_seconds = time.monotonic() - started

    back = (spark.read.schema(SCHEMA).option("mode", "FAILFAST").parquet(output_uri))
    got = [r.asDict() for r in back.collect()]
    job_seconds = time.monotonic() - started
    figures = [r for r in got if r["kind"] == "figure"]
    errors = [r for r in got if r["kind"] == "error"]
    print(f"input: {n_docs} documents in {args.partitions} partitions; "
          f"{subprocesses.value} hasila subprocesses")
    print(f"parquet: {len(got)} rows read back ({len(figures)} figures, {len(errors)} errors), "
          f"{len({r['doc'] for r in figures})} documents with figures")
    print(f"time: extract + write Parquet {extract_seconds:.2f} s, "
          f"with the read-back {job_seconds:.2f} s")
    if subprocesses.value != args.partitions:
        failures.append(f"{subprocesses.value} subprocesses for {args.partitions} partitions")
    for e in errors:
        failures.append(f"error record from Spark: {e['doc']}: {e['text']}")

    # --- 4: the same binary, directly ----------------------------------------------------------
    shipped = sc.parallelize([0], 1).map(binary_digest).collect()[0]
    local = file_digest(args.direct_binary)
    if shipped != local:
        failures.append(f"the shipped binary (sha256 {shipped}) is not {args.direct_binary} ({local})")
    t = time.monotonic()
    direct = direct_run(args.direct_binary, args.input)
    print(f"direct run: {len(direct)} figures in {time.monotonic() - t:.2f} s "
          f"(binary sha256 {local[:12]}, same as shipped: {shipped == local})")

    for fields, label in ((KEY_FIELDS, "key fields"), (ALL_FIELDS, "all fields")):
        a, b = tuples(figures, fields), tuples(direct, fields)
        if len(a) != len(set(a)):
            failures.append(f"Spark output has {len(a) - len(set(a))} duplicate figures ({label})")
        only_spark, only_direct = set(a) - set(b), set(b) - set(a)
        print(f"compare ({label}): spark {len(set(a))}, direct {len(set(b))}, "
              f"only in spark {len(only_spark)}, only in direct {len(only_direct)}")
        for x in sorted(only_spark, key=repr)[:5]:
            print(f"  only in spark:  {x}")
        for x in sorted(only_direct, key=repr)[:5]:
            print(f"  only in direct: {x}")
        if only_spark or only_direct:
            failures.append(f"Spark and the direct run differ ({label})")
    checks["spark output == direct run"] = not failures
    if not failures:
        print("check: Spark output == direct run: ok")

    # --- 5: the exit-status handling itself -----------------------------------------------------
    if not args.skip_exit_checks:
        with open(args.input, encoding="utf-8") as f:
            one_doc = f.readline().rstrip("\n")
        rows = (sc.parallelize([one_doc, "this line is not JSON"], 1)
                .mapPartitions(make_partition_runner()).collect())
        bad = [r for r in rows if r[0] == "error"]
        good = [r for r in rows if r[0] == "figure"]
        checks["bad line -> error record, exit 1 accepted"] = len(bad) == 1 and bool(good)
        if len(bad) == 1 and good:
            print(f"check: a bad input line gives an error record and exit 1 is accepted: ok "
                  f"({len(good)} figures, error: {bad[0][4]})")
        else:
            failures.append(f"bad-line check: expected 1 error record and some figures, got "
                            f"{len(bad)} errors and {len(good)} figures")

        checks["exit 2 fails the job"] = False
        try:
            sc.parallelize([one_doc], 1).mapPartitions(
                make_partition_runner(extra_args=("--grammars", "/nonexistent-hasila-grammars"))
            ).collect()
            failures.append("a partition whose hasila exited 2 did not fail the job")
        except Exception as exc:  # Py4JJavaError carrying the task's HasilaFailed
            text = str(exc)
            if "HasilaFailed" in text and "exit status 2" in text:
                checks["exit 2 fails the job"] = True
                print("check: hasila exiting 2 fails the job: ok")
            else:
                failures.append(f"exit-2 check: the job failed, but not with HasilaFailed: {text[:500]}")

    spark.stop()
    for f in failures:
        print(f"FAIL: {f}")
    passed = sum(1 for ok in checks.values() if ok)
    print(f"spark: {passed} passed, {len(checks) - passed} failed")
    return 1 if failures or passed != len(checks) else 0


if __name__ == "__main__":
    sys.exit(main())
