# Sourced by the benchmark scripts (bench-osm.sh, bench-scenarios.sh, bench-serve.sh):
# the repository as the current folder, Swift on PATH, the --nodes / --seed options of
# the generated road network, and GNU time when asked for.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x /opt/swift/usr/bin/swift ] && ! command -v swift >/dev/null && export PATH=/opt/swift/usr/bin:$PATH
nodes=1000000
seed=1
# usage: bench_options SCRIPT_NAME "$@"; sets nodes and seed.
bench_options() {
  local name=$1; shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes=$2; shift 2 ;;
      --seed) seed=$2; shift 2 ;;
      *) echo "usage: scripts/$name [--nodes N] [--seed N]" >&2; exit 2 ;;
    esac
  done
}
# GNU time (package "time"), for wall time and maximum RSS.
bench_need_gnu_time() {
  if [ ! -x /usr/bin/time ]; then
    echo "installing: time"
    local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
  fi
}
