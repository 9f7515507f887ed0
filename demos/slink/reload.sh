#!/usr/bin/env bash
# Rebuilds the ticker plugin with the next stamp and asks the running slink host to reload: in
# static mode the host refuses, with a message that says why, and keeps running v1. Exits with
# the refusal's non-zero status.
DEMO=slink
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

BUILD_FLAGS=(--staticLinking)
JAVAC_FLAGS+=(-g)

require_running_demo
build_plugin ticker
reload_host
