#!/usr/bin/env bash
# Highest perfdhcp -6 rate our DHCPv6 server and Kea's kea-dhcp6 each sustain for DURATION seconds with at most
# MAX_DROP_PCT % drops in both the Solicit/Advertise and the Request/Reply phase, then a perfdhcp avalanche of
# AVALANCHE clients against each: time until all are bound, resends, and the server namespace's Udp6RcvbufErrors
# (the IPv6 counter; UdpRcvbufErrors counts only IPv4) before and after.
#
# Same namespaces, same pool, leases on disk for both (our journal, Kea's memfile); the server is pinned to CPU 0
# and perfdhcp to CPU 1 (a JVM pinned to one CPU picks SerialGC, which we ask for explicitly).
#
#   sudo ipv6boot-bench/scripts/dhcp6-compare.sh                   # full run (several minutes)
#   KEEP=1 keeps every perfdhcp output in the work directory; RATE_SEARCH=0 runs only the avalanche.
#   TRANSPORT=auto (epoll when its jars are found in the local Maven repository, else NIO) or nio.
#   RCVBUF=16777216: our server's SO_RCVBUF; it runs as root, so with epoll it forces it (SO_RCVBUFFORCE) past
#   net.core.rmem_max, which on this kernel cannot be set inside a namespace (read-only there) and is left alone.
#   SERVER_CPU_QUOTA=50: both servers get 50 % of CPU 0 (see limit_server_cpu); unset: all of it.
#   PERFDHCP_RCVBUF=16777216: perfdhcp's socket buffer (see perfdhcp_in_client); 0 leaves the kernel's default.
#   PERFDHCP_EXTRA="-g single": more perfdhcp arguments for every run; JOURNAL_ARGS= runs ours without its journal.
#   DURATION=3 START_RATE=1000 MAX_RATE=4000 AVALANCHE=2000 sudo ipv6boot-bench/scripts/dhcp6-compare.sh  # smoke
#
# Needs: root, iproute2, perfdhcp (kea-admin), kea-dhcp6 (kea-dhcp6-server), a JDK in JAVA_HOME and
# ipv6boot-bench/target/benchmarks.jar (./mvnw -q -DskipTests -pl ipv6boot-bench -am package).
set -euo pipefail

