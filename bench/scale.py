#!/usr/bin/env python3
"""Scale benchmark of a running CityStep app (bench/run scale). Standard library only.

Runs wrk (Debian's) against the app that `bench/run generate` left running, side by side in one
run, and writes bench/results/scale-latest.json in the shape issue 10 asks for. See README.md,
section Performance. Environment: PORT, ES_PORT, KEYCLOAK_PORT, ELASTICSEARCH_INDEX_PREFIX,
CITYSTEP_WORK_DIR (as bench/run sets them).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = "http://localhost:%s" % os.environ.get("PORT", "8080")
ES = "http://127.0.0.1:%s" % os.environ.get("ES_PORT", "9200")
KEYCLOAK = "http://localhost:%s/realms/citystep" % os.environ.get("KEYCLOAK_PORT", "8180")
PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "citystep-bench")
WORK_DIR = os.environ.get("CITYSTEP_WORK_DIR", os.path.join(ROOT, ".work-bench"))
LUA = os.path.join(ROOT, "bench", "wrk", "report.lua")
SEARCHES = ["smart grid", "energy data", "smart parking guidance", "open data portal", "air quality monitoring",
            "智能电网", "公交实时信息", "traffic signals", "water leak detection", "telecare"]
HOSTILE = ("smart city energy data transport " * 7)[:200].strip()


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def http(method, url, body=None, token=None, headers=None, timeout=60):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json" if not url.endswith("_bulk") else "application/x-ndjson")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw and raw[:1] in (b"{", b"[") else raw)
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, raw


def token(user):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "citystep-cli", "username": user,
                                   "password": "citystep-demo"}).encode()
    with urllib.request.urlopen(KEYCLOAK + "/protocol/openid-connect/token", data=form, timeout=30) as response:
        return json.loads(response.read())["access_token"]


class Tokens:
    """Password grants once, renewed when older than four minutes (tokens live five)."""

    def __init__(self):
        self.cache = {}

    def __call__(self, user):
        got = self.cache.get(user)
        if got is None or time.time() - got[1] > 240:
            got = (token(user), time.time())
            self.cache[user] = got
        return got[0]


class HeapWatch(threading.Thread):
    """Polls the app's heap (Prometheus endpoint) and resident memory once a second; keeps the peak."""

    def __init__(self):
        super().__init__(daemon=True)
        self.heap_max = 0.0
        self.rss_max = 0.0
        self.stopped = False
        pid_file = os.path.join(WORK_DIR, "app.pid")
        self.pid = open(pid_file).read().strip() if os.path.exists(pid_file) else None

    def run(self):
        while not self.stopped:
            try:
                status, text = http("GET", APP + "/actuator/prometheus", timeout=10)
                if status == 200:
                    used = sum(float(m.group(1)) for m in re.finditer(
                        r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} ([0-9.eE+]+)', text.decode(), re.M))
                    self.heap_max = max(self.heap_max, used / 2 ** 20)
            except Exception:
                pass
            if self.pid:
                try:
                    for line in open("/proc/%s/status" % self.pid):
                        if line.startswith("VmHWM:"):
                            self.rss_max = max(self.rss_max, int(line.split()[1]) / 1024)
                except OSError:
                    pass
            time.sleep(1)


def wrk(name, requests, auth=None, connections=32, duration=15, warmup=5, base=APP, threads=2, quiet=False,
        per_request=False, buckets=False, latencies=None):
    """Runs wrk over the requests (method, path, body[, kind]) after a warm-up; returns its JSON figures.

    per_request: one wrk thread per connection, so every response is attributed to its request: the
    statuses per kind (path) and the latency per status (503s apart from 200s) are then exact.
    buckets: also counts per second, kind and status (the soak splits them into phases)."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as spec:
        for request in requests:
            method, path, body = request[:3]
            kind = request[3] if len(request) > 3 else name
            spec.write("%s\t%s\t%s\t%s\n" % (method, path, json.dumps(body, ensure_ascii=False) if body is not None
                                                 else "", kind))
    env = dict(os.environ, BENCH_REQUESTS=spec.name, BENCH_AUTH=("Bearer " + auth) if auth else "",
               BENCH_LATENCIES="1" if (per_request if latencies is None else latencies) else "",
               BENCH_BUCKETS="1" if buckets else "")
    threads = connections if per_request else max(1, min(threads, connections))

    def run(seconds):
        out = subprocess.run(["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--timeout", "30s",
                              "-s", LUA, base], env=env, capture_output=True, text=True)
        line = next((l for l in out.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
        if line is None:
            raise RuntimeError("wrk printed no figures for %s: %s %s" % (name, out.stdout, out.stderr))
        return json.loads(line[len("BENCH_JSON "):])

    if warmup:
        run(warmup)
    figures = run(duration)
    os.unlink(spec.name)
    ok = sum(n for code, n in figures["statuses"].items() if 200 <= int(code) < 300)
    errors = figures["requests"] - ok + figures["connectErrors"] + figures["readErrors"] + figures["writeErrors"] \
        + figures["timeouts"]
    by_status = {code: {"count": v["count"], "p50Ms": round(v["p50Us"] / 1000, 1), "p99Ms": round(v["p99Us"] / 1000, 1),
                        "maxMs": round(v["maxUs"] / 1000, 1)}
                 for code, v in figures.get("latencyByStatus", {}).items()}
    if figures["requests"] == 0:
        # nothing finished within the measurement: no percentile exists; every open connection waited
        log("%-26s no request completed within %d s (%d connections waiting)" % (name, duration, connections))
        return {"name": name, "p50Ms": None, "p99Ms": None, "throughputPerS": 0.0, "errors": connections,
                "connections": connections, "statuses": {}, "retryAfter503": 0, "timeouts": figures["timeouts"],
                "completed": 0, "kinds": {}, "latencyByStatus": {}, "buckets": {}}
    result = {"name": name, "p50Ms": round(figures["p50Us"] / 1000, 1), "p99Ms": round(figures["p99Us"] / 1000, 1),
              "throughputPerS": round(figures["requests"] / (figures["durationUs"] / 1e6), 1), "errors": errors,
              "connections": connections, "statuses": figures["statuses"],
              "retryAfter503": figures["retryAfter503"], "timeouts": figures["timeouts"],
              "kinds": figures.get("kinds", {}), "latencyByStatus": by_status, "buckets": figures.get("buckets", {})}
    if not quiet:
        log("%-26s p50 %8.1f ms  p99 %8.1f ms  %8.1f/s  errors %d  %s" % (
            name, result["p50Ms"], result["p99Ms"], result["throughputPerS"], errors, figures["statuses"]))
    return result


def fifty_assessed(tokens):
    """The 50 cities the matching measurements use: the same sample in every run."""
    random.seed(10)
    cities = all_cities(tokens, 2000)
    sample = random.sample(cities, min(200, len(cities)))
    return cities, [city["id"] for city in sample if city["levels"].get("FUNDING") not in (None, "NOT_ASSESSED")][:50]


def compute_once(tokens, assessed):
    """Asks each city's matches and roadmap once, so that the measurements after it meet the per-city cache."""
    log("computing matches and roadmaps of the %d cities once" % len(assessed))
    for cid in assessed:
        http("GET", APP + "/api/v1/cities/%s/matches?characteristic=FUNDING" % cid, token=tokens("curator.demo"))
        http("GET", APP + "/api/v1/cities/%s/roadmap" % cid, token=tokens("curator.demo"))


def cached_rounds(tokens, rounds, connections, duration):
    """GET by id, matches and roadmap of the 50 cities, in turn, each computed once first: whether a p99
    tail belongs to an endpoint or to a moment (a tail that moves between endpoints is a moment)."""
    _, assessed = fifty_assessed(tokens)
    compute_once(tokens, assessed)
    for round_number in range(1, rounds + 1):
        for name, path in (("matches", "/api/v1/cities/%s/matches?characteristic=FUNDING"),
                           ("roadmap", "/api/v1/cities/%s/roadmap"), ("city-by-id", "/api/v1/cities/%s")):
            wrk("%s-%d" % (name, round_number), [("GET", path % cid, None) for cid in assessed],
                auth=tokens("curator.demo"), connections=connections, duration=duration, warmup=0)


def all_cities(tokens, limit):
    cities, page = [], 0
    while len(cities) < limit:
        status, body = http("GET", APP + "/api/v1/cities?size=100&page=%d" % page, token=tokens("curator.demo"))
        if status != 200 or not body["items"]:
            break
        cities.extend(body["items"])
        page += 1
    return cities


def search_requests(tokens, queries):
    """Each query through the API, and the request the app sends Elasticsearch for it (admin endpoint)."""
    api, direct = [], []
    for q in queries:
        params = urllib.parse.urlencode({"q": q})
        api.append(("GET", "/api/v1/search?" + params, None))
        status, body = http("GET", APP + "/api/v1/admin/search/request?" + params, token=tokens("admin.demo"))
        if status == 200:
            direct.append((body["method"], body["path"], body["body"]))
    return api, direct if len(direct) == len(api) else None


def publish_to_searchable(tokens, city_id, count):
    """Creates, submits and publishes case studies as a curator; times publish → found by search."""
    times = []
    curator = tokens("curator.demo")
    for i in range(count):
        word = "benchpub%d%d" % (int(time.time()), i)
        draft = {"cityId": city_id, "title": {"en": "Scale benchmark %s smart lighting" % word},
                 "summary": {"en": "Published by bench/run scale to time how soon search finds it (%s)." % word},
                 "serviceDomains": ["ENERGY_UTILITIES"], "steps": [], "stage": "PILOT",
                 "flags": {"scalable": False, "cloud": False, "integratedOffering": False, "openApi": False,
                           "iot": False}}
        status, created = http("POST", APP + "/api/v1/case-studies", draft, token=curator)
        if status != 201 and status != 200:
            raise RuntimeError("creating a case study answered %s: %s" % (status, created))
        status, submitted = http("POST", APP + "/api/v1/case-studies/%s/submit" % created["id"],
                                 {"version": created["version"]}, token=curator)
        start = time.monotonic()
        status, published = http("POST", APP + "/api/v1/case-studies/%s/review" % created["id"],
                                 {"version": submitted["version"], "decision": "PUBLISH"}, token=curator)
        if status != 200:
            raise RuntimeError("publishing answered %s: %s" % (status, published))
        while True:
            status, found = http("GET", APP + "/api/v1/search?type=case-study&q=" + word)
            if status == 200 and any(hit.get("id") == created["id"] for hit in found.get("hits", [])):
                times.append((time.monotonic() - start) * 1000)
                break
            if time.monotonic() - start > 60:
                times.append(60000.0)
                break
            time.sleep(0.02)
    return times


def percentile(values, p):
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))], 1)


