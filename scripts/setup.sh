#!/usr/bin/env bash
# Installs what the project needs, and only what is missing:
#   scripts/setup.sh apt   Debian packages listed in scripts/apt-packages.txt (apt-get update once, then install)
#   scripts/setup.sh venv  .venv with requirements-dev.txt (re-installed when a requirements file changes)
#   scripts/setup.sh venv-runtime   .venv with requirements.txt only
#   scripts/setup.sh npm   the cover engine's vector art sets (vendor/iconify, pinned in its package-lock.json)
# Sourced or run from the repository root; safe to run again and again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

setup_apt() {
    local wanted=() missing=()
    mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/apt-packages.txt | tr -d '[:blank:]')
    for package in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo="sudo -n"
        else
            log "missing Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})"
            return 1
        fi
    fi
    log "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_for_venv() {
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    log "no python3 found"
    return 1
}

quiet_pip() { grep -v "^WARNING: Location 'file://.*' is ignored" || true; }

setup_venv() {
    local requirements="$1"
    if [ ! -x .venv/bin/python ]; then
        log "creating .venv"
        "$(python_for_venv)" -m venv .venv
    fi
    # Reinstall only when the requirements change: their checksum is kept inside the venv.
    local stamp=".venv/.installed-$(basename "$requirements" .txt)"
    local checksum
    checksum="$(cat requirements.txt "$requirements" | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$checksum" ]; then
        log "installing $requirements into .venv (a few minutes the first time)"
        # (Some machines' pip configuration names local mirrors that may be absent: drop that noise.)
        .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | quiet_pip
        .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements" 2>&1 | quiet_pip
        echo "$checksum" >"$stamp"
    fi
}

setup_npm() {
    # The art sets are data the engine reads (vendor/iconify/node_modules/@iconify-json/<set>/icons.json).
    # `npm ci` runs only when the lock file changed since the last install (its checksum is kept there).
    local dir="vendor/iconify"
    local stamp="$dir/node_modules/.installed-lock"
    local checksum
    checksum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$checksum" ]; then
        return 0
    fi
    if ! command -v npm >/dev/null; then
        log "npm is missing: install Node.js 18+ (Debian: apt-get install nodejs npm), then run: bash scripts/setup.sh npm"
        return 1
    fi
    log "installing the cover art sets into $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$checksum" >"$stamp"
}

case "${1:-all}" in
    apt) setup_apt ;;
    venv) setup_venv requirements-dev.txt ;;
    venv-runtime) setup_venv requirements.txt ;;
    npm) setup_npm ;;
    all) setup_apt && setup_venv requirements-dev.txt && setup_npm ;;
    *) log "usage: $0 [apt|venv|venv-runtime|npm|all]"; exit 2 ;;
esac
