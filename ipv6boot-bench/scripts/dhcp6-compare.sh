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
sleep 1

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
    taskset -c 0 ip netns exec "$srv" "$JAVA" -XX:+UseSerialGC -Xms256m -Xmx256m --enable-native-access=ALL-UNNAMED \
      -cp "$JAR$extra_cp" dev.ipv6boot.dhcp6.server.Dhcp6ServerMain --policy "$work/boot.policy" --interface veth0 \
      --journal "$work/journal" --rate 0 --transport "$TRANSPORT" --receive-buffer "$RCVBUF" > "$work/ours.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do grep -q ready "$work/ours.log" 2>/dev/null && break; sleep 0.2; done
    echo "    $(grep -o 'transport .*' "$work/ours.log")"
  else
    KEA_LOCKFILE_DIR=$work KEA_PIDFILE_DIR=$work taskset -c 0 ip netns exec "$srv" \
      kea-dhcp6 -c "$work/kea-dhcp6.json" > "$work/kea.out" 2>&1 &
    server_pid=$!
    sleep 2
  fi
  current=$1
  # warm-up at a rate both sustain, so that no measurement includes a JVM's first seconds in the interpreter
  taskset -c 1 ip netns exec "$cli" timeout 30 perfdhcp -6 -l veth0 -r 500 -p "${WARMUP:-3}" -R 10000000 >/dev/null 2>&1 || true
}

stop_server() {
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  for pid in $(ip netns pids "$srv"); do kill -9 "$pid" 2>/dev/null || true; done
  sleep 0.5
}

rcvbuf_errors() {
  ip netns exec "$srv" awk '$1 == "Udp6RcvbufErrors" { print $2 }' /proc/net/snmp6
}

# Prints the two drop ratios (Solicit/Advertise, Request/Reply) of one run at rate $1.
drops_at() {
  local out
  out=$(taskset -c 1 ip netns exec "$cli" timeout $((DURATION + 20)) \
          perfdhcp -6 -l veth0 -r "$1" -p "$DURATION" -R 10000000 2>&1 || true)
  echo "$out" > "$work/perfdhcp-$current-$1.txt"
  echo "$out" | awk '/drops ratio:/ { printf "%s ", $3 } END { print "" }'
}

passes() {                             # rate -> 0 if both phases drop <= MAX_DROP_PCT
  local ratios sa rr
  ratios=$(drops_at "$1")
  sa=$(echo "$ratios" | awk '{ print $1 }')
  rr=$(echo "$ratios" | awk '{ print $2 }')
  echo "    rate $1/s: drops Solicit/Advertise ${sa:-?} %, Request/Reply ${rr:-?} %" >&2
  [ -n "$sa" ] && [ -n "$rr" ] && awk -v a="$sa" -v b="$rr" -v m="$MAX_DROP_PCT" 'BEGIN { exit !(a <= m && b <= m) }'
}

max_rate() {                           # step up, then bisect
  local good=0 bad=0 rate=$START_RATE
  while [ "$rate" -le "$MAX_RATE" ]; do
    if passes "$rate"; then good=$rate; rate=$((rate + STEP)); else bad=$rate; break; fi
  done
  [ "$bad" -eq 0 ] && { echo "$good"; return; }
  while [ $((bad - good)) -gt "$RESOLUTION" ]; do
    local mid=$(((good + bad) / 2))
    if passes "$mid"; then good=$mid; else bad=$mid; fi
  done
  echo "$good"
}

avalanche() {
  local before after out
  before=$(rcvbuf_errors)
  out=$(taskset -c 1 ip netns exec "$cli" timeout 600 \
          perfdhcp -6 -l veth0 --scenario avalanche -R "$AVALANCHE" 2>&1 || true)
  after=$(rcvbuf_errors)
  echo "$out" > "$work/avalanche-$1.txt"
  local took resent
  took=$(echo "$out" | sed -n 's/^It took \([0-9:.]*\) to provision.*/\1/p')
  resent=$(echo "$out" | awk -F': ' '/^Requests resent:/ { print $2 }')
  printf '    avalanche %d clients: all bound in %s, requests resent %s, Udp6RcvbufErrors +%d\n' \
    "$AVALANCHE" "${took:-not all}" "${resent:-?}" $((after - before))
}

declare -A best
for server in $SERVERS; do
  echo "== $server"
  if [ "${RATE_SEARCH:-1}" = 1 ]; then
    start_server "$server"
    best[$server]=$(max_rate)
    echo "    highest rate with <= $MAX_DROP_PCT % drops in both phases: ${best[$server]}/s"
    stop_server
  fi
  start_server "$server"
  avalanche "$server"
  stop_server
done
if [ -n "${best[ours]:-}" ] && [ -n "${best[kea]:-}" ] && [ "${best[kea]}" -gt 0 ]; then
  echo "== ours ${best[ours]}/s, Kea ${best[kea]}/s, ratio $(echo "scale=2; ${best[ours]} / ${best[kea]}" | bc)"
fi
