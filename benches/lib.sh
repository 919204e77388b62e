# The steps the benchmark scripts share, sourced by them (not run on its own): the settings
# every script reads, a work folder removed at the end, the release server started over a
# database and stopped, signing in with curl, /healthz for the ratio, and the choice of database.
#
# After sourcing: BIN, SECONDS_PER_RUN, PG_ADMIN, work; the script defines `bench NAME URL`.

BIN=${OVERENS_BIN:-target/release/overens}
# The server refuses OVERENS_ settings it does not know: this one is the script's own.
unset OVERENS_BIN
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
PG_ADMIN=${OVERENS_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server URL: `overens serve` over the database on a free port, waited for until it
# answers /healthz (else its log is shown and the script ends). Sets port and base.
start_server() {
    local url=$1
    port=$(free_port)
    base="http://127.0.0.1:$port"
    OVERENS_LOG=warn "$BIN" serve --database-url "$url" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fs "$base/healthz" >/dev/null 2>&1 && break
        sleep 0.2
    done
    curl -fs "$base/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }
}

stop_server() {
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

# sign_in EMAIL PASSWORD: the login page sets the CSRF cookie and carries its token, then the
# form. Sets cookie to the session's Cookie header.
sign_in() {
    local email=$1 password=$2 jar=$work/cookies token status
    token=$(curl -fs -c "$jar" -b "$jar" "$base/konto/logga-in" |
        python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
        --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "next=/konto" \
        "$base/konto/logga-in")
    [ "$status" = 303 ] || { echo "login as $email answered $status" >&2; exit 1; }
    cookie=$(awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
}

# mix_wrk LUA MIX: wrk (32 connections, 5 s warm-up, then SECONDS_PER_RUN) with the script LUA
# after MIX and "$work/header.lua", ending with benches/report.lua; its last two lines.
mix_wrk() {
    local lua=$1 mix=$2
    {
        echo "MIX = \"$mix\""
        cat "$work/header.lua" "$lua" benches/report.lua
    } >"$work/script.lua"
    wrk -t2 -c32 -d5s -s "$work/script.lua" "$base" >/dev/null # warm-up
    wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --timeout 5s -s "$work/script.lua" "$base" | tail -n 2
}

# healthz_wrk [FILE]: /healthz on the same server, for the ratio (also written to FILE).
healthz_wrk() {
    echo "-- /healthz on the same server, for the ratio (machines differ; the ratio travels)"
    wrk -t2 -c32 -d10s --timeout 5s "$base/healthz" | grep -E "Requests/sec" | tee "${1:-/dev/null}"
}

# on_databases WHICH PG_DB SCRIPT: run `bench` on SQLite, PostgreSQL (a database PG_DB made
# for it and dropped after) or both.
on_databases() {
    local which=$1 pg_db=$2 script=$3
    case "$which" in
        sqlite | all)
            bench sqlite "sqlite://$work/bench.db"
            ;;&
        postgres | all)
            psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db"
            bench postgres "${PG_ADMIN%/*}/$pg_db"
            psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)"
            ;;
        sqlite) ;;
        *)
            echo "usage: $script [sqlite|postgres|all]" >&2
            exit 2
            ;;
    esac
}
