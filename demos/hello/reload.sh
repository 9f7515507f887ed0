#!/usr/bin/env bash
# Rebuilds the world plugin with the next version stamp (v2, v3, ...) and reloads the running
# hello host through its management endpoint. Start the host with run.sh first.
# reload.sh --maven: the same as a Maven shop does it, 'mvn package hotswap:reload' on the plugin
# as a Maven project (after 'mvn -DskipTests install' once, for the hotswap-maven-plugin).
DEMO=hello
source "$(dirname "${BASH_SOURCE[0]}")/../lib/demo.sh"

require_running_demo
case "${1:-}" in
    "") build_plugin world; reload_host ;;
    --maven) maven_build_and_reload world ;;
    *) say "usage: reload.sh [--maven]"; exit 2 ;;
esac
