#!/usr/bin/env bash
# Makes a start-up archive for the bus, so that a (re)started node loads its classes from one mapped file
# instead of parsing ~20,000 classes out of nested jars:
#   JDK 24+ : the JDK's AOT cache (JEP 483/514/515: classes loaded and linked, method profiles)  -> nix-bus.aot
#   JDK <24 : application class-data sharing (AppCDS, dynamic archive)                          -> nix-bus.jsa
# Spring Boot's jar mode extracts the jar first (an archive needs a plain classpath), then one training start
# runs the demo profile until the application context has refreshed and exits.
#
#   deploy/cds/train.sh [JAR] [DIR]      defaults: deploy/target/nix-bus.jar, deploy/target/cds
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java deploy/cds/train.sh
#
# It prints the command line to start with. The archive is valid only for the JDK that made it and the
# extracted jar beside it: make it again after every build or JDK update (the JVM ignores a stale one, with a warning).
set -euo pipefail
JAR=${1:-deploy/target/nix-bus.jar}
DIR=${2:-deploy/target/cds}
JAVA=${JAVA:-java}
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
rm -rf "$DIR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
app="$DIR/$(basename "$JAR")"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
if ((major >= 24)); then
    archive="$DIR/nix-bus.aot"
    # Netty 4.2 needs sun.misc.Unsafe's memory access on Java 24+ (docs/operators.md, "Running on JDK 24 or later").
    record=(-XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off --sun-misc-unsafe-memory-access=allow)
    use="--sun-misc-unsafe-memory-access=allow -XX:AOTCache=$archive"
else
    archive="$DIR/nix-bus.jsa"
    record=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off)
    use="-XX:SharedArchiveFile=$archive"
fi
# Ports 0: the training start must not collide with a running node. Its data directory is thrown away.
"$JAVA" "${record[@]}" -Dspring.context.exit=onRefresh -jar "$app" \
    --spring.profiles.active=demo --nix.data-dir="$data" --server.port=0 --nix.messaging.amqp-port=0 \
    --logging.level.root=WARN >"$DIR/training.log" 2>&1 || { echo "training start failed, see $DIR/training.log" >&2; exit 1; }
[[ -s $archive ]] || { echo "no archive written, see $DIR/training.log" >&2; exit 1; }
echo "$archive ($(du -h "$archive" | cut -f1)), JDK $major"
echo "start with: $JAVA $use -jar $app [options]"
