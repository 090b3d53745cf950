#!/usr/bin/env bash
# Load benchmark: gunicorn with the production settings (2 workers, 127.0.0.1 only) on a database of
# synthetic records, measured with wrk, with the page cache and with PORTAL_PAGE_CACHE=off.
#
#   bench/load.sh                      # SQLite in a scratch folder, 2,000 partners / 20,000 contributions
#   bench/load.sh --large              # 10,000 partners / 100,000 contributions
#   bench/load.sh --duration 5         # seconds of wrk per address (default 10)
#   bench/load.sh --partners 100 --contributions 1000 --duration 2   # a quick try
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_load bench/load.sh   # PostgreSQL (built when empty)
#   REDIS_URL=redis://127.0.0.1:6379/5 bench/load.sh                            # the page cache in Redis
#
# See bench/README.md. Everything it starts is stopped on exit, and the scratch folder removed.
set -euo pipefail
cd "$(dirname "$0")/.."

partners=2000
contributions=20000
duration="${LOAD_DURATION:-10}"
connections="${LOAD_CONNECTIONS:-16}"
threads="${LOAD_THREADS:-2}"
while [ $# -gt 0 ]; do
    case "$1" in
        --large) partners=10000; contributions=100000 ;;
        --partners) partners="$2"; shift ;;
        --contributions) contributions="$2"; shift ;;
        --duration) duration="$2"; shift ;;
        --connections) connections="$2"; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

python=.venv/bin/python
workdir="$(mktemp -d "${TMPDIR:-/tmp}/portal-load.XXXXXX")"
server_pid=""

stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    stop_server
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v wrk >/dev/null; then
    echo "Installing wrk from Debian's packages…"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq wrk >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null; }
fi

# The production settings, served on this machine only; nothing from the shell's own deployment.
unset FRONTEND_CACHE_PURGE_URL CLOUDFLARE_ZONE_ID SEARCH_BACKEND_URL AWS_STORAGE_BUCKET_NAME
export DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY="load-benchmark-$("$python" -c 'import secrets; print(secrets.token_urlsafe(40))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false
export GUNICORN_WORKERS=2
export GUNICORN_ACCESS_LOG=""
export LOG_LEVEL=WARNING
export MEDIA_ROOT="$workdir/media"
export PORTAL_PAGE_CACHE_DIR="$workdir/page-cache"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$workdir/load.sqlite3}"
database="${DATABASE_URL%%:*}"
cache="files"
[ -n "${REDIS_URL:-}" ] && cache="Redis ($REDIS_URL)"

echo "Database: $database; page cache: $cache; $partners partners, $contributions contributions"
started=$SECONDS
"$python" bench/load.py build --partners "$partners" --contributions "$contributions"
echo "  collectstatic (gzip and Brotli)…"
"$python" manage.py collectstatic --noinput -v0
# Pages cached by an earlier run (Redis outlives it) must not be served: a new content version.
"$python" -c 'import django; django.setup(); from portal.page_cache import new_content_version; new_content_version()'
echo "  ready in $((SECONDS - started)) s"

labels=()
paths=()
while IFS=$'\t' read -r label path; do
    labels+=("$label")
    paths+=("$path")
done < <("$python" bench/load.py urls)

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

start_server() {
    PORTAL_PAGE_CACHE="$1" GUNICORN_BIND="127.0.0.1:$port" .venv/bin/gunicorn -c gunicorn.conf.py \
        >"$workdir/gunicorn-$1.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 60); do
        curl -fs --max-time 5 -o /dev/null "$base/healthz" && return 0
        sleep 1
    done
    echo "gunicorn did not start:" >&2
    tail -20 "$workdir/gunicorn-$1.log" >&2
    exit 1
}

worker_memory() {  # resident memory of each worker, in MiB
    ps -o rss= --ppid "$server_pid" | awk '{ printf "%s%.0f", (NR > 1 ? "/" : ""), $1 / 1024 }'
}

declare -A result cache_state
run() {
    local mode="$1"
    start_server "$mode"
    local memory_before
    memory_before="$(worker_memory)"
    for i in "${!paths[@]}"; do
        local url="$base${paths[$i]}" status
        status="$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' "$url")"
        if [ "$status" != 200 ]; then
            echo "  ${labels[$i]}: $url answered $status, not 200" >&2
        fi
        curl -s --max-time 60 -o /dev/null "$url"  # the second request: from the cache when it is on
        cache_state["$mode,$i"]="$(curl -s --max-time 60 -D - -o /dev/null "$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-page-cache" { print $2 }')"
        result["$mode,$i"]="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s \
            -s bench/wrk_report.lua "$url" | awk -F'\t' '$1 == "RESULT" { print $2, $3, $4, $5 }')"
        echo "  measured ${labels[$i]} (PORTAL_PAGE_CACHE=$mode)" >&2
    done
    local restarts
    restarts=$(($(grep -c "Booting worker" "$workdir/gunicorn-$mode.log") - GUNICORN_WORKERS))
    memory["$mode"]="worker memory ${memory_before} MiB at start, $(worker_memory) MiB at the end; worker restarts: $restarts"
    stop_server
}
declare -A memory
run on
run off

printf '\nwrk -t%s -c%s -d%ss on %s, gunicorn 2 workers, %s partners / %s contributions\n' \
    "$threads" "$connections" "$duration" "$database" "$partners" "$contributions"
printf '%-24s | %-46s | %-41s\n' "" "page cache on ($cache)" "PORTAL_PAGE_CACHE=off"
header='%8s %7s %7s %7s %7s %4s'
printf "%-24s | $header | %8s %7s %7s %7s %7s\n" page req/s p50ms p99ms non-2xx ratio cache req/s p50ms p99ms non-2xx ratio
for i in "${!paths[@]}"; do
    line="$(printf '%-24s' "${labels[$i]}")"
    for mode in on off; do
        read -r rps p50 p99 failed <<<"${result["$mode,$i"]:-0 0 0 0}"
        read -r static_rps _ <<<"${result["$mode,0"]:-0 0 0 0}"
        ratio="$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf (b > 0 ? "%.3f" : "-"), a / (b > 0 ? b : 1) }')"
        if [ "$mode" = on ]; then
            line+="$(printf " | %8s %7s %7s %7s %7s %4s" "$rps" "$p50" "$p99" "$failed" "$ratio" "${cache_state["on,$i"]:--}")"
        else
            line+="$(printf " | %8s %7s %7s %7s %7s" "$rps" "$p50" "$p99" "$failed" "$ratio")"
        fi
    done
    echo "$line"
done
echo
for i in "${!paths[@]}"; do printf '%-24s %s\n' "${labels[$i]}" "${paths[$i]}"; done
echo
echo "page cache on:  ${memory[on]}"
echo "page cache off: ${memory[off]}"
