# shellcheck shell=bash
# The checks of scripts/container-check, sourced by it (uses its podman/compose functions and
# CHECK_* ports): bring the stack up in one ingress mode, wait for health, talk to the bot through
# the sandbox, kill a worker, scrape every process.

wait_for() { # what seconds command…: retries the command every second until it succeeds
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  fail "$what: not within ${seconds} s"
}

container() { echo "${PROJECT}_$1_1"; }
APP_SERVICES=(serve serve-2 worker worker-2)

all_healthy() {
  local service
  for service in "${APP_SERVICES[@]}"; do
    # podman has no scheduler for health checks without systemd: run the image's check now.
    podman healthcheck run "$(container "$service")" >/dev/null 2>&1 || return 1
  done
}

sandbox() { # method path [json]
  curl -fsS -X "$1" -H 'content-type: application/json' ${3:+--data "$3"} \
    "http://127.0.0.1:$SANDBOX_PORT/sandbox/api$2"
}

# Sends /start as a new sandbox user and waits for the bot's first answer; prints the ms it took.
round_trip() {
  local user=$1 sent chat id started reply
  sandbox POST /users "{\"id\":$user,\"first_name\":\"Check$user\",\"language_code\":\"en\"}" >/dev/null
  started=$(now_ms)
  sent=$(sandbox POST /messages "{\"from\":$user,\"text\":\"/start\"}")
  chat=$(echo "$sent" | grep -o '"chat":{"id":[0-9-]*' | grep -o '[0-9-]*$')
  id=$(echo "$sent" | grep -o '"message_id":[0-9]*' | sed -n 1p | grep -o '[0-9]*$')
  reply=$(sandbox GET "/chats/$chat/messages?after_message_id=$id&wait_ms=30000&limit=1")
  echo "$reply" | grep '"is_bot":true' >/dev/null || fail "no answer to /start from user $user: $reply"
  echo $(($(now_ms) - started))
}

# Prints "p50 X ms, max Y ms (n=N)" for the numbers on stdin.
summarize() {
  sort -n | awk '{ v[NR] = $1 } END { printf "p50 %d ms, max %d ms (n=%d)", v[int((NR + 1) / 2)], v[NR], NR }'
}

migrate_exited() { [ "$(podman inspect --format '{{.State.Status}}' "$(container migrate)")" = exited ]; }

scrape() { # port → the metrics text
  curl -fsS -H "authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$1/metrics"
}

run_mode() { # mode public_url
  local mode=$1 public_url=$2 started applied user rtt rtts=() service port metrics
  step "$mode mode: compose up (PUBLIC_URL=${public_url:-unset})"
  cat >"$WORK/.env" <<EOF
ENCRYPTION_KEY=container-check-encryption-key-0123456789abcdef
TELEGRAM_BOT_TOKEN=$TOKEN
TELEGRAM_API_ROOT=http://127.0.0.1:$SANDBOX_PORT
PUBLIC_URL=$public_url
METRICS_TOKEN=$METRICS_TOKEN
LOG_LEVEL=info
EOF
  # podman-compose 1.0.3 starts dependencies but does not wait for their conditions (healthy,
  # completed): wait for each here, as docker compose would.
  compose up -d postgres >"$WORK/up.log" 2>&1 || fail "compose up postgres: $(tail -5 "$WORK/up.log")"
  wait_for "postgres healthy" 120 podman healthcheck run "$(container postgres)"
  compose up -d migrate >>"$WORK/up.log" 2>&1 || fail "compose up migrate: $(tail -5 "$WORK/up.log")"
  wait_for "migrate finished" 180 migrate_exited
  [ "$(podman inspect --format '{{.State.ExitCode}}' "$(container migrate)")" = 0 ] ||
    fail "migrate exited non-zero: $(podman logs "$(container migrate)" 2>&1 | tail -20)"
  started=$(now_ms)
  compose up -d --no-deps "${APP_SERVICES[@]}" >>"$WORK/up.log" 2>&1 || fail "compose up: $(tail -5 "$WORK/up.log")"
  wait_for "2 serve + 2 worker healthy" 300 all_healthy
  HEALTHY_S=$(((($(now_ms) - started) + 500) / 1000))
  echo "2 serve + 2 worker healthy after ${HEALTHY_S} s"

  # `migrate` prints "Applied: …"; a serve or worker that migrates logs "migrations applied".
  podman logs "$(container migrate)" 2>&1 | grep '^Applied: ' >/dev/null || fail "migrate applied nothing"
  applied=0
  for service in "${APP_SERVICES[@]}"; do
    podman logs "$(container "$service")" 2>&1 | grep 'migrations applied' >/dev/null && applied=$((applied + 1))
  done
  [ "$applied" = 0 ] || fail "$applied serve/worker processes applied migrations after migrate had"
  echo "migrations applied once (by migrate)"

  # The first /start also waits for the bot to finish starting (getMe, setWebhook): not counted.
  user=1000
  [ "$mode" = webhook ] && user=2000
  round_trip "$user" >/dev/null
  for _ in 1 2 3 4 5; do
    user=$((user + 1))
    rtt=$(round_trip "$user") # a failure inside ends the check (set -e)
    rtts+=("$rtt")
  done
  RTT_SUMMARY=$(printf '%s\n' "${rtts[@]}" | summarize)
  echo "/start round trip: $RTT_SUMMARY"

  for port in "$CHECK_SERVE_PORT_1" "$CHECK_SERVE_PORT_2" "$CHECK_WORKER_PORT_1" "$CHECK_WORKER_PORT_2"; do
    metrics=$(scrape "$port") || fail "/metrics on :$port"
    echo "$metrics" | grep '^process_resident_memory_bytes' >/dev/null || fail "/metrics on :$port has no process metrics"
  done
  metrics="$(scrape "$CHECK_WORKER_PORT_1")$(scrape "$CHECK_WORKER_PORT_2")"
  echo "$metrics" | grep '^jobs_processed_total{queue="telegram.updates",outcome="completed"}' >/dev/null ||
    fail "no worker counted an update job"
  echo "/metrics scraped on all 4 processes (serve :$CHECK_SERVE_PORT_1 :$CHECK_SERVE_PORT_2, worker :$CHECK_WORKER_PORT_1 :$CHECK_WORKER_PORT_2)"

  podman kill --signal KILL "$(container worker)" >/dev/null
  echo "worker killed (SIGKILL); next messages:"
  for _ in 1 2 3; do
    user=$((user + 1))
    round_trip "$user" >/dev/null
  done
  scrape "$CHECK_WORKER_PORT_2" | grep '^jobs_processed_total{queue="telegram.updates",outcome="completed"}' >/dev/null ||
    fail "the surviving worker took no update job"
  echo "3 more /start answered with one worker killed"
}
