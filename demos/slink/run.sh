#!/usr/bin/env bash
# Builds what is missing, builds the ticker plugin for static linking (with full debug info) into
# target/plugins, and starts the slink host from the image with that directory on its own
# --module-path: the plugin is in the boot layer, not in a plugin layer.
#
# HOTSWAP_DEBUG=1 run.sh       also opens a debugger port (localhost:5005; HOTSWAP_DEBUG_PORT) and
#                             waits for a debugger before starting; see README.md for jdb.
DEMO=slink
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

BUILD_FLAGS=(--staticLinking)
JAVAC_FLAGS+=(-g)

ensure_image --if-stale
reset_work
build_plugin ticker

jvm=()
if [[ "${HOTSWAP_DEBUG:-0}" == 1 ]]; then
    jvm+=("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=localhost:${HOTSWAP_DEBUG_PORT:-5005}")
    say "waiting for a debugger on localhost:${HOTSWAP_DEBUG_PORT:-5005}"
fi
say "starting host $HOST_NAME with $PLUGINS on its module path"
# Not bin/slink: its launcher cannot take JVM options such as --module-path.
exec "$IMAGE/bin/java" "${jvm[@]}" --module-path "$PLUGINS" --add-modules ticker \
    -m io.hotswap.demo.slink/io.hotswap.demo.slink.SlinkHost "$PLUGINS" "$HOST_NAME"
