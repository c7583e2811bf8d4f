#!/usr/bin/env python3
"""Recipes over Hasila's records with pandas and DuckDB (docs/guide.md explains each one).

    hasila extract --dates --output corpus.jsonl Corpus/documents
    hasila extract --dates --format csv --output corpus.csv Corpus/documents
    python3 docs/recipes/recipes.py --jsonl corpus.jsonl --csv corpus.csv

pandas reads the JSON lines; DuckDB reads the JSON lines and the CSV directly, with no import
step, and runs the queries of recipes.sql (the same ones sqlite3 runs on a database) over a view
`figure_facts` built here from either file. Every engine prints every recipe; `--json` prints one
JSON object instead ({engine: {recipe: rows}}), which the tests compare with the records.

Needs `pip install pandas duckdb` (analysis tooling only: Hasila itself needs no Python).
Works with records written before and after the fields `when`, `doc_date`, `cumulative`,
`repeats`, `source` and `country` were added: a field the records lack reads as missing.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KILLED = r"^killed(?:\.|$)"


# ---------------------------------------------------------------- pandas, over the JSON lines

def load_figures(path):
    """The figure records of a JSON-lines file as a flat DataFrame (period.start, when.start, …)."""
    import pandas as pd
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    figures = [r for r in records if r.get("kind") == "figure"]
    if not figures:
        sys.exit(f"{path} holds no figure records")
    figures = pd.json_normalize(figures)
    for column in ["period.start", "period.end", "when.start", "when.end", "when.basis", "doc_date",
                   "cumulative", "repeats", "source.key", "country", "noun", "parent", "category"]:
        if column not in figures.columns:
            figures[column] = None  # a field this version of Hasila does not write yet
    # When the event happened: the record's `when` (stated, resolved or the document's date) when
    # it has one, else its period; a month only when those dates lie within one month.
    has_when = figures["when.start"].notna() | figures["when.end"].notna()
    figures["date_start"] = figures["when.start"].where(has_when, figures["period.start"])
    figures["date_end"] = figures["when.end"].where(has_when, figures["period.end"])
    start_month = figures["date_start"].map(lambda d: d[:7] if isinstance(d, str) and len(d) >= 7 else None)
    end_month = figures["date_end"].map(lambda d: d[:7] if isinstance(d, str) else None)
    within = figures["date_end"].isna() | (end_month == start_month)
    figures["month"] = start_month.where(within & start_month.notna(), None)
    return figures


def is_killed(categories):
    return categories.fillna("").str.contains(KILLED)


def pandas_recipes(figures):
    import pandas as pd
    results = {}

    # People killed per month and category, each person once: no breakdown of a toll of the
    # killed, no running total, no repeat of an earlier figure of the same document.
    killed_ids = set(figures.loc[is_killed(figures["category"]), "id"])
    counted = figures[is_killed(figures["category"])
                      & (figures["cumulative"] != True)  # noqa: E712 (None and False both count)
                      & figures["repeats"].isna()
                      & ~figures["parent"].isin(killed_ids)]
    results["killed_per_month_and_category"] = (
        counted.groupby(["month", "category"], dropna=False)
        .agg(killed=("value", "sum"), figures=("id", "count"))
        .reset_index().sort_values(["month", "category"], na_position="first"))

    # The same, counting once a toll that several documents report (same value, category, dates
    # and source); a figure with no date matches nothing and counts on its own.
    tolls = counted.assign(undated=counted["id"].where(counted["date_start"].isna(), None)).drop_duplicates(
        ["month", "category", "value", "date_start", "date_end", "source.key", "undated"])
    results["killed_per_month_across_documents"] = (
        tolls.groupby(["month", "category"], dropna=False)
        .agg(killed=("value", "sum"), tolls=("id", "count"))
        .reset_index().sort_values(["month", "category"], na_position="first"))

    # The ten documents with the most figures, and how many of them have no category.
    per_doc = figures.assign(uncategorised=figures["category"].isna()).groupby("doc").agg(
        figures=("id", "count"), uncategorised=("uncategorised", "sum")).reset_index()
    results["documents_with_most_figures"] = per_doc.sort_values(
        ["figures", "doc"], ascending=[False, True]).head(10)

    # Figures with no category, to review, and what they count.
    missing = figures[figures["category"].isna()]
    results["figures_without_category"] = missing.sort_values(["doc", "start"])[
        ["id", "doc", "value", "text", "noun", "start"]]
    results["uncategorised_nouns"] = (
        missing.groupby("noun", dropna=False).size().rename("figures").reset_index()
        .sort_values(["figures", "noun"], ascending=[False, True], na_position="first"))

    # Figures with an earlier figure of the same value and category in their document that
    # `repeats` does not mark (a headline without the body's date), breakdowns left out.
    totals = figures[figures["category"].notna() & figures["parent"].isna()]
    pairs = totals.merge(totals[["doc", "value", "category", "id", "start"]],
                         on=["doc", "value", "category"], suffixes=("", "_earlier"))
    pairs = pairs[(pairs["start_earlier"] < pairs["start"]) & pairs["repeats"].isna()]
    first = pairs.sort_values(["id", "start_earlier"]).drop_duplicates("id", keep="first")
    results["unmarked_repeats"] = first.rename(columns={"id_earlier": "same_as"}).sort_values(
        ["doc", "start"])[["id", "doc", "value", "category", "date_start", "same_as"]]

    # The same toll in several documents: same value, category, dates and source.
    key = ["value", "category", "date_start", "date_end", "source.key"]
    candidates = figures[figures["category"].notna() & figures["parent"].isna()
                         & figures["repeats"].isna() & figures["date_start"].notna()]
    groups = candidates.sort_values("id").groupby(key, dropna=False).agg(
        documents=("doc", "nunique"), ids=("id", " ".join)).reset_index()
    results["same_toll_across_documents"] = groups[groups["documents"] > 1].rename(
        columns={"source.key": "source_key"}).sort_values(
        ["documents", "value", "category", "date_start"], ascending=[False, False, True, True])
    return results


# ---------------------------------------------------------------- DuckDB, over JSON lines or CSV

def sql_recipes():
    """The named queries of recipes.sql, after its SQLite-only view (DuckDB builds its own)."""
    with open(os.path.join(HERE, "recipes.sql"), encoding="utf-8") as f:
        text = f.read()
    parts = re.split(r"^-- recipe: (\w+)\n", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


# Where each field of figure_facts is found, first present wins: JSON lines first, then CSV.
FIELDS = {
    "period_start": ["period.start", "period_start"], "period_end": ["period.end", "period_end"],
    "when_start": ['"when".start', "when_start"], "when_end": ['"when"."end"', "when_end"],
    "when_basis": ['"when".basis', "when_basis"], "doc_date": ["doc_date"],
    "cumulative": ["cumulative"], "repeats": ["repeats"],
    "source_key": ["source.key", "source_key", "source"], "country": ["country"],
}


def duckdb_view(connection, relation):
    """Creates figure_facts over `relation` (read_json or read_csv): the fields recipes.sql uses."""
    columns = {row[0]: row[1] for row in connection.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()}

    def present(candidate):
        head = candidate.split(".")[0].strip('"')
        if head not in columns:
            return False
        # A struct field (period.start) only when the column is a struct that has it.
        if "." in candidate:
            field = candidate.split(".")[1].strip('"')
            return columns[head].startswith("STRUCT") and re.search(rf'\b"?{field}"? ', columns[head]) is not None
        return True

    def field(name):
        found = next((c for c in FIELDS[name] if present(c)), None)
        if found is None:
            return f"NULL AS {name}"
        if name == "cumulative":
            return f"TRY_CAST({found} AS BOOLEAN) AS {name}"
        if name in ("source_key",) and found == "source" and columns["source"].startswith("STRUCT"):
            return f"source.key AS {name}"
        return f"CAST({found} AS VARCHAR) AS {name}"

    fields = ", ".join(field(name) for name in FIELDS)
    connection.execute(f"""
        CREATE OR REPLACE VIEW figure_facts AS
        SELECT *, CASE WHEN length(date_start) >= 7 AND (date_end IS NULL OR substr(date_end, 1, 7) = substr(date_start, 1, 7))
                       THEN substr(date_start, 1, 7) END AS month
        FROM (SELECT *,
                     CASE WHEN when_start IS NOT NULL OR when_end IS NOT NULL THEN when_start ELSE period_start END AS date_start,
                     CASE WHEN when_start IS NOT NULL OR when_end IS NOT NULL THEN when_end ELSE period_end END AS date_end
        FROM (SELECT id, doc, CAST(value AS BIGINT) AS value, CAST(text AS VARCHAR) AS text,
                     CAST("start" AS BIGINT) AS "start", CAST("end" AS BIGINT) AS "end", qualifier,
                     CAST(category AS VARCHAR) AS category, CAST(noun AS VARCHAR) AS noun,
                     CAST(parent AS VARCHAR) AS parent, {fields}
              FROM {relation} WHERE kind = 'figure'))""")
    # recipes.sql looks some figures up in the table `figures` (indexed in SQLite): here the same view.
    connection.execute("CREATE OR REPLACE VIEW figures AS SELECT * FROM figure_facts")


def duckdb_recipes(path, kind):
    import duckdb
    connection = duckdb.connect()
    quoted = path.replace("'", "''")
    if kind == "jsonl":
        relation = f"read_json('{quoted}', format = 'newline_delimited', sample_size = -1)"
    else:
        relation = f"read_csv('{quoted}', header = true, sample_size = -1)"
    duckdb_view(connection, relation)
    return {name: connection.execute(query).df() for name, query in sql_recipes().items()}


# ---------------------------------------------------------------- output

def plain(value):
    """A cell as JSON: missing values (None, NaN, NA) as null, numpy numbers as Python ones."""
    if value is None:
        return None
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def rows(frame):
    return [{column: plain(value) for column, value in zip(frame.columns, row)} for row in frame.itertuples(index=False)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jsonl", help="records written by hasila extract (JSON lines)")
    parser.add_argument("--csv", help="records written by hasila extract --format csv")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    arguments = parser.parse_args()
    if not arguments.jsonl and not arguments.csv:
        parser.error("give --jsonl FILE, --csv FILE or both")
    import pandas as pd
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 500)
    engines = {}
    if arguments.jsonl:
        engines["pandas (JSON lines)"] = pandas_recipes(load_figures(arguments.jsonl))
        engines["DuckDB (JSON lines)"] = duckdb_recipes(arguments.jsonl, "jsonl")
    if arguments.csv:
        with open(arguments.csv, encoding="utf-8-sig") as table:
            if not any(line.startswith("figure,") for line in table):
                sys.exit(f"{arguments.csv} holds no figure records")
        engines["DuckDB (CSV)"] = duckdb_recipes(arguments.csv, "csv")
    if arguments.json:
        json.dump({engine: {name: rows(frame) for name, frame in results.items()}
                   for engine, results in engines.items()}, sys.stdout, ensure_ascii=False)
        print()
        return
    for engine, results in engines.items():
        for name, frame in results.items():
            print(f"== {name} — {engine}")
            print(frame.to_string(index=False) if len(frame) else "(no rows)")
            print()


if __name__ == "__main__":
    main()
