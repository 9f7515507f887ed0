# Sourced by the libs demo's run.sh and reload.sh, after demos/lib/demo.sh. Bash.
#
# The two Gson jars the plugins bundle. 'mvn package' copies them from Maven Central (through the
# local repository) into the libs host's target folder, one folder per version (the versions are
# gson.old.version and gson.new.version in the root pom), so the scripts name a folder for
# 'hotswap build --lib', never a version.
GSON_OLD="$DEMO_DIR/host/target/gson-old"   # Gson 2.10.1
GSON_NEW="$DEMO_DIR/host/target/gson-new"   # Gson 2.13.2
NEEDS=("$GSON_OLD" "$GSON_NEW")
