#!/usr/bin/env bash
# Builds what is missing (modules, runtime image), builds the web demo's page plugin as v1 into a
# fresh plugin directory under target/, and starts the host from the image in the foreground: it
# serves http://127.0.0.1:$WEB_PORT/ (default 8080). Stop it with Ctrl-C. Reload it from another
# terminal with reload.sh while curl keeps asking.
DEMO=web
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

run_host page
