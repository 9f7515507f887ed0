# Shared by every demo's run.sh and reload.sh; sourced, never run. Bash.
#
# A demo script sets DEMO (its name) and sources this file. Environment knobs, all optional:
#   HOTSWAP_DEMO_WORK  where the demo's plugin sources copy, plugin jars and stamps go
#                      (default: demos/<name>/target)
#   HOTSWAP_DEMO_NAME  the host's name for 'hotswap reload --host' (default: the demo's name)
#   HOTSWAP_IMAGE      the runtime image (default: jlink/target/image, built when missing)

set -euo pipefail

DEMO_DIR="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
ROOT="$(cd "$DEMO_DIR/../.." && pwd)"
IMAGE="${HOTSWAP_IMAGE:-$ROOT/jlink/target/image}"
WORK="${HOTSWAP_DEMO_WORK:-$DEMO_DIR/target}"
HOST_NAME="${HOTSWAP_DEMO_NAME:-$DEMO}"
PLUGINS="$WORK/plugins"
# Extra flags for 'hotswap build' before its directories, and for javac after '--' (slink adds
# --staticLinking and -g).
BUILD_FLAGS=()
JAVAC_FLAGS=()
# Build outputs besides the image that a demo's scripts need (the libs demo's Gson jars): when one
# is missing, ensure_image builds the modules as for a missing image.
NEEDS=()

say() {
    printf '%s: %s\n' "$DEMO" "$*" >&2
}

