#!/usr/bin/env bash
# NIX benchmark harness: measures, in one run on one machine, at steady state:
#   direct          : wrk -> stub provider (private nginx answering with the simulated provider reply)
#   nginx           : wrk -> nginx reverse proxy (upstream keep-alive) -> stub
#   rest-<service>  : wrk -> NIX bus REST channel (deploy/target/nix-bus.jar) -> stub, one per service
#   soap-shahkar    : wrk -> the same bus's SOAP channel (/soap/inquiry) -> stub
# for each JDK in JDKS, and reports requests/s, p50/p99 latency, CPU microseconds per request of the
# bus process and of nginx, non-2xx counts and the ratios to nginx and to direct. See README.md beside
# this file. Only 127.0.0.1 is ever contacted.
#
# Parameters (environment): DURATION WINDOW MAX_WARMUP STEADY_TOLERANCE THREADS CONNECTIONS PATHS JAR
#                           JIT_TOLERANCE JDKS JAVA_OPTS HEALTH_TIMEOUT MAX_ERROR_RATE OUT_DIR CDS PROFILER
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/../.." && pwd)

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WINDOW=${WINDOW:-20}                       # seconds per warm-up window (10 s settled while C2 still compiled)
MAX_WARMUP=${MAX_WARMUP:-480}              # seconds: give up waiting for steady state after this
STEADY_TOLERANCE=${STEADY_TOLERANCE:-0.05} # steady = two consecutive windows differ by less than this
JIT_TOLERANCE=${JIT_TOLERANCE:-0.05}       # ... and the JIT compilers took less than this share of the bus's CPU in the last
SERVICES="shahkar postal-address identity insurance-list privatization-status"
PATHS=${PATHS:-direct,nginx,rest-shahkar,rest-postal-address,rest-identity,rest-insurance-list,rest-privatization-status,soap-shahkar,rest-shahkar-beside-hanging,rest-shahkar-overload}
# Issue 11's overload case: OVERLOAD_CONNECTIONS clients on SHAHKAR against a node that admits OVERLOAD_LIMIT at once,
# so most replies are 503 BUS_SATURATED: their latency is what the path's p50/p99 show (its non-2xx are expected).
OVERLOAD_LIMIT=${OVERLOAD_LIMIT:-16}
OVERLOAD_CONNECTIONS=${OVERLOAD_CONNECTIONS:-512}
OVERLOAD_PATH=rest-shahkar-overload
BUS_ARGS=()
JAR=${JAR:-deploy/target/nix-bus.jar}
JAVA_OPTS=${JAVA_OPTS:-}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-180}      # seconds to wait for the bus to report UP
MAX_ERROR_RATE=${MAX_ERROR_RATE:-0.001}    # fail if a path's non-2xx (or socket error) share exceeds this
OUT_DIR=${OUT_DIR:-$REPO_ROOT/integration-tests/target/bench}
CDS=${CDS:-false}                          # true: start each JDK's bus from a start-up archive (deploy/cds/train.sh)
# Path of async-profiler's libasyncProfiler.so: profile the bus during each measured run (profile-<path>.collapsed)
PROFILER=${PROFILER:-}
PROFILER_EVENT=${PROFILER_EVENT:-itimer}   # itimer works without perf events; its samples include kernel time
PROVIDERS="cra post nocr sso ipo"

[[ $JAR == /* ]] || JAR=$REPO_ROOT/$JAR

# The JDKs to run the bus on: the default java and the newest JDK under /usr/lib/jvm, when different.
default_jdks() {
    local newest="" v best=0 j
    for j in /usr/lib/jvm/*/bin/java; do
        [[ -x $j ]] || continue
        v=$(jdk_major "$j")
        ((v > best)) && { best=$v; newest=$j; }
    done
    local first
    first=$(command -v java || true)
    if [[ -n $first && -n $newest && $(jdk_major "$first") != "$best" ]]; then echo "$first,$newest"; else echo "${newest:-$first}"; fi
}
jdk_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }

# The SOAP form of the SHAHKAR example; wrk sends the same bytes from soap.lua.
SOAP_PATH=/soap/inquiry
SOAP_BODY='<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:nix="urn:ir:nix:inquiry:v1"><soap:Body><nix:ShahkarRequest><nix:nationalCode>0499370899</nix:nationalCode><nix:mobile>09121234567</nix:mobile></nix:ShahkarRequest></soap:Body></soap:Envelope>'
SOAP_HEADERS=(-H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: ""' -H 'X-NIX-Consumer: MOE')
SOAP_LUA=$BENCH_DIR/soap.lua
SHAHKAR_BODY='{"nationalCode":"0499370899","mobile":"09121234567"}' # the baselines' request (shahkar.lua)
SHAHKAR_LUA=$BENCH_DIR/shahkar.lua
KNOWN_PATHS="direct nginx soap-shahkar"
for _s in $SERVICES; do KNOWN_PATHS+=" rest-$_s"; done
# Issue 11's isolation case: SHAHKAR measured while HANG_CONNECTIONS clients wait on postal-address, whose provider
# (Post) accepts connections and never answers. Runs on a second start of the bus, with Post pointed at that provider.
HANGING_PATH=rest-shahkar-beside-hanging
KNOWN_PATHS+=" $HANGING_PATH"
KNOWN_PATHS+=" rest-shahkar-overload"
HANG_CONNECTIONS=${HANG_CONNECTIONS:-256}
HANG_PROVIDER=post
HANG_PORT=""
HANG_PID=""
HANG_WRK_PID=""
HANGING=""

TMP=""
BUS_PID=""
BUS_LOG=""
WRK_PID=""
NGINX=""
NGINX_STARTED=""
declare -a ORDER=()
JDK=""
declare -A R_URL=() R_LUA=() R_RPS=() R_REQ=() R_P50=() R_P75=() R_P90=() R_P99=() R_NON2XX=() R_SOCKERR=()
declare -A R_CPU_BUS=() R_CPU_NGINX=() R_CPU_WRK=() R_WARM=() R_STEADY=() R_JDK=() R_ALLOC=() R_WINDOWS=() R_JIT=()
declare -A READY_S=() FIRST_MS=() HUNDREDTH_MS=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

bus_log_tail() {
    if [[ -n $BUS_PID && -f ${BUS_LOG:-} ]]; then
        echo "----- last 60 lines of the bus log ($BUS_LOG) -----" >&2
        tail -n 60 "$BUS_LOG" >&2 || true
        echo "----- end of bus log -----" >&2
    fi
}

die() {
    echo >&2
    echo "BENCH FAILED: $*" >&2
    bus_log_tail
    exit 1
}

stop_bus() {
    if [[ -n $BUS_PID ]] && kill -0 "$BUS_PID" 2>/dev/null; then
        log "stopping bus JVM (pid $BUS_PID)"
        kill -TERM "$BUS_PID" 2>/dev/null
        for _ in $(seq 1 40); do kill -0 "$BUS_PID" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$BUS_PID" 2>/dev/null; then
            log "bus JVM did not stop within 20 s, killing it"
            kill -KILL "$BUS_PID" 2>/dev/null
        fi
        wait "$BUS_PID" 2>/dev/null || true # the JVM's exit status after TERM is 143
    fi
    BUS_PID=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then
        kill -TERM "$WRK_PID" 2>/dev/null
        wait "$WRK_PID" 2>/dev/null
    fi
    stop_bus
    stop_hanging
    if [[ -n $NGINX_STARTED && -n $TMP ]]; then
        local npid=""
        for _ in $(seq 1 20); do [[ -s $TMP/nginx.pid ]] && break; sleep 0.1; done
        [[ -s $TMP/nginx.pid ]] && npid=$(cat "$TMP/nginx.pid")
        if [[ -n $npid ]] && kill -0 "$npid" 2>/dev/null; then
            log "stopping private nginx (pid $npid)"
            kill -QUIT "$npid" 2>/dev/null
            for _ in $(seq 1 50); do kill -0 "$npid" 2>/dev/null || break; sleep 0.1; done
            kill -0 "$npid" 2>/dev/null && kill -TERM "$npid" 2>/dev/null
        fi
        cp -f "$TMP/nginx-error.log" "$OUT_DIR/nginx-error.log" 2>/dev/null
    fi
    [[ -n $TMP && -d $TMP ]] && rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
find_nginx() {
    NGINX=$(command -v nginx 2>/dev/null || true)
    if [[ -z $NGINX && -x /usr/sbin/nginx ]]; then NGINX=/usr/sbin/nginx; fi
}

ensure_tools() {
    local pkgs=()
    find_nginx
    [[ -n $NGINX ]] || pkgs+=(nginx)
    command -v wrk >/dev/null 2>&1 || pkgs+=(wrk)
    command -v curl >/dev/null 2>&1 || pkgs+=(curl)
    ((${#pkgs[@]} == 0)) && return 0
    [[ $EUID -eq 0 ]] || die "missing tools (${pkgs[*]}); install them: sudo apt-get install -y nginx-light wrk curl"
    command -v apt-get >/dev/null 2>&1 || die "missing tools (${pkgs[*]}) and no apt-get to install them"
    log "installing missing tools from Debian packages: ${pkgs[*]}"
    apt-get update -q >&2
    local i
    for i in "${!pkgs[@]}"; do
        # (capture first: "apt-cache | grep -q" would trip pipefail when grep exits early)
        if [[ ${pkgs[$i]} == nginx ]] && [[ $(apt-cache policy nginx-light 2>/dev/null || true) == *"Candidate: "[0-9]* ]]; then
            pkgs[i]=nginx-light
        fi
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2
    find_nginx
    [[ -n $NGINX ]] || die "nginx still not found after installing ${pkgs[*]}"
    command -v wrk >/dev/null 2>&1 || die "wrk still not found after installing ${pkgs[*]}"
}

# Prints N distinct free loopback TCP ports.
free_ports() {
    local n=$1
    if command -v python3 >/dev/null 2>&1 && python3 - "$n" 2>/dev/null <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
    then
        return 0
    fi
    local used p ports=()
    used=$(ss -Htan 2>/dev/null | awk '{n = split($4, a, ":"); print a[n]}' | sort -u)
    while ((${#ports[@]} < n)); do
        p=$((20000 + RANDOM % 40000))
        grep -qx "$p" <<<"$used" && continue
        [[ " ${ports[*]} " == *" $p "* ]] && continue
        ports+=("$p")
    done
    echo "${ports[*]}"
}

# ---------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------
start_nginx() {
    local user_directive="" wuser wgroup
    if [[ $EUID -eq 0 ]]; then
        # Root master: run the worker as an unprivileged user that surely exists.
        if id nobody >/dev/null 2>&1; then wuser=nobody; else wuser=www-data; fi
        wgroup=$(id -gn "$wuser")
        user_directive="user $wuser $wgroup;"
    fi
    mkdir -p "$TMP/client_body" "$TMP/proxy" "$TMP/fastcgi" "$TMP/uwsgi" "$TMP/scgi"
    sed -e "s#@TMP@#$TMP#g" \
        -e "s#@STUB_PORT@#$STUB_PORT#g" \
        -e "s#@HOP_PORT@#$HOP_PORT#g" \
        -e "s#@USER_DIRECTIVE@#$user_directive#g" \
        "$BENCH_DIR/nginx.conf.template" >"$TMP/nginx.conf"
    cp -f "$TMP/nginx.conf" "$OUT_DIR/nginx.conf"
    "$NGINX" -t -q -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" \
        || die "nginx rejected the generated config $OUT_DIR/nginx.conf"
    NGINX_STARTED=1
    "$NGINX" -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" \
        || die "nginx failed to start: $(tail -n 5 "$TMP/nginx-error.log" 2>/dev/null)"
    local _
    for _ in $(seq 1 50); do
        [[ -s $TMP/nginx.pid ]] && curl -s --noproxy '*' -o /dev/null --max-time 1 "http://127.0.0.1:$STUB_PORT/" && break
        sleep 0.1
    done
    [[ -s $TMP/nginx.pid ]] || die "nginx did not write its pid file: $(tail -n 5 "$TMP/nginx-error.log" 2>/dev/null)"
    log "private nginx up (pid $(cat "$TMP/nginx.pid")): stub 127.0.0.1:$STUB_PORT, hop 127.0.0.1:$HOP_PORT"
}

# start_bus JAVA: the bus on JAVA, demo profile, every provider pointed at the nginx stub. The demo
# simulators stay on (idle: no provider points at them) only so that stubs.py can read their replies.
start_bus() {
    local java=$1 p
    local -a providers=()
    [[ -f $JAR ]] || die "bus jar not found: $JAR (build it first, or run with PATHS=direct,nginx)"
    for p in $PROVIDERS; do
        if [[ -n $HANGING && $p == "$HANG_PROVIDER" ]]; then
            providers+=("--nix.providers.$p.base-url=http://127.0.0.1:$HANG_PORT/$p")
        else
            providers+=("--nix.providers.$p.base-url=http://127.0.0.1:$STUB_PORT/$p")
        fi
    done
    rm -rf "$TMP/nix-data" "$TMP/bus-cwd"
    mkdir -p "$TMP/nix-data" "$TMP/bus-cwd"
    BUS_LOG=$OUT_DIR/bus-$JDK.log
    local jar=$JAR
    local -a archive=()
    # Java 24+: Netty 4.2 (Artemis's journal buffers) needs sun.misc.Unsafe's memory access, or its Java 25 cleaner
    # fails the embedded journal under group-commit load (AMQ144010, docs/operators.md "Running on JDK 24 or later").
    ((JDK >= 24)) && archive+=(--sun-misc-unsafe-memory-access=allow)
    if [[ $CDS == true ]]; then
        # The JDK's start-up archive (AOT cache on 24+, AppCDS before), made by deploy/cds/train.sh for this JDK.
        local made
        log "training the start-up archive on JDK $JDK (deploy/cds/train.sh)"
        made=$(JAVA=$java "$REPO_ROOT/deploy/cds/train.sh" "$JAR" "$TMP/cds-$JDK") || die "deploy/cds/train.sh failed"
        jar=$TMP/cds-$JDK/$(basename "$JAR")
        local -a use=()
        read -r -a use <<<"$(sed -n 's/^start with: [^ ]* \(.*\) -jar .*/\1/p' <<<"$made")"
        archive+=("${use[@]}")
        log "archive: $(head -1 <<<"$made")"
    fi
    log "starting bus on JDK $JDK: $java ${JAVA_OPTS:+$JAVA_OPTS }${archive[*]:+${archive[*]} }-jar $jar (port $BUS_PORT, log $BUS_LOG)"
    local started=$SECONDS
    # Run from a scratch directory so nothing the bus writes relative to its cwd lands in the repo.
    # shellcheck disable=SC2086 # JAVA_OPTS is deliberately word-split
    (cd "$TMP/bus-cwd" && exec "$java" $JAVA_OPTS "${archive[@]}" -jar "$jar" \
        --spring.profiles.active=demo \
        --server.port="$BUS_PORT" \
        --nix.messaging.amqp-port=0 \
        "${providers[@]}" \
        "${BUS_ARGS[@]}" \
        --nix.data-dir="$TMP/nix-data" \
        </dev/null >"$BUS_LOG" 2>&1) &
    BUS_PID=$!
    local deadline=$((SECONDS + HEALTH_TIMEOUT)) health=""
    while :; do
        if ! kill -0 "$BUS_PID" 2>/dev/null; then
            local rc=0
            wait "$BUS_PID" || rc=$?
            die "bus JVM exited during start-up (exit status $rc)"
        fi
        health=$(curl -s --noproxy '*' --max-time 2 "http://127.0.0.1:$BUS_PORT/actuator/health/readiness" || true)
        if grep -Eq '"status"[[:space:]]*:[[:space:]]*"UP"' <<<"$health"; then break; fi
        if ((SECONDS >= deadline)); then
            die "bus did not report UP on /actuator/health/readiness within ${HEALTH_TIMEOUT}s (last answer: ${health:-none})"
        fi
        sleep 0.2
    done
    READY_S[$JDK]=$((SECONDS - started))
    log "bus is ready after ${READY_S[$JDK]}s"
}

# Writes the per-provider stubs and per-service wrk scripts from the bus's catalogue and the demo
# simulators' mappings (stubs.py), then reloads nginx so that the stub serves them.
capture_stubs() {
    local sim
    sim=$(grep -o 'listening on http://[^ ]*' "$BUS_LOG" | head -1 | sed 's/listening on //; s/localhost/127.0.0.1/')
    [[ -n $sim ]] || die "cannot find the demo simulators' address in $BUS_LOG"
    python3 "$BENCH_DIR/stubs.py" "http://127.0.0.1:$BUS_PORT" "$sim" "$TMP" >/dev/null || die "stubs.py failed"
    "$NGINX" -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -s reload || die "nginx reload failed"
    sleep 1 # nginx swaps workers asynchronously after a reload
    log "stub providers: $(grep -c '^location' "$TMP/stubs.conf") endpoints from the simulators' success replies"
}

# The first inquiry after readiness against the hundredth (issue 11: ready means ready).
first_inquiries() {
    local url=http://127.0.0.1:$BUS_PORT/api/v1/inquiries/shahkar req=$TMP/rest-shahkar.req t i times=()
    for i in $(seq 1 100); do
        t=$(curl -s --noproxy '*' -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
            -H "X-NIX-Consumer: $(sed -n 1p "$req")" --data-binary "$(sed -n 2p "$req")" "$url")
        times+=("$t")
    done
    FIRST_MS[$JDK]=$(awk -v t="${times[0]}" 'BEGIN {printf "%.1f", t * 1000}')
    HUNDREDTH_MS[$JDK]=$(awk -v t="${times[99]}" 'BEGIN {printf "%.1f", t * 1000}')
    log "first inquiry after readiness ${FIRST_MS[$JDK]} ms, hundredth ${HUNDREDTH_MS[$JDK]} ms"
}

# preflight NAME URL EXPECT_ERE [BODY [CURL_HEADER_ARGS...]]: one POST (by default the SHAHKAR
# body and headers) must answer 200 with a body matching EXPECT_ERE; fails the run loudly otherwise.
preflight() {
    local name=$1 url=$2 expect=$3 data=${4:-$SHAHKAR_BODY} status body
    local -a headers=("${@:5}")
    ((${#headers[@]} > 0)) || headers=(-H 'Content-Type: application/json' -H 'X-NIX-Consumer: MOE')
    body=$(mktemp "$TMP/preflight.XXXXXX")
    status=$(curl -sS --noproxy '*' --max-time 30 -o "$body" -w '%{http_code}' -X POST \
        "${headers[@]}" --data-binary "$data" "$url" 2>&1) || true
    if [[ $status != 200 ]] || ! grep -Eq "$expect" "$body"; then
        die "pre-flight [$name] POST $url: expected HTTP 200 with a body matching /$expect/, got status '$status', body: $(head -c 2000 "$body")"
    fi
    log "pre-flight [$name] OK: 200 $(head -c 300 "$body")"
}

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------
# Converts a wrk duration ("491.00us", "1.20ms", "2.01s", "1.00m") to milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v; u = v; sub(/[a-z]+$/, "", n); sub(/^[0-9.]+/, "", u)
        if (u == "us") f = 0.001; else if (u == "ms") f = 1; else if (u == "s") f = 1000;
        else if (u == "m") f = 60000; else if (u == "h") f = 3600000; else exit 1
        printf "%.3f", n * f }' || die "cannot parse wrk latency '$1'"
}

is_zero_duration() { [[ -z $1 || $1 =~ ^0+[a-z]*$ ]]; }

# run_wrk OUTFILE WRK_ARGS...: runs wrk in the background and waits for it, so that Ctrl-C or a
# TERM reaches our trap at once (wrk catches SIGINT itself and exits 0, which would otherwise make
# bash ignore the Ctrl-C and carry on with the next path).
run_wrk() {
    local out=$1 rc=0
    shift
    wrk "$@" >"$out" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || rc=$?
    WRK_PID=""
    return "$rc"
}

# CPU time (clock ticks) of a process and its children's threads so far: utime + stime of each pid.
cpu_ticks() {
    local total=0 pid f
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        # fields after the ")" of the command name: utime is the 12th, stime the 13th
        f=$(sed 's/^.*) //' "/proc/$pid/stat")
        total=$((total + $(awk '{print $12 + $13}' <<<"$f")))
    done
    echo "$total"
}
# CPU ticks of each thread of a process, one "ticks name" line per thread (the name as /proc/<pid>/task/<tid>/comm has it,
# at most 15 characters), for the per-thread breakdown of the bus's CPU during a measured run.
thread_ticks() {
    local task f
    for task in /proc/"$1"/task/*; do
        [[ -r $task/stat ]] || continue
        f=$(<"$task/stat") || continue
        awk -v tid="${task##*/}" -v name="$(<"$task/comm")" '{sub(/^.*\) /, ""); print tid, $12 + $13, name}' <<<"$f"
    done
}
# CPU ticks of the JIT compiler threads (C1 and C2) of a process.
jit_ticks() {
    thread_ticks "$1" | awk '$3 ~ /^C[12]$/ && $4 ~ /^CompilerThre/ {s += $2} END {print s + 0}'
}
# Where the bus's CPU went between two thread_ticks snapshots: threads grouped by name without digits
# (http-nio-8080-exec-12 and -exec-3 are one group), largest first, in microseconds per request.
thread_breakdown() {
    local before=$1 after=$2 requests=$3
    awk -v hz="$CLK_TCK" -v n="$requests" '
        FNR == NR { t0[$1] = $2; next }
        { tid = $1; ticks = $2; $1 = ""; $2 = ""; name = substr($0, 3); gsub(/[0-9]+/, "#", name)
          d = ticks - (tid in t0 ? t0[tid] : 0); if (d > 0) { g[name] += d; total += d } }
        END { for (k in g) printf "%9.1f us/r %5.1f %%  %s\n", g[k] / hz * 1e6 / n, 100 * g[k] / total, k }' \
        "$before" "$after" | sort -rn
}
nginx_pids() { local m; m=$(cat "$TMP/nginx.pid"); echo "$m $(pgrep -P "$m" | tr '\n' ' ')"; }
per_request_us() { awk -v t="$1" -v hz="$CLK_TCK" -v n="$2" 'BEGIN { if (n + 0 == 0) print "null"; else printf "%.1f", t / hz * 1e6 / n }'; }
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
# Bytes the bus JVM has allocated since start: Micrometer's jvm.gc.memory.allocated (advanced at each young
# collection by what the young generation had filled) plus what Eden holds now, so the figure does not jump
# by a whole young generation per collection. Unlike CPU time, allocation per request does not grow when the
# machine is busy.
alloc_bytes() {
    curl -s --noproxy '*' --max-time 5 "http://127.0.0.1:$BUS_PORT/actuator/prometheus" |
        awk '/^jvm_gc_memory_allocated_bytes_total/ {s += $2} /^jvm_memory_used_bytes\{.*Eden/ {s += $2} END {printf "%.0f", s}'
}
per_request_kb() { awk -v b="$1" -v n="$2" 'BEGIN { if (n + 0 == 0 || b + 0 <= 0) print "null"; else printf "%.1f", b / 1024 / n }'; }

# warm_up NAME URL LUA: WINDOW-second wrk runs until two consecutive windows' throughput differ by less
# than STEADY_TOLERANCE and, on a bus path, the JIT compilers took less than JIT_TOLERANCE of the bus's CPU in
# the last window (steady state, not a plateau while C2 still compiles), at most MAX_WARMUP seconds.
warm_up() {
    local name=$1 url=$2 lua=$3 prev="" rps started=$SECONDS n=0 jit="" j0 j1 b0 b1
    R_STEADY[$name]=false
    R_WINDOWS[$name]=""
    R_JIT[$name]=""
    while ((SECONDS - started < MAX_WARMUP)); do
        n=$((n + 1))
        if [[ -n $BUS_PID ]] && ! is_baseline "$name"; then j0=$(jit_ticks "$BUS_PID"); b0=$(cpu_ticks "$BUS_PID"); fi
        run_wrk "$OUT_DIR/wrk-$name-warmup.txt" -t"$THREADS" -c"$CONNECTIONS" -d"${WINDOW}s" -s "$lua" "$url" \
            || die "wrk warm-up failed for $name: $(cat "$OUT_DIR/wrk-$name-warmup.txt")"
        rps=$(wrk_rps "$OUT_DIR/wrk-$name-warmup.txt")
        R_WINDOWS[$name]+="$rps "
        jit=""
        if [[ -n $BUS_PID ]] && ! is_baseline "$name"; then
            j1=$(jit_ticks "$BUS_PID"); b1=$(cpu_ticks "$BUS_PID")
            jit=$(awk -v j=$((j1 - j0)) -v b=$((b1 - b0)) 'BEGIN { printf "%.3f", (b > 0 ? j / b : 0) }')
            R_JIT[$name]+="$jit "
        fi
        if [[ -n $prev ]] && awk -v a="$prev" -v b="$rps" -v tol="$STEADY_TOLERANCE" -v jit="${jit:-0}" -v jtol="$JIT_TOLERANCE" \
            'BEGIN { m = (a > b ? a : b); exit !(m > 0 && (a > b ? a - b : b - a) / m < tol && jit + 0 < jtol) }'; then
            R_STEADY[$name]=true
            break
        fi
        prev=$rps
    done
    R_WARM[$name]=$((SECONDS - started))
    log "[$name] warm-up: ${R_WARM[$name]}s in $n windows, last $rps req/s, steady ${R_STEADY[$name]}; windows (req/s): ${R_WINDOWS[$name]}${R_JIT[$name]:+; JIT share of bus CPU: ${R_JIT[$name]}}"
}

# first_minute NAME: the mean throughput of NAME's warm-up windows within its first 60 s of load, as a share of
# its measured (steady) throughput; "null" when unknown. On the bus's first path this is the node's first minute.
first_minute() {
    awk -v w="${R_WINDOWS[$1]:-}" -v len="$WINDOW" -v steady="${R_RPS[$1]:-0}" 'BEGIN {
        n = split(w, r, " "); k = int((60 + len - 1) / len); if (k > n) k = n
        for (i = 1; i <= k; i++) s += r[i]
        if (k == 0 || steady + 0 == 0) { print "null"; exit }
        printf "%.2f", s / k / steady }'
}

# measure NAME URL LUA_SCRIPT: warm up to steady state, then the measured wrk run with the CPU time the
# bus, nginx and wrk used during it; records the results.
# PROFILER: the attach helper, compiled once (jcmd's JVMTI.agent_load cannot pass options holding '=').
prepare_profiler() {
    [[ -n $PROFILER ]] || return 0
    [[ -f $PROFILER ]] || die "PROFILER is not a file: $PROFILER (async-profiler's lib/libasyncProfiler.so)"
    mkdir -p "$TMP/attach"
    javac -d "$TMP/attach" "$BENCH_DIR/Attach.java" || die "cannot compile $BENCH_DIR/Attach.java"
}

# profiler start|stop <path>: async-profiler on the bus for the measured run only; its samples cost the bus a little CPU.
profiler() {
    [[ -n $PROFILER && -n $BUS_PID ]] || return 0
    local options
    if [[ $1 == start ]]; then
        options="start,event=$PROFILER_EVENT,interval=1ms,threads"
    else
        options="stop,file=$OUT_DIR/profile-$2.collapsed,collapsed"
    fi
    java -cp "$TMP/attach" Attach "$BUS_PID" "$PROFILER" "$options" >/dev/null 2>&1 ||
        log "[$2] profiler $1 failed (PROFILER=$PROFILER)"
    [[ $1 == stop && -s $OUT_DIR/profile-$2.collapsed ]] &&
        log "[$2] profile: $OUT_DIR/profile-$2.collapsed (summary: $BENCH_DIR/profile-summary.py $OUT_DIR/profile-$2.collapsed exec, or ForkJoinPool where the requests run on virtual threads)"
    return 0
}

measure() {
    local name=$1 url=$2 lua=$3 raw
    raw=$OUT_DIR/wrk-$name.txt
    [[ -f $lua ]] || die "wrk script not found: $lua"
    warm_up "$name" "$url" "$lua"
    log "[$name] measuring $DURATION: $url"
    local -a np
    read -r -a np <<<"$(nginx_pids)"
    local bus0=0 nginx0 bus1=0 nginx1 wrk_cpu
    local alloc0=0 alloc1=0
    [[ -n $BUS_PID ]] && { bus0=$(cpu_ticks "$BUS_PID"); alloc0=$(alloc_bytes); thread_ticks "$BUS_PID" >"$TMP/threads0"; }
    nginx0=$(cpu_ticks "${np[@]}")
    local rc=0
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$url" >"$raw" 2>&1 &
    WRK_PID=$!
    profiler start "$name"
    local wpid=$WRK_PID wticks=0 t
    # wrk's own CPU, sampled until it exits (its /proc entry goes with it)
    while kill -0 "$wpid" 2>/dev/null; do t=$(cpu_ticks "$wpid"); [[ -n $t && $t -gt 0 ]] && wticks=$t; sleep 0.5; done
    wait "$wpid" || rc=$?
    WRK_PID=""
    profiler stop "$name"
    ((rc == 0)) || die "wrk failed for $name: $(cat "$raw")"
    [[ -n $BUS_PID ]] && { bus1=$(cpu_ticks "$BUS_PID"); alloc1=$(alloc_bytes); thread_ticks "$BUS_PID" >"$TMP/threads1"; }
    nginx1=$(cpu_ticks "${np[@]}")

    local rps req p50 p75 p90 p99 non2xx sockerr
    rps=$(wrk_rps "$raw")
    req=$(awk '/ requests in / {print $1; exit}' "$raw")
    pct() { awk -v p="$1" '/Latency Distribution/ {f = 1; next} f && $1 == p {print $2; exit}' "$raw"; }
    p50=$(pct 50%); p75=$(pct 75%); p90=$(pct 90%); p99=$(pct 99%)
    [[ -n $rps && -n $req && -n $p50 && -n $p99 ]] || die "cannot parse wrk output for $name: $(cat "$raw")"
    non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2; exit}' "$raw")
    sockerr=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10; exit}' "$raw")

    ORDER+=("$name")
    R_URL[$name]=$url
    R_LUA[$name]=$lua
    R_JDK[$name]=${JDK:-}
    R_RPS[$name]=$rps
    R_REQ[$name]=$req
    R_P50[$name]=$(to_ms "$p50")
    R_P75[$name]=$(to_ms "${p75:-0us}")
    R_P90[$name]=$(to_ms "${p90:-0us}")
    R_P99[$name]=$(to_ms "$p99")
    R_NON2XX[$name]=${non2xx:-0}
    R_SOCKERR[$name]=${sockerr:-0}
    if [[ -n $BUS_PID ]]; then
        thread_breakdown "$TMP/threads0" "$TMP/threads1" "$req" >"$OUT_DIR/threads-$name.txt"
        R_CPU_BUS[$name]=$(per_request_us $((bus1 - bus0)) "$req")
        R_ALLOC[$name]=$(per_request_kb $((alloc1 - alloc0)) "$req")
    else
        R_CPU_BUS[$name]=null
        R_ALLOC[$name]=null
    fi
    R_CPU_NGINX[$name]=$(per_request_us $((nginx1 - nginx0)) "$req")
    R_CPU_WRK[$name]=$(per_request_us "$wticks" "$req")
    log "[$name] $rps req/s, p50 ${R_P50[$name]} ms, p99 ${R_P99[$name]} ms, $req requests, non-2xx ${R_NON2XX[$name]}, socket errors ${R_SOCKERR[$name]}, CPU/request bus ${R_CPU_BUS[$name]} us (${R_ALLOC[$name]} KB allocated) nginx ${R_CPU_NGINX[$name]} us wrk ${R_CPU_WRK[$name]} us"
    [[ -s $OUT_DIR/threads-$name.txt ]] && log "[$name] bus CPU by thread (largest first, $OUT_DIR/threads-$name.txt): $(head -5 "$OUT_DIR/threads-$name.txt" | awk '{printf "%s%s %s us", (NR > 1 ? "; " : ""), substr($0, index($0, "%") + 3), $1}')"
    return 0
}

# ---------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "null" || b == "null" || b + 0 == 0) print "null"; else printf "%.3f", a / b }'; }
share() { awk -v a="$1" -v n="$2" 'BEGIN { if (n + 0 == 0) print 1; else printf "%.6f", a / n }'; }
json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "${s//$'\n'/ }"; }

is_baseline() { [[ $1 == direct || $1 == nginx ]]; }
measured() { [[ -n ${R_RPS[$1]:-} ]]; }

# The CPU one nginx proxy hop costs per request: nginx's CPU on the hop path (proxy + stub) less its CPU
# on the direct path (stub alone).
hop_cpu() {
    measured nginx && measured direct || { echo null; return; }
    awk -v a="${R_CPU_NGINX[nginx]}" -v b="${R_CPU_NGINX[direct]}" 'BEGIN { printf "%.1f", a - b }'
}

print_table() {
    local n hop
    hop=$(hop_cpu)
    echo
    echo "NIX bench: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} per path after steady state (windows ${WINDOW}s, tolerance ${STEADY_TOLERANCE}, at most ${MAX_WARMUP}s), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    printf '%-30s %11s %9s %9s %10s %8s %9s %9s %9s %9s %8s\n' path "requests/s" "p50 ms" "p99 ms" requests non-2xx "bus us/r" "bus KB/r" "ngx us/r" "wrk us/r" "warm s"
    printf '%-30s %11s %9s %9s %10s %8s %9s %9s %9s %9s %8s\n' ------------------------------ ----------- --------- --------- ---------- -------- --------- --------- --------- --------- --------
    for n in "${ORDER[@]}"; do
        printf '%-30s %11.1f %9.3f %9.3f %10d %8d %9s %9s %9s %9s %7s%s\n' "$n" "${R_RPS[$n]}" "${R_P50[$n]}" "${R_P99[$n]}" \
            "${R_REQ[$n]}" $((R_NON2XX[$n] + R_SOCKERR[$n])) "${R_CPU_BUS[$n]/null/-}" "${R_ALLOC[$n]/null/-}" "${R_CPU_NGINX[$n]}" "${R_CPU_WRK[$n]}" \
            "${R_WARM[$n]}" "$([[ ${R_STEADY[$n]} == true ]] && echo " " || echo "!")"
    done
    echo
    printf '%-30s %11s %11s %11s %16s\n' "ratio (vs nginx hop)" throughput "p50" "p99" "bus CPU / hop CPU"
    printf '%-30s %11s %11s %11s %16s\n' ------------------------------ ----------- ----------- ----------- ----------------
    for n in "${ORDER[@]}"; do
        is_baseline "$n" && continue
        measured nginx || continue
        printf '%-30s %10sx %10sx %10sx %15sx\n' "$n" "$(ratio "${R_RPS[$n]}" "${R_RPS[nginx]}")" \
            "$(ratio "${R_P50[$n]}" "${R_P50[nginx]}")" "$(ratio "${R_P99[$n]}" "${R_P99[nginx]}")" \
            "$(ratio "${R_CPU_BUS[$n]}" "$hop")"
    done
    echo
    echo "nginx hop CPU per request (hop path less direct path): $hop us"
    for n in "${ORDER[@]}"; do
        is_baseline "$n" && continue
        echo "$n: first minute of its load at $(first_minute "$n") of its steady throughput (warm-up windows, req/s: ${R_WINDOWS[$n]:-})"
    done
    local j
    for j in "${!READY_S[@]}"; do
        echo "JDK $j: ready ${READY_S[$j]} s after launch; first inquiry after readiness ${FIRST_MS[$j]:-?} ms, hundredth ${HUNDREDTH_MS[$j]:-?} ms"
    done
    echo "bus us/r: bus process CPU per request; bus KB/r: bus JVM heap allocated per request; ngx us/r: nginx (stub, and the proxy on the nginx path); wrk us/r: the load generator."
    echo "warm s: seconds of warm-up until two ${WINDOW}s windows differed by < ${STEADY_TOLERANCE} (and on bus paths the JIT compilers took < ${JIT_TOLERANCE} of the bus's CPU in the last); '!' = not steady within ${MAX_WARMUP}s."
    echo "throughput ratio < 1 = fewer requests/s than the hop; latency and CPU ratios > 1 = costlier than the hop."
    echo "results: $OUT_DIR/bench-results.json (raw wrk output: $OUT_DIR/wrk-*.txt)"
}

write_json() {
    local f=$OUT_DIR/bench-results.json n first=1 j
    local nginx_v wrk_v
    nginx_v=$("$NGINX" -v 2>&1 | sed -n 1p || true)
    wrk_v=$(wrk -v 2>&1 | sed -n 1p || true) # wrk -v exits 1
    {
        echo "{"
        echo "  \"timestamp\": $(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)"),"
        echo "  \"host\": {\"cpus\": $(nproc), \"kernel\": $(json_str "$(uname -r)"), \"nginx\": $(json_str "$nginx_v"), \"wrk\": $(json_str "$wrk_v"), \"jdks\": $(json_str "$JDKS")},"
        echo "  \"params\": {\"duration\": $(json_str "$DURATION"), \"window_s\": $WINDOW, \"max_warmup_s\": $MAX_WARMUP, \"steady_tolerance\": $STEADY_TOLERANCE, \"threads\": $THREADS, \"connections\": $CONNECTIONS, \"paths\": $(json_str "$PATHS"), \"java_opts\": $(json_str "$JAVA_OPTS"), \"cds\": $CDS, \"max_error_rate\": $MAX_ERROR_RATE},"
        echo "  \"nginx_hop_cpu_us_per_request\": $(hop_cpu),"
        printf '  "startup": {'
        first=1
        for j in "${!READY_S[@]}"; do
            [[ -z $first ]] && printf ', '
            first=""
            printf '%s: {"ready_s": %s, "first_inquiry_ms": %s, "hundredth_inquiry_ms": %s}' "$(json_str "$j")" \
                "${READY_S[$j]}" "${FIRST_MS[$j]:-null}" "${HUNDREDTH_MS[$j]:-null}"
        done
        echo "},"
        echo "  \"paths\": {"
        first=1
        for n in "${ORDER[@]}"; do
            [[ -z $first ]] && echo ","
            first=""
            printf '    %s: {"url": %s, "jdk": %s, "requests_per_sec": %s, "requests": %s, "latency_ms": {"p50": %s, "p75": %s, "p90": %s, "p99": %s}, "cpu_us_per_request": {"bus": %s, "nginx": %s, "wrk": %s}, "bus_alloc_kb_per_request": %s, "warmup_s": %s, "steady": %s, "warmup_windows_rps": [%s], "warmup_windows_jit_share": [%s], "first_minute_vs_steady": %s, "non_2xx": %s, "socket_errors": %s, "error_rate": %s, "ratios_vs_nginx": {"throughput": %s, "p50": %s, "p99": %s, "cpu_vs_hop": %s}, "raw": %s}' \
                "$(json_str "$n")" "$(json_str "${R_URL[$n]}")" "$(json_str "${R_JDK[$n]}")" "${R_RPS[$n]}" "${R_REQ[$n]}" \
                "${R_P50[$n]}" "${R_P75[$n]}" "${R_P90[$n]}" "${R_P99[$n]}" \
                "${R_CPU_BUS[$n]}" "${R_CPU_NGINX[$n]}" "${R_CPU_WRK[$n]}" "${R_ALLOC[$n]:-null}" "${R_WARM[$n]}" "${R_STEADY[$n]}" \
                "$(echo ${R_WINDOWS[$n]:-} | tr ' ' ',')" "$(echo ${R_JIT[$n]:-} | tr ' ' ',')" "$(first_minute "$n")" \
                "${R_NON2XX[$n]}" "${R_SOCKERR[$n]}" "$(share $((R_NON2XX[$n] + R_SOCKERR[$n])) "${R_REQ[$n]}")" \
                "$(measured nginx && ratio "${R_RPS[$n]}" "${R_RPS[nginx]}" || echo null)" \
                "$(measured nginx && ratio "${R_P50[$n]}" "${R_P50[nginx]}" || echo null)" \
                "$(measured nginx && ratio "${R_P99[$n]}" "${R_P99[nginx]}" || echo null)" \
                "$(is_baseline "$n" && echo null || ratio "${R_CPU_BUS[$n]}" "$(hop_cpu)")" \
                "$(json_str "wrk-$n.txt")"
        done
        echo
        echo "  }"
        echo "}"
    } >"$f"
}

# diagnose NAME: after a failed error-rate check, re-runs the path's load for 5 s with diagnose.lua
# to show which HTTP statuses came back and one non-2xx body (output also in wrk-NAME-diagnose.txt).
diagnose() {
    local name=$1 out=$OUT_DIR/wrk-$1-diagnose.txt
    [[ -n ${R_URL[$name]:-} && -n ${R_LUA[$name]:-} ]] || return 0
    if ! is_baseline "$name" && { [[ -z $BUS_PID ]] || ! kill -0 "$BUS_PID" 2>/dev/null; }; then return 0; fi
    log "[$name] diagnostic run (5s) to collect response statuses"
    BENCH_REQUEST_LUA=${R_LUA[$name]} run_wrk "$out" -t"$THREADS" -c"$CONNECTIONS" -d5s \
        -s "$BENCH_DIR/diagnose.lua" "${R_URL[$name]}" || true
    echo "----- [$name] under load -----" >&2
    grep '^diagnose:' "$out" >&2 || cat "$out" >&2
}

# Fails the run if any path answered non-2xx (or hit socket errors) for more than MAX_ERROR_RATE
# of its requests: the bus must not fail under load, and a failing baseline makes ratios meaningless.
check_errors() {
    local n bad=""
    for n in "${ORDER[@]}"; do
        local r2 rs
        r2=$(share "${R_NON2XX[$n]}" "${R_REQ[$n]}")
        rs=$(share "${R_SOCKERR[$n]}" "${R_REQ[$n]}")
        [[ $n == "$OVERLOAD_PATH"* ]] && r2=0 # its refusals are the measurement
        if awk -v a="$r2" -v m="$MAX_ERROR_RATE" 'BEGIN { exit !(a > m) }'; then
            bad+=" $n: ${R_NON2XX[$n]} non-2xx of ${R_REQ[$n]} requests ($r2 > $MAX_ERROR_RATE);"
        fi
        if awk -v a="$rs" -v m="$MAX_ERROR_RATE" 'BEGIN { exit !(a > m) }'; then
            bad+=" $n: ${R_SOCKERR[$n]} socket errors of ${R_REQ[$n]} requests ($rs > $MAX_ERROR_RATE);"
        fi
    done
    if [[ -n $bad ]]; then
        for n in "${ORDER[@]}"; do
            [[ $bad == *" $n:"* ]] && diagnose "$n"
        done
        die "error rate too high:$bad (raw wrk output in $OUT_DIR)"
    fi
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
main() {
    local p java
    PATHS=${PATHS//bus/rest-shahkar}
    PATHS=${PATHS//soap,/soap-shahkar,}
    [[ $PATHS == *,soap || $PATHS == soap ]] && PATHS=${PATHS%soap}soap-shahkar
    IFS=, read -r -a WANT <<<"$PATHS"
    ((${#WANT[@]} > 0)) || die "PATHS is empty"
    for p in "${WANT[@]}"; do
        [[ " $KNOWN_PATHS " == *" $p "* ]] || die "unknown path '$p' in PATHS (known: $KNOWN_PATHS)"
    done
    want() { [[ ,$PATHS, == *,$1,* ]]; }
    wants_bus() { [[ ,$PATHS, == *,rest-* || ,$PATHS, == *,soap-* ]]; }

    [[ $THREADS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive integers"
    ((CONNECTIONS >= THREADS)) || die "CONNECTIONS ($CONNECTIONS) must be >= THREADS ($THREADS)"
    if wants_bus; then [[ -f $JAR ]] || die "bus jar not found: $JAR (build it first, or run with PATHS=direct,nginx)"; fi
    JDKS=${JDKS:-$(default_jdks)}
    CLK_TCK=$(getconf CLK_TCK)

    ensure_tools
    command -v python3 >/dev/null 2>&1 || die "python3 is needed (stubs.py builds the stub providers)"
    mkdir -p "$OUT_DIR"
    rm -f "$OUT_DIR"/wrk-*.txt "$OUT_DIR/bench-results.json" "$OUT_DIR"/bus*.log "$OUT_DIR"/nginx* "$OUT_DIR"/profile-*.collapsed
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/nix-bench.XXXXXX")
    chmod 755 "$TMP" # the unprivileged nginx worker must reach its temp paths
    prepare_profiler
    : >"$TMP/stubs.conf"

    read -r STUB_PORT HOP_PORT BUS_PORT <<<"$(free_ports 3)"
    local STUB_URL=http://127.0.0.1:$STUB_PORT/cra/shahkar/v2/verify
    local HOP_URL=http://127.0.0.1:$HOP_PORT/cra/shahkar/v2/verify

    start_nginx
    preflight direct "$STUB_URL" '"result":"OK"'
    want nginx && preflight nginx "$HOP_URL" '"result":"OK"'
    want direct && measure direct "$STUB_URL" "$SHAHKAR_LUA"
    want nginx && measure nginx "$HOP_URL" "$SHAHKAR_LUA"

    if wants_bus; then
        IFS=, read -r -a JAVAS <<<"$JDKS"
        for java in "${JAVAS[@]}"; do
            command -v "$java" >/dev/null 2>&1 || die "java not found: $java"
            JDK=$(jdk_major "$java")
            start_bus "$java"
            capture_stubs
            bus_paths
            stop_bus
            want "$HANGING_PATH" && beside_hanging "$java"
            want "$OVERLOAD_PATH" && overloaded "$java"
        done
    fi

    write_json
    print_table
    check_errors
}

# A provider that accepts every connection and never answers (nor closes).
start_hanging_provider() {
    [[ -n $HANG_PID ]] && return 0
    HANG_PORT=$(free_ports 1)
    python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(4096); held = []
while True: held.append(s.accept()[0])' "$HANG_PORT" &
    HANG_PID=$!
}

stop_hanging() {
    local pid
    for pid in $HANG_WRK_PID $HANG_PID; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null || true # 143 after TERM
        fi
    done
    HANG_WRK_PID=""
    HANG_PID=""
}

# SHAHKAR's throughput and latency while HANG_CONNECTIONS clients keep postal-address busy against the hanging
# provider: with per-provider bulkheads and breakers (issue 11) the healthy service should barely notice.
beside_hanging() {
    local java=$1 suffix=""
    (( ${#JAVAS[@]} > 1 )) && suffix="@$JDK"
    start_hanging_provider
    HANGING=1
    start_bus "$java"
    HANGING=""
    log "[$HANGING_PATH] $HANG_CONNECTIONS clients on postal-address (provider hanging on port $HANG_PORT) beside the measurement"
    wrk -t1 -c"$HANG_CONNECTIONS" -d1h --timeout 30s -s "$TMP/rest-postal-address.lua" \
        "http://127.0.0.1:$BUS_PORT/api/v1/inquiries/postal-address" >"$OUT_DIR/wrk-$HANGING_PATH-load.txt" 2>&1 &
    HANG_WRK_PID=$!
    measure "$HANGING_PATH$suffix" "http://127.0.0.1:$BUS_PORT/api/v1/inquiries/shahkar" "$TMP/rest-shahkar.lua"
    # The statuses of SHAHKAR's refusals, while the flood still runs (check_errors comes after the bus has gone).
    ((R_NON2XX[$HANGING_PATH$suffix] > 0)) && diagnose "$HANGING_PATH$suffix"
    stop_hanging
    stop_bus
}

# SHAHKAR with far more clients than the node admits: how fast the refusals (503 BUS_SATURATED, each recorded
# durably like any exchange) come back. A bus start of its own, with nix.admission.max-in-flight=OVERLOAD_LIMIT.
overloaded() {
    local java=$1 suffix="" connections=$CONNECTIONS
    (( ${#JAVAS[@]} > 1 )) && suffix="@$JDK"
    BUS_ARGS=(--nix.admission.max-in-flight="$OVERLOAD_LIMIT")
    start_bus "$java"
    BUS_ARGS=()
    log "[$OVERLOAD_PATH] $OVERLOAD_CONNECTIONS clients on shahkar, the node admitting $OVERLOAD_LIMIT at once"
    CONNECTIONS=$OVERLOAD_CONNECTIONS
    measure "$OVERLOAD_PATH$suffix" "http://127.0.0.1:$BUS_PORT/api/v1/inquiries/shahkar" "$TMP/rest-shahkar.lua"
    diagnose "$OVERLOAD_PATH$suffix"
    CONNECTIONS=$connections
    stop_bus
}

# Every bus path for the current JDK: pre-flight, then measurement. A new service needs nothing here:
# its REST path comes from the catalogue (stubs.py writes its wrk script from the service's example).
bus_paths() {
    local s url suffix=""
    (( ${#JAVAS[@]} > 1 )) && suffix="@$JDK"
    for s in $SERVICES; do
        want "rest-$s" || continue
        url=http://127.0.0.1:$BUS_PORT/api/v1/inquiries/$s
        preflight "rest-$s" "$url" '"trackingId"' "$(sed -n 2p "$TMP/rest-$s.req")" \
            -H 'Content-Type: application/json' -H "X-NIX-Consumer: $(sed -n 1p "$TMP/rest-$s.req")"
    done
    if want soap-shahkar; then
        preflight soap-shahkar "http://127.0.0.1:$BUS_PORT$SOAP_PATH" 'TrackingId[^>]*>[0-9a-f-]{36}<.*matched>true<' "$SOAP_BODY" "${SOAP_HEADERS[@]}"
    fi
    want rest-shahkar && first_inquiries
    for s in $SERVICES; do
        want "rest-$s" && measure "rest-$s$suffix" "http://127.0.0.1:$BUS_PORT/api/v1/inquiries/$s" "$TMP/rest-$s.lua"
    done
    want soap-shahkar && measure "soap-shahkar$suffix" "http://127.0.0.1:$BUS_PORT$SOAP_PATH" "$SOAP_LUA"
    if ! kill -0 "$BUS_PID" 2>/dev/null; then die "bus JVM died during the benchmark"; fi
}

main "$@"