def app_reindex(tokens):
    admin = tokens("admin.demo")
    start = time.monotonic()
    status, job = http("POST", APP + "/api/v1/admin/reindex", token=admin)
    if status != 202:
        raise RuntimeError("reindex answered %s: %s" % (status, job))
    while job["state"] == "RUNNING":
        time.sleep(0.5)
        status, job = http("GET", APP + "/api/v1/admin/reindex/" + job["id"], token=tokens("admin.demo"))
    seconds = time.monotonic() - start
    if job["state"] != "DONE":
        raise RuntimeError("reindex failed: %s" % job)
    docs = sum(index["total"] for index in job["indexes"])
    return docs, seconds


def raw_bulk():
    """Reads every document of the app's indexes (PIT + search_after) and bulks it into scratch indexes
    with the same settings and mapping; times only the _bulk requests (500 per request, as the app)."""
    status, aliases = http("GET", ES + "/_alias/%s-*" % PREFIX)
    docs, bulk_seconds, read_seconds = 0, 0.0, 0.0
    for concrete, info in aliases.items():
        for alias in info.get("aliases", {}):
            scratch = "%s-scratch-%s" % (PREFIX, alias[len(PREFIX) + 1:])
            http("DELETE", ES + "/" + scratch)
            _, settings = http("GET", ES + "/%s/_settings" % concrete)
            _, mapping = http("GET", ES + "/%s/_mapping" % concrete)
            index_settings = settings[concrete]["settings"]["index"]
            create = {"settings": {"number_of_shards": index_settings.get("number_of_shards", "1"),
                                   "number_of_replicas": index_settings.get("number_of_replicas", "0")},
                      "mappings": mapping[concrete]["mappings"]}
            if "analysis" in index_settings:
                create["settings"]["analysis"] = index_settings["analysis"]
            status, body = http("PUT", ES + "/" + scratch, create)
            if status != 200:
                raise RuntimeError("creating %s answered %s: %s" % (scratch, status, body))
            t = time.monotonic()
            _, pit = http("POST", ES + "/%s/_pit?keep_alive=2m" % concrete)
            after = None
            while True:
                query = {"size": 1000, "pit": {"id": pit["id"], "keep_alive": "2m"}, "sort": ["_shard_doc"],
                         "track_total_hits": False}
                if after:
                    query["search_after"] = after
                _, page = http("POST", ES + "/_search", query)
                hits = page["hits"]["hits"]
                read_seconds += time.monotonic() - t
                if not hits:
                    break
                for chunk in range(0, len(hits), 500):
                    lines = []
                    for hit in hits[chunk:chunk + 500]:
                        lines.append(json.dumps({"index": {"_index": scratch, "_id": hit["_id"]}}))
                        lines.append(json.dumps(hit["_source"], ensure_ascii=False))
                    payload = ("\n".join(lines) + "\n").encode()
                    b = time.monotonic()
                    status, result = http("POST", ES + "/_bulk", payload, timeout=120)
                    bulk_seconds += time.monotonic() - b
                    if status != 200 or result.get("errors"):
                        raise RuntimeError("raw bulk into %s failed" % scratch)
                docs += len(hits)
                after = hits[-1]["sort"]
                t = time.monotonic()
            http("DELETE", ES + "/_pit", {"id": pit["id"]})
            http("DELETE", ES + "/" + scratch)
    return docs, bulk_seconds, read_seconds


