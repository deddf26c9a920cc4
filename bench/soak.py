#!/usr/bin/env python3
"""Soak benchmark of a running CityStep app (bench/run soak): mixed load at concurrency 32 for ten
minutes while Elasticsearch is restarted once and Keycloak once. Reads and searches come from wrk
(28 connections, in two-minute rounds so the token stays fresh), writes and publications from four
writer threads (curator.demo, each write with a unique word). Afterwards every acknowledged write is
read back by id, and the time until search finds every published one is measured. Prints requests,
statuses per request kind (city page, case-study page, case-study list, search, suggest, writes) and per
phase (before the faults, while Elasticsearch is down, its first 30 s back, between, while Keycloak is
down, …), the 5xx that are not allowed (anything but a 503 of a search-backed read while Elasticsearch
is down), acknowledged writes lost, convergence time, heap at start and end; writes
bench/results/soak-latest.json. --dry-run restarts nothing (pretended 20 s outages). Standard library only. Environment as bench/scale.py."""
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
        self.events = []            # (epoch second, kind, status) of every write request
        self.failures = 0           # no answer at all (connection refused, timeout)
        self.running = True

    def count(self, status, kind):
        with self.lock:
            self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
            self.events.append((int(time.time()), kind, str(status)))

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
                self.count(status, "write-create")
                if status != 201:
                    continue
                published = False
                if i % 2 == 0:
                    status, submitted = scale.http("POST", APP + "/api/v1/case-studies/%s/submit" % created["id"],
                                                   {"version": created["version"]}, token=curator, timeout=30)
                    self.count(status, "write-submit")
                    if status == 200:
                        status, _ = scale.http("POST", APP + "/api/v1/case-studies/%s/review" % created["id"],
                                               {"version": submitted["version"], "decision": "PUBLISH"},
                                               token=curator, timeout=30)
                        self.count(status, "write-publish")
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


# read kinds that Elasticsearch serves (the read model): they may answer 503 while it is down
SEARCH_BACKED = {"search", "suggest", "case-study-list"}
# after a service is back, the first seconds are reported apart (the app notices within its probes)
BACK_WINDOW_S = 30


