#!/usr/bin/env bash
# Builds what is missing (modules, runtime image), builds the livex demo's plugin(s) as v1 into a
# fresh plugin directory under target/, and starts the host from the image in the foreground.
# Stop it with Ctrl-C. Reload it from another terminal with reload.sh.
DEMO=livex
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

ensure_image --if-stale
reset_work
for plugin in orders; do
    build_plugin "$plugin"
done
say "starting host $HOST_NAME; reload it from another terminal with $DEMO_DIR/reload.sh"
exec "$IMAGE/bin/livex" "$PLUGINS" "$HOST_NAME"
