# shellcheck shell=bash
# Set-up and local services of asn-kinerja, sourced by the Makefile:
#
#   source scripts/services.sh; ensure_system_packages; ensure_venv; services_up; ...
#
# Call the functions as separate statements (`a; b`), never as `a && b`: bash disables
# `set -e` inside a function that is the left side of && / || or an `if` condition.
#
# Private services: PostgreSQL 15 and Redis on 127.0.0.1, ports and state directory derived
# from a hash of the checkout's absolute path, so several checkouts (git worktrees) on one
# machine never collide:
#   state  /tmp/asn-kinerja-<hash>/  (mode 755; reachable by the `postgres` user)
#   ports  PostgreSQL 20000+N, Redis 30000+N  (N = hash mod 10000)
# DATABASE_URL / REDIS_URL set in the environment (to other servers) replace the private ones.

set -euo pipefail

ASN_ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PY="$ASN_ROOT/.venv/bin/python"
PG_DB="asn_kinerja"
PG_USER="app"

say() { printf '[asn-kinerja] %s\n' "$*"; }
warn() { printf '[asn-kinerja] PERINGATAN: %s\n' "$*" >&2; }
die() {
	printf '[asn-kinerja] GAGAL: %s\n' "$*" >&2
	exit 1
}
is_root() { [ "$(id -u)" = 0 ]; }

