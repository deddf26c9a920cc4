-- wrk script for bench/scale.py: rotates over the requests in $BENCH_REQUESTS (lines of
-- METHOD<TAB>PATH<TAB>BODY), sends $BENCH_AUTH as Authorization when set, counts status codes and
-- 503s carrying Retry-After, and prints one JSON line (prefixed BENCH_JSON) when done.
local requests = {}
local auth = os.getenv("BENCH_AUTH")
local file = os.getenv("BENCH_REQUESTS")
for line in io.lines(file) do
  local method, path, body = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
  if method then
    local headers = {}
    if auth and auth ~= "" then headers["Authorization"] = auth end
    if body and body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local counter = 0
statuses = {}
retry_after = 0
function init(args)
  -- threads start far apart in the list, so they do not ask for the same thing at the same moment
  counter = (id or 0) * 7919
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and (headers["Retry-After"] or headers["retry-after"]) then
    retry_after = retry_after + 1
  end
end

function done(summary, latency, requests_)
  local all = {}
  local ra = 0
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do all[code] = (all[code] or 0) + n end
    ra = ra + thread:get("retry_after")
  end
  local parts = {}
  for code, n in pairs(all) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests": %d, "durationUs": %d, "p50Us": %d, "p90Us": %d, "p99Us": %d, '
    .. '"maxUs": %d, "connectErrors": %d, "readErrors": %d, "writeErrors": %d, "timeouts": %d, "non2xx": %d, '
    .. '"retryAfter503": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.timeout, e.status, ra, table.concat(parts, ", ")))
end
