#!/bin/sh
# The image's entry point (docs/deployment.md#the-image).
#   start    `medusa start`: an HTTP server or a background worker, as MEDUSA_WORKER_MODE says
#   migrate  `medusa db:migrate`: migrations and link sync, once per release, before the new servers start
#   anything else is run as given (e.g. `medusa user -e … -p …`)
set -eu

# A 32 MB young generation, as `npm start` runs the server (docs/operations.md, "Memory").
export NODE_OPTIONS="--max-semi-space-size=32${NODE_OPTIONS:+ $NODE_OPTIONS}"

case "${1:-start}" in
  start)
    case "${MEDUSA_WORKER_MODE:-shared}" in
      server | worker | shared) ;;
      *)
        echo "jewel-crm: MEDUSA_WORKER_MODE=\"${MEDUSA_WORKER_MODE}\" must be server, worker or shared" >&2
        exit 64
        ;;
    esac
    exec medusa start --port "${PORT:-9000}"
    ;;
  migrate)
    exec medusa db:migrate
    ;;
  *)
    exec "$@"
    ;;
esac
