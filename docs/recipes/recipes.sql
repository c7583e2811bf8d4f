-- Recipes over Hasila's records in SQL (docs/guide.md explains what each one answers and why).
--
--   hasila extract --format sqlite --output corpus.db Corpus/documents
--   sqlite3 -header -column corpus.db < docs/recipes/recipes.sql
--
-- The same queries run in DuckDB over the JSON lines or the CSV directly: recipes.py builds the
-- view figure_facts there from those files and runs every query below it unchanged. Each query
-- starts with a line "-- recipe: NAME"; the tests run them by that name and check their answers.

-- figure_facts: one row per figure, with the fields of every Hasila version. A database written
-- before the fields `when`, `doc_date`, `cumulative`, `repeats`, `source` and `country` existed
-- lacks their columns: each (SELECT x FROM figures AS own WHERE own.id = f.id) reads the figures
-- table's own column x when it has one, and otherwise the NULL of `absent` (SQL takes a name from
-- the innermost query that has it). With a current database it is the plain column. The
-- document's date is a column of the documents table (date) in the database.
-- date_start and date_end are when the event happened: the record's `when` (the event's date:
-- stated, resolved from a relative date, or the document's) when it has one, else the period its
-- sentence states. month (yyyy-mm) is the month of those dates when they lie within one month (an
-- end that is NULL or in the month of the start), and NULL when they are missing, known only to
-- the year, or span several months (a half-year's toll, a running total since 2011).
DROP VIEW IF EXISTS figure_facts;
CREATE TEMP VIEW figure_facts AS
SELECT id, doc, value, text, start, "end", qualifier, category, noun, parent,
       period_start, period_end, when_start, when_end, when_basis, doc_date,
       cumulative, repeats, source_key, country,
       date_start, date_end,
       CASE WHEN length(date_start) >= 7 AND (date_end IS NULL OR substr(date_end, 1, 7) = substr(date_start, 1, 7))
            THEN substr(date_start, 1, 7) END AS month
FROM (
SELECT *,
       CASE WHEN when_start IS NOT NULL OR when_end IS NOT NULL THEN when_start ELSE period_start END AS date_start,
       CASE WHEN when_start IS NOT NULL OR when_end IS NOT NULL THEN when_end ELSE period_end END AS date_end
FROM (
    SELECT f.id, f.doc, f.value, f.text, f.start, f."end", f.qualifier, f.category, f.noun, f.parent,
           f.period_start, f.period_end,
           (SELECT when_start FROM figures AS own WHERE own.id = f.id) AS when_start,
           (SELECT when_end FROM figures AS own WHERE own.id = f.id) AS when_end,
           (SELECT when_basis FROM figures AS own WHERE own.id = f.id) AS when_basis,
           COALESCE((SELECT doc_date FROM figures AS own WHERE own.id = f.id),
                    (SELECT date FROM documents AS d WHERE d.doc = f.doc)) AS doc_date,
           (SELECT cumulative FROM figures AS own WHERE own.id = f.id) AS cumulative,
           (SELECT repeats FROM figures AS own WHERE own.id = f.id) AS repeats,
           (SELECT source_key FROM figures AS own WHERE own.id = f.id) AS source_key,
           (SELECT country FROM figures AS own WHERE own.id = f.id) AS country
    FROM figures AS f,
         (SELECT NULL AS when_start, NULL AS when_end, NULL AS when_basis, NULL AS doc_date,
                 NULL AS cumulative, NULL AS repeats, NULL AS source_key, NULL AS country, NULL AS date) AS absent
));

-- recipe: killed_per_month_and_category
-- People killed per month and category, each person counted once: a breakdown of a toll of the
-- killed is left out (its total holds it), and so are running totals (cumulative) and figures that
-- repeat an earlier one of their document (repeats). A breakdown of a total that is no toll of the
-- killed ("one of the 30 wounded died") counts. The categories of a month add up to its toll.
SELECT month, category, CAST(SUM(value) AS BIGINT) AS killed, COUNT(*) AS figures
FROM figure_facts AS f
WHERE (category = 'killed' OR category LIKE 'killed.%')
  AND cumulative IS NOT TRUE
  AND repeats IS NULL
  AND NOT EXISTS (SELECT 1 FROM figure_facts AS total
                  WHERE total.id = f.parent AND (total.category = 'killed' OR total.category LIKE 'killed.%'))
GROUP BY month, category
ORDER BY month NULLS FIRST, category;

-- recipe: killed_per_month_across_documents
-- The same, for an archive of news where one toll is reported by several documents: figures of
-- the same value, category, dates and source count once (see same_toll_across_documents below).
-- A figure with no date can be matched with nothing and counts on its own.
SELECT month, category, CAST(SUM(value) AS BIGINT) AS killed, COUNT(*) AS tolls
FROM (SELECT DISTINCT month, category, value, date_start, date_end, source_key,
             CASE WHEN date_start IS NULL THEN id END AS undated
      FROM figure_facts AS f
      WHERE (category = 'killed' OR category LIKE 'killed.%')
        AND cumulative IS NOT TRUE
        AND repeats IS NULL
        AND NOT EXISTS (SELECT 1 FROM figure_facts AS total
                        WHERE total.id = f.parent AND (total.category = 'killed' OR total.category LIKE 'killed.%')))
GROUP BY month, category
ORDER BY month NULLS FIRST, category;

-- recipe: documents_with_most_figures
-- The ten documents with the most figures, and how many of those have no category.
SELECT doc, COUNT(*) AS figures,
       CAST(SUM(CASE WHEN category IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS uncategorised
FROM figure_facts
GROUP BY doc
ORDER BY figures DESC, doc
LIMIT 10;

-- recipe: figures_without_category
-- Figures with no category, to review: each is a count the taxonomy has no key for (houses,
-- people rescued, killed and injured together…) or one whose key the rules missed.
-- `hasila report RECORDS --texts Corpus/documents` shows them highlighted in their text.
SELECT id, doc, value, text, noun, start
FROM figure_facts
WHERE category IS NULL
ORDER BY doc, start;

-- recipe: uncategorised_nouns
-- What those figures count, most frequent first: the words to look at before adding a rule.
SELECT noun, COUNT(*) AS figures
FROM figure_facts
WHERE category IS NULL
GROUP BY noun
ORDER BY figures DESC, noun NULLS FIRST;

-- recipe: unmarked_repeats
-- Figures with an earlier figure of the same value and category in their document that `repeats`
-- does not mark (it needs the same period too): mostly a headline without a date that repeats the
-- body's dated toll, which the sums above count twice (once among the undated). Breakdowns are
-- left out, on both sides. Check each in its text before leaving one out of a sum.
-- (The earlier figure is looked up in the figures table by its document, which is indexed:
-- COALESCE keeps SQLite from choosing the index on category, which is far less selective.)
SELECT id, doc, value, category, date_start, same_as
FROM (SELECT f.id, f.doc, f.value, f.category, f.date_start, f.start,
             (SELECT earlier.id FROM figures AS earlier
              WHERE earlier.doc = f.doc AND earlier.value = f.value AND COALESCE(earlier.category, '') = f.category
                AND earlier.parent IS NULL AND earlier.start < f.start
              ORDER BY earlier.start LIMIT 1) AS same_as
      FROM figure_facts AS f
      WHERE f.category IS NOT NULL AND f.parent IS NULL AND f.repeats IS NULL) AS candidates
WHERE same_as IS NOT NULL
ORDER BY doc, start;

-- recipe: same_toll_across_documents
-- The same toll reported by several documents: the same value and category, the same dates and
-- the same source (NULL when no document credits one: weaker evidence), in two documents or more.
-- Breakdowns and in-document repeats are left out. Keep one figure of each group when summing.
SELECT value, category, date_start, date_end, source_key,
       COUNT(DISTINCT doc) AS documents, group_concat(id, ' ') AS ids
FROM (SELECT * FROM figure_facts ORDER BY id)
WHERE category IS NOT NULL AND parent IS NULL AND repeats IS NULL AND date_start IS NOT NULL
GROUP BY value, category, date_start, date_end, source_key
HAVING COUNT(DISTINCT doc) > 1
ORDER BY documents DESC, value DESC, category, date_start;
