#!/bin/sh
# Proves a backup restores (docs/deploy.md): loads DUMP into a scratch database on the
# same server, checks Django sees every migration applied, and prints the row counts
# beside the live database's. Never touches the live database.
#   DATABASE_URL=postgres://... deploy/restore-test.sh /var/backups/twitchcheck/db-....dump
set -eu
DUMP=$1
SCRATCH=${SCRATCH_DB:-twitchcheck_restore_test}
ADMIN_URL=${DATABASE_URL%/*}/postgres
psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $SCRATCH" -c "CREATE DATABASE $SCRATCH"
pg_restore --no-owner --exit-on-error --dbname="${DATABASE_URL%/*}/$SCRATCH" "$DUMP"
DATABASE_URL="${DATABASE_URL%/*}/$SCRATCH" python manage.py migrate --check
count() {
  psql "$1" -tAc "select (select count(*) from auth_user) || ' accounts, ' ||
    (select count(*) from diary_episode) || ' episodes, ' ||
    (select count(*) from comments_comment) || ' comments'"
}
echo "restored: $(count "${DATABASE_URL%/*}/$SCRATCH")"
echo "live:     $(count "$DATABASE_URL")"
psql "$ADMIN_URL" -qc "DROP DATABASE $SCRATCH"
