-- wrk script for bench/scale.py and bench/soak.py: rotates over the requests in $BENCH_REQUESTS (lines of
-- METHOD<TAB>PATH<TAB>BODY<TAB>KIND), sends $BENCH_AUTH as Authorization when set, counts status codes and
-- 503s carrying Retry-After, and prints one JSON line (prefixed BENCH_JSON) when done.
--
-- With one connection per wrk thread (-t equal to -c, as the callers run it when they need it), a
-- thread's requests and responses strictly alternate, so each response is attributed to the request
-- it answers:
--   "kinds":    {KIND: {STATUS: n}}                      always (exact with one connection per thread)
--   "latencyByStatus": {STATUS: {count, p50Us, p99Us, maxUs}}   with BENCH_LATENCIES=1
--   "buckets":  {"EPOCH_SECOND|KIND|STATUS": n}           with BENCH_BUCKETS=1 (soak phases)
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
local function now_us(clock)
  ffi.C.clock_gettime(clock, ts)
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end
local MONOTONIC, REALTIME = 1, 0

local requests = {}
local kinds_of = {}
local auth = os.getenv("BENCH_AUTH")
local file = os.getenv("BENCH_REQUESTS")
local want_latencies = os.getenv("BENCH_LATENCIES") == "1"
local want_buckets = os.getenv("BENCH_BUCKETS") == "1"
for line in io.lines(file) do
  local method, path, body, kind = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
  if not method then
    method, path = line:match("^([^\t]*)\t([^\t]*)$")
    body, kind = "", ""
  end
  if method then
    local headers = {}
    if auth and auth ~= "" then headers["Authorization"] = auth end
    if body and body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
    table.insert(requests, wrk.format(method, path, headers, body))
    table.insert(kinds_of, (kind ~= nil and kind ~= "") and kind or "all")
  end
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local counter = 0
local last_kind = "all"
local sent_us = nil
statuses = {}
retry_after = 0
-- flat tables only: wrk copies nested tables between threads wrongly (it crashes)
kinds = {}          -- "KIND|STATUS" -> n
lat_values = {}     -- latency of each response, in microseconds
lat_statuses = {}   -- and its status, at the same position
buckets = {}
function init(args)
  -- threads start far apart in the list, so they do not ask for the same thing at the same moment
  counter = (id or 0) * 7919
end

function request()
  counter = counter + 1
  local i = (counter % #requests) + 1
  last_kind = kinds_of[i]
  sent_us = now_us(MONOTONIC)
  return requests[i]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and (headers["Retry-After"] or headers["retry-after"]) then
    retry_after = retry_after + 1
  end
  local kk = last_kind .. "|" .. status
  kinds[kk] = (kinds[kk] or 0) + 1
  if want_latencies and sent_us then
    lat_values[#lat_values + 1] = now_us(MONOTONIC) - sent_us
    lat_statuses[#lat_statuses + 1] = status
  end
  if want_buckets then
    local key = string.format("%d|%s|%d", math.floor(now_us(REALTIME) / 1000000), last_kind, status)
    buckets[key] = (buckets[key] or 0) + 1
  end
end

local function pct(sorted, p)
  if #sorted == 0 then return 0 end
  local i = math.ceil(p / 100 * #sorted)
  if i < 1 then i = 1 end
  return sorted[i]
end

function done(summary, latency, requests_)
  local all, by_kind, lat, bk = {}, {}, {}, {}
  local ra = 0
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do all[code] = (all[code] or 0) + n end
    ra = ra + thread:get("retry_after")
    for key, n in pairs(thread:get("kinds")) do
      local kind, code = key:match("^(.*)|(%d+)$")
      local into = by_kind[kind] or {}
      by_kind[kind] = into
      into[code] = (into[code] or 0) + n
    end
    local values, codes = thread:get("lat_values"), thread:get("lat_statuses")
    for i, v in ipairs(values) do
      local into = lat[codes[i]] or {}
      lat[codes[i]] = into
      into[#into + 1] = v
    end
    for key, n in pairs(thread:get("buckets")) do bk[key] = (bk[key] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(all) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local kind_parts = {}
  for kind, codes in pairs(by_kind) do
    local cs = {}
    for code, n in pairs(codes) do table.insert(cs, string.format('"%s": %d', code, n)) end
    table.insert(kind_parts, string.format('"%s": {%s}', kind, table.concat(cs, ", ")))
  end
  local lat_parts = {}
  for code, values in pairs(lat) do
    table.sort(values)
    table.insert(lat_parts, string.format('"%d": {"count": %d, "p50Us": %d, "p99Us": %d, "maxUs": %d}', code,
      #values, pct(values, 50), pct(values, 99), values[#values]))
  end
  local bucket_parts = {}
  for key, n in pairs(bk) do table.insert(bucket_parts, string.format('"%s": %d', key, n)) end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests": %d, "durationUs": %d, "p50Us": %d, "p90Us": %d, "p99Us": %d, '
    .. '"maxUs": %d, "connectErrors": %d, "readErrors": %d, "writeErrors": %d, "timeouts": %d, "non2xx": %d, '
    .. '"retryAfter503": %d, "statuses": {%s}, "kinds": {%s}, "latencyByStatus": {%s}, "buckets": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.timeout, e.status, ra, table.concat(parts, ", "),
    table.concat(kind_parts, ", "), table.concat(lat_parts, ", "), table.concat(bucket_parts, ", ")))
end
