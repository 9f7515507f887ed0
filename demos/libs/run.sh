#!/usr/bin/env bash
# Builds what is missing (modules, runtime image, the two Gson jars), builds the libs demo's two
# plugin bundles as v1 into a fresh plugin directory under target/ (billing with Gson 2.10.1,
# shipping with Gson 2.13.2, each nested in its plugin's jar), and starts the host from the image in
# the foreground. Stop it with Ctrl-C. Reload it from another terminal with reload.sh.
DEMO=libs
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"
source "$DEMO_DIR/gson.sh"

ensure_image --if-stale
reset_work
build_plugin_with_libs billing "$GSON_OLD"
build_plugin_with_libs shipping "$GSON_NEW"
start_host
