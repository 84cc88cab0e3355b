#!/usr/bin/env bash
# An RS storm against radvd and against ipv6boot-ndp's advertiser, one after the other, both running the seed
# radvd.conf in a server namespace; RsFlood sends the RSs from a client namespace. Prints, per server, the RAs the
# client received during the storm, the server's CPU time, and how long rdisc6 then waits for an answer.
#
#   ./mvnw -q -B -pl ipv6boot-ndp -am install -DskipTests && ./mvnw -q -B -pl ipv6boot-bench package
#   sudo bash ipv6boot-bench/scripts/ndp-rs-storm-vs-radvd.sh [RS_COUNT]
#
# Needs: root, radvd, rdisc6 (Debian packages radvd, ndisc6), JDK 25 as $JAVA_HOME or the default below.
# Traffic stays on a veth pair between two namespaces this script makes and deletes.
set -euo pipefail
count=${1:-20000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${NDP_BENCH_JAR:-$here/target/benchmarks.jar}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
seed=$here/../ipv6boot-ndp/src/test/resources/vectors/seed-radvd.conf
suffix=$$
srv=i6b-ndpbs-$suffix
cli=i6b-ndpbc-$suffix
work=$(mktemp -d /tmp/ndp-storm.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  ip netns del "$srv" 2>/dev/null || true
  ip netns del "$cli" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$srv"; ip netns add "$cli"
for ns in "$srv" "$cli"; do
  ip -n "$ns" link set lo up
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
done
ip link add "ndps$suffix" type veth peer name "ndpc$suffix"
ip link set "ndps$suffix" netns "$srv"; ip link set "ndpc$suffix" netns "$cli"
ip -n "$srv" link set "ndps$suffix" name veth0; ip -n "$cli" link set "ndpc$suffix" name veth0
ip -n "$srv" link set veth0 address 02:00:00:00:00:01; ip -n "$cli" link set veth0 address 02:00:00:00:00:02
ip -n "$srv" link set veth0 up; ip -n "$cli" link set veth0 up
ip -n "$srv" -6 addr add 2001:db8::1/64 dev veth0 nodad
sed 's/interface eth1/interface veth0/' "$seed" > "$work/radvd.conf"
sleep 1

ras_in() { ip netns exec "$cli" awk '$1=="Icmp6InRouterAdvertisements"{print $2}' /proc/net/snmp6; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14+$15)*1000/hz)}' "/proc/$1/stat"; }

run() {
  local label=$1; shift
  ip netns exec "$srv" "$@" > "$work/$label.log" 2>&1 &
  server_pid=$!
  sleep 3                                   # startup and the first RAs
  local ras0 cpu0 ras1 cpu1 flood t0 t1 answer
  ras0=$(ras_in); cpu0=$(cpu_ms "$server_pid")
  flood=$(ip netns exec "$cli" "$java" --enable-native-access=ALL-UNNAMED -cp "$jar" dev.ipv6boot.bench.ndp.RsFlood veth0 "$count")
  sleep 2                                   # answers delayed up to 500 ms, then some
  ras1=$(ras_in); cpu1=$(cpu_ms "$server_pid")
  t0=$(date +%s%N)
  if ip netns exec "$cli" rdisc6 -1 -r 1 -w 3000 veth0 > "$work/$label.rdisc6" 2>&1; then
    t1=$(date +%s%N); answer="$(( (t1 - t0) / 1000000 )) ms"
  else
    answer="no answer in 3 s"
  fi
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  printf '%-9s %-28s RAs received during storm: %6d   server CPU: %5d ms   rdisc6 after: %s\n' \
    "$label" "$flood" "$((ras1 - ras0))" "$((cpu1 - cpu0))" "$answer"
  grep '^counters' "$work/$label.log" || true
}

echo "RS storm of $count RS, seed radvd.conf, $(date -u '+%Y-%m-%d %H:%M UTC')"
run radvd radvd -n -m stderr -C "$work/radvd.conf" -p "$work/radvd.pid"
run ipv6boot "$java" --enable-native-access=ALL-UNNAMED -cp "$jar" dev.ipv6boot.bench.ndp.RunRouterAdvertiser "$work/radvd.conf"
