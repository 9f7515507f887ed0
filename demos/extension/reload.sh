#!/usr/bin/env bash
# Rebuilds the greeter plugin with the next version stamp (v2, v3, ...) and reloads the running
# extension host through its management endpoint. Start the host with run.sh first.
DEMO=extension
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

require_running_demo
build_plugin greeter
reload_host
