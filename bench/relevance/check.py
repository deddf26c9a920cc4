#!/usr/bin/env python3
"""Checks bench/relevance/judgements.json against the demo case studies and prints its figures.

Every query has a unique id, a language (en or zh) and at least one relevant case study; every
relevant id is a PUBLISHED case study of backend/src/main/resources/seed/case-studies.json with
grade 1 or 2; crossLingual is true exactly when a relevant case study has no title, summary or
body in the query's language. Exits 1 on the first kind of problem found, after listing them all.

    python3 bench/relevance/check.py
"""
import collections
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
JUDGEMENTS = ROOT / "bench/relevance/judgements.json"
CASE_STUDIES = ROOT / "backend/src/main/resources/seed/case-studies.json"
LANGUAGES = ("en", "zh")
MIN_QUERIES = 22       # per language
MIN_CROSS_LINGUAL = 12  # per language


def written_in(study, language):
    return any(language in study[field] for field in ("title", "summary", "body"))


def main():
    studies = {s["id"]: s for s in json.loads(CASE_STUDIES.read_text(encoding="utf-8"))["caseStudies"]}
    judged = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    queries = judged["queries"]
    problems = []

    ids = [q["id"] for q in queries]
    for qid, n in collections.Counter(ids).items():
        if n > 1:
            problems.append(f"query id {qid} appears {n} times")

    per_language = collections.Counter()
    cross_per_language = collections.Counter()
    grades = collections.Counter()
    listed = set()
    for q in queries:
        language = q["language"]
        if language not in LANGUAGES:
            problems.append(f"{q['id']}: language {language!r}")
            continue
        per_language[language] += 1
        relevant = q["relevant"]
        if not relevant:
            problems.append(f"{q['id']}: no relevant case study")
        cross = False
        for sid, grade in relevant.items():
            study = studies.get(sid)
            if study is None:
                problems.append(f"{q['id']}: unknown case study {sid}")
                continue
            if study["status"] != "PUBLISHED":
                problems.append(f"{q['id']}: {sid} is {study['status']}, not PUBLISHED")
            if grade not in (1, 2):
                problems.append(f"{q['id']}: {sid} has grade {grade!r}")
            grades[grade] += 1
            if study["status"] == "PUBLISHED":
                listed.add(sid)
            cross |= not written_in(study, language)
        if q["crossLingual"] != cross:
            problems.append(f"{q['id']}: crossLingual is {q['crossLingual']}, the rule gives {cross}")
        if cross:
            cross_per_language[language] += 1

    for language in LANGUAGES:
        if per_language[language] < MIN_QUERIES:
            problems.append(f"only {per_language[language]} {language} queries")
        if cross_per_language[language] < MIN_CROSS_LINGUAL:
            problems.append(f"only {cross_per_language[language]} cross-lingual {language} queries")

    published = [s for s in studies.values() if s["status"] == "PUBLISHED"]
    print(f"case studies: {len(studies)}, published: {len(published)}, "
          f"published listed as relevant at least once: {len(listed)}")
    for language in LANGUAGES:
        only = [s for s in published if written_in(s, language) and not any(
            written_in(s, other) for other in LANGUAGES if other != language)]
        print(f"published written only in {language}: {len(only)}")
    print(f"queries: {len(queries)} ({', '.join(f'{l}: {per_language[l]}' for l in LANGUAGES)})")
    print(f"cross-lingual: {', '.join(f'{l}: {cross_per_language[l]}' for l in LANGUAGES)}")
    print(f"judgements: {sum(grades.values())} (grade 2: {grades[2]}, grade 1: {grades[1]})")
    never = sorted(s["id"] for s in published if s["id"] not in listed)
    if never:
        print(f"published but relevant to no query: {', '.join(never)}")
    if problems:
        print("PROBLEMS:")
        for problem in problems:
            print("  " + problem)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