def reindex_comparison(tokens, notes):
    """The app's full reindex against a raw _bulk of the same documents, one after the other."""
    try:
        log("full reindex through the app")
        app_docs, app_seconds = app_reindex(tokens)
        log("app reindex: %d documents in %.1f s" % (app_docs, app_seconds))
        log("raw _bulk of the same documents into scratch indexes")
        raw_docs, raw_seconds, read_seconds = raw_bulk()
        log("raw bulk: %d documents in %.1f s of _bulk (%.1f s reading them)" % (raw_docs, raw_seconds, read_seconds))
    except Exception as failure:
        notes.append("reindex comparison failed: %r" % failure)
        app_docs, app_seconds, raw_docs, raw_seconds, read_seconds = 0, 1, 0, 1, 0
    reindex = {"appDocsPerS": round(app_docs / app_seconds, 1), "rawBulkDocsPerS": round(raw_docs / raw_seconds, 1),
               "appDocs": app_docs, "appSeconds": round(app_seconds, 1), "rawDocs": raw_docs,
               "rawBulkSeconds": round(raw_seconds, 1), "rawReadSeconds": round(read_seconds, 1)}
    log("reindex: app %.1f docs/s, raw bulk %.1f docs/s: %.0f %% of raw bulk" % (
        reindex["appDocsPerS"], reindex["rawBulkDocsPerS"], 100 * reindex["appDocsPerS"] / max(reindex["rawBulkDocsPerS"], 0.1)))
    return reindex


def settle_elasticsearch(limit_s=120):
    """Waits until Elasticsearch has had no merge running for three seconds in a row (at most limit_s)."""
    start, quiet = time.monotonic(), 0
    while time.monotonic() - start < limit_s and quiet < 3:
        status, stats = http("GET", ES + "/_nodes/stats/indices/merge")
        running = sum(node["indices"]["merges"]["current"] for node in stats.get("nodes", {}).values()) \
            if status == 200 else 0
        quiet = quiet + 1 if running == 0 else 0
        time.sleep(1)
    log("Elasticsearch settled after %.0f s (no merge running)" % (time.monotonic() - start))


def cluster_benchmark():
    """Runs bench/run cluster and reads its table (cities … ms) from what it prints."""
    try:
        out = subprocess.run([os.path.join(ROOT, "bench", "run"), "cluster"], capture_output=True, text=True,
                             timeout=1800)
    except subprocess.TimeoutExpired:
        return [], "bench/run cluster took over 30 min"
    rows = []
    header = None
    for line in out.stdout.splitlines():
        cells = line.split()
        if "cities" in cells and "total-ms" in cells:
            header = cells
            continue
        # the last column (all pairs) is "(skipped)" at 50,000 cities: compare up to the total
        total = header.index("total-ms") if header else -1
        if header and len(cells) > total and cells[0].replace(",", "").isdigit():
            rows.append({"cities": int(cells[0].replace(",", "")), "ms": float(cells[total])})
    return rows, None if rows else "no table in: " + out.stdout[-500:] + out.stderr[-500:]


def searchable(tokens, study_id, word):
    status, found = http("GET", APP + "/api/v1/search?type=case-study&q=" + word, token=tokens("curator.demo"))
    return status == 200 and any(hit.get("id") == study_id for hit in found.get("hits", []))


