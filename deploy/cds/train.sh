#!/usr/bin/env bash
# Makes a start-up archive for the bus, so that a (re)started node loads its classes from one mapped file
# instead of parsing ~20,000 classes out of nested jars:
#   JDK 24+ : the JDK's AOT cache (JEP 483/514/515: classes loaded and linked, method profiles)  -> nix-bus.aot
#   JDK <24 : application class-data sharing (AppCDS, dynamic archive)                          -> nix-bus.jsa
# Spring Boot's jar mode extracts the jar first (an archive needs a plain classpath), then one training start
# runs the demo profile until the application context has refreshed and exits.
# With TRAIN_SECONDS > 0 the training start instead answers that many seconds of inquiries
# (ir.nix.deploy.cds.TrainingLoad, in the jar: every service's catalogue example over REST and SOAP, from
# TRAIN_CONNECTIONS connections) and is stopped with SIGTERM; the JVM writes the archive as it exits, with the
# inquiry path's classes (and on 24+ its method profiles) as well as the start's. Measured on JDK 17 and 25
# (docs/performance.md, 2026-12-03 evening) it did not make the first minute of load faster and cost 2-3 s of
# time to ready, so it is off by default.
#
#   deploy/cds/train.sh [JAR] [DIR]      defaults: deploy/target/nix-bus.jar, deploy/target/cds
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java deploy/cds/train.sh
#   TRAIN_SECONDS (0), TRAIN_CONNECTIONS (8)
#
# It prints the command line to start with. The archive is valid only for the JDK that made it and the
# extracted jar beside it: make it again after every build or JDK update (the JVM ignores a stale one, with a warning).
set -euo pipefail
JAR=${1:-deploy/target/nix-bus.jar}
DIR=${2:-deploy/target/cds}
JAVA=${JAVA:-java}
TRAIN_SECONDS=${TRAIN_SECONDS:-0}
TRAIN_CONNECTIONS=${TRAIN_CONNECTIONS:-8}
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
options=(--spring.profiles.active=demo --nix.data-dir="$data" --server.port=0 --nix.messaging.amqp-port=0
    --logging.level.root=WARN --logging.level.org.springframework.boot.tomcat.TomcatWebServer=INFO)
if ((TRAIN_SECONDS <= 0)); then
    "$JAVA" "${record[@]}" -Dspring.context.exit=onRefresh -jar "$app" "${options[@]}" >"$DIR/training.log" 2>&1 \
        || { echo "training start failed, see $DIR/training.log" >&2; exit 1; }
else
    : >"$DIR/training.log" # appended to by the bus and the load alike
    "$JAVA" "${record[@]}" -jar "$app" "${options[@]}" >>"$DIR/training.log" 2>&1 &
    bus=$!
    port=""
    for _ in $(seq 1 900); do
        kill -0 "$bus" 2>/dev/null || { echo "training start failed, see $DIR/training.log" >&2; exit 1; }
        port=$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$DIR/training.log" | head -1)
        [[ -n $port ]] && break
        sleep 0.2
    done
    [[ -n $port ]] || { kill -9 "$bus"; echo "training start never listened, see $DIR/training.log" >&2; exit 1; }
    load_rc=0
    "$JAVA" -cp "$app" ir.nix.deploy.cds.TrainingLoad "http://127.0.0.1:$port" "$TRAIN_SECONDS" "$TRAIN_CONNECTIONS" >>"$DIR/training.log" 2>&1 || load_rc=$?
    kill -TERM "$bus"
    wait "$bus" || true # 143 after SIGTERM; the archive is written on the way out
    ((load_rc == 0)) || { echo "training load failed, see $DIR/training.log" >&2; exit 1; }
    grep '^training load:' "$DIR/training.log" >&2 || true
fi
[[ -s $archive ]] || { echo "no archive written, see $DIR/training.log" >&2; exit 1; }
echo "$archive ($(du -h "$archive" | cut -f1)), JDK $major"
echo "start with: $JAVA $use -jar $app [options]"
