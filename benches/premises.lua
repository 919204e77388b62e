-- wrk script: premises availability searches (the search page: twenty rooms that meet a need,
-- each with its free times across the week), in municipalities chosen by their number of rooms
-- (the large ones are asked most), for dates in the coming six weeks. MIX ("search" or "mixed"),
-- MUNIS, DATES and WEEKS are prepended by benches/premises.sh. With MIX = "mixed", a fifth of
-- the requests are a room's week view and a tenth the availability API.
-- Prints p50/p95/p99 latency and requests per second, and counts non-200 answers.

local total, cum = 0, {}
for i, m in ipairs(MUNIS) do
  total = total + m.rooms
  cum[i] = total
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(2026 + (tid or 0))
end

local function pick(t) return t[math.random(#t)] end

-- A municipality, weighted by its rooms.
local function municipality()
  local x = math.random() * total
  local lo, hi = 1, #cum
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cum[mid] < x then lo = mid + 1 else hi = mid end
  end
  return MUNIS[lo]
end

local people = { 2, 5, 10, 20, 40 }
local spans = { { "08:00", "10:00" }, { "13:00", "15:00" }, { "17:00", "19:00" }, { "18:00", "20:00" }, { "19:00", "21:00" } }

local function search_query()
  local k = math.random(10)
  local q = "datum=" .. pick(DATES)
  if k <= 5 then
    -- The issue's example: an evening, some people, a projector.
    q = q .. "&fran=18:00&till=20:00&personer=" .. pick(people) .. "&utrustning=projector"
  elseif k <= 7 then
    -- No time: every room big enough, with the week's free times.
    q = q .. "&personer=" .. pick(people)
  elseif k <= 9 then
    local s = pick(spans)
    q = q .. "&fran=" .. s[1] .. "&till=" .. s[2] .. "&personer=" .. pick(people) .. "&tillganglighet=step_free"
    if k == 9 then q = q .. "&tillganglighet=hearing_loop" end
  else
    -- A rare need: many rooms looked at to find twenty.
    q = q .. "&fran=18:00&till=21:00&personer=40&utrustning=sound&utrustning=stage&tillganglighet=lift"
  end
  return q
end

request = function()
  local m = municipality()
  local k = math.random(10)
  local path
  if MIX == "mixed" and k <= 2 then
    path = "/" .. m.slug .. "/lokaler/rum/" .. pick(m.ids) .. "?vecka=" .. pick(WEEKS)
  elseif MIX == "mixed" and k == 3 then
    path = "/api/v1/" .. m.slug .. "/premises/availability?" .. search_query()
  else
    path = "/" .. m.slug .. "/lokaler?" .. search_query()
  end
  return wrk.format("GET", path)
end
