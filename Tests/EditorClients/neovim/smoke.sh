#!/usr/bin/env bash
# Opens a plan in headless Neovim (Debian's neovim, its built-in LSP client) with `planc lsp`, and
# prints what the editor shows: dated inlay hints and the diagnostic of a typo typed into the
# buffer. Exit status 0 when both arrived. The plan is copied first; nothing in it is saved.
# Usage: smoke.sh [PLANC] [PLAN_FOLDER] [FILE] [TODAY]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
planc=$(realpath "${1:-$here/../../../.build/debug/planc}")
folder=$(realpath "${2:-$here/../../../Examples/crm-migration}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$folder/." "$work/"
PLANC_BIN=$planc PLAN_ROOT=$work PLAN_FILE=${3:-plan.md} PLAN_TODAY=${4:-2026-09-15} HOME=$work XDG_CONFIG_HOME=$work \
  timeout 60 nvim --headless --clean -n -c "luafile $here/smoke.lua"
