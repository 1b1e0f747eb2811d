#!/bin/sh
# Is gunicorn answering? Asks /livez (alive, without the database) or, where the build
# has none yet, /healthz; three failures in a row restart twitchcheck-web.
BASE="http://${BIND:-127.0.0.1:8000}"
for attempt in 1 2 3; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/livez")
  [ "$code" = 404 ] && code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/healthz")
  [ "$code" = 200 ] && exit 0
  sleep 5
done
echo "twitchcheck-web did not answer (last status: $code); restarting it" >&2
exec systemctl restart twitchcheck-web
