# shellcheck shell=bash
# Shared helpers for infra/bin/elasticsearch, infra/bin/keycloak and infra/bin/services.
# Source it (after `set -euo pipefail` and setting LOG_TAG); it is not a command of its own.
#
# Environment:
#   CITYSTEP_SERVICES_DIR   where distributions, data, PID files and logs live
#                           (default /var/tmp/citystep; one install per machine: the ports are
#                           machine-wide anyway). When run as root, Elasticsearch runs as
#                           CITYSTEP_SERVICE_USER, which must be able to reach this folder: every
#                           parent must be world-executable, so never under /root.
#   CITYSTEP_SERVICE_USER   user Elasticsearch runs as when these scripts run as root (default nobody)
#   CITYSTEP_LOCK_TIMEOUT   seconds to wait for another start/stop of the same service (default 900)

umask 022

CITYSTEP_BIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CITYSTEP_REPO_ROOT="$(cd "$CITYSTEP_BIN_DIR/../.." && pwd)"
CITYSTEP_SERVICES_DIR="${CITYSTEP_SERVICES_DIR:-/var/tmp/citystep}"
CS_DIST_DIR="$CITYSTEP_SERVICES_DIR/dist"
CS_DATA_DIR="$CITYSTEP_SERVICES_DIR/data"
CS_RUN_DIR="$CITYSTEP_SERVICES_DIR/run"
CS_LOG_DIR="$CITYSTEP_SERVICES_DIR/logs"
CS_TMP_DIR="$CITYSTEP_SERVICES_DIR/tmp"
CS_SERVICE_USER="${CITYSTEP_SERVICE_USER:-nobody}"
LOG_TAG="${LOG_TAG:-citystep}"

log() { printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$LOG_TAG" "$*"; }
warn() { printf '%s [%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$LOG_TAG" "$*" >&2; }
die() {
  printf '%s [%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$LOG_TAG" "$*" >&2
  exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# pom_property NAME DEFAULT: a <properties> value of the root pom.xml, so versions have one source.
pom_property() {
  local name="$1" default="$2" value
  value="$(sed -n "s:.*<${name}>\\([^<]*\\)</${name}>.*:\\1:p" "$CITYSTEP_REPO_ROOT/pom.xml" 2>/dev/null | head -n 1)"
  printf '%s\n' "${value:-$default}"
}

service_group() { id -gn "$CS_SERVICE_USER"; }

# service_user_prefix: sets the array CS_AS_SERVICE_USER to the command prefix that runs a command
# as CITYSTEP_SERVICE_USER when we are root (Elasticsearch refuses root), empty otherwise. The
# environment is kept.
CS_AS_SERVICE_USER=()
service_user_prefix() {
  if is_root; then
    CS_AS_SERVICE_USER=(setpriv --reuid="$CS_SERVICE_USER" --regid="$(service_group)" --clear-groups --)
  else
    CS_AS_SERVICE_USER=()
  fi
}

# run_as_service_user CMD...
run_as_service_user() {
  service_user_prefix
  "${CS_AS_SERVICE_USER[@]}" "$@"
}

# give_to_service_user PATH...: chown -R to the service user when we are root.
give_to_service_user() {
  if is_root; then
    chown -R "$CS_SERVICE_USER:$(service_group)" "$@"
  fi
}

ensure_services_dirs() {
  mkdir -p "$CS_DIST_DIR" "$CS_DATA_DIR" "$CS_RUN_DIR" "$CS_LOG_DIR" "$CS_TMP_DIR"
  chmod 755 "$CITYSTEP_SERVICES_DIR" "$CS_DIST_DIR" "$CS_DATA_DIR" "$CS_RUN_DIR" "$CS_LOG_DIR" "$CS_TMP_DIR"
}

# check_service_user_can_reach DIR: fail early, with the reason, when the service user cannot
# traverse DIR (e.g. CITYSTEP_SERVICES_DIR under /root).
check_service_user_can_reach() {
  local dir="$1"
  if is_root && ! run_as_service_user test -x "$dir"; then
    die "user $CS_SERVICE_USER cannot reach $dir: every parent folder must be world-readable and" \
      "-executable (not under /root). Set CITYSTEP_SERVICES_DIR to e.g. /var/tmp/citystep."
  fi
}

# acquire_lock NAME: hold an exclusive flock on run/NAME.lock until this script exits. The fd
# number is in CS_LOCK_FD; close it for daemons (`{CS_LOCK_FD}>&-`) or they keep the lock.
CS_LOCK_FD=""
acquire_lock() {
  local name="$1" timeout="${CITYSTEP_LOCK_TIMEOUT:-900}"
  exec {CS_LOCK_FD}>"$CS_RUN_DIR/$name.lock"
  if ! flock -n "$CS_LOCK_FD"; then
    log "waiting for another start/stop of $name to finish (lock $CS_RUN_DIR/$name.lock)"
    flock -w "$timeout" "$CS_LOCK_FD" || die "could not get the lock $CS_RUN_DIR/$name.lock in ${timeout}s"
  fi
}

# pid_matches PID MARKER: PID is alive and its command line contains MARKER (guards against a
# recycled PID naming some other process).
pid_matches() {
  local pid="$1" marker="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# live_pid PIDFILE MARKER: print the PID in PIDFILE when it names a live process matching MARKER.
live_pid() {
  local pidfile="$1" marker="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  pid_matches "$pid" "$marker" || return 1
  printf '%s\n' "$pid"
}

# rss_mb PID: resident memory of PID and its direct children, in MB.
rss_mb() {
  local pid="$1"
  ps -o rss= --pid "$pid" --ppid "$pid" 2>/dev/null | awk '{ kb += $1 } END { printf "%d\n", kb / 1024 }'
}

port_in_use() {
  local port="$1"
  (: >"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

url_ok() {
  curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

# wait_for_url URL TIMEOUT_SECONDS [PID]: 0 when URL answers 2xx, 1 on timeout, 2 when PID died first.
wait_for_url() {
  local url="$1" timeout="$2" pid="${3:-}" start=$SECONDS
  while ((SECONDS - start < timeout)); do
    if url_ok "$url"; then
      return 0
    fi
    if [[ -n "$pid" && ! -d "/proc/$pid" ]]; then
      url_ok "$url" && return 0
      return 2
    fi
    sleep 1
  done
  return 1
}

# show_log_tail FILE [LINES]
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -f "$file" ]]; then
    printf -- '---- last %s lines of %s ----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf -- '---- end of %s ----\n' "$file" >&2
  fi
}

# stop_pid PID TIMEOUT_SECONDS: TERM, wait, then KILL (the PID's process group too when the PID
# leads its own group, as the services started with setsid do). 0 when it is gone.
stop_pid() {
  local pid="$1" timeout="$2" start=$SECONDS pgid
  kill -TERM "$pid" 2>/dev/null || true
  while ((SECONDS - start < timeout)); do
    [[ -d "/proc/$pid" ]] || return 0
    sleep 1
  done
  warn "pid $pid still running after ${timeout}s: sending KILL"
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
  if [[ -n "$pgid" && "$pgid" == "$pid" && "$pgid" != "$(ps -o pgid= -p $$ | tr -d ' ')" ]]; then
    kill -KILL -- "-$pgid" 2>/dev/null || true
  else
    kill -KILL "$pid" 2>/dev/null || true
  fi
  start=$SECONDS
  while ((SECONDS - start < 15)); do
    [[ -d "/proc/$pid" ]] || return 0
    sleep 1
  done
  return 1
}

# Owner markers: run/SERVICE.owner holds the owner name (e.g. "build") of a start that actually
# started SERVICE; `stop --owner NAME` stops only a service whose marker says NAME.
owner_file() { printf '%s/%s.owner\n' "$CS_RUN_DIR" "$1"; }
owner_of() {
  local file
  file="$(owner_file "$1")"
  [[ -f "$file" ]] && cat "$file"
  return 0
}

# parse_owner_args ARGS...: sets CS_OWNER from `--owner NAME` / `--owner=NAME`.
CS_OWNER=""
parse_owner_args() {
  while (($# > 0)); do
    case "$1" in
      --owner)
        (($# >= 2)) || die "--owner needs a name"
        CS_OWNER="$2"
        shift 2
        ;;
      --owner=*)
        CS_OWNER="${1#--owner=}"
        shift
        ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  if [[ -n "$CS_OWNER" && ! "$CS_OWNER" =~ ^[A-Za-z0-9._-]+$ ]]; then
    die "owner name must match [A-Za-z0-9._-]+: $CS_OWNER"
  fi
}

# mvn_unpack ARTIFACT DEST: fetch G:A:V:TYPE from Maven Central through the project's Maven
# wrapper (dependency plugin pinned: Maven's default 2.8 loses exec bits) and unpack it; the
# archive's single top-level folder becomes DEST. Runs outside the project so no reactor and no
# unpack markers get in the way.
mvn_unpack() {
  local artifact="$1" dest="$2" plugin_version work entries
  plugin_version="$(pom_property maven-dependency-plugin.version 3.6.1)"
  work="$(mktemp -d "$CS_DIST_DIR/.fetch.XXXXXX")"
  log "fetching $artifact from Maven Central (maven-dependency-plugin $plugin_version)"
  if ! (cd "$work" && "$CITYSTEP_REPO_ROOT/mvnw" -B -q -Dstyle.color=never \
    "org.apache.maven.plugins:maven-dependency-plugin:${plugin_version}:unpack" \
    -Dartifact="$artifact" -DoutputDirectory="$work/out" </dev/null); then
    rm -rf "$work"
    die "could not fetch $artifact"
  fi
  mapfile -t entries < <(find "$work/out" -mindepth 1 -maxdepth 1)
  if ((${#entries[@]} != 1)) || [[ ! -d "${entries[0]}" ]]; then
    rm -rf "$work"
    die "unexpected layout in $artifact: expected one top-level folder"
  fi
  rm -rf "$dest"
  mv "${entries[0]}" "$dest"
  rm -rf "$work"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
