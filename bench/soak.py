#!/usr/bin/env python3
"""Soak benchmark of a running CityStep app (bench/run soak): mixed load at concurrency 32 for ten
minutes while Elasticsearch is restarted once and Keycloak once. Reads and searches come from wrk
(28 connections, in two-minute rounds so the token stays fresh), writes and publications from four
writer threads (curator.demo, each write with a unique word). Afterwards every acknowledged write is
read back by id, and the time until search finds every published one is measured. Prints requests,
statuses per kind, 5xx, acknowledged writes lost, convergence time, heap at start and end; writes
bench/results/soak-latest.json. Standard library only. Environment as bench/scale.py."""
import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale  # noqa: E402  (the same helpers: http, Tokens, wrk, heap)

APP, ROOT = scale.APP, scale.ROOT


def heap_mb():
    status, text = scale.http("GET", APP + "/actuator/prometheus", timeout=10)
    if status != 200:
        return None
    import re
    return round(sum(float(m.group(1)) for m in re.finditer(
        r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} ([0-9.eE+]+)', text.decode(), re.M)) / 2 ** 20, 1)


class Writers:
    """Creates case studies and publishes every second one; keeps what was acknowledged."""

    def __init__(self, tokens, threads):
        self.tokens, self.threads = tokens, threads
        self.lock = threading.Lock()
        self.acknowledged = []      # (id, word, published)
        self.statuses = {}
        self.failures = 0           # no answer at all (connection refused, timeout)
        self.running = True

    def count(self, status):
        with self.lock:
            self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1

    def run(self, n):
        i = 0
        while self.running:
            i += 1
            word = "soak%d%d%d" % (n, int(time.time()), i)
            try:
                curator = self.tokens("curator.demo")
            except Exception:
                self.failures += 1      # Keycloak is restarting: no token, no write
                time.sleep(1)
                continue
            try:
                status, created = scale.http("POST", APP + "/api/v1/case-studies", {
                    "cityId": random.choice(["amsterdam", "chengdu", "barcelona", "zagreb"]),
                    "title": {"en": "Soak %s smart lighting" % word},
                    "summary": {"en": "Written by bench/run soak (%s)." % word},
                    "serviceDomains": ["ENERGY_UTILITIES"], "steps": [], "stage": "PILOT",
                    "flags": {"scalable": False, "cloud": False, "integratedOffering": False, "openApi": False,
                              "iot": False}}, token=curator, timeout=30)
                self.count(status)
                if status != 201:
                    continue
                published = False
                if i % 2 == 0:
                    status, submitted = scale.http("POST", APP + "/api/v1/case-studies/%s/submit" % created["id"],
                                                   {"version": created["version"]}, token=curator, timeout=30)
                    self.count(status)
                    if status == 200:
                        status, _ = scale.http("POST", APP + "/api/v1/case-studies/%s/review" % created["id"],
                                               {"version": submitted["version"], "decision": "PUBLISH"},
                                               token=curator, timeout=30)
                        self.count(status)
                        published = status == 200
                with self.lock:
                    self.acknowledged.append((created["id"], word, published))
            except Exception:
                self.failures += 1

    def start(self):
        self.workers = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(self.threads)]
        for worker in self.workers:
            worker.start()

    def stop(self):
        self.running = False
        for worker in self.workers:
            worker.join(60)


def restart(service):
    script = os.path.join(ROOT, "infra", "bin", service)
    started = time.monotonic()
    subprocess.run([script, "stop"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([script, "start"], check=True, stdout=subprocess.DEVNULL)
    return round(time.monotonic() - started, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--output", default=os.path.join(ROOT, "bench", "results", "soak-latest.json"))
    args = parser.parse_args()
    status, _ = scale.http("GET", APP + "/actuator/health/readiness")
    if status != 200:
        sys.exit("No CityStep app answers on %s: start it with bench/run generate (or restart)" % APP)
    tokens = scale.Tokens()
    heap_start = heap_mb()
    cities = scale.all_cities(tokens, 500)
    reads = [("GET", "/api/v1/cities/" + c["id"], None) for c in cities[:200]] + \
            [("GET", "/api/v1/search?q=" + urllib.parse.quote(q), None)
             for q in ["smart", "energy", "parking", "data", "智慧", "water"]] + \
            [("GET", "/api/v1/case-studies?size=20&page=%d" % p, None) for p in range(5)] + \
            [("GET", "/api/v1/search/suggest?q=" + p, None) for p in ["am", "ch", "sm"]]
    writers = Writers(tokens, 4)
    writers.start()
    total = args.minutes * 60
    rounds = max(1, int(round(total / 120)))
    round_seconds = int(total / rounds)
    faults = {}
    read_statuses, read_requests, read_errors = {}, 0, 0

    def fault_at(second, service):
        def run():
            time.sleep(second)
            scale.log("restarting %s" % service)
            faults[service] = {"atS": second, "restartS": restart(service)}
            scale.log("%s back after %s s" % (service, faults[service]["restartS"]))
        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    began = time.monotonic()
    fault_threads = [fault_at(total * 0.3, "elasticsearch"), fault_at(total * 0.6, "keycloak")]
    for r in range(rounds):
        try:
            auth = tokens("curator.demo")
        except Exception:
            time.sleep(20)      # Keycloak restarting: the next round gets a token
            auth = tokens("curator.demo")
        result = scale.wrk("soak-reads-%d" % (r + 1), reads, auth=auth, connections=28, duration=round_seconds,
                           warmup=0)
        read_requests += sum(result["statuses"].values())
        read_errors += result["timeouts"]
        for code, n in result["statuses"].items():
            read_statuses[code] = read_statuses.get(code, 0) + n
    writers.stop()
    for thread in fault_threads:
        thread.join()
    load_seconds = round(time.monotonic() - began, 1)

    # every acknowledged write must be there, and search must converge on every published one
    lost = [i for i, _, _ in writers.acknowledged
            if scale.http("GET", APP + "/api/v1/case-studies/" + i, token=tokens("curator.demo"))[0] != 200]
    pending = {i: w for i, w, published in writers.acknowledged if published}
    converged_from = time.monotonic()
    while pending and time.monotonic() - converged_from < 600:
        for study_id, word in list(pending.items()):
            status, found = scale.http("GET", APP + "/api/v1/search?type=case-study&q=" + word)
            if status == 200 and any(hit.get("id") == study_id for hit in found.get("hits", [])):
                del pending[study_id]
        if pending:
            time.sleep(1)
    found_after = round(time.monotonic() - converged_from, 1)
    # then the whole read model against MongoDB: the same ids at the same versions, once nothing is pending
    consistency = {}
    while time.monotonic() - converged_from < 900:
        status, consistency = scale.http("GET", APP + "/api/v1/admin/search/consistency", token=tokens("admin.demo"),
                                         timeout=600)
        if status == 200 and consistency.get("consistent") and consistency.get("writesPending") == 0:
            break
        time.sleep(5)
    convergence = round(time.monotonic() - converged_from, 1)
    heap_end = heap_mb()

    five_xx_reads = {c: n for c, n in read_statuses.items() if c.startswith("5")}
    five_xx_writes = {c: n for c, n in writers.statuses.items() if c.startswith("5")}
    report = {
        "minutes": round(load_seconds / 60, 1), "faults": faults,
        "reads": {"requests": read_requests, "statuses": read_statuses, "timeouts": read_errors},
        "writes": {"acknowledged": len(writers.acknowledged),
                   "published": sum(1 for _, _, p in writers.acknowledged if p),
                   "statuses": writers.statuses, "noAnswer": writers.failures},
        "fiveXX": {"reads": five_xx_reads, "writes": five_xx_writes},
        "acknowledgedWritesLost": len(lost), "lostIds": lost[:20],
        "publishedFoundBySearchAfterS": found_after,
        "searchConvergedAfterS": convergence, "notFoundBySearch": len(pending),
        "readModelConsistent": bool(consistency.get("consistent")),
        "readModelDifferences": [{k: index.get(k) for k in ("index", "inMongo", "inIndex", "missing", "stale", "extra")}
                                 for index in consistency.get("indexes", [])],
        "heapMb": {"start": heap_start, "end": heap_end},
    }
    print(json.dumps(report, indent=2))
    scale.log("soak: %d reads (%s), %d writes acknowledged, 5xx %s / %s, lost %d, search converged after %s s "
              "(%d not found), read model consistent with MongoDB: %s, heap %s → %s MB"
              % (read_requests, read_statuses, len(writers.acknowledged), five_xx_reads, five_xx_writes, len(lost),
                 convergence, len(pending), bool(consistency.get("consistent")), heap_start, heap_end))
    with open(args.output, "w") as out:
        json.dump(report, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
