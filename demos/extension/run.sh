#!/usr/bin/env bash
# Builds what is missing (modules, runtime image), builds the extension demo's plugin(s) as v1 into a
# fresh plugin directory under target/, and starts the host from the image in the foreground.
# Stop it with Ctrl-C. Reload it from another terminal with reload.sh.
DEMO=extension
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

run_host greeter