def writes_waiting(tokens):
    """The admin's view of /actuator/health: how many writes the search catch-up still has to index."""
    # right after the overload the app may still be working off queued computations: ask again
    for attempt in range(4):
        try:
            status, health = http("GET", APP + "/actuator/health", token=tokens("admin.demo"), timeout=60)
            break
        except (TimeoutError, OSError) as failure:
            log("health did not answer (%r); asking again" % failure)
            time.sleep(10)
    else:
        return None
    if not isinstance(health, dict):
        return None
    details = health.get("components", {}).get("elasticsearch", {}).get("details", {})
    waiting = details.get("writesWaitingForSearch")
    return None if waiting is None or waiting < 0 else waiting


def outage_catch_up(tokens, city_id, writes, threads=16, dry_run=False):
    """Catch-up THROUGHPUT after an Elasticsearch outage: stops the shared Elasticsearch, builds a
    backlog of `writes` acknowledged case-study creations from `threads` concurrent writers (each
    one waits in the search outbox), starts Elasticsearch again, and times from "Elasticsearch is back"
    (its start script returns once the cluster is yellow) until the outbox is empty (health detail
    writesWaitingForSearch, as an admin sees it). docsPerS = backlog / that time; drainDocsPerS
    leaves out the wait for the catch-up's first round (ELASTICSEARCH_CATCH_UP_INTERVAL).
    dry_run: the same steps with Elasticsearch left running (no stop, no start): it exercises the
    code, the figures then mean nothing (most writes are indexed at once)."""
    es = os.path.join(ROOT, "infra", "bin", "elasticsearch")
    before = writes_waiting(tokens)
    if dry_run:
        log("outage (dry run): Elasticsearch is NOT stopped")
    else:
        subprocess.run([es, "stop"], check=True)
    ids, words, statuses = [], [], {}
    lock = threading.Lock()
    counter = iter(range(writes))
    write_started = time.monotonic()

    def writer(n):
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            word = "benchoutage%d%dn%d" % (int(time.time()), i, n)
            try:
                status, created = http("POST", APP + "/api/v1/case-studies", {
                    "cityId": city_id, "title": {"en": "Outage benchmark %s" % word},
                    "summary": {"en": "Written while Elasticsearch was down (%s)." % word},
                    "serviceDomains": ["OPEN_DATA"], "steps": [], "stage": "PILOT",
                    "flags": {"scalable": False, "cloud": False, "integratedOffering": False, "openApi": False,
                              "iot": False}}, token=tokens("curator.demo"), timeout=120)
            except Exception as failure:
                status, created = type(failure).__name__, None
            with lock:
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                if status in (200, 201):
                    ids.append(created["id"])
                    words.append(word)

    try:
        tokens("curator.demo")
        tokens("admin.demo")
        workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        write_seconds = time.monotonic() - write_started
        backlog = writes_waiting(tokens)
        if backlog is not None:
            backlog = max(0, backlog - int(prometheus("citystep_search_dead_letters") or 0))
        log("outage: %d writes acknowledged in %.1f s (%s); %s writes wait for search" % (
            len(ids), write_seconds, statuses, backlog))
    finally:
        if not dry_run:
            subprocess.run([es, "start"], check=True)
    back = time.monotonic()
    # the outbox also holds dead letters (writes given up after repeated refusals): they never leave
    # it by themselves, so "empty" means nothing left but them (gauge citystep.search.dead.letters)
    first_drop, waiting, samples, last_change, previous, dead = None, backlog, [], back, None, 0
    while time.monotonic() - back < 1800 and time.monotonic() - last_change < 300:
        outbox = writes_waiting(tokens)
        dead = int(prometheus("citystep_search_dead_letters") or 0)
        waiting = None if outbox is None else max(0, outbox - dead)
        samples.append((round(time.monotonic() - back, 1), waiting))
        if waiting != previous:
            previous, last_change = waiting, time.monotonic()
        if waiting is not None and backlog is not None and first_drop is None and waiting < backlog:
            first_drop = time.monotonic() - back
        if waiting == 0:
            break
        time.sleep(0.5)
    seconds = time.monotonic() - back
    emptied = waiting == 0
    # spot check: search finds a sample of the writes
    sample = random.sample(list(zip(ids, words)), min(20, len(ids)))
    found = sum(1 for study_id, word in sample if searchable(tokens, study_id, word))
    drain = seconds - (first_drop or 0)
    return {"dryRun": dry_run, "writesAttempted": writes, "writers": threads, "writesAcknowledged": len(ids),
            "writeStatuses": statuses, "writeSeconds": round(write_seconds, 1), "pendingBefore": before,
            "backlog": backlog, "outboxEmpty": emptied, "leftWaiting": waiting, "deadLetters": dead,
            "emptyAfterS": round(seconds, 1), "firstRoundAfterS": round(first_drop, 1) if first_drop else None,
            "docsPerS": round(backlog / seconds, 1) if backlog and emptied and seconds else None,
            # only when the draining itself took a while (one round that empties it all has no rate)
            "drainDocsPerS": round(backlog / drain, 1) if backlog and emptied and drain >= 1 else None,
            "sampleFoundBySearch": "%d/%d" % (found, len(sample)),
            "waitingSamples": samples[:: max(1, len(samples) // 40)]}


def hostile_query(api_requests, connections, duration, repeats):
    alone, beside, hostile_runs = [], [], []
    for r in range(repeats):
        alone.append(wrk("search-api-alone-%d" % (r + 1), api_requests, connections=connections, duration=duration,
                         warmup=0))
        log("hostile query at concurrency 4 beside normal searches (%d of %d)" % (r + 1, repeats))
        hostile_result = {}

        def hostile_load():
            hostile_result.update(wrk("search-hostile-200-chars", [("GET", "/api/v1/search?" + urllib.parse.urlencode(
                {"q": HOSTILE}), None)], connections=4, duration=duration + 4, warmup=0, quiet=True))

        hostile = threading.Thread(target=hostile_load)
        hostile.start()
        time.sleep(2)
        beside.append(wrk("search-api-beside-%d" % (r + 1), api_requests, connections=connections, duration=duration,
                          warmup=0))
        hostile.join()
        hostile_runs.append(hostile_result)
        log("hostile queries themselves: p99 %s ms, statuses %s" % (hostile_result["p99Ms"],
                                                                    hostile_result["statuses"]))

    def p99s(runs):
        return [run["p99Ms"] for run in runs]

    def median(values):
        # a run in which no search finished has no p99: it counts as slower than any other
        ordered = sorted(float("inf") if v is None else v for v in values)
        middle = ordered[len(ordered) // 2] if ordered else None
        return None if middle in (None, float("inf")) else middle

    m_alone, m_beside = median(p99s(alone)), median(p99s(beside))
    return {"hostileQueryLength": len(HOSTILE), "repeats": repeats, "durationS": duration,
            "normalP99MsAloneRuns": p99s(alone), "normalP99MsBesideHostileRuns": p99s(beside),
            "normalP99MsAlone": m_alone, "normalP99MsBesideHostile": m_beside,
            "besideOverAlone": round(m_beside / m_alone, 3) if m_alone and m_beside else None,
            "normalThroughputAloneRuns": [run["throughputPerS"] for run in alone],
            "normalThroughputBesideRuns": [run["throughputPerS"] for run in beside],
            "runsWithoutAnyAnswer": {"alone": p99s(alone).count(None), "beside": p99s(beside).count(None)},
            "hostileP99MsRuns": p99s(hostile_runs),
            "normal503": sum(run["statuses"].get("503", 0) for run in beside),
            "normalErrors": sum(run["errors"] for run in beside),
            "hostile503": sum(run["statuses"].get("503", 0) for run in hostile_runs),
            "hostileStatuses": [run["statuses"] for run in hostile_runs]}


def prometheus(name):
    """Sum of the samples of one metric family member (e.g. citystep_..._seconds_count), or None."""
    status, text = http("GET", APP + "/actuator/prometheus", timeout=10)
    if status != 200:
        return None
    values = [float(m.group(1)) for m in re.finditer(r"^%s(?:\{[^}]*\})? ([0-9.eE+-]+)$" % re.escape(name),
                                                    text.decode(), re.M)]
    return sum(values) if values else None


def in_app_cluster_suggestions(tokens, wait_s):
    """The app's own recompute of the cluster suggestions, end to end (reading the cities and the
    published topics, computing, storing the new set), at the generated scale: one publication
    triggers it (after the debounce, CITYSTEP_CLUSTER_SUGGESTION_DEBOUNCE, 30 s by default), the
    benchmark waits idle, and reads the timer citystep.cluster.suggestions.refresh."""
    count0 = prometheus("citystep_cluster_suggestions_refresh_seconds_count")
    sum0 = prometheus("citystep_cluster_suggestions_refresh_seconds_sum")
    if count0 is None:
        return None, "the app has no timer citystep.cluster.suggestions.refresh (older build?)"
    publish_to_searchable(tokens, "amsterdam", 1)
    started = time.monotonic()
    while time.monotonic() - started < wait_s:
        count = prometheus("citystep_cluster_suggestions_refresh_seconds_count")
        if count is not None and count > count0:
            total = prometheus("citystep_cluster_suggestions_refresh_seconds_sum")
            status, page = http("GET", APP + "/api/v1/clusters/suggestions?size=1")
            computed = page.get("cities") if status == 200 and isinstance(page, dict) else None
            compute_only = None
            log_file = os.path.join(WORK_DIR, "logs", "app.log")
            if os.path.exists(log_file):
                lines = [m for m in re.finditer(r"Cluster suggestions: \d+ from (\d+) cities and \d+ links in (\d+) ms",
                                                open(log_file, errors="replace").read())]
                compute_only = float(lines[-1].group(2)) if lines else None
            return {"cities": computed, "ms": round((total - sum0) / (count - count0) * 1000, 1), "inApp": True,
                    "recomputations": int(count - count0), "computeOnlyMs": compute_only,
                    "waitedS": round(time.monotonic() - started, 1)}, None
        time.sleep(1)
    return None, "no recompute within %d s of a publication" % wait_s


def issue_targets(ratios, by_name, publish, clusters, heap_max, overload, hostile, measurements):
    """Each target of issue 10 with its figure and whether it is met (None: not measured)."""
    def check(target, value, met):
        return {"target": target, "value": value, "met": None if value is None else bool(met)}

    def at_most(value, limit):
        return value is not None and value <= limit

    in_memory_10k = next((row["ms"] for row in clusters if not row.get("inApp") and row["cities"] == 10000), None)
    in_app = next((row for row in clusters if row.get("inApp")), None)
    shed = [o for o in overload.values()]
    shed_p99 = max((o["503P99Ms"] for o in shed if o.get("503P99Ms") is not None), default=None)
    alone_runs = [v for v in hostile.get("normalP99MsAloneRuns", []) if v is not None]
    ratio = hostile.get("besideOverAlone")
    return [
        check("search API p99 <= 1.3 x Elasticsearch direct", ratios["searchP99ApiOverEs"],
              at_most(ratios["searchP99ApiOverEs"], 1.3)),
        check("search API throughput >= 0.8 x direct", ratios["searchThroughputApiOverEs"],
              ratios["searchThroughputApiOverEs"] is not None and ratios["searchThroughputApiOverEs"] >= 0.8),
        check("matches p99 <= 3 x GET by id", ratios["matchesP99OverCityById"], at_most(ratios["matchesP99OverCityById"], 3)),
        check("roadmap p99 <= 5 x GET by id", ratios["roadmapP99OverCityById"], at_most(ratios["roadmapP99OverCityById"], 5)),
        check("publish -> searchable p99 <= 2 s", publish["p99"], at_most(publish["p99"], 2000)),
        check("full reindex >= 50 % of raw _bulk", ratios["reindexAppOverRaw"],
              ratios["reindexAppOverRaw"] is not None and ratios["reindexAppOverRaw"] >= 0.5),
        check("cluster suggestions <= 3 s at 10k cities (in memory)", in_memory_10k, at_most(in_memory_10k, 3000)),
        check("cluster suggestions <= 3 s at the generated scale (in the app)",
              in_app["ms"] if in_app else None, in_app and in_app["ms"] <= 3000),
        check("heap <= 512 MB", round(heap_max, 1), heap_max <= 512),
        check("no errors at concurrency 32", sum(m["errors"] for m in measurements), sum(m["errors"] for m in measurements) == 0),
        check("overload c128: every 503 has Retry-After, no other error", sum(o["503Without"] + o["otherErrors"] for o in shed)
              if shed else None, shed and all(o["503Without"] == 0 and o["otherErrors"] == 0 for o in shed)),
        check("overload c128: 503 at once (p99 of the 503s <= 100 ms)", shed_p99, at_most(shed_p99, 100)),
        # a run beside it in which no normal search finished at all is a miss, whatever the median
        check("hostile query: normal p99 kept (beside/alone <= 1.1 or within the alone runs)",
              ratio if not hostile.get("runsWithoutAnyAnswer", {}).get("beside") else "a run without answers",
              ratio is not None and not hostile.get("runsWithoutAnyAnswer", {}).get("beside")
              and (ratio <= 1.1 or (alone_runs and hostile["normalP99MsBesideHostile"] <= max(alone_runs)))),
        check("hostile query: nobody gets a 503", hostile.get("normal503", 0) + hostile.get("hostile503", 0),
              hostile.get("normal503", 0) + hostile.get("hostile503", 0) == 0),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measurement (default 15)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up seconds before each (default 5)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--publications", type=int, default=50)
    parser.add_argument("--outage", action="store_true", help="also stop and start the shared Elasticsearch")
    parser.add_argument("--outage-writes", type=int, default=10000,
                        help="writes made while Elasticsearch is down: the backlog (default 10,000)")
    parser.add_argument("--outage-writers", type=int, default=16, help="concurrent writers during the outage")
    parser.add_argument("--outage-dry-run", action="store_true",
                        help="run the outage steps without stopping Elasticsearch (figures then mean nothing)")
    parser.add_argument("--skip-cluster", action="store_true", help="do not run bench/run cluster")
    parser.add_argument("--cluster-wait", type=int, default=240,
                        help="seconds to wait for the app's own recompute of the cluster suggestions (default 240)")
    parser.add_argument("--hostile-repeats", type=int, default=3,
                        help="how often the normal search is measured alone and beside the hostile query")
    parser.add_argument("--output", default=os.path.join(ROOT, "bench", "results", "scale-latest.json"))
    parser.add_argument("--only", choices=["reindex", "cached"],
                        help="measure only this part, print it and write nothing (reindex: the app's full reindex "
                             "against a raw _bulk of the same documents; cached: GET by id, matches and roadmap of "
                             "the 50 cities, --repeat times in turn, without warm-up, to see whether a tail repeats)")
    parser.add_argument("--repeat", type=int, default=4, help="rounds of --only cached (default 4)")
    args = parser.parse_args()
    c, d, w = args.connections, args.duration, args.warmup

    status, _ = http("GET", APP + "/actuator/health/readiness")
    if status != 200:
        sys.exit("No CityStep app answers on %s: start it with bench/run generate" % APP)
    tokens = Tokens()
    if args.only == "reindex":
        notes = []
        print(json.dumps(reindex_comparison(tokens, notes), indent=2))
        sys.exit("; ".join(notes) if notes else 0)
    if args.only == "cached":
        cached_rounds(tokens, args.repeat, c, d)
        return
    curator = tokens("curator.demo")
    heap = HeapWatch()
    heap.start()

    totals = {}
    for kind, uri in (("cities", "/api/v1/cities?size=1"), ("caseStudies", "/api/v1/case-studies?size=1"),
                      ("experts", "/api/v1/experts?size=1")):
        totals[kind] = http("GET", APP + uri, token=curator)[1]["total"]
    log("scale: %s" % totals)

    cities, assessed = fifty_assessed(tokens)
    notes = []
    measurements = []

    api_requests, direct_requests = search_requests(tokens, SEARCHES)
    # a freshly started app compiles its hot paths during the first seconds under load
    log("warming the app up for 20 s")
    wrk("warm-up", api_requests, connections=c, duration=20, warmup=0, quiet=True)
    baseline_search = wrk("search-api", api_requests, connections=c, duration=d, warmup=w)
    measurements.append(baseline_search)
    if direct_requests:
        measurements.append(wrk("search-es-direct", direct_requests, connections=c, duration=d, warmup=w, base=ES))
    else:
        notes.append("search-es-direct not measured: GET /api/v1/admin/search/request did not answer 200; "
                     "measured the search API alone")
        log(notes[-1])
    measurements.append(wrk("city-by-id", [("GET", "/api/v1/cities/" + city["id"], None) for city in sample],
                            connections=c, duration=d, warmup=w))
    measurements.append(wrk("suggest", [("GET", "/api/v1/search/suggest?q=" + urllib.parse.quote(p), None)
                                        for p in ["sm", "am", "ch", "ener", "par", "智", "tra", "wat", "nan", "op"]],
                            connections=c, duration=d, warmup=w))
    measurements.append(wrk("report", [("GET", "/api/v1/reports/maturity-distribution?groupBy=region", None)],
                            connections=c, duration=d, warmup=w))
    measurements.append(wrk("cluster-suggestions-page", [("GET", "/api/v1/clusters/suggestions?page=%d&size=20" % p,
                                                          None) for p in range(5)], connections=c, duration=d,
                            warmup=w))

    # a hostile 200-character query at concurrency 4 beside normal search traffic; the normal searches
    # are measured alone and beside it in exactly the same way (no warm-up, same duration, right after
    # each other), several times alternating, so the spread shows what is noise
    hostile_report = hostile_query(api_requests, c, d, args.hostile_repeats)

    log("publish → searchable over %d publications" % args.publications)
    try:
        times = publish_to_searchable(tokens, "amsterdam", args.publications)
        publish = {"p50": percentile(times, 50), "p99": percentile(times, 99), "count": len(times)}
    except Exception as failure:
        publish = {"p50": None, "p99": None, "count": 0}
        notes.append("publish → searchable failed: %r" % failure)
    log("publish → searchable: p50 %s ms, p99 %s ms" % (publish["p50"], publish["p99"]))

    reindex = reindex_comparison(tokens, notes)

    # the expensive endpoints last: on the embedded MongoDB they can exhaust the heap, which would
    # spoil every figure measured after them
    # matches and roadmaps are kept per city (citystep.matching.cache-ttl, refreshed in the background
    # while in use): each of the 50 cities is asked once first, so these two measure that steady
    # state; the cold path is measured below as *-uncached
    # the reindex and the raw bulk leave Elasticsearch merging segments for a while, on the same two
    # cores: let that finish, or the next figure measures the merges
    settle_elasticsearch()
    compute_once(tokens, assessed)
    measurements.append(wrk("matches", [("GET", "/api/v1/cities/%s/matches?characteristic=FUNDING" % cid, None)
                                        for cid in assessed], auth=tokens("curator.demo"), connections=c, duration=d,
                            warmup=w))
    measurements.append(wrk("roadmap", [("GET", "/api/v1/cities/%s/roadmap" % cid, None) for cid in assessed],
                            auth=tokens("curator.demo"), connections=c, duration=d, warmup=w))
    # matches and roadmaps are kept per city for a short time (citystep.matching.cache-ttl), and the
    # 50 cities above repeat: the same over every assessed city fetched, without warm-up, is nearly all
    # computed afresh
    wide = [city["id"] for city in cities if city["levels"].get("FUNDING") not in (None, "NOT_ASSESSED")]
    random.shuffle(wide)
    for name, path in (("matches-uncached", "/api/v1/cities/%s/matches?characteristic=FUNDING"),
                       ("roadmap-uncached", "/api/v1/cities/%s/roadmap")):
        measurements.append(wrk(name, [("GET", path % cid, None) for cid in wide], auth=tokens("curator.demo"),
                                connections=c, duration=d, warmup=0))
    # overload: far more concurrent expensive requests than the machine serves, each computed afresh
    random.shuffle(wide)
    overload = {}
    for name, path in (("matches", "/api/v1/cities/%s/matches?characteristic=FUNDING"),
                       ("roadmap", "/api/v1/cities/%s/roadmap")):
        heap_before = heap.heap_max
        # one wrk thread per connection: each answer's latency is known with its status, so the shed
        # requests (503) are timed apart from the served ones (200)
        result = wrk(name + "-overload-128", [("GET", path % cid, None) for cid in wide],
                     auth=tokens("curator.demo"), connections=128, duration=d, warmup=0, per_request=True)
        s503 = result["statuses"].get("503", 0)
        shed, served = result["latencyByStatus"].get("503", {}), result["latencyByStatus"].get("200", {})
        overload[name] = {"ok": sum(n for code, n in result["statuses"].items() if 200 <= int(code) < 300),
                          "503WithRetryAfter": result["retryAfter503"], "503Without": s503 - result["retryAfter503"],
                          "otherErrors": result["errors"] - s503, "timeouts": result["timeouts"],
                          "p99Ms": result["p99Ms"], "throughputPerS": result["throughputPerS"],
                          "503P50Ms": shed.get("p50Ms"), "503P99Ms": shed.get("p99Ms"), "503MaxMs": shed.get("maxMs"),
                          "200P50Ms": served.get("p50Ms"), "200P99Ms": served.get("p99Ms"),
                          "heapMaxMbSoFar": round(heap.heap_max, 1),
                          "heapMaxMbBefore": round(heap_before, 1)}
        log("overload %s: %s" % (name, overload[name]))

    # the app's own recompute of the cluster suggestions, after the wrk measurements: its publication
    # starts recomputations (16 s at 10k cities under load) that would overlap and spoil them
    log("cluster suggestions in the app: one publication, then waiting for the recompute (≤ %d s)" % args.cluster_wait)
    in_app, in_app_note = in_app_cluster_suggestions(tokens, args.cluster_wait)
    if in_app_note:
        notes.append("cluster suggestions in the app: " + in_app_note)
    log("cluster suggestions in the app: %s" % (in_app or in_app_note))

    outage = None
    if args.outage or args.outage_dry_run:
        log("Elasticsearch outage%s: %d writes from %d writers while it is down" % (
            " (dry run)" if args.outage_dry_run else "", args.outage_writes, args.outage_writers))
        outage = outage_catch_up(tokens, "amsterdam", args.outage_writes, args.outage_writers,
                                 dry_run=args.outage_dry_run)
        log("catch-up: %s" % {k: v for k, v in outage.items() if k != "waitingSamples"})
        if args.outage_dry_run:
            notes.append("outage: dry run (Elasticsearch was not stopped): its figures mean nothing")
    else:
        notes.append("catch-up after an Elasticsearch outage not measured (run with --outage; it stops the shared "
                     "Elasticsearch)")

    clusters, cluster_note = ([], "skipped (--skip-cluster)") if args.skip_cluster else cluster_benchmark()
    if cluster_note:
        notes.append("cluster suggestions (in memory): " + cluster_note)
    clusters = [dict(row, inApp=False) for row in clusters] + ([in_app] if in_app else [])
    heap.stopped = True

    by_name = {m["name"]: m for m in measurements}

    def ratio(a, b):
        return round(a / b, 2) if a is not None and b else None  # None: not measured

    ratios = {
        "searchP99ApiOverEs": ratio(by_name["search-api"]["p99Ms"], by_name.get("search-es-direct", {}).get("p99Ms")),
        "searchThroughputApiOverEs": ratio(by_name["search-api"]["throughputPerS"],
                                           by_name.get("search-es-direct", {}).get("throughputPerS")),
        "matchesP99OverCityById": ratio(by_name["matches"]["p99Ms"], by_name["city-by-id"]["p99Ms"]),
        "roadmapP99OverCityById": ratio(by_name["roadmap"]["p99Ms"], by_name["city-by-id"]["p99Ms"]),
        "reindexAppOverRaw": ratio(reindex["appDocsPerS"], reindex["rawBulkDocsPerS"]),
    }
    targets = issue_targets(ratios, by_name, publish, clusters, heap.heap_max, overload, hostile_report, measurements)
    result = {
        "scale": totals,
        "measurements": [{k: m[k] for k in ("name", "p50Ms", "p99Ms", "throughputPerS", "errors")}
                         for m in measurements],
        "publishToSearchableMs": publish,
        "reindex": reindex,
        "clusterSuggestions": clusters,
        "appHeapMaxMb": round(heap.heap_max, 1),
        "appRssMaxMb": round(heap.rss_max, 1),
        "ratios": ratios,
        "targets": targets,
        "hostileQuery": hostile_report,
        "overload128": overload,
        "outage": outage,
        "settings": {"connections": c, "durationS": d, "warmupS": w, "tool": "wrk (Debian) + bench/wrk/report.lua"},
        "notes": notes,
        "measuredAt": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as out:
        json.dump(result, out, indent=2, ensure_ascii=False)
        out.write("\n")

    print()
    print("Scale: %(cities)s cities, %(caseStudies)s case studies, %(experts)s experts" % totals)
    print("%-26s %10s %10s %10s %8s" % ("measurement", "p50 ms", "p99 ms", "req/s", "errors"))
    for m in measurements:
        print("%-26s %10s %10s %10.1f %8d" % (m["name"], m["p50Ms"], m["p99Ms"], m["throughputPerS"], m["errors"]))
    print("publish → searchable: p50 %s ms, p99 %s ms (%d publications)" % (publish["p50"], publish["p99"],
                                                                             publish["count"]))
    print("reindex: app %s docs/s, raw _bulk %s docs/s" % (reindex["appDocsPerS"], reindex["rawBulkDocsPerS"]))
    print("hostile query: normal search p99 (median of %d) %s ms alone, %s ms beside it (× %s); runs alone %s, "
          "beside %s; 503s normal %s, hostile %s" % (
              hostile_report["repeats"], hostile_report["normalP99MsAlone"], hostile_report["normalP99MsBesideHostile"],
              hostile_report["besideOverAlone"], hostile_report["normalP99MsAloneRuns"],
              hostile_report["normalP99MsBesideHostileRuns"], hostile_report["normal503"], hostile_report["hostile503"]))
    if outage:
        print("catch-up after an Elasticsearch outage%s: backlog %s writes, outbox empty after %s s (first round after "
              "%s s): %s docs/s (%s docs/s draining); search finds %s of a sample" % (
                  " (DRY RUN)" if outage["dryRun"] else "", outage["backlog"], outage["emptyAfterS"],
                  outage["firstRoundAfterS"], outage["docsPerS"], outage["drainDocsPerS"],
                  outage["sampleFoundBySearch"]))
    for name, o in overload.items():
        print("overload c=128 %s: %d ok, %d 503 with Retry-After, %d 503 without, %d other errors, heap max %s MB" % (
            name, o["ok"], o["503WithRetryAfter"], o["503Without"], o["otherErrors"], o["heapMaxMbSoFar"]))
        print("  shed at once? 503 answers p50 %s ms, p99 %s ms (max %s); 200 answers p50 %s ms, p99 %s ms" % (
            o["503P50Ms"], o["503P99Ms"], o["503MaxMs"], o["200P50Ms"], o["200P99Ms"]))
    for row in clusters:
        print("cluster suggestions at %6s cities: %8.0f ms (%s)" % (
            row["cities"], row["ms"], "in the app, end to end; computing alone %s ms" % row.get("computeOnlyMs")
            if row.get("inApp") else "in memory, ClusterSuggesterBenchmark"))
    print("app heap max %.0f MB, resident max %.0f MB" % (heap.heap_max, heap.rss_max))
    print("ratios (targets): search p99 API/ES %s (≤ 1.3), throughput API/ES %s (≥ 0.8), matches/GET %s (≤ 3), "
          "roadmap/GET %s (≤ 5), reindex app/raw %s (≥ 0.5)" % (
              ratios["searchP99ApiOverEs"], ratios["searchThroughputApiOverEs"], ratios["matchesP99OverCityById"],
              ratios["roadmapP99OverCityById"], ratios["reindexAppOverRaw"]))
    print("targets of issue 10:")
    for t in targets:
        print("  %-58s %-28s %s" % (t["target"], t["value"], {True: "met", False: "MISSED", None: "not measured"}[t["met"]]))
    for note in notes:
        print("note:", note)
    print("written", os.path.relpath(args.output, ROOT))


if __name__ == "__main__":
    main()
