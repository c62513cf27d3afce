#!/usr/bin/env bash
# NIX benchmark harness: measures, in one run on one machine, the same SHAHKAR request over
#   direct : wrk -> stub provider (private nginx answering with the simulated CRA reply)
#   nginx  : wrk -> nginx reverse proxy (upstream keep-alive) -> stub
#   bus    : wrk -> NIX bus (deploy/target/nix-bus.jar) -> stub
#   soap   : wrk -> the same bus's SOAP channel (/soap/inquiry) -> stub
# and reports requests/s, p50/p99 latency, non-2xx counts and the ratios of bus and soap to nginx and
# to direct. See README.md beside this file. Only 127.0.0.1 is ever contacted.
#
# Parameters (environment): DURATION THREADS CONNECTIONS WARMUP PATHS JAR JAVA JAVA_OPTS
#                           HEALTH_TIMEOUT MAX_ERROR_RATE OUT_DIR
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/../.." && pwd)

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15s}
PATHS=${PATHS:-direct,nginx,bus,soap}
JAR=${JAR:-deploy/target/nix-bus.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}      # seconds to wait for the bus to report UP
MAX_ERROR_RATE=${MAX_ERROR_RATE:-0.001}    # fail if a path's non-2xx (or socket error) share exceeds this
OUT_DIR=${OUT_DIR:-$REPO_ROOT/integration-tests/target/bench}

