#!/usr/bin/env bash
# dnsperf against ipv6boot-dns's forwarder and against unbound configured as a forwarder to the same upstream,
# one after the other on loopback, with a cache-hit mix and a cache-miss mix. Prints qps and the ratio.
#
#   ./mvnw -q -B -DskipTests -pl ipv6boot-bench -am package
#   bash ipv6boot-bench/scripts/dns-dnsperf-vs-unbound.sh [SECONDS_PER_RUN]
#
# Needs: unbound, dnsperf (Debian packages unbound, dnsperf), JDK 25 as java or $JAVA_HOME.
# The upstream is a third unbound serving a test zone authoritatively (a wildcard makes every miss name
# exist); nothing leaves loopback: both resolvers forward only to it and it recurses nowhere.
set -euo pipefail
seconds=${1:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${DNS_BENCH_JAR:-$here/target/benchmarks.jar}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
threads=${DNS_BENCH_THREADS:-2}
# dnsperf's client sockets. The kernel spreads UDP flows over our SO_REUSEPORT sockets (one per event loop) by
# hash, so with few flows one loop may get most of them; unbound's threads here share one socket.
clients=${DNS_BENCH_CLIENTS:-8}
# ipv6boot-dns uses Netty's native epoll when its (optional) jars are on the class path; the bench jar does not
# carry them, so take them from the local Maven repository when they are there. DNS_BENCH_EPOLL=no: NIO.
extra_cp=""
if [ "${DNS_BENCH_EPOLL:-yes}" = yes ]; then
  for j in "$HOME"/.m2/repository/io/netty/netty-transport-classes-epoll/4.2.18.Final/*.jar \
           "$HOME"/.m2/repository/io/netty/netty-transport-native-epoll/4.2.18.Final/*linux-x86_64.jar; do
    [ -f "$j" ] && extra_cp="$extra_cp:$j"
  done
fi
work=$(mktemp -d /tmp/dns-dnsperf.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET6);s.bind(("::1",0));print(s.getsockname()[1])'; }
up_port=$(free_port); unbound_port=$(free_port); ours_port=$(free_port); dead_port=$(free_port)

cat > "$work/zone" <<ZONE
\$ORIGIN boot.example.
\$TTL 300
@ IN SOA ns hostmaster 1 3600 600 86400 60
@ IN NS ns
ns IN AAAA 2001:db8::53
*.miss IN AAAA 2001:db8::99
ZONE
for i in $(seq 0 9); do echo "host$i IN AAAA 2001:db8::$((i + 10))" >> "$work/zone"; done

common() { cat <<CONF
    interface: ::1
    port: $1
    do-ip4: no
    do-daemonize: no
    chroot: ""
    username: ""
    directory: "$work"
    pidfile: ""
    use-syslog: no
    logfile: ""
    verbosity: 0
    so-reuseport: no
    module-config: "iterator"
    do-not-query-localhost: no
    local-zone: "example." nodefault
    msg-cache-size: 64m
    rrset-cache-size: 64m
    outgoing-range: 4096
    num-queries-per-thread: 4096
CONF
}
{ echo "server:"; common "$up_port"; echo "    num-threads: 1"
  printf 'auth-zone:\n    name: "boot.example."\n    zonefile: "%s/zone"\n    for-downstream: yes\n    for-upstream: yes\n    fallback-enabled: no\n' "$work"
  printf 'stub-zone:\n    name: "."\n    stub-addr: ::1@%s\nremote-control:\n    control-enable: no\n' "$dead_port"; } > "$work/upstream.conf"
{ echo "server:"; common "$unbound_port"; echo "    num-threads: $threads"
  printf 'forward-zone:\n    name: "."\n    forward-addr: ::1@%s\nremote-control:\n    control-enable: no\n' "$up_port"; } > "$work/forwarder.conf"
unbound-checkconf "$work/upstream.conf" >/dev/null
unbound-checkconf "$work/forwarder.conf" >/dev/null

unbound -d -c "$work/upstream.conf" > "$work/upstream.log" 2>&1 & pids+=($!)
unbound -d -c "$work/forwarder.conf" > "$work/forwarder.log" 2>&1 & pids+=($!)
# shellcheck disable=SC2086  # DNS_BENCH_JAVA_OPTS: extra JVM options for ours (e.g. a JFR recording), split on spaces
"$java" --enable-native-access=ALL-UNNAMED ${DNS_BENCH_JAVA_OPTS:-} -cp "$jar$extra_cp" dev.ipv6boot.bench.dns.RunDnsForwarder ::1 "$ours_port" ::1 "$up_port" "$threads" > "$work/ours.log" 2>&1 & pids+=($!)

for port in "$up_port" "$unbound_port" "$ours_port"; do
  for _ in $(seq 1 50); do
    dig @::1 -p "$port" +time=1 +tries=1 +short ns.boot.example AAAA 2>/dev/null | grep -q 2001 && break
    sleep 0.2
  done
done

for i in $(seq 0 9); do echo "host$i.boot.example AAAA"; done > "$work/hit.txt"
# Unique names for each run, so every query of the miss mix is a miss for whoever answers it.
miss_file() { python3 -c "
import random,sys
r=random.Random(sys.argv[1])
for i in range(int(sys.argv[2])): print('%08x-%d.miss.boot.example AAAA' % (r.getrandbits(32), i))
" "$1" "$2"; }
miss_file ours 600000 > "$work/miss-ours.txt"
miss_file unbound 600000 > "$work/miss-unbound.txt"
miss_file warm-ours 200000 > "$work/warm-ours.txt"
miss_file warm-unbound 200000 > "$work/warm-unbound.txt"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of a process, in clock ticks
run() {  # pid port file [dnsperf options] -> "qps cpu-microseconds-per-answered-query"
  local pid=$1 port=$2 file=$3; shift 3
  local before after out
  before=$(cpu_ticks "$pid")
  out=$(dnsperf -s ::1 -p "$port" -d "$file" -l "$seconds" -c "$clients" -q 200 "$@" 2>&1)
  after=$(cpu_ticks "$pid")
  echo "$out" >> "$work/dnsperf.log"
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /Queries completed:/ {done = $3} /Queries per second:/ {qps = $4}
    END {printf "%.0f %.1f\n", qps, done ? ticks / hz * 1e6 / done : 0}'
}
# Warm both up (JIT for ours, thread caches for unbound) on the hit mix and on misses (names of their own).
dnsperf -s ::1 -p "$ours_port" -d "$work/hit.txt" -l 3 -c "$clients" -q 200 > /dev/null 2>&1 || true
dnsperf -s ::1 -p "$unbound_port" -d "$work/hit.txt" -l 3 -c "$clients" -q 200 > /dev/null 2>&1 || true
dnsperf -s ::1 -p "$ours_port" -d "$work/warm-ours.txt" -n 1 -l 3 -c "$clients" -q 200 > /dev/null 2>&1 || true
dnsperf -s ::1 -p "$unbound_port" -d "$work/warm-unbound.txt" -n 1 -l 3 -c "$clients" -q 200 > /dev/null 2>&1 || true

unbound_pid=${pids[1]}; ours_pid=${pids[2]}
read -r hit_ours hit_ours_cpu < <(run "$ours_pid" "$ours_port" "$work/hit.txt")
read -r hit_unbound hit_unbound_cpu < <(run "$unbound_pid" "$unbound_port" "$work/hit.txt")
# -n 1: each miss name is asked once (the files are longer than a run can use).
read -r miss_ours miss_ours_cpu < <(run "$ours_pid" "$ours_port" "$work/miss-ours.txt" -n 1)
read -r miss_unbound miss_unbound_cpu < <(run "$unbound_pid" "$unbound_port" "$work/miss-unbound.txt" -n 1)

# Lost queries first: the last lines are the figures and their ratios.
grep -h "Queries lost" "$work/dnsperf.log" | sed 's/^/  /' || true
ratio() { python3 -c "print('%.2f' % (float('$1') / float('$2')))"; }
echo "ours: $(grep -o 'transport [a-z]*' "$work/ours.log" || true)"
echo "dnsperf ${seconds}s per run, -c $clients -q 200, $threads threads each, $(nproc) cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "qps, and CPU time of the server process per answered query (us; the upstream's CPU not counted)"
printf '%-10s %12s %12s %7s %10s %10s\n' mix ipv6boot-dns unbound ratio 'ours us/q' 'unb. us/q'
printf '%-10s %12s %12s %7s %10s %10s\n' cache-hit "$hit_ours" "$hit_unbound" "$(ratio "$hit_ours" "$hit_unbound")" \
  "$hit_ours_cpu" "$hit_unbound_cpu"
printf '%-10s %12s %12s %7s %10s %10s\n' cache-miss "$miss_ours" "$miss_unbound" "$(ratio "$miss_ours" "$miss_unbound")" \
  "$miss_ours_cpu" "$miss_unbound_cpu"
