#!/usr/bin/env bash
# Rebuilds cover_engine/print/profiles/FOGRA39L-TAC240.icc, the CMYK profile of IngramSpark wraps,
# from the FOGRA39 measurement data Debian ships in icc-profiles-free (freely licensed), with
# ArgyllCMS's colprof: medium quality, black generation "r" (ramp), total ink limit 240%, black
# limit 95%, gamut mapped from sRGB perceptually. Needs: apt-get install icc-profiles-free argyll.
# The built profile is committed, so nothing is built or downloaded at run time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
(cd "$work" && colprof -qm -kr -l240 -L95 -S /usr/share/color/icc/sRGB.icc -cmt -dpp \
    -D "BYC FOGRA39 coated, TAC 240%" FOGRA39L)
cp "$work/FOGRA39L.icc" cover_engine/print/profiles/FOGRA39L-TAC240.icc
echo "wrote cover_engine/print/profiles/FOGRA39L-TAC240.icc"
