#!/usr/bin/env bash
# The directory search benchmark (issue 3): 290 municipalities and 300,000 organisations from
# `overens synth`, the release server, and wrk with 32 connections asking directory searches
# with a text query and two filters (benches/directory.lua). Run it through `./run bench`.
#
#   benches/directory.sh [sqlite|postgres|all]
#   BENCH_SECONDS=30 BENCH_ORGANISATIONS=300000 BENCH_MUNICIPALITIES=290 to change the sizes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source benches/lib.sh
ORGS=${BENCH_ORGANISATIONS:-300000}
MUNIS=${BENCH_MUNICIPALITIES:-290}

bench() {
    local name=$1 url=$2
    echo
    echo "== directory search on $name: $MUNIS municipalities, $ORGS organisations"
    "$BIN" synth --database-url "$url" --municipalities "$MUNIS" --organisations "$ORGS" --rooms 0 --bookings 0 --applications 0
    start_server "$url"
    # The municipalities' slugs, as a Lua table in front of the request script.
    curl -fs "$base/api/v1/municipalities" | python3 -c '
import json, sys
data = json.load(sys.stdin)
slugs = [m["slug"] for m in (data["municipalities"] if isinstance(data, dict) else data)]
print("SLUGS = {" + ",".join(json.dumps(s) for s in slugs) + "}")' >"$work/script.lua"
    cat benches/directory.lua benches/report.lua >>"$work/script.lua"
    # One search shown, to see that it finds something.
    local first
    first=$(python3 -c 'import re,sys; print(re.findall(r"\"([^\"]+)\"", open(sys.argv[1]).readline())[0])' "$work/script.lua")
    echo "sample: /$first/foreningar?q=idrott&kategori=idrott&lokal=1 ->" \
        "$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{time_total} s' "$base/$first/foreningar?q=idrott&kategori=idrott&lokal=1")"
    wrk -t2 -c32 -d5s -s "$work/script.lua" "$base" >/dev/null # warm-up
    wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --timeout 5s -s "$work/script.lua" "$base" | tail -n 2
    healthz_wrk
    stop_server
}

on_databases "${1:-all}" overens_bench benches/directory.sh
