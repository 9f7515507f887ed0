#!/usr/bin/env bash
# Runs every benchmark of SPEC section 11 that can run on this branch, each beside its floor,
# and writes benchmarks/RESULTS.md. Under 10 minutes on 2 cores. Not part of `mvn verify`.
#
#   benchmarks/run.sh            build if needed, run all, write RESULTS.md
#   benchmarks/run.sh latency    run one (latency | many | peers | calls | memory | overhead | build | start |
#                                bundle | bundle-memory | web | leaks), print only
#   benchmarks/run.sh fuzz [dur] fuzz the jar reader and the protocol codec with Jazzer (fuzz/),
#                                each for dur (default 2m, as their @FuzzTest says), print
#                                executions and findings; not a benchmark, not part of RESULTS.md
#
# build and start use the hello demo's plugin sources (demos/hello/plugin/world); start uses the
# runtime image (jlink/target/image, or $HOTSWAP_IMAGE), built here when missing, and starts a PF4J
# and a Felix host (io.hotswap.benchmarks.peers) beside it on the JDK that runs this script. bundle and
# bundle-memory nest the library jars the build copies into target/bench-libs (Jackson).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
lib="$here/target/lib"
bench_libs="$here/target/bench-libs"
jar="$here/target/hotswap.benchmarks-0.1.0-SNAPSHOT.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
image="${HOTSWAP_IMAGE:-$root/jlink/target/image}"
hello_plugin="$root/demos/hello/plugin/world"

# Jazzer fuzzes one test per JVM: one Maven run per fuzz test, each stopping at its maxDuration or
# its first finding, which it writes beside the test's inputs (fuzz/src/test/resources/...).
if [[ "${1:-}" == fuzz ]]; then
  status=0
  for t in io.hotswap.runtime.jar.JarReaderFuzzTest io.hotswap.protocol.ProtocolCodecFuzzTest; do
    echo "== fuzz $t"
    log="$(mktemp)"
    (cd "$root" && mvn -B -o test -pl fuzz -am -Pfuzz -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false) >"$log" 2>&1 || status=1
    grep -aE '^Done [0-9]+ runs|^#[0-9]+ +DONE|== Java Exception|FuzzTestFindingException|Test unit written|Tests run:.*in ' "$log" || true
    rm -f "$log"
  done
  [[ $status == 0 ]] && echo "no findings" || echo "FINDINGS: see above (the input is in the test's Inputs folder)"
  exit $status
fi

# Only start and web need the image: a single other benchmark builds the benchmarks alone.
if [[ $# -eq 0 || "$1" == start || "$1" == web ]]; then needs=benchmarks,jlink; else needs=benchmarks; fi
if [[ ! -f "$jar" || ! -d "$bench_libs" || ( "$needs" == *jlink && ! -x "$image/bin/hello" ) || -n "${BENCH_REBUILD:-}" ]]; then
  (cd "$root" && mvn -B -q -DskipTests package -pl "$needs" -am)
fi

# The runtime, the API, the build library, the CLI and SLF4J on the module path (plugins require
# io.hotswap.api from the boot layer); the benchmarks, the test kit's plugin builder and JMH on the
# class path.
modpath="$lib/hotswap.demo.web.jar:$lib/hotswap.demo.host.jar:$lib/hotswap.api.jar:$lib/hotswap.protocol.jar:$lib/hotswap.runtime.jar:$lib/hotswap.build.jar:$lib/hotswap.cli.jar:$lib/picocli.jar:$lib/asm.jar:$lib/slf4j-api.jar:$lib/slf4j-simple.jar:$lib/classgraph.jar"
# PF4J and Felix, the peers of `peers`, on the class path too.
classpath="$jar:$lib/hotswap.testkit.plugins.jar:$lib/jmh-core.jar:$lib/jopt-simple.jar:$lib/commons-math3.jar:$lib/pf4j.jar:$lib/java-semver.jar:$lib/org.apache.felix.framework.jar"
run() {
  local main="$1"; shift
  "$java" -Xms512m -Xmx2g --module-path "$modpath" --add-modules io.hotswap.runtime,io.hotswap.cli,io.hotswap.demo.web \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OUT:+-Dbench.out="$BENCH_OUT" -Djava.io.tmpdir="$BENCH_OUT/tmp"} \
    -cp "$classpath" "io.hotswap.benchmarks.$main" "$@"
}

declare -A mains=([latency]=ReloadLatency [many]=ManyPlugins [peers]=Peers [calls]=CallsUnderReload [memory]=MemoryOverReloads [overhead]=CallOverhead
  [build]=BuildTime [start]=ImageStart [bundle]=BundleLatency [bundle-memory]=BundleMemory [web]=WebUnderReload [leaks]=LeakPathTime)
# Each benchmark's leading arguments (the rest of the command line follows them).
declare -A fixed=([build]="$hello_plugin $lib/slf4j-api.jar" [start]="$image $hello_plugin" [bundle]="$bench_libs"
  [bundle-memory]="$bench_libs" [web]="$image")
if [[ $# -gt 0 ]]; then
  # shellcheck disable=SC2086 # the fixed arguments are paths without spaces, split on purpose
  run "${mains[$1]}" ${fixed[$1]:-} "${@:2}"
  exit
fi

out="$(mktemp -d)"
export BENCH_OUT="$out"
mkdir -p "$out/tmp" # the generated plugin jars; removed with the rest at the end
start=$(date +%s)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for b in latency many peers calls memory overhead build start bundle bundle-memory web leaks; do
  echo "== $b"
  # shellcheck disable=SC2086
  run "${mains[$b]}" ${fixed[$b]:-}
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
took=$(( $(date +%s) - start ))

{
  echo "# Benchmark results"
  echo
  echo "Written by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), in ${took} s."
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/{print $2}') GiB memory"
  echo "- JDK: $("$java" -version 2>&1 | head -1)"
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after.${BENCH_NOTE:+ $BENCH_NOTE}"
  echo
  echo "Every figure is measured beside its floor in the same run, interleaved where it can be,"
  echo "so the ratio holds on a noisy machine even when the absolute times do not."
  echo
  echo "| figure | median (spread) | floor, same run | ratio | goal | result |"
  echo "|---|---|---|---|---|---|"
  for b in reload-latency many-plugins peers calls-under-reload memory-over-reloads call-overhead build-time image-start bundle-latency bundle-memory web leak-path; do
    if [[ -f "$out/$b.rows.md" ]]; then cat "$out/$b.rows.md"; fi
  done
  for b in reload-latency many-plugins peers calls-under-reload memory-over-reloads call-overhead build-time image-start bundle-latency bundle-memory web leak-path; do
    if [[ -f "$out/$b.notes.md" ]]; then
      echo
      echo "## $b"
      echo
      cat "$out/$b.notes.md"
    fi
  done
  if [[ -f "$here/NOTES.md" ]]; then
    echo
    cat "$here/NOTES.md"
  fi
} > "$here/RESULTS.md"
rm -rf "$out"
echo "wrote $here/RESULTS.md"
