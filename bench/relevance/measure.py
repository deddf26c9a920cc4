#!/usr/bin/env python3
"""Measures case-study search relevance against the judged queries of judgements.json.

Sends every query as an anonymous reader would (GET /api/v1/search?q=…&type=case-study&size=10)
to a running CityStep with the demo data (./citystep start), and prints nDCG@10 and recall@10 for
English queries, Chinese queries and the cross-lingual ones among them (a relevant case study is
written only in the other language). Writes bench/results/relevance-<label>.json.

    bench/run relevance [--url http://localhost:8080] [--label after] [--show-misses]

nDCG@10: graded gains 2^grade - 1 (grade 2 = about this, 1 = related), log2 rank discount, divided
by the ideal ordering of all judged case studies. recall@10: judged case studies in the first 10
hits / all judged case studies of the query.
"""
import argparse
import json
import math
import pathlib
import statistics
import sys
import time
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
JUDGEMENTS = ROOT / "bench/relevance/judgements.json"
RESULTS = ROOT / "bench/results"
K = 10


def dcg(grades):
    return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades))


def measure(query, url):
    params = urllib.parse.urlencode({"q": query["query"], "type": "case-study", "size": K})
    request = urllib.request.Request(f"{url}/api/v1/search?{params}", headers={
        "Accept": "application/json", "Accept-Language": "zh-CN" if query["language"] == "zh" else "en"})
    with urllib.request.urlopen(request, timeout=30) as response:
        hits = json.load(response)["hits"]
    ids = [hit["id"] for hit in hits][:K]
    relevant = query["relevant"]
    ideal = dcg(sorted(relevant.values(), reverse=True)[:K])
    ndcg = dcg([relevant.get(i, 0) for i in ids]) / ideal
    recall = sum(1 for i in ids if i in relevant) / len(relevant)
    return {"id": query["id"], "query": query["query"], "language": query["language"],
            "crossLingual": query["crossLingual"], "ndcg": round(ndcg, 4), "recall": round(recall, 4),
            "hits": ids, "missed": sorted(set(relevant) - set(ids)),
            "wrong": [i for i in ids if i not in relevant]}


def summary(rows):
    return {"queries": len(rows),
            "ndcg@10": round(statistics.fmean(r["ndcg"] for r in rows), 3) if rows else None,
            "recall@10": round(statistics.fmean(r["recall"] for r in rows), 3) if rows else None}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--label", default="latest")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    queries = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    started = time.time()
    rows = [measure(q, args.url.rstrip("/")) for q in queries]
    groups = {
        "en": [r for r in rows if r["language"] == "en"],
        "zh": [r for r in rows if r["language"] == "zh"],
        "en cross-lingual": [r for r in rows if r["language"] == "en" and r["crossLingual"]],
        "zh cross-lingual": [r for r in rows if r["language"] == "zh" and r["crossLingual"]],
        "all": rows,
    }
    figures = {name: summary(group) for name, group in groups.items()}
    print(f"relevance of case-study search at {args.url} ({len(rows)} judged queries, {time.time() - started:.1f} s)")
    print(f"{'queries':<18}{'n':>4}{'nDCG@10':>10}{'recall@10':>11}")
    for name, f in figures.items():
        print(f"{name:<18}{f['queries']:>4}{f['ndcg@10']:>10.3f}{f['recall@10']:>11.3f}")
    if args.show_misses:
        for r in rows:
            if r["missed"] or r["wrong"]:
                print(f"  {r['id']:<28} nDCG {r['ndcg']:.2f}  missed {r['missed']}  not relevant {r['wrong']}")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"relevance-{args.label}.json"
    out.write_text(json.dumps({"url": args.url, "measuredAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                               "figures": figures, "queries": rows}, ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
