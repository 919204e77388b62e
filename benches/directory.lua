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