# checkout_paths DIR: sets ASN_HASH, ASN_N, PG_PORT, REDIS_PORT, STATE_DIR and the private
# URLs for the checkout at DIR. Pure: usable with any directory (to test the derivation).
checkout_paths() {
	local dir="$1"
	ASN_HASH="$(printf '%s' "$dir" | sha1sum | cut -c1-8)"
	ASN_N=$((16#$ASN_HASH % 10000))
	PG_PORT=$((20000 + ASN_N))
	REDIS_PORT=$((30000 + ASN_N))
	STATE_DIR="/tmp/asn-kinerja-$ASN_HASH"
	PG_DATA="$STATE_DIR/pgdata"
	PRIVATE_DATABASE_URL="postgres://$PG_USER@127.0.0.1:$PG_PORT/$PG_DB"
	PRIVATE_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
}
checkout_paths "$ASN_ROOT"

# A URL already in the environment means "use that server", unless it is this checkout's own
# private URL (e.g. after `eval $(make -s env)`): then the private server is still ours to run.
EXTERNAL_DB=""
EXTERNAL_REDIS=""
if [ -n "${DATABASE_URL:-}" ] && [ "$DATABASE_URL" != "$PRIVATE_DATABASE_URL" ]; then
	EXTERNAL_DB=1
fi
if [ -n "${REDIS_URL:-}" ] && [ "$REDIS_URL" != "$PRIVATE_REDIS_URL" ]; then
	EXTERNAL_REDIS=1
fi
export DATABASE_URL="${DATABASE_URL:-$PRIVATE_DATABASE_URL}"
export REDIS_URL="${REDIS_URL:-$PRIVATE_REDIS_URL}"

mask_url() { sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#' <<<"$1"; }

# Run a command as the user that owns the cluster (initdb refuses root).
as_pg() {
	if is_root; then
		(cd "$STATE_DIR" && runuser -u postgres -- "$@")
	else
		(cd "$STATE_DIR" && "$@")
	fi
}

ensure_state_dir() {
	mkdir -p "$STATE_DIR"
	chmod 755 "$STATE_DIR"
	# PostgreSQL writes its socket and log here, so the cluster's user must own it.
	if is_root && id -u postgres >/dev/null 2>&1 && [ "$(stat -c %U "$STATE_DIR")" != postgres ]; then
		chown postgres:postgres "$STATE_DIR"
	fi
}

# --- system packages ----------------------------------------------------------------------

missing_system_packages() {
	local pkgs=(chromium poppler-utils libharfbuzz-subset0 fonts-dejavu-core libpango-1.0-0
		libpangoft2-1.0-0)
	[ -n "$EXTERNAL_REDIS" ] || pkgs+=(redis-server)
	if [ -z "$EXTERNAL_DB" ] && [ ! -x "$PGBIN/initdb" ]; then pkgs+=(postgresql-15); fi
	local p
	for p in "${pkgs[@]}"; do
		if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
			printf '%s\n' "$p"
		fi
	done
}

ensure_system_packages() {
	local missing
	mapfile -t missing < <(missing_system_packages)
	if [ "${#missing[@]}" -eq 0 ]; then
		say "paket sistem lengkap"
		return 0
	fi
	local line="apt-get install -y --no-install-recommends ${missing[*]}"
	if ! is_root; then
		printf '[asn-kinerja] GAGAL: paket sistem belum terpasang: %s\n' "${missing[*]}" >&2
		printf '[asn-kinerja] Pasang sebagai root, lalu ulangi:\n  sudo apt-get update && sudo %s\n' "$line" >&2
		exit 1
	fi
	local log="/tmp/asn-kinerja-apt-$ASN_HASH.log"
	local apt=(apt-get -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
	say "memasang paket sistem: ${missing[*]} (log: $log)"
	export DEBIAN_FRONTEND=noninteractive
	# `apt-get update` waits for the lists lock only in recent apt: retry while another apt runs.
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		if "${apt[@]}" update -qq >>"$log" 2>&1; then break; fi
		[ "$i" -lt 10 ] || { tail -n 20 "$log" >&2; die "apt-get update gagal"; }
		sleep 15
	done
	"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1 ||
		{ tail -n 20 "$log" >&2; die "apt-get install gagal (log: $log)"; }
	say "paket sistem terpasang"
}

# --- Python virtualenv ----------------------------------------------------------------------

requirements_digest() {
	{
		cat "$ASN_ROOT/requirements.txt" "$ASN_ROOT/requirements-dev.txt"
		"$PY" -c 'import sys; print(sys.version)'
	} | sha256sum | cut -d' ' -f1
}

ensure_venv() {
	local venv="$ASN_ROOT/.venv" stamp="$ASN_ROOT/.venv/.requirements.sha256"
	if [ -d "$venv" ] && ! "$PY" -c 'import sys' >/dev/null 2>&1; then
		warn ".venv rusak (python tidak jalan): dibuat ulang"
		rm -rf "$venv"
	fi
	if [ ! -x "$PY" ]; then
		say "membuat .venv ($(${PYTHON:-python3} --version 2>&1))"
		"${PYTHON:-python3}" -m venv "$venv" || die "python3 -m venv gagal (paket python3-venv?)"
	fi
	local want
	want="$(requirements_digest)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		say ".venv mutakhir"
		return 0
	fi
	local log="$venv/pip-install.log"
	say "memasang requirements-dev.txt ke .venv (log: .venv/pip-install.log)"
	if ! "$PY" -m pip install --disable-pip-version-check -q -r "$ASN_ROOT/requirements-dev.txt" \
		>"$log" 2>&1; then
		grep -v "^WARNING: Location" "$log" | tail -n 30 >&2
		die "pip install gagal (log: $log)"
	fi
	printf '%s\n' "$want" >"$stamp"
	say ".venv siap"
}

# --- PostgreSQL -----------------------------------------------------------------------------

pg_psql() {
	"$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$@"
}

# pid_cmdline_has PID STRING: is PID alive and does its command line contain STRING?
pid_cmdline_has() {
	local pid="$1" want="$2"
	[[ "$pid" =~ ^[0-9]+$ ]] || return 1
	[ -r "/proc/$pid/cmdline" ] || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$want"
}

pg_up() {
	if [ -n "$EXTERNAL_DB" ]; then
		say "PostgreSQL: memakai DATABASE_URL dari lingkungan ($(mask_url "$DATABASE_URL"))"
		return 0
	fi
	[ -x "$PGBIN/initdb" ] || die "PostgreSQL 15 tidak ada di $PGBIN (jalankan: make run sebagai root)"
	ensure_state_dir
	local log="$STATE_DIR/postgresql.log"
	if [ ! -s "$PG_DATA/PG_VERSION" ]; then
		rm -rf "$PG_DATA"
		say "membuat klaster PostgreSQL di $PG_DATA"
		as_pg "$PGBIN/initdb" -D "$PG_DATA" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 \
			--no-sync >"$STATE_DIR/initdb.log" 2>&1 ||
			{ tail -n 20 "$STATE_DIR/initdb.log" >&2; die "initdb gagal"; }
	fi
	pg_ready || pg_wait_or_clear_stale
	if pg_ready; then
		local dd
		dd="$(pg_psql -d postgres -Atc 'show data_directory' 2>/dev/null || true)"
		[ "$dd" = "$PG_DATA" ] ||
			die "port $PG_PORT dipakai server lain (bukan $PG_DATA); hentikan server itu"
		say "PostgreSQL 127.0.0.1:$PG_PORT sudah berjalan"
	else
		# shared_buffers 1GB: these VMs reclaim the OS page cache of idle processes (kdamond),
		# so with the 128MB default a 100k-employee database is read from disk again after
		# every pause (docs/bench.md); PostgreSQL's own buffers keep the working set.
		as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$log" -w -t 60 -o "-p $PG_PORT -k $STATE_DIR \
-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
-c shared_buffers=1GB" \
			start >/dev/null 2>&1 ||
			{ tail -n 20 "$log" >&2; die "PostgreSQL gagal mulai (log: $log)"; }
		say "PostgreSQL 127.0.0.1:$PG_PORT siap"
	fi
	if [ "$(pg_psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
		pg_psql -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
		say "database $PG_DB dibuat"
	fi
}

pg_ready() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

# The pid of this checkout's postmaster, if it is alive (postmaster.pid may be stale, its pid
# dead or reused by an unrelated process: containers restart pids from 1).
pg_live_pid() {
	local pid
	[ -f "$PG_DATA/postmaster.pid" ] || return 1
	pid="$(head -n1 "$PG_DATA/postmaster.pid" | tr -d ' ')"
	pid_cmdline_has "$pid" "$PG_DATA" || return 1
	printf '%s\n' "$pid"
}

# Not accepting connections: either our postmaster is starting or stopping (wait for it), or
# lock files are stale (remove them, or PostgreSQL may refuse to start).
pg_wait_or_clear_stale() {
	local pid i
	if pid="$(pg_live_pid)"; then
		for i in $(seq 1 120); do
			pg_ready && return 0
			pid_alive "$pid" || break
			sleep 0.5
		done
	fi
	if ! pg_live_pid >/dev/null; then
		# Only this cluster uses $STATE_DIR for its socket, so with it down all locks are stale.
		rm -f "$PG_DATA/postmaster.pid" "$STATE_DIR"/.s.PGSQL.*.lock
	fi
}

pg_down() {
	[ -z "$EXTERNAL_DB" ] || return 0
	[ -s "$PG_DATA/PG_VERSION" ] || return 0
	if pg_live_pid >/dev/null; then
		as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 ||
			die "PostgreSQL tidak mau berhenti (log: $STATE_DIR/postgresql.log)"
		say "PostgreSQL 127.0.0.1:$PG_PORT dihentikan"
	else
		rm -f "$PG_DATA/postmaster.pid"
	fi
}

# --- Redis ----------------------------------------------------------------------------------

redis_cli() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

redis_is_ours() {
	[ "$(redis_cli config get dir 2>/dev/null | sed -n 2p)" = "$STATE_DIR" ]
}

redis_up() {
	if [ -n "$EXTERNAL_REDIS" ]; then
		say "Redis: memakai REDIS_URL dari lingkungan ($(mask_url "$REDIS_URL"))"
		return 0
	fi
	command -v redis-server >/dev/null || die "redis-server tidak ada (jalankan: make run sebagai root)"
	ensure_state_dir
	if [ "$(redis_cli ping 2>/dev/null)" = PONG ]; then
		redis_is_ours || die "port $REDIS_PORT dipakai Redis lain (bukan $STATE_DIR)"
		say "Redis 127.0.0.1:$REDIS_PORT sudah berjalan"
		return 0
	fi
	rm -f "$STATE_DIR/redis.pid"
	redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
		--pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" --dir "$STATE_DIR" \
		--save '' --appendonly no >/dev/null ||
		die "redis-server gagal mulai (log: $STATE_DIR/redis.log)"
	local i
	for i in $(seq 1 50); do
		[ "$(redis_cli ping 2>/dev/null)" = PONG ] && break
		[ "$i" -lt 50 ] || { tail -n 20 "$STATE_DIR/redis.log" >&2; die "Redis tidak menjawab"; }
		sleep 0.1
	done
	say "Redis 127.0.0.1:$REDIS_PORT siap"
}

redis_down() {
	[ -z "$EXTERNAL_REDIS" ] || return 0
	if [ "$(redis_cli ping 2>/dev/null)" = PONG ] && redis_is_ours; then
		redis_cli shutdown nosave >/dev/null 2>&1 || true
		local i
		for i in $(seq 1 50); do
			[ "$(redis_cli ping 2>/dev/null)" = PONG ] || break
			sleep 0.1
		done
		say "Redis 127.0.0.1:$REDIS_PORT dihentikan"
	fi
	rm -f "$STATE_DIR/redis.pid"
}

# --- background processes (Celery worker and beat, web) -------------------------------------

# bg_start NAME CMD...: start CMD in its own session (own process group), log and pidfile in
# the state directory.
bg_start() {
	local name="$1"
	shift
	ensure_state_dir
	setsid "$@" >>"$STATE_DIR/$name.log" 2>&1 </dev/null &
	printf '%s\n' "$!" >"$STATE_DIR/$name.pid"
}

# pid_alive PID: running (a zombie, exited but not yet reaped, counts as dead).
pid_alive() {
	[ -r "/proc/$1/stat" ] || return 1
	[ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

# group_alive PGID: does any live (non-zombie) process remain in the process group?
group_alive() {
	ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ {found = 1} END {exit !found}'
}

# bg_stop NAME MARKER: stop the process recorded in NAME.pid (only if its command line still
# contains MARKER: a stale pidfile may name an unrelated process), then the rest of its
# process group (Celery pool processes, runserver's autoreloader child).
bg_stop() {
	local name="$1" marker="$2" pidfile="$STATE_DIR/$1.pid" pid i
	[ -f "$pidfile" ] || return 0
	pid="$(cat "$pidfile" 2>/dev/null || true)"
	if pid_cmdline_has "$pid" "$marker"; then
		kill -TERM "$pid" 2>/dev/null || true
		for i in $(seq 1 100); do # Celery's warm shutdown lets running tasks finish
			pid_alive "$pid" || break
			sleep 0.1
		done
		kill -TERM -- "-$pid" 2>/dev/null || true
		for i in $(seq 1 20); do
			group_alive "$pid" || break
			sleep 0.1
		done
		kill -KILL -- "-$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true # reap it when it is this shell's child
		say "$name dihentikan"
	fi
	rm -f "$pidfile"
}

celery_stop() {
	bg_stop celery-beat "celery" || true
	bg_stop celery-worker "celery" || true
}

celery_start() {
	celery_stop
	bg_start celery-worker "$ASN_ROOT/.venv/bin/celery" -A asn_kinerja worker -l info \
		--concurrency 2
	bg_start celery-beat "$ASN_ROOT/.venv/bin/celery" -A asn_kinerja beat -l info \
		--schedule "$STATE_DIR/celerybeat-schedule"
	say "Celery worker dan beat berjalan (log: $STATE_DIR/celery-worker.log, celery-beat.log)"
}

# --- composite steps used by the Makefile ---------------------------------------------------

services_up() {
	pg_up
	redis_up
	print_urls
}

services_down() {
	celery_stop
	bg_stop web "manage.py" || true
	pg_down
	redis_down
}

services_destroy() {
	services_down
	if [ -z "$EXTERNAL_DB" ] && [ -d "$STATE_DIR" ]; then
		rm -rf "$STATE_DIR"
		say "$STATE_DIR dihapus"
	fi
}

print_urls() {
	say "DATABASE_URL=$(mask_url "$DATABASE_URL")"
	say "REDIS_URL=$(mask_url "$REDIS_URL")"
}

# Lines for `eval $(make -s env)`.
print_env() {
	printf 'export DATABASE_URL=%q\n' "$DATABASE_URL"
	printf 'export REDIS_URL=%q\n' "$REDIS_URL"
}

manage() { (cd "$ASN_ROOT" && "$PY" manage.py "$@"); }

use_settings() {
	export DJANGO_SETTINGS_MODULE="asn_kinerja.settings.$1"
}

migrate() {
	manage migrate --noinput -v 0
	say "migrasi database selesai"
}

seed_demo() {
	manage seed_demo
	say "data demo dimuat"
}

seed_if_empty() {
	local out
	out="$(manage shell -v 0 -c "from organisasi.models import Wilayah
print('ADA' if Wilayah.objects.exists() else 'KOSONG')")" ||
		die "tidak bisa memeriksa isi database"
	case "$(tail -n1 <<<"$out")" in
	KOSONG) seed_demo ;;
	ADA) say "database sudah berisi data (make demo untuk memuat ulang data demo)" ;;
	*) die "jawaban tak terduga saat memeriksa database: $out" ;;
	esac
}

collectstatic() {
	manage collectstatic --noinput -v 0
	say "collectstatic selesai"
}

WEB_PORT="${WEB_PORT:-8000}"

check_web_port_free() {
	# Leftovers of a `make run` whose shell was killed (kill -9, closed terminal): the recorded
	# web process is no longer a child of a shell running this script. Stop them.
	local pid ppid
	pid="$(cat "$STATE_DIR/web.pid" 2>/dev/null || true)"
	if pid_cmdline_has "$pid" manage.py; then
		ppid="$(ps -o ppid= -p "$pid" | tr -d ' ')"
		if ! pid_cmdline_has "$ppid" scripts/services.sh; then
			say "sisa make run sebelumnya ditemukan: dihentikan"
			bg_stop web manage.py
			celery_stop
		fi
	fi
	"$PY" - "$WEB_PORT" 2>/dev/null <<'EOF' || die "127.0.0.1:$WEB_PORT sudah dipakai (make run lain masih jalan?)"
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
EOF
}

_run_cleanup() {
	trap "" INT TERM # a second Ctrl-C (or make relaying SIGTERM) must not cut the cleanup short
	trap - EXIT
	echo
	bg_stop web "manage.py" || true
	celery_stop || true
	say "web, worker dan beat berhenti (PostgreSQL dan Redis tetap jalan: make down)"
}

# Web server in the foreground of the user's terminal; Ctrl-C stops web, worker and beat.
serve() {
	check_web_port_free
	trap '_run_cleanup || true; exit 130' INT
	trap '_run_cleanup || true; exit 143' TERM
	trap '_run_cleanup || true' EXIT
	celery_start
	# Own session, so that Ctrl-C reaches only this shell, whose trap stops the whole group
	# (runserver's autoreloader runs the server in a child process). Output: the terminal.
	setsid "$PY" "$ASN_ROOT/manage.py" runserver "127.0.0.1:$WEB_PORT" </dev/null &
	printf '%s\n' "$!" >"$STATE_DIR/web.pid"
	say "web: http://127.0.0.1:$WEB_PORT/  (Ctrl-C menghentikan web, worker dan beat)"
	local rc=0
	wait "$(cat "$STATE_DIR/web.pid")" || rc=$?
	return "$rc"
}

# --- the test suite -------------------------------------------------------------------------

_ms() { date +%s%3N; }

run_suite() {
	use_settings test
	export DJANGO_ALLOW_ASYNC_UNSAFE=true
	local failed=() t rc
	_step() {
		local name="$1"
		shift
		t="$(_ms)"
		rc=0
		"$@" || rc=$?
		if [ "$rc" -eq 0 ]; then
			say "$name: OK ($(($(_ms) - t)) ms)"
		else
			say "$name: GAGAL (exit $rc)"
			failed+=("$name")
		fi
	}
	cd "$ASN_ROOT"
	_step "ruff check" .venv/bin/ruff check -q .
	_step "ruff format --check" .venv/bin/ruff format --check -q .
	_step "manage.py check" "$PY" manage.py check
	_step "makemigrations --check" "$PY" manage.py makemigrations --check --dry-run
	local args=()
	eval "args=(${PYTEST_ARGS:-})"
	say "pytest${args[*]:+ ${args[*]}}"
	t="$(_ms)"
	rc=0
	"$PY" -m pytest "${args[@]}" || rc=$?
	if [ "$rc" -eq 5 ]; then
		printf '\n[asn-kinerja] !!!!! pytest TIDAK MENEMUKAN SATU TES PUN (exit 5): DIANGGAP GAGAL !!!!!\n\n' >&2
		failed+=("pytest (tidak ada tes)")
	elif [ "$rc" -ne 0 ]; then
		failed+=("pytest (exit $rc)")
	else
		say "pytest: OK ($(($(_ms) - t)) ms)"
	fi
	if [ "${#failed[@]}" -gt 0 ]; then
		say "GAGAL: $(IFS=,; echo "${failed[*]}")"
		return 1
	fi
	say "semua pemeriksaan lulus"
}
