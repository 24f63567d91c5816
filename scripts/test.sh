#!/usr/bin/env bash
# The whole test suite, twice: on SQLite (the embedded default), then on PostgreSQL with the
# Redis queue broker. Arguments replace the default selection `tests` (e.g. `scripts/test.sh tests/api`,
# `scripts/test.sh tests -k credits`).
#
# With CI=true an unreachable PostgreSQL or Redis is a failure; otherwise that run is skipped
# with a message. Each run uses 2 pytest-xdist workers (each with its own test database).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_URL="${BYC_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
REDIS_URL="${BYC_TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
WORKERS="${BYC_TEST_WORKERS:-2}"
CI="${CI:-false}"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash scripts/setup.sh apt || { [ "$CI" = "true" ] && exit 1; echo "continuing without the missing Debian packages"; }
bash scripts/setup.sh venv || exit 1
bash scripts/setup.sh npm || exit 1

# pytest exits 5 when it collected no test: that is a broken run, never a success.
run_pytest() {
    local label="$1"
    shift
    say "$label"
    .venv/bin/python -m pytest -n "$WORKERS" -p no:cacheprovider "$@"
    local status=$?
    if [ $status -eq 5 ]; then
        echo "ERROR: $label collected no tests" >&2
        return 1
    fi
    return $status
}

reachable() {  # reachable postgres|redis URL
    .venv/bin/python - "$1" "$2" <<'PY' 2>/dev/null
import sys
kind, url = sys.argv[1], sys.argv[2]
if kind == "postgres":
    import psycopg
    psycopg.connect(url, connect_timeout=3).close()
else:
    import redis
    redis.Redis.from_url(url, socket_connect_timeout=3).ping()
PY
}

try_start_services() {
    # The machines we run on start these before we do; if they stopped, bring them back.
    [ "$(id -u)" -eq 0 ] || return 0
    if ! reachable postgres "$PG_URL" && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
        echo "starting PostgreSQL"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
    if ! reachable redis "$REDIS_URL" && command -v redis-server >/dev/null; then
        echo "starting Redis"
        redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null || true
    fi
    sleep 1
}

# The import contracts of pyproject.toml (layers; a Django-free engine) come first: a broken
# contract fails the run before any test starts.
say "Import contracts"
.venv/bin/lint-imports --no-cache --no-logo || { say "FAILED: import contracts"; exit 1; }

selection=("$@")
[ ${#selection[@]} -eq 0 ] && selection=(tests)
failed=0

run_pytest "SQLite, ORM broker: ${selection[*]}" "${selection[@]}" || failed=1

if ! reachable postgres "$PG_URL" || ! reachable redis "$REDIS_URL"; then
    try_start_services
fi
if reachable postgres "$PG_URL" && reachable redis "$REDIS_URL"; then
    DATABASE_URL="$PG_URL" BYC_QUEUE_BROKER=redis BYC_REDIS_URL="$REDIS_URL" \
        run_pytest "PostgreSQL, Redis broker: ${selection[*]} without tests/engine (database-free) and tests/browser" \
        "${selection[@]}" --ignore=tests/engine --ignore=tests/browser || failed=1
else
    message="PostgreSQL ($PG_URL) or Redis ($REDIS_URL) is unreachable"
    if [ "$CI" = "true" ]; then
        echo "ERROR: $message; CI needs both." >&2
        failed=1
    else
        say "SKIPPED the PostgreSQL run: $message"
    fi
fi

if [ $failed -ne 0 ]; then
    say "FAILED"
    exit 1
fi
say "All test runs passed"
