-- wrk script for bench/load/run.sh: prints one Markdown table row per run
-- (endpoint | requests | req/s | p50 | p99 | max | errors | 503 | goal), labelled by $BENCH_LABEL.
-- $BENCH_PATHS: paths separated by spaces, each request takes one at random (a mix); a path with %s asks for a
-- different day in 2013-2014 each time, so the server's per-day caches cannot answer it.
-- $BENCH_GOAL_MS: the p99 goal in ms; the row says whether it was met.
-- 503 answers (the server refusing more new work than it computes at once, with Retry-After) are counted apart
-- from errors (connect, read, write, timeout, any other non-2xx/3xx).

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
  table.insert(paths, p)
end
local threads = {}
local first = os.time({year = 2013, month = 1, day = 1, hour = 12})

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  refused = 0
end

if #paths > 0 then
  request = function()
    local path = paths[math.random(1, #paths)]
    if string.find(path, "%%s") then
      path = string.format(path, os.date("!%Y-%m-%d", first + math.random(0, 729) * 86400))
    end
    return wrk.format(nil, path)
  end
end

function response(status, headers, body)
  if status == 503 then
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local refusedAll = 0
  for _, t in ipairs(threads) do
    refusedAll = refusedAll + (t:get("refused") or 0)
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status - refusedAll
  local seconds = summary.duration / 1e6
  local p99 = latency:percentile(99) / 1000
  local goal = tonumber(os.getenv("BENCH_GOAL_MS") or "")
  local verdict = ""
  if goal then
    verdict = string.format("≤ %d ms: %s", goal, (p99 <= goal and errors == 0) and "met" or "missed")
  end
  io.write(string.format("| %s | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %d | %d | %s |\n",
    os.getenv("BENCH_LABEL") or "?", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, p99, latency.max / 1000, errors, refusedAll, verdict))
  if errors > 0 then
    io.write(string.format("|   errors: connect %d, read %d, write %d, status (non-2xx/3xx, not 503) %d, timeout %d | | | | | | | | |\n",
      e.connect, e.read, e.write, e.status - refusedAll, e.timeout))
  end
end
