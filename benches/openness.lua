-- wrk script: the openness benchmark against the largest synthetic municipality. MIX ("feeds",
-- "month" or "median"), SLUG, MEDIAN, BODIES and MONTHS are prepended by benches/openness.sh.
--   feeds: the decisions feeds, RSS or Atom (half each), for the whole municipality (half) or
--          one body (?organ=: the council, the board or a committee).
--   month: the event calendar's month view (?vy=manad&manad=), this month or the next.
--   median: the same for a municipality of median size.
-- Prints p50/p95/p99 latency and requests per second, and counts non-200 answers.

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(2017 + (tid or 0))
end

local function pick(t) return t[math.random(#t)] end

request = function()
  local path
  if MIX == "month" or MIX == "median" then
    path = "/" .. (MIX == "month" and SLUG or MEDIAN) .. "/evenemang?vy=manad&manad=" .. pick(MONTHS)
  else
    local format = math.random(2) == 1 and "rss" or "atom"
    path = "/" .. SLUG .. "/beslut/" .. format
    if math.random(2) == 1 then
      path = path .. "?organ=" .. pick(BODIES)
    end
  end
  return wrk.format("GET", path)
end
