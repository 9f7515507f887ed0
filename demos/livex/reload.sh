#!/usr/bin/env bash
# Rebuilds the orders plugin with the next version stamp (v2, v3, ...) and reloads the running
# livex host through its management endpoint. Start the host with run.sh first.
DEMO=livex
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

require_running_demo
build_plugin orders
reload_host