def restart(service, dry_run=False):
    """Stops and starts one shared service; returns when it went down and when it was back (epoch s).
    dry_run: touches nothing, pretends a 20 s outage (to try the phase accounting)."""
    script = os.path.join(ROOT, "infra", "bin", service)
    stopped_at = time.time()
    if dry_run:
        time.sleep(20)
    else:
        subprocess.run([script, "stop"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([script, "start"], check=True, stdout=subprocess.DEVNULL)
    back_at = time.time()
    return {"stoppedAt": round(stopped_at, 1), "backAt": round(back_at, 1), "restartS": round(back_at - stopped_at, 1),
            "dryRun": dry_run}


def phase_of(second, faults, began):
    """The phase an epoch second belongs to: '<service>-down' from its stop until its start script
    returned ('elasticsearch+keycloak-down' if both were), else '<service>-back-first-30s' after
    that, else 'before-faults' / 'between-faults' / 'after-faults'."""
    down = sorted(service for service, fault in faults.items()
                  if fault["stoppedAt"] <= second + 0.999 and second < fault["backAt"])
    if down:
        return "+".join(down) + "-down"
    back = sorted(service for service, fault in faults.items()
                  if fault["backAt"] <= second < fault["backAt"] + BACK_WINDOW_S)
    if back:
        return "+".join(back) + "-back-first-%ds" % BACK_WINDOW_S
    done = [f for f in faults.values() if f["backAt"] + BACK_WINDOW_S <= second]
    if not done:
        return "before-faults"
    return "after-faults" if len(done) == len(faults) else "between-faults"


def elasticsearch_down(phase):
    return phase.endswith("-down") and "elasticsearch" in phase[:-len("-down")].split("+")


def by_phase(counted, faults, began):
    """{phase: {kind: {status: n}}} from (epoch second, kind, status, n)."""
    phases = {}
    for second, kind, status, n in counted:
        kinds = phases.setdefault(phase_of(second, faults, began), {})
        statuses = kinds.setdefault(kind, {})
        statuses[status] = statuses.get(status, 0) + n
    return phases


def disallowed_5xx(phases):
    """Every 5xx except a 503 of a search-backed read while Elasticsearch was down."""
    found = []
    for phase, kinds in phases.items():
        for kind, statuses in kinds.items():
            for status, n in statuses.items():
                if status.startswith("5") and not (status == "503" and kind in SEARCH_BACKED
                                                   and elasticsearch_down(phase)):
                    found.append({"phase": phase, "kind": kind, "status": status, "count": n})
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--output", default=os.path.join(ROOT, "bench", "results", "soak-latest.json"))
    parser.add_argument("--dry-run", action="store_true",
                        help="do not restart Elasticsearch and Keycloak: pretend 20 s outages (tries the phase "
                             "accounting; the figures then show no outage)")
    args = parser.parse_args()
    status, _ = scale.http("GET", APP + "/actuator/health/readiness")
    if status != 200:
        sys.exit("No CityStep app answers on %s: start it with bench/run generate (or restart)" % APP)
    tokens = scale.Tokens()
    heap_start = heap_mb()
    cities = scale.all_cities(tokens, 500)
    status, listed = scale.http("GET", APP + "/api/v1/case-studies?size=50", token=tokens("curator.demo"))
    studies = [item["id"] for item in listed.get("items", [])] if status == 200 else []
    # each request names its kind: statuses are counted per kind (wrk with one thread per connection)
    reads = [("GET", "/api/v1/cities/" + c["id"], None, "city-page") for c in cities[:200]] + \
            [("GET", "/api/v1/case-studies/" + i, None, "case-study-page") for i in studies] + \
            [("GET", "/api/v1/search?q=" + urllib.parse.quote(q), None, "search")
             for q in ["smart", "energy", "parking", "data", "智慧", "water"]] + \
            [("GET", "/api/v1/case-studies?size=20&page=%d" % p, None, "case-study-list") for p in range(5)] + \
            [("GET", "/api/v1/search/suggest?q=" + p, None, "suggest") for p in ["am", "ch", "sm"]]
    writers = Writers(tokens, 4)
    writers.start()
    total = args.minutes * 60
    rounds = max(1, int(round(total / 120)))
    round_seconds = int(total / rounds)
    faults = {}
    read_statuses, read_requests, read_errors, read_buckets, read_kinds = {}, 0, 0, {}, {}

    def fault_at(second, service):
        def run():
            time.sleep(second)
            scale.log("restarting %s" % service)
            faults[service] = dict(restart(service, args.dry_run), atS=round(second, 1))
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
                           warmup=0, per_request=True, latencies=False, buckets=True)
        read_requests += sum(result["statuses"].values())
        read_errors += result["timeouts"]
        for code, n in result["statuses"].items():
            read_statuses[code] = read_statuses.get(code, 0) + n
        for kind, codes in result["kinds"].items():
            into = read_kinds.setdefault(kind, {})
            for code, n in codes.items():
                into[code] = into.get(code, 0) + n
        for key, n in result["buckets"].items():
            read_buckets[key] = read_buckets.get(key, 0) + n
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

    counted = [(int(key.split("|")[0]), key.split("|")[1], key.split("|")[2], n) for key, n in read_buckets.items()]
    counted += [(second, kind, status, 1) for second, kind, status in writers.events]
    phases = by_phase(counted, faults, began)
    disallowed = disallowed_5xx(phases)
    five_xx_reads = {c: n for c, n in read_statuses.items() if c.startswith("5")}
    five_xx_writes = {c: n for c, n in writers.statuses.items() if c.startswith("5")}
    report = {
        "minutes": round(load_seconds / 60, 1), "faults": faults,
        "dryRun": args.dry_run,
        "reads": {"requests": read_requests, "statuses": read_statuses, "timeouts": read_errors,
                  "byKind": read_kinds},
        "byPhase": phases,
        "searchBackedKinds": sorted(SEARCH_BACKED),
        "disallowed5xx": disallowed,
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
    print()
    print("statuses per phase and kind (5xx allowed only as 503 on %s while Elasticsearch is down):"
          % "/".join(sorted(SEARCH_BACKED)))
    order = ["before-faults", "elasticsearch-down", "elasticsearch-back-first-%ds" % BACK_WINDOW_S, "between-faults",
             "keycloak-down", "keycloak-back-first-%ds" % BACK_WINDOW_S, "after-faults"]
    for phase in sorted(phases, key=lambda p: order.index(p) if p in order else 99):
        for kind in sorted(phases[phase]):
            print("  %-28s %-16s %s" % (phase, kind, json.dumps(phases[phase][kind], sort_keys=True)))
    print("5xx that are not allowed: %s" % (disallowed or "none"))
    scale.log("soak%s: %d reads (%s), %d writes acknowledged, 5xx %s / %s (%d not allowed), lost %d, search converged "
              "after %s s (%d not found), read model consistent with MongoDB: %s, heap %s → %s MB"
              % (" (DRY RUN: no restarts)" if args.dry_run else "", read_requests, read_statuses,
                 len(writers.acknowledged), five_xx_reads, five_xx_writes, sum(d["count"] for d in disallowed),
                 len(lost), convergence, len(pending), bool(consistency.get("consistent")), heap_start, heap_end))
    with open(args.output, "w") as out:
        json.dump(report, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
