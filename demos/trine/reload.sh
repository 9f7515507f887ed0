#!/usr/bin/env bash
# Rebuilds alpha alone, with the next version stamp, and reloads the running trine host: alpha
# gets a new layer, and beta and gamma, whose jars did not change, are relinked on top of it.
# Pass other plugin names to rebuild those instead: reload.sh beta
DEMO=trine
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

require_running_demo
for plugin in "${@:-alpha}"; do
    build_plugin "$plugin"
done
reload_host
