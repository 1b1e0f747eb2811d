#!/bin/sh
# Nightly backup (docs/deploy.md): the database as a custom-format dump, and the uploads.
# Keeps KEEP_DAYS (14) days. Run from cron or a timer as a user that can read both.
set -eu
DEST=${BACKUP_DIR:-/var/backups/twitchcheck}
KEEP_DAYS=${KEEP_DAYS:-14}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$DEST"
pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$DEST/db-$STAMP.dump.part"
mv "$DEST/db-$STAMP.dump.part" "$DEST/db-$STAMP.dump"
tar -C "${MEDIA_ROOT:-/srv/twitchcheck/var/media}" -czf "$DEST/media-$STAMP.tar.gz" .
find "$DEST" -name 'db-*.dump' -mtime +"$KEEP_DAYS" -delete
find "$DEST" -name 'media-*.tar.gz' -mtime +"$KEEP_DAYS" -delete
echo "backup $STAMP: $(du -h "$DEST/db-$STAMP.dump" | cut -f1) database"