DURATION=${DURATION:-10}
START_RATE=${START_RATE:-2000}
STEP=${STEP:-2000}
MAX_RATE=${MAX_RATE:-80000}
RESOLUTION=${RESOLUTION:-500}
MAX_DROP_PCT=${MAX_DROP_PCT:-1}
AVALANCHE=${AVALANCHE:-10000}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=${JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/benchmarks.jar}
SERVERS=${SERVERS:-"ours kea"}
TRANSPORT=${TRANSPORT:-auto}
RCVBUF=${RCVBUF:-16777216}
PERFDHCP_RCVBUF=${PERFDHCP_RCVBUF:-16777216}
# The bench jar does not carry Netty's (optional) native epoll: take it from the local Maven repository.
extra_cp=""
if [ "$TRANSPORT" != nio ]; then
  for j in "${M2_REPO:-$HOME/.m2/repository}"/io/netty/netty-transport-classes-epoll/4.2.18.Final/*.jar \
           "${M2_REPO:-$HOME/.m2/repository}"/io/netty/netty-transport-native-epoll/4.2.18.Final/*linux-x86_64.jar; do
    [ -f "$j" ] && extra_cp="$extra_cp:$j"
  done
fi

work=$(mktemp -d /tmp/dhcp6-compare.XXXXXX)
srv=d6b-srv-$$
cli=d6b-cli-$$
server_pid=
current=

cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  for ns in "$srv" "$cli"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  [ -d "$cgroup" ] && rmdir "$cgroup" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "outputs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

ip netns add "$srv"
ip netns add "$cli"
ip link add d6ba$$ type veth peer name d6bb$$
ip link set d6ba$$ netns "$srv"
ip link set d6bb$$ netns "$cli"
for ns in "$srv" "$cli"; do
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  ip -n "$ns" link set lo up
done
ip -n "$srv" link set d6ba$$ name veth0
ip -n "$cli" link set d6bb$$ name veth0
ip -n "$srv" link set veth0 address 02:00:00:00:00:01 up
ip -n "$cli" link set veth0 address 02:00:00:00:00:02 up
ip -n "$srv" addr add 2001:db8::1/64 dev veth0 nodad
# Both link-local addresses must be usable before a server starts: Kea, started first, could not bind fe80::…%veth0
# ("Cannot assign requested address"), opened no socket and answered nothing until restarted.
for ns in "$srv" "$cli"; do
  for _ in $(seq 50); do
    ip -n "$ns" -6 addr show dev veth0 scope link | grep -v tentative | grep -q inet6 && break
    sleep 0.1
  done
done

cat > "$work/boot.policy" <<POLICY
option dns-servers 2001:db8::1
subnet 2001:db8::/64 interface veth0
  pool 2001:db8::1:0 - 2001:db8::ffff:ffff:ffff
end
POLICY

cat > "$work/kea-dhcp6.json" <<KEA
{ "Dhcp6": {
    "interfaces-config": { "interfaces": [ "veth0" ] },
    "lease-database": { "type": "memfile", "persist": true, "name": "$work/kea-leases6.csv", "lfc-interval": 0 },
    "server-id": { "type": "LL", "persist": false },
    "preferred-lifetime": 1800, "valid-lifetime": 3600, "renew-timer": 900, "rebind-timer": 1440,
    "subnet6": [ { "subnet": "2001:db8::/64", "interface": "veth0",
                   "pools": [ { "pool": "2001:db8::1:0 - 2001:db8::ffff:ffff:ffff" } ],
                   "option-data": [ { "name": "dns-servers", "data": "2001:db8::1" } ] } ],
    "loggers": [ { "name": "kea-dhcp6", "severity": "WARN", "output_options": [ { "output": "$work/kea.log" } ] } ]
} }
KEA

start_server() {                      # $1 = ours | kea
  rm -f "$work/journal" "$work/kea-leases6.csv"
  if [ "$1" = ours ]; then
    local journal_args=${JOURNAL_ARGS---journal $work/journal}     # JOURNAL_ARGS= runs ours without its journal
    taskset -c 0 ip netns exec "$srv" "$JAVA" -XX:+UseSerialGC -Xms256m -Xmx256m --enable-native-access=ALL-UNNAMED \
      -cp "$JAR$extra_cp" dev.ipv6boot.dhcp6.server.Dhcp6ServerMain --policy "$work/boot.policy" --interface veth0 \
      $journal_args --rate 0 --transport "$TRANSPORT" --receive-buffer "$RCVBUF" > "$work/ours.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do grep -q ready "$work/ours.log" 2>/dev/null && break; sleep 0.2; done
    grep -q ready "$work/ours.log" || { echo "our server did not start:" >&2; cat "$work/ours.log" >&2; exit 1; }
    echo "    $(grep -o 'transport .*' "$work/ours.log")"
  else
    KEA_LOCKFILE_DIR=$work KEA_PIDFILE_DIR=$work taskset -c 0 ip netns exec "$srv" \
      kea-dhcp6 -c "$work/kea-dhcp6.json" > "$work/kea.out" 2>&1 &
    server_pid=$!
    sleep 2
  fi
  current=$1
  limit_server_cpu
  # warm-up at a rate both sustain, so that no measurement includes a JVM's first seconds in the interpreter
  taskset -c 1 ip netns exec "$cli" timeout 30 perfdhcp -6 -l veth0 -r 500 -p "${WARMUP:-3}" -R 10000000 >/dev/null 2>&1 || true
}

# SERVER_CPU_QUOTA=50 gives the server under test half of its CPU (a cgroup v1 CFS quota), the same for both: on
# this machine one perfdhcp on one CPU cannot send more than about 18-21k exchanges/s, so a server faster than that
# can only be compared with another below perfdhcp's ceiling, both on the same reduced CPU.
cgroup=/sys/fs/cgroup/cpu/dhcp6-compare-$$
limit_server_cpu() {
  [ -n "${SERVER_CPU_QUOTA:-}" ] || return 0
  mkdir -p "$cgroup"
  # a 10 ms period, so that the server is throttled in slices shorter than any client's timeout
  echo 10000 > "$cgroup/cpu.cfs_period_us"
  echo $((SERVER_CPU_QUOTA * 100)) > "$cgroup/cpu.cfs_quota_us"
  echo "$server_pid" > "$cgroup/cgroup.procs"
  echo "    CPU quota: $SERVER_CPU_QUOTA % of CPU 0"
}

stop_server() {                       # every process of the server's namespace, and waits until they are gone
  if [ "$current" = ours ] && [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true   # ours prints its counters (drops by reason) as it stops
    for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    { grep -h '^counters' "$work/ours.log" 2>/dev/null || true; } | tail -1 | sed 's/^/    /' >&2
  fi
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  for _ in $(seq 50); do
    local pids
    pids=$(ip netns pids "$srv")
    [ -z "$pids" ] && break
    kill -9 $pids 2>/dev/null || true
    sleep 0.1
  done
  rm -f "$work"/*.pid                 # Kea refuses to start while its PID file names a live process
  sleep 0.5
}

rcvbuf_errors() {                      # $1 = namespace (the server's by default)
  ip netns exec "${1:-$srv}" awk '$1 == "Udp6RcvbufErrors" { print $2 }' /proc/net/snmp6
}

# Runs perfdhcp on CPU 1 in the client namespace with a time limit of $1 s and the arguments that follow.
# perfdhcp plays every client on one socket, which the kernel sizes by net.core.rmem_default (208 KiB): a burst of
# replies overflows it, and perfdhcp's retransmission timers (1 s ± 1 s, doubling) or its drop count then measure
# perfdhcp, whatever the server did. Real clients each have their own socket, so perfdhcp's socket is given
# PERFDHCP_RCVBUF octets. The sysctl is global, not per namespace: it is raised only for the half second in which
# perfdhcp opens its socket, after the server's sockets exist, so the server under test keeps its own buffer.
# PERFDHCP_RCVBUF=0 leaves perfdhcp as it is.
perfdhcp_in_client() {
  local limit=$1 saved pid
  shift
  saved=$(cat /proc/sys/net/core/rmem_default)
  [ "$PERFDHCP_RCVBUF" -gt 0 ] && sysctl -qw net.core.rmem_default="$PERFDHCP_RCVBUF"
  taskset -c 1 ip netns exec "$cli" timeout "$limit" perfdhcp -6 -l veth0 ${PERFDHCP_EXTRA:-} "$@" 2>&1 &
  pid=$!
  sleep 0.5
  sysctl -qw net.core.rmem_default="$saved"
  wait "$pid" || true
}

cpu_ticks() {                          # CPU time the server process used so far, all threads: user and system ticks
  awk '{ print $14, $15 }' "/proc/$server_pid/stat"
}

# One perfdhcp run at rate $1. Prints: the two drop ratios (Solicit/Advertise, Request/Reply) in %, the rate
# perfdhcp achieved (4-way exchanges/s), the server's CPU use during the run in % of one CPU, and the datagrams the
# kernel dropped for a full buffer on perfdhcp's side and on the server's.
run_at() {
  local out client_before server_before user_before sys_before user_after sys_after start_ns elapsed_ns cpu
  client_before=$(rcvbuf_errors "$cli")
  server_before=$(rcvbuf_errors)
  read -r user_before sys_before <<< "$(cpu_ticks)"
  start_ns=$(date +%s%N)
  out=$(perfdhcp_in_client $((DURATION + 20)) -r "$1" -p "$DURATION" -R 10000000)
  elapsed_ns=$(($(date +%s%N) - start_ns))
  read -r user_after sys_after <<< "$(cpu_ticks)"
  cpu=$(awk -v u=$((user_after - user_before)) -v s=$((sys_after - sys_before)) -v hz="$(getconf CLK_TCK)" \
          -v ns="$elapsed_ns" 'BEGIN { f = 100 * 1e9 / hz / ns; printf "%d(user:%d,system:%d)", (u + s) * f, u * f, s * f }')
  echo "$out" > "$work/perfdhcp-$current-$1.txt"
  echo "$out" | awk -v c=$(($(rcvbuf_errors "$cli") - client_before)) -v s=$(($(rcvbuf_errors) - server_before)) \
      -v cpu="$cpu" '/drops ratio:/ { printf "%s ", $3 } /^Rate:/ { rate = $2 } END { print rate, cpu, c, s }'
}

# Rate $1 -> exit 0 if both phases drop <= MAX_DROP_PCT at the rate asked for, 1 if they drop more, 2 if they do
# not but perfdhcp could not send at that rate (it ran out of CPU: the generator, not the server, is the limit).
# Sets $achieved to the rate perfdhcp achieved.
passes() {
  local sa rr cpu client server
  read -r sa rr achieved cpu client server <<< "$(run_at "$1")"
  echo "    rate $1/s: drops Solicit/Advertise ${sa:-?} %, Request/Reply ${rr:-?} %; perfdhcp achieved" \
       "${achieved:-?}/s; server CPU ${cpu:-?} %; Udp6RcvbufErrors server +${server:-?}, perfdhcp +${client:-?}" >&2
  [ -n "$sa" ] && [ -n "$rr" ] && [ -n "$achieved" ] || return 1
  awk -v a="$sa" -v b="$rr" -v m="$MAX_DROP_PCT" 'BEGIN { exit !(a <= m && b <= m) }' || return 1
  awk -v got="$achieved" -v asked="$1" 'BEGIN { exit !(got >= 0.97 * asked) }' || return 2
}

# After a rate it could not sustain, a server may stay slow at rates it sustained before (Kea did: 10,000/s passed,
# then 15,000/s failed and so did every rate down to 10,312/s), so the next step starts on a fresh server.
restart_server() {
  local which=$current
  stop_server
  start_server "$which" > /dev/null
}

# One step of the search at rate $1: the verdict of passes (0, 1 or 2); after a failure (1) the server is restarted.
step() {
  local verdict=0
  passes "$1" || verdict=$?
  [ "$verdict" -eq 1 ] && restart_server
  return "$verdict"
}

# Step up, then bisect. Prints the highest rate that passed, or "perfdhcp-bound R" when perfdhcp reached its own
# ceiling R (exchanges/s) with the server still within MAX_DROP_PCT: the server's rate is then at least R.
max_rate() {
  local good=0 bad=0 rate=$START_RATE verdict
  achieved=
  while [ $((bad == 0 ? rate <= MAX_RATE : bad - good > RESOLUTION)) -eq 1 ]; do
    [ "$bad" -ne 0 ] && rate=$(((good + bad) / 2))          # bisecting once a step has failed
    verdict=0
    step "$rate" || verdict=$?
    case $verdict in
      0) good=$rate; [ "$bad" -eq 0 ] && rate=$((rate + STEP)) ;;
      2) echo "perfdhcp-bound ${achieved%.*}"; return ;;
      *) bad=$rate ;;
    esac
  done
  echo "$good"
}

avalanche() {
  local before after out client_before client_after
  before=$(rcvbuf_errors)
  client_before=$(rcvbuf_errors "$cli")
  out=$(perfdhcp_in_client 600 --scenario avalanche -R "$AVALANCHE")
  after=$(rcvbuf_errors)
  client_after=$(rcvbuf_errors "$cli")
  echo "$out" > "$work/avalanche-$1.txt"
  local took resent
  took=$(echo "$out" | sed -n 's/^It took \([0-9:.]*\) to provision.*/\1/p')
  resent=$(echo "$out" | awk -F': ' '/^Requests resent:/ { print $2 }')
  printf '    avalanche %d clients: all bound in %s, requests resent %s, Udp6RcvbufErrors +%d (perfdhcp side +%d)\n' \
    "$AVALANCHE" "${took:-not all}" "${resent:-?}" $((after - before)) $((client_after - client_before))
}

declare -A best bound
for server in $SERVERS; do
  echo "== $server"
  if [ "${RATE_SEARCH:-1}" = 1 ]; then
    start_server "$server"
    result=$(max_rate)
    if [ "${result% *}" = perfdhcp-bound ]; then
      best[$server]=${result#* }
      bound[$server]=">= "
      echo "    perfdhcp's own ceiling reached with <= $MAX_DROP_PCT % drops in both phases: at least ${best[$server]}/s"
    else
      best[$server]=$result
      echo "    highest rate with <= $MAX_DROP_PCT % drops in both phases: ${best[$server]}/s"
    fi
    stop_server
  fi
  start_server "$server"
  avalanche "$server"
  stop_server
done
if [ -n "${best[ours]:-}" ] && [ -n "${best[kea]:-}" ] && [ "${best[kea]}" -gt 0 ]; then
  echo "== ours ${bound[ours]:-}${best[ours]}/s, Kea ${bound[kea]:-}${best[kea]}/s," \
       "ratio ${bound[ours]:-}$(echo "scale=2; ${best[ours]} / ${best[kea]}" | bc)"
fi
