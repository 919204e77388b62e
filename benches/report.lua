-- What every wrk script of the benchmarks reports at its end (appended to each script by its
-- benches/*.sh): requests/s, errors and the latency percentiles.

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
