#!/usr/bin/env bash
# ipv6boot-http's ArtifactServer against nginx serving the same directory over [::1], measured with wrk:
# a 1 KB iPXE script (requests/s) and a 50 MB kernel (MB/s), each the median of RUNS short runs after a
# warm-up; then TFTP: a 50 MB file fetched by atftp with windowsize 16 from our TftpServer and from atftpd.
# Prints both figures and the ratio; the last line holds all of them.
#
#   bash ipv6boot-bench/scripts/http-vs-nginx.sh            # needs curl wrk nginx atftp atftpd, JDK 25
#   RUNS=5 SECONDS_PER_RUN=10 WARMUP_SECONDS=20 TRANSPORT=nio SKIP_BUILD=1 bash ipv6boot-bench/scripts/http-vs-nginx.sh
#
# Run from anywhere inside the checkout; it installs nothing and builds only ipv6boot-http (skipping tests).
set -euo pipefail

RUNS=${RUNS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
TRANSPORT=${TRANSPORT:-auto}          # auto (epoll when available) or nio
SMALL_CONNECTIONS=${SMALL_CONNECTIONS:-64}
LARGE_CONNECTIONS=${LARGE_CONNECTIONS:-4}
OURS_PORT=${OURS_PORT:-18481}
NGINX_PORT=${NGINX_PORT:-18482}
OURS_TFTP_PORT=${OURS_TFTP_PORT:-18483}
ATFTPD_PORT=${ATFTPD_PORT:-18484}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

for program in curl wrk nginx atftp atftpd; do
  command -v "$program" >/dev/null || { echo "missing $program (apt-get install curl wrk nginx atftp atftpd)" >&2; exit 2; }
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/ipv6boot-http-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# --- the artifacts -------------------------------------------------------------------------------
root=$work/root
mkdir -p "$root"
head -c 1024 /dev/urandom | base64 -w 64 | head -c 1024 > "$root/script.ipxe"
head -c $((50 * 1024 * 1024)) /dev/urandom > "$root/vmlinuz"
chmod -R a+rX "$work"

# --- our server: the module's jar + its runtime class path --------------------------------------
(cd "$repo" && { [[ ${SKIP_BUILD:-0} == 1 ]] || ./mvnw -q -B -pl ipv6boot-http -am install -DskipTests >/dev/null; } \
  && ./mvnw -q -B -pl ipv6boot-http dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/cp.txt" >/dev/null)
jar=$(ls "$repo"/ipv6boot-http/target/ipv6boot-http-*.jar | grep -v -e sources -e javadoc | head -1)
java_opts=(-Xms512m -Xmx512m --enable-native-access=ALL-UNNAMED)
[[ $TRANSPORT == nio ]] && java_opts+=(-Dipv6boot.transport=nio)
"$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$jar:$(cat "$work/cp.txt")" dev.ipv6boot.http.ArtifactServerMain \
  --root "$root" --listen "[::1]:$OURS_PORT" --tftp "[::1]:$OURS_TFTP_PORT" > "$work/ours.log" 2>&1 &
pids+=($!)

# --- nginx, own config, foreground --------------------------------------------------------------
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/efi efi; text/plain ipxe; }
  default_type application/octet-stream;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server { listen [::1]:$NGINX_PORT; root $root; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" > "$work/nginx/stdout.log" 2>&1 &
pids+=($!)

# --- atftpd, foreground (atftpd 0.8 binds IPv4 only, whatever --bind-address says: it gets 127.0.0.1) ---
atftpd --daemon --no-fork --user root --group root --bind-address 127.0.0.1 --port "$ATFTPD_PORT" \
  --logfile "$work/atftpd.log" "$root" > /dev/null 2>&1 &
pids+=($!)

for port in $OURS_PORT $NGINX_PORT; do
  for _ in $(seq 1 100); do
    curl -sf -g -o /dev/null "http://[::1]:$port/script.ipxe" && break
    sleep 0.1
  done
  curl -sf -g -o /dev/null "http://[::1]:$port/script.ipxe" || { echo "server on $port did not come up" >&2; cat "$work/ours.log" >&2; exit 1; }
done
cmp <(curl -s -g "http://[::1]:$OURS_PORT/vmlinuz") "$root/vmlinuz"
cmp <(curl -s -g "http://[::1]:$NGINX_PORT/vmlinuz") "$root/vmlinuz"

# --- measurements -------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# wrk prints "Requests/sec: N" and "Transfer/sec: N.NNMB"; convert the latter to MB/s.
rps() { awk '/^Requests\/sec:/ { print $2 }'; }
mbps() { awk '/^Transfer\/sec:/ { v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[A-Za-z]/, "", v);
         f = (u == "GB") ? 1024 : (u == "MB") ? 1 : (u == "KB") ? 1 / 1024 : 1 / 1048576; printf "%.1f\n", v * f }'; }

# The machine is shared and noisy: runs alternate between the two servers, so that both see the same
# background load, and each side's median is taken.
measure_pair() { # path connections extractor -> "ours nginx"
  # Warm-up: the JVM needs its JIT (throughput still rose for ~20 s of load on this machine); nginx, its page cache.
  wrk -t2 -c"$2" -d"${WARMUP_SECONDS}s" "http://[::1]:$OURS_PORT$1" > /dev/null
  wrk -t2 -c"$2" -d5s "http://[::1]:$NGINX_PORT$1" > /dev/null
  : > "$work/ours.runs"; : > "$work/nginx.runs"
  for _ in $(seq 1 "$RUNS"); do
    wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" "http://[::1]:$OURS_PORT$1" | $3 >> "$work/ours.runs"
    wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" "http://[::1]:$NGINX_PORT$1" | $3 >> "$work/nginx.runs"
  done
  echo "$(median < "$work/ours.runs") $(median < "$work/nginx.runs")"
  echo "  runs $1: ours $(tr '\n' ' ' < "$work/ours.runs")| nginx $(tr '\n' ' ' < "$work/nginx.runs")" >&2
}

read -r ours_small nginx_small < <(measure_pair /script.ipxe "$SMALL_CONNECTIONS" rps)
read -r ours_large nginx_large < <(measure_pair /vmlinuz "$LARGE_CONNECTIONS" mbps)
small_ratio=$(awk -v a="$ours_small" -v b="$nginx_small" 'BEGIN { printf "%.2f", a / b }')
large_ratio=$(awk -v a="$ours_large" -v b="$nginx_large" 'BEGIN { printf "%.2f", a / b }')
transport=$(awk '/^http / { print $4 }' "$work/ours.log")
echo "HTTP 1 KB script, $SMALL_CONNECTIONS connections: ours ($transport) $ours_small rps, nginx $nginx_small rps, ratio $small_ratio"
echo "HTTP 50 MB kernel, $LARGE_CONNECTIONS connections: ours $ours_large MB/s, nginx $nginx_large MB/s, ratio $large_ratio"

tftp_time() { # host port -> seconds for one 50 MB fetch, windowsize 16, blksize 1428; median of RUNS
  for _ in $(seq 1 "$RUNS"); do
    rm -f "$work/tftp.out"
    start=$(date +%s.%N)
    atftp --option "windowsize 16" --option "blksize 1428" -g -r vmlinuz -l "$work/tftp.out" "$1" "$2" > /dev/null 2>&1
    end=$(date +%s.%N)
    cmp -s "$work/tftp.out" "$root/vmlinuz" || { echo "TFTP on $1 port $2 returned a different file" >&2; exit 1; }
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'
  done | median
}
ours_tftp=$(tftp_time ::1 "$OURS_TFTP_PORT")
atftpd_tftp=$(tftp_time 127.0.0.1 "$ATFTPD_PORT")
tftp_ratio=$(awk -v a="$ours_tftp" -v b="$atftpd_tftp" 'BEGIN { printf "%.2f", b / a }')
echo "TFTP 50 MB, windowsize 16, blksize 1428 (atftp client): ours ${ours_tftp}s over ::1, atftpd ${atftpd_tftp}s over 127.0.0.1, speed ratio $tftp_ratio"
echo "RESULT small_rps ours=$ours_small nginx=$nginx_small ratio=$small_ratio | large_MBps ours=$ours_large nginx=$nginx_large ratio=$large_ratio | tftp_50MB_s ours=$ours_tftp atftpd=$atftpd_tftp speed_ratio=$tftp_ratio | transport=$transport"
