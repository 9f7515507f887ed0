#!/usr/bin/env bash
# Rebuilds the world plugin with the next version stamp (v2, v3, ...) and reloads the running
# hello host through its management endpoint. Start the host with run.sh first.
DEMO=hello
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

require_running_demo
build_plugin world
reload_host
