#!/usr/bin/env bash
# Rebuilds billing, with the next version stamp, bundling Gson 2.13.2 instead of 2.10.1, and reloads
# the running libs host: billing gets a new layer with the new Gson, shipping is carried over.
# Other choices: reload.sh <plugin> [old|new], e.g. reload.sh shipping old (back to Gson 2.10.1).
DEMO=libs
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"
source "$DEMO_DIR/gson.sh"

plugin="${1:-billing}"
case "${2:-new}" in
    old) gson="$GSON_OLD" ;;
    new) gson="$GSON_NEW" ;;
    *) say "usage: reload.sh [plugin] [old|new]   (default: billing new)"; exit 2 ;;
esac
require_running_demo
build_plugin_with_libs "$plugin" "$gson"
reload_host
