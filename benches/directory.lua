-- wrk script: directory searches with a text query and two filters, spread over the
-- municipalities of the synthetic data. SLUGS is prepended by benches/directory.sh.
-- Prints p50/p95/p99 latency and requests per second, and counts non-200 answers.

local queries = { "idrott", "kultur", "förening", "musik", "fotboll", "kör", "scout",
                  "pension", "hembygd", "dans", "friluft", "teater" }
local categories = { "idrott", "kultur", "social", "fritid", "utbildning", "intresse" }
local second = { "lokal=1", "signerat=1" }

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 0
request = function()
  counter = counter + 1
  local slug = SLUGS[(counter * 7919) % #SLUGS + 1]
  local q = queries[counter % #queries + 1]
  local k = categories[math.floor(counter / 3) % #categories + 1]
  local f = second[math.floor(counter / 5) % #second + 1]
  local path = "/" .. slug .. "/foreningar?q=" .. encode(q) .. "&kategori=" .. k .. "&" .. f
  return wrk.format("GET", path)
end

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local ms = function(us) return string.format("%.2f ms", us / 1000) end
  io.write(string.format("requests: %d in %.1f s, %.0f requests/s, errors: %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %s  p95 %s  p99 %s  max %s\n",
    ms(latency:percentile(50)), ms(latency:percentile(95)), ms(latency:percentile(99)), ms(latency.max)))
end
