-- wrk script for bench/load/run.sh: prints one Markdown table row per run
-- (endpoint | requests | req/s | p50 | p99 | max | errors), labelled by $BENCH_LABEL.
-- With $BENCH_PATH_TEMPLATE set (a path with one %s), each request asks for a different day in 2013-2014,
-- so the server's per-day snapshot cache cannot answer it.

local template = os.getenv("BENCH_PATH_TEMPLATE")

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

if template then
  local first = os.time({year = 2013, month = 1, day = 1, hour = 12})
  request = function()
    local day = os.date("!%Y-%m-%d", first + math.random(0, 729) * 86400)
    return wrk.format(nil, string.format(template, day))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("| %s | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %d |\n",
    os.getenv("BENCH_LABEL") or "?", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
  if errors > 0 then
    io.write(string.format("|   errors: connect %d, read %d, write %d, status (non-2xx/3xx) %d, timeout %d | | | | | | |\n",
      e.connect, e.read, e.write, e.status, e.timeout))
  end
end