# Builds the modules and the image when the image (or this demo's launcher, or one of NEEDS) is
# missing, or older than a main source or pom of the modules (run.sh only: reload.sh must not
# rebuild the image a running host uses). With HOTSWAP_IMAGE set, never builds: it only checks.
ensure_image() {
    local why="" need
    if [[ ! -x "$IMAGE/bin/hotswap" || ! -x "$IMAGE/bin/$DEMO" ]]; then
        why="missing"
    elif [[ "${1:-}" == --if-stale && -z "${HOTSWAP_IMAGE:-}" ]] && [[ -n "$(find "$ROOT" \( -name target -o -name .git \
            -o -path '*/src/test' -o -path "$ROOT/demos/*/plugin" \) -prune \
            -o \( -name '*.java' -o -name pom.xml \) -newer "$IMAGE/release" -print -quit)" ]]; then
        why="older than the sources"
    fi
    for need in "${NEEDS[@]}"; do
        if [[ -z "$why" && ! -e "$need" ]]; then
            why="there, but $need is missing"
        fi
    done
    if [[ -z "$why" ]]; then
        return
    fi
    if [[ -n "${HOTSWAP_IMAGE:-}" ]]; then
        say "no runtime image with bin/hotswap and bin/$DEMO at $IMAGE${NEEDS[*]:+, or missing: ${NEEDS[*]}}"
        exit 1
    fi
    say "the runtime image is $why: building the modules and the image (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package)
}

# The stamp a plugin's next build gets: v1 on the first build, then one more on each rebuild.
next_stamp() {
    local file="$WORK/stamps/$1" n=0
    [[ -f "$file" ]] && n="$(cat "$file")"
    echo $((n + 1))
}

# stage_plugin NAME: copies demos/<demo>/plugin/NAME to $WORK/src/NAME and stamps it with its next
# version (v1, v2...); sets STAMP. The stamp is recorded by the build that follows (record_stamp).
stage_plugin() {
    local name="$1"
    STAMP="$(next_stamp "$name")"
    local src="$WORK/src/$name"
    rm -rf "$src"
    mkdir -p "$WORK/src" "$WORK/stamps" "$PLUGINS"
    cp -R "$DEMO_DIR/plugin/$name" "$src"
    # The stamp is a constant in the plugin's sources: STAMP = "v1" becomes "v<stamp>".
    find "$src" -name '*.java' -exec sed -i.orig -E "s/(STAMP = \")v[0-9]+(\")/\1v$STAMP\2/" {} +
    find "$src" -name '*.orig' -delete
}

record_stamp() {
    echo "$STAMP" > "$WORK/stamps/$1"
}

# build_plugin NAME: stage_plugin NAME and builds it into the plugin directory with the image's
# 'hotswap build'. Plugins already in the plugin directory are on javac's module path (hotswap
# build adds its output directory), so a plugin can require another. BUILD_FLAGS go before the
# directories, JAVAC_FLAGS after '--'.
build_plugin() {
    local name="$1"
    stage_plugin "$name"
    say "building plugin $name v$STAMP into $PLUGINS${BUILD_FLAGS[*]:+ (${BUILD_FLAGS[*]})}"
    "$IMAGE/bin/hotswap" build "${BUILD_FLAGS[@]}" "$WORK/src/$name" "$PLUGINS" -- "${JAVAC_FLAGS[@]}"
    record_stamp "$name"
}

# maven_build_and_reload NAME: stage_plugin NAME, then the dev loop of a Maven shop on it: the
# staged sources get demos/lib/plugin-pom.xml, and 'mvn package hotswap:reload' packs the plugin
# into the plugin directory (hotswap:plugin) and reloads the host (hotswap:reload). It needs
# io.hotswap:hotswap-maven-plugin in the local repository: 'mvn -DskipTests install' once.
maven_build_and_reload() {
    local name="$1" version slf4j
    stage_plugin "$name"
    version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -n 1)"
    slf4j="$(sed -n 's:.*<slf4j.version>\(.*\)</slf4j.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
    sed "s/@NAME@/$name/" "$ROOT/demos/lib/plugin-pom.xml" > "$WORK/src/$name/pom.xml"
    say "building plugin $name v$STAMP into $PLUGINS with Maven, then reloading host $HOST_NAME"
    if ! mvn -B -ntp -f "$WORK/src/$name/pom.xml" package hotswap:reload -Dhotswap.version="$version" \
            -Dslf4j.version="$slf4j" -Dhotswap.outputDirectory="$PLUGINS" -Dhotswap.host="$HOST_NAME"; then
        say "the Maven build failed; if it could not find io.hotswap:hotswap-maven-plugin, run 'mvn -DskipTests install' in $ROOT once"
        exit 1
    fi
    record_stamp "$name"
}

# build_plugin_with_libs NAME LIB...: build_plugin NAME with '--lib LIB' for each LIB (a jar, or a
# folder of jars): hotswap build compiles against them and nests them in the plugin's jar, a bundle.
build_plugin_with_libs() {
    local name="$1" lib
    shift
    local flags=("${BUILD_FLAGS[@]}")
    for lib in "$@"; do
        BUILD_FLAGS+=(--lib "$lib")
    done
    build_plugin "$name"
    BUILD_FLAGS=("${flags[@]}")
}

# A fresh plugin directory and stamps, for run.sh.
reset_work() {
    rm -rf "$PLUGINS" "$WORK/src" "$WORK/stamps"
    mkdir -p "$PLUGINS"
}

reload_host() {
    say "reloading host $HOST_NAME"
    "$IMAGE/bin/hotswap" reload --host "$HOST_NAME"
}

# reload.sh needs the plugin directory run.sh made.
require_running_demo() {
    if [[ ! -d "$PLUGINS" ]]; then
        say "no plugin directory at $PLUGINS: start the host with $DEMO_DIR/run.sh first"
        exit 1
    fi
    ensure_image
}

# run.sh of a demo whose host is its image launcher: fresh plugins built from these sources, then
# the host in the foreground.
run_host() {
    ensure_image --if-stale
    reset_work
    local plugin
    for plugin in "$@"; do
        build_plugin "$plugin"
    done
    start_host
}

# The host from the image, in the foreground: run.sh's last step.
start_host() {
    say "starting host $HOST_NAME; reload it from another terminal with $DEMO_DIR/reload.sh"
    exec "$IMAGE/bin/$DEMO" "$PLUGINS" "$HOST_NAME"
}
