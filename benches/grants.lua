-- wrk script: the staff's queue of a grant period (benches/grants.sh prepends QUEUE, the
-- queue's path, and COOKIE, a signed-in handler's session). A mix of what a handler opens: the
-- first page of the queue (all sent applications), the queue filtered by a status (its first
-- page, or a later one), and page 50 of the whole queue (applications 2,451–2,500).
-- Prints requests per second and p50/p95/p99 latency, and counts answers other than 200 (a
-- lost session's redirect to the login page among them).

wrk.headers["Cookie"] = COOKIE

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  math.randomseed(2026 + (tid or 0))
  bad = 0
end

local statuses = { "submitted", "in-review", "proposed", "granted", "rejected" }

request = function()
  local k = math.random(10)
  local path
  if k <= 4 then
    path = QUEUE
  elseif k <= 7 then
    local s = statuses[math.random(#statuses)]
    if math.random(2) == 1 then
      path = QUEUE .. "?status=" .. s
    else
      path = QUEUE .. "?status=" .. s .. "&sida=" .. math.random(2, 5)
    end
  else
    path = QUEUE .. "?sida=50"
  end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local ms = function(us) return string.format("%.2f ms", us / 1000) end
  local not200 = 0
  for _, t in ipairs(threads) do not200 = not200 + (t:get("bad") or 0) end
  io.write(string.format("requests: %d in %.1f s, %.0f requests/s, not 200: %d, errors: %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), not200,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %s  p95 %s  p99 %s  max %s\n",
    ms(latency:percentile(50)), ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max)))
end
