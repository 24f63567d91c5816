#!/usr/bin/env bash
# Runs the service on http://127.0.0.1:8000: the web app (gunicorn) AND a django-q2 worker.
# Installs what is missing, migrates, creates the demo account on first run. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIND="${BYC_BIND:-127.0.0.1:8000}"
bash scripts/setup.sh venv-runtime
bash scripts/setup.sh npm

.venv/bin/python manage.py migrate --noinput
# The demo account (a public password) exists only in the embedded default, never in production.
case "${BYC_PRODUCTION:-}" in
    # Production serves hashed static files from STATIC_ROOT (ManifestStaticFilesStorage).
    1 | [Tt]rue | TRUE | [Yy]es | YES | [Oo]n | ON) .venv/bin/python manage.py collectstatic --noinput >/dev/null ;;
    *) .venv/bin/python manage.py ensure_demo_account ;;
esac

# Each gunicorn worker counts its requests in a file here; /metrics adds them up (emptied at start).
export PROMETHEUS_MULTIPROC_DIR="${PROMETHEUS_MULTIPROC_DIR:-${BYC_DATA_DIR:-var}/prometheus}"
rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"

pids=()
stop() {
    trap - INT TERM EXIT
    echo
    echo "Stopping the web server and the worker..."
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# The worker gets a session of its own: a signal sent to our whole process group (a supervisor's or
# `timeout`'s SIGTERM) would otherwise reach its sentinel and pool processes together with it, and
# django-q2's main process can then hang forever. It stops through stop() below, like on Ctrl-C.
setsid .venv/bin/python manage.py qcluster &
pids+=($!)
.venv/bin/gunicorn byc_site.wsgi:application --bind "$BIND" --workers "${BYC_WEB_WORKERS:-2}" \
    --threads "${BYC_WEB_THREADS:-4}" --access-logfile - --graceful-timeout 5 &
pids+=($!)

# If whatever started us goes away without a signal reaching us (`make` killed with SIGTERM does not
# pass it on), stop too rather than leave the web server and the worker running as orphans.
launcher=$PPID
(
    while kill -0 "$launcher" 2>/dev/null; do sleep 2; done
    kill -TERM $$ 2>/dev/null
) &
watchdog=$!

echo "Serving on http://$BIND (API under /api/v1, docs at /api/v1/docs/, admin at /admin/). Ctrl-C stops."
# Whichever stops first (or Ctrl-C) stops the other.
wait -n "${pids[@]}" || true
kill "$watchdog" 2>/dev/null || true
