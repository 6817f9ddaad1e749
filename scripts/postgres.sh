#!/usr/bin/env bash
# Throwaway PostgreSQL clusters for tests and CI.
#
#   scripts/postgres.sh start DIR   create a cluster in DIR, start it on a free port on
#                                   127.0.0.1, print its URL as the only line on stdout
#   scripts/postgres.sh stop DIR    stop it (fast) and remove DIR
#   scripts/postgres.sh restart DIR restart it in place (fast shutdown: every connection is
#                                   cut, as in a real restart; bench/failover.mjs)
#
# Trust authentication on 127.0.0.1 only, fsync off: for tests, never for data you keep.
# PostgreSQL refuses to run as root, so as root every server command runs as the
# `postgres` user (DIR is chowned to it); as any other user it runs directly.
# Binaries: $LIVEPAGE_PG_BINDIR, else the newest /usr/lib/postgresql/*/bin (Debian),
# else pg_ctl on PATH. All diagnostics go to stderr; the server log is DIR/postgres.log.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }
usage() { echo "usage: scripts/postgres.sh start|stop|restart DIR" >&2; exit 2; }

[[ $# -eq 2 ]] || usage
cmd=$1
[[ -n $2 ]] || usage
# Absolute path: the server runs from another working directory.
dir=$(realpath -m -- "$2")
[[ $dir != / ]] || die "refusing to use / as the cluster directory"
marker="$dir/.livepage-postgres"

find_bindir() {
  if [[ -n ${LIVEPAGE_PG_BINDIR:-} ]]; then
    [[ -x $LIVEPAGE_PG_BINDIR/pg_ctl ]] || die "LIVEPAGE_PG_BINDIR=$LIVEPAGE_PG_BINDIR has no pg_ctl"
    echo "$LIVEPAGE_PG_BINDIR"; return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $found && -x $found/pg_ctl && -x $found/initdb ]]; then
    echo "$found"; return
  fi
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return
  fi
  die "PostgreSQL binaries not found (no /usr/lib/postgresql/*/bin/pg_ctl, no pg_ctl on PATH). Install them: apt-get install postgresql"
}

# Run a command as the user the server must run as. `cd /` avoids "could not change
# directory" warnings when the caller's directory is unreadable to postgres.
if [[ $(id -u) -eq 0 ]]; then
  id -u postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user to run the server as"
  if command -v runuser >/dev/null 2>&1; then
    as_pg() { (cd / && runuser -u postgres -- "$@"); }
  else
    as_pg() { (cd / && su postgres -s /bin/sh -c '"$0" "$@"' -- "$@"); }
  fi
else
  as_pg() { (cd / && "$@"); }
fi

free_port() {
  # Ask the kernel for an ephemeral port (node is always there in this project);
  # without node, probe random high ports. Either way the port could be taken before
  # the server binds it, so start() retries on "address already in use".
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})'
    return
  fi
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free TCP port found"
}

start() {
  local bindir port socketdir attempt
  bindir=$(find_bindir)
  if [[ -e $dir ]]; then
    [[ -d $dir ]] || die "$dir exists and is not a directory"
    [[ -z $(ls -A -- "$dir") ]] || die "$dir is not empty (stop the old cluster first: scripts/postgres.sh stop $dir)"
  fi
  mkdir -p -- "$dir"
  : >"$marker"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres: -- "$dir"
    as_pg test -w "$dir" || die "user postgres cannot write to $dir (is a parent directory closed to it? use a directory under /tmp)"
  fi

  if ! as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed in $dir/data"
  fi

  # Unix socket paths are limited to ~107 bytes; with a long DIR, TCP only.
  socketdir=$dir
  if (( ${#dir} + 20 > 107 )); then
    echo "postgres.sh: $dir is too long for a unix socket; TCP only" >&2
    socketdir=''
  fi

  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # Later settings win, so appending overrides the defaults initdb wrote.
    cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/postgres.sh (attempt $attempt): a throwaway test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socketdir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -s start >/dev/null 2>"$dir/pg_ctl.log"; then
      echo "postgres://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    if grep -qi 'address already in use\|could not bind' "$dir/postgres.log" 2>/dev/null; then
      echo "postgres.sh: port $port was taken, retrying" >&2
      as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
      continue
    fi
    break
  done
  cat "$dir/pg_ctl.log" "$dir/postgres.log" >&2 2>/dev/null || true
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
  die "PostgreSQL did not start (log above; cluster left in $dir, remove it with: scripts/postgres.sh stop $dir)"
}

stop() {
  if [[ ! -e $dir ]]; then
    return 0
  fi
  # Only ever delete a directory this script created.
  [[ -e $marker ]] || die "$dir was not created by scripts/postgres.sh start; not removing it"
  if [[ -f $dir/data/postmaster.pid ]]; then
    local bindir
    bindir=$(find_bindir)
    if ! as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 -s stop >/dev/null 2>&1; then
      # A server that is already gone leaves a stale pid file; anything else is worth a word.
      if as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 ||
          echo "postgres.sh: could not stop the server in $dir/data" >&2
      fi
    fi
  fi
  rm -rf -- "$dir"
}

restart() {
  [[ -e $marker ]] || die "$dir was not created by scripts/postgres.sh start"
  local bindir
  bindir=$(find_bindir)
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -m fast -w -t 60 -s restart >/dev/null 2>"$dir/pg_ctl.log" ||
    { cat "$dir/pg_ctl.log" >&2; die "PostgreSQL did not restart (see $dir/postgres.log)"; }
}

case $cmd in
  start) start ;;
  restart) restart ;;
  stop) stop ;;
  *) usage ;;
esac