[[ $JAR == /* ]] || JAR=$REPO_ROOT/$JAR

# The SHAHKAR request, for the curl pre-flight. wrk sends the same bytes from shahkar.lua.
SHAHKAR_PATH=/api/v1/inquiries/shahkar
SHAHKAR_BODY='{"nationalCode":"0499370899","mobile":"09121234567"}'
SHAHKAR_HEADERS=(-H 'Content-Type: application/json' -H 'X-NIX-Consumer: MOE')
SHAHKAR_LUA=$BENCH_DIR/shahkar.lua
# The same inquiry over the bus's SOAP channel; wrk sends the same bytes from soap.lua.
SOAP_PATH=/soap/inquiry
SOAP_BODY='<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:nix="urn:ir:nix:inquiry:v1"><soap:Body><nix:ShahkarRequest><nix:nationalCode>0499370899</nix:nationalCode><nix:mobile>09121234567</nix:mobile></nix:ShahkarRequest></soap:Body></soap:Envelope>'
SOAP_HEADERS=(-H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: ""' -H 'X-NIX-Consumer: MOE')
SOAP_LUA=$BENCH_DIR/soap.lua
KNOWN_PATHS="direct nginx bus soap" # names accepted in PATHS; see main() for what each one measures

TMP=""
BUS_PID=""
WRK_PID=""
NGINX=""
NGINX_STARTED=""
declare -a ORDER=()
declare -A R_URL=() R_LUA=() R_RPS=() R_REQ=() R_P50=() R_P75=() R_P90=() R_P99=() R_NON2XX=() R_SOCKERR=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

bus_log_tail() {
    if [[ -n $BUS_PID && -f $OUT_DIR/bus.log ]]; then
        echo "----- last 60 lines of the bus log ($OUT_DIR/bus.log) -----" >&2
        tail -n 60 "$OUT_DIR/bus.log" >&2 || true
        echo "----- end of bus log -----" >&2
    fi
}

die() {
    echo >&2
    echo "BENCH FAILED: $*" >&2
    bus_log_tail
    exit 1
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then
        kill -TERM "$WRK_PID" 2>/dev/null
        wait "$WRK_PID" 2>/dev/null
    fi
    if [[ -n $BUS_PID ]] && kill -0 "$BUS_PID" 2>/dev/null; then
        log "stopping bus JVM (pid $BUS_PID)"
        kill -TERM "$BUS_PID" 2>/dev/null
        for _ in $(seq 1 40); do kill -0 "$BUS_PID" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$BUS_PID" 2>/dev/null; then
            log "bus JVM did not stop within 20 s, killing it"
            kill -KILL "$BUS_PID" 2>/dev/null
        fi
        wait "$BUS_PID" 2>/dev/null
    fi
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

start_bus() {
    [[ -f $JAR ]] || die "bus jar not found: $JAR (build it first, or run with PATHS=direct,nginx)"
    command -v "$JAVA" >/dev/null 2>&1 || die "java not found (JAVA=$JAVA)"
    mkdir -p "$TMP/nix-data" "$TMP/bus-cwd"
    log "starting bus: $JAVA ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR (port $BUS_PORT, log $OUT_DIR/bus.log)"
    # Run from a scratch directory so nothing the bus writes relative to its cwd lands in the repo.
    # shellcheck disable=SC2086 # JAVA_OPTS is deliberately word-split
    (cd "$TMP/bus-cwd" && exec "$JAVA" $JAVA_OPTS -jar "$JAR" \
        --spring.profiles.active=demo \
        --server.port="$BUS_PORT" \
        --nix.simulators.enabled=false \
        --nix.providers.cra.base-url="http://127.0.0.1:$STUB_PORT" \
        --nix.data-dir="$TMP/nix-data" \
        </dev/null >"$OUT_DIR/bus.log" 2>&1) &
    BUS_PID=$!
    local deadline=$((SECONDS + HEALTH_TIMEOUT)) health=""
    while :; do
        if ! kill -0 "$BUS_PID" 2>/dev/null; then
            local rc=0
            wait "$BUS_PID" || rc=$?
            die "bus JVM exited during start-up (exit status $rc)"
        fi
        health=$(curl -s --noproxy '*' --max-time 2 "http://127.0.0.1:$BUS_PORT/actuator/health" || true)
        if grep -Eq '"status"[[:space:]]*:[[:space:]]*"UP"' <<<"$health"; then break; fi
        if ((SECONDS >= deadline)); then
            die "bus did not report UP on /actuator/health within ${HEALTH_TIMEOUT}s (last answer: ${health:-none})"
        fi
        sleep 1
    done
    log "bus is UP after $((SECONDS - deadline + HEALTH_TIMEOUT))s: $health"
}

# preflight NAME URL EXPECT_ERE [BODY [CURL_HEADER_ARGS...]]: one POST (by default the SHAHKAR
# body and headers) must answer 200 with a body matching EXPECT_ERE; fails the run loudly otherwise.
preflight() {
    local name=$1 url=$2 expect=$3 data=${4:-$SHAHKAR_BODY} status body
    local -a headers=("${@:5}")
    ((${#headers[@]} > 0)) || headers=("${SHAHKAR_HEADERS[@]}")
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

# measure NAME URL LUA_SCRIPT: optional warm-up run, then the measured wrk run; records the results.
measure() {
    local name=$1 url=$2 lua=$3 raw
    raw=$OUT_DIR/wrk-$name.txt
    [[ -f $lua ]] || die "wrk script not found: $lua"
    if ! is_zero_duration "$WARMUP"; then
        log "[$name] warm-up $WARMUP: $url"
        run_wrk "$OUT_DIR/wrk-$name-warmup.txt" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --latency -s "$lua" "$url" \
            || die "wrk warm-up failed for $name: $(cat "$OUT_DIR/wrk-$name-warmup.txt")"
    fi
    log "[$name] measuring $DURATION: $url"
    run_wrk "$raw" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$url" \
        || die "wrk failed for $name: $(cat "$raw")"

    local rps req p50 p75 p90 p99 non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$raw")
    req=$(awk '/ requests in / {print $1; exit}' "$raw")
    pct() { awk -v p="$1" '/Latency Distribution/ {f = 1; next} f && $1 == p {print $2; exit}' "$raw"; }
    p50=$(pct 50%); p75=$(pct 75%); p90=$(pct 90%); p99=$(pct 99%)
    [[ -n $rps && -n $req && -n $p50 && -n $p99 ]] || die "cannot parse wrk output for $name: $(cat "$raw")"
    non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2; exit}' "$raw")
    sockerr=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10; exit}' "$raw")

    ORDER+=("$name")
    R_URL[$name]=$url
    R_LUA[$name]=$lua
    R_RPS[$name]=$rps
    R_REQ[$name]=$req
    R_P50[$name]=$(to_ms "$p50")
    R_P75[$name]=$(to_ms "${p75:-0us}")
    R_P90[$name]=$(to_ms "${p90:-0us}")
    R_P99[$name]=$(to_ms "$p99")
    R_NON2XX[$name]=${non2xx:-0}
    R_SOCKERR[$name]=${sockerr:-0}
    log "[$name] $rps req/s, p50 ${R_P50[$name]} ms, p99 ${R_P99[$name]} ms, $req requests, non-2xx ${R_NON2XX[$name]}, socket errors ${R_SOCKERR[$name]}"
}

# ---------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "null"; else printf "%.3f", a / b }'; }
share() { awk -v a="$1" -v n="$2" 'BEGIN { if (n + 0 == 0) print 1; else printf "%.6f", a / n }'; }
json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "${s//$'\n'/ }"; }

is_baseline() { [[ $1 == direct || $1 == nginx ]]; }
measured() { [[ -n ${R_RPS[$1]:-} ]]; }

print_table() {
    local n
    echo
    echo "NIX bench: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} per path (warm-up ${WARMUP}), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    printf '%-8s %12s %10s %10s %11s %9s %9s\n' path "requests/s" "p50 ms" "p99 ms" requests non-2xx "sock-err"
    printf '%-8s %12s %10s %10s %11s %9s %9s\n' -------- ------------ ---------- ---------- ----------- --------- ---------
    for n in "${ORDER[@]}"; do
        printf '%-8s %12.1f %10.3f %10.3f %11d %9d %9d\n' "$n" "${R_RPS[$n]}" "${R_P50[$n]}" "${R_P99[$n]}" \
            "${R_REQ[$n]}" "${R_NON2XX[$n]}" "${R_SOCKERR[$n]}"
    done
    local any="" b
    for n in "${ORDER[@]}"; do
        is_baseline "$n" && continue
        for b in nginx direct; do
            measured "$b" || continue
            if [[ -z $any ]]; then
                echo
                printf '%-16s %12s %12s %12s\n' ratio throughput "p50 latency" "p99 latency"
                printf '%-16s %12s %12s %12s\n' ---------------- ------------ ------------ ------------
                any=1
            fi
            printf '%-16s %11sx %11sx %11sx\n' "$n / $b" "$(ratio "${R_RPS[$n]}" "${R_RPS[$b]}")" \
                "$(ratio "${R_P50[$n]}" "${R_P50[$b]}")" "$(ratio "${R_P99[$n]}" "${R_P99[$b]}")"
        done
    done
    echo
    echo "throughput ratio < 1 = fewer requests/s than the baseline; latency ratio > 1 = slower than the baseline."
    echo "results: $OUT_DIR/bench-results.json (raw wrk output: $OUT_DIR/wrk-*.txt)"
}

write_json() {
    local f=$OUT_DIR/bench-results.json n b first=1 firstb
    local nginx_v wrk_v java_v=null
    nginx_v=$("$NGINX" -v 2>&1 | sed -n 1p || true)
    wrk_v=$(wrk -v 2>&1 | sed -n 1p || true) # wrk -v exits 1
    if measured bus; then java_v=$(json_str "$("$JAVA" -version 2>&1 | sed -n 1,2p | tr '\n' ' ' || true)"); fi
    {
        echo "{"
        echo "  \"timestamp\": $(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)"),"
        echo "  \"host\": {\"cpus\": $(nproc), \"kernel\": $(json_str "$(uname -r)"), \"nginx\": $(json_str "$nginx_v"), \"wrk\": $(json_str "$wrk_v"), \"java\": $java_v},"
        echo "  \"params\": {\"duration\": $(json_str "$DURATION"), \"warmup\": $(json_str "$WARMUP"), \"threads\": $THREADS, \"connections\": $CONNECTIONS, \"paths\": $(json_str "$PATHS"), \"java_opts\": $(json_str "$JAVA_OPTS"), \"max_error_rate\": $MAX_ERROR_RATE},"
        echo "  \"paths\": {"
        for n in "${ORDER[@]}"; do
            [[ -z $first ]] && echo ","
            first=""
            printf '    %s: {"url": %s, "requests_per_sec": %s, "requests": %s, "latency_ms": {"p50": %s, "p75": %s, "p90": %s, "p99": %s}, "non_2xx": %s, "socket_errors": %s, "error_rate": %s, "raw": %s}' \
                "$(json_str "$n")" "$(json_str "${R_URL[$n]}")" "${R_RPS[$n]}" "${R_REQ[$n]}" \
                "${R_P50[$n]}" "${R_P75[$n]}" "${R_P90[$n]}" "${R_P99[$n]}" \
                "${R_NON2XX[$n]}" "${R_SOCKERR[$n]}" "$(share $((R_NON2XX[$n] + R_SOCKERR[$n])) "${R_REQ[$n]}")" \
                "$(json_str "wrk-$n.txt")"
        done
        echo
        echo "  },"
        printf '  "ratios": {'
        first=1
        for n in "${ORDER[@]}"; do
            is_baseline "$n" && continue
            [[ -z $first ]] && printf ','
            first=""
            printf '\n    %s: {' "$(json_str "$n")"
            firstb=1
            for b in nginx direct; do
                measured "$b" || continue
                [[ -z $firstb ]] && printf ', '
                firstb=""
                printf '"vs_%s": {"throughput": %s, "p50": %s, "p99": %s}' "$b" \
                    "$(ratio "${R_RPS[$n]}" "${R_RPS[$b]}")" "$(ratio "${R_P50[$n]}" "${R_P50[$b]}")" \
                    "$(ratio "${R_P99[$n]}" "${R_P99[$b]}")"
            done
            printf '}'
        done
        [[ -z $first ]] && printf '\n  '
        echo "}"
        echo "}"
    } >"$f"
}

# diagnose NAME: after a failed error-rate check, re-runs the path's load for 5 s with diagnose.lua
# to show which HTTP statuses came back and one non-2xx body (output also in wrk-NAME-diagnose.txt).
diagnose() {
    local name=$1 out=$OUT_DIR/wrk-$1-diagnose.txt
    [[ -n ${R_URL[$name]:-} && -n ${R_LUA[$name]:-} ]] || return 0
    if [[ $name == bus ]] && ! kill -0 "$BUS_PID" 2>/dev/null; then return 0; fi
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
    local p
    IFS=, read -r -a WANT <<<"$PATHS"
    ((${#WANT[@]} > 0)) || die "PATHS is empty"
    for p in "${WANT[@]}"; do
        [[ " $KNOWN_PATHS " == *" $p "* ]] || die "unknown path '$p' in PATHS (known: $KNOWN_PATHS)"
    done
    want() { [[ ,$PATHS, == *,$1,* ]]; }

    [[ $THREADS =~ ^[1-9][0-9]*$ && $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "THREADS and CONNECTIONS must be positive integers"
    ((CONNECTIONS >= THREADS)) || die "CONNECTIONS ($CONNECTIONS) must be >= THREADS ($THREADS)"
    if want bus || want soap; then [[ -f $JAR ]] || die "bus jar not found: $JAR (build it first, or run with PATHS=direct,nginx)"; fi

    ensure_tools
    mkdir -p "$OUT_DIR"
    rm -f "$OUT_DIR"/wrk-*.txt "$OUT_DIR/bench-results.json" "$OUT_DIR/bus.log" "$OUT_DIR"/nginx*
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/nix-bench.XXXXXX")
    chmod 755 "$TMP" # the unprivileged nginx worker must reach its temp paths

    read -r STUB_PORT HOP_PORT BUS_PORT <<<"$(free_ports 3)"
    local STUB_URL=http://127.0.0.1:$STUB_PORT$SHAHKAR_PATH
    local HOP_URL=http://127.0.0.1:$HOP_PORT$SHAHKAR_PATH
    local BUS_URL=http://127.0.0.1:$BUS_PORT$SHAHKAR_PATH
    local SOAP_URL=http://127.0.0.1:$BUS_PORT$SOAP_PATH

    start_nginx
    # The stub must work whatever PATHS says: the nginx hop and the bus both call it.
    preflight direct "$STUB_URL" '"result":"OK"'
    want nginx && preflight nginx "$HOP_URL" '"result":"OK"'
    if want bus || want soap; then
        start_bus
        want bus && preflight bus "$BUS_URL" '"trackingId"'
        want soap && preflight soap "$SOAP_URL" 'TrackingId[^>]*>[0-9a-f-]{36}<.*matched>true<' "$SOAP_BODY" "${SOAP_HEADERS[@]}"
    fi

    want direct && measure direct "$STUB_URL" "$SHAHKAR_LUA"
    want nginx && measure nginx "$HOP_URL" "$SHAHKAR_LUA"
    want bus && measure bus "$BUS_URL" "$SHAHKAR_LUA"
    want soap && measure soap "$SOAP_URL" "$SOAP_LUA"
    # A new path is one more line here, plus its name in KNOWN_PATHS and a pre-flight above.

    if [[ -n $BUS_PID ]] && ! kill -0 "$BUS_PID" 2>/dev/null; then
        die "bus JVM died during the benchmark"
    fi
    write_json
    print_table
    check_errors
}

main "$@"
