#!/usr/bin/env bash
# Rebuilds the page plugin with the next version stamp (v2, v3, ...) and reloads the running web
# host through its management endpoint. Start the host with run.sh first.
DEMO=web
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

require_running_demo
build_plugin page
reload_host
