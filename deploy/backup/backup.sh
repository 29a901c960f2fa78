#!/usr/bin/env bash
# Backs up the disclosure log (and the indicators and rate-limit buckets beside it) while the gateways
# keep serving: the checkpoint directory first, then one consistent pg_dump snapshot. Copying the
# checkpoints first means every checkpoint in the backup names a record the dump holds.
#
#   deploy/backup/backup.sh DATABASE_URI CHECKPOINT_DIR BACKUP_DIR [SCHEMA]
#     DATABASE_URI    libpq URI, e.g. postgresql://prefill@db.internal:5432/prefill (password: PGPASSWORD or ~/.pgpass)
#     CHECKPOINT_DIR  gateway.audit.checkpoint.directory (every node's files)
#     BACKUP_DIR      created; receives checkpoints/ and prefill.dump (pg_dump custom format)
#     SCHEMA          only this schema (default: the whole database)
set -euo pipefail
[ $# -ge 3 ] || { sed -n '6,10p' "$0" >&2; exit 2; }
database=$1 checkpoints=$2 backup=$3 schema=${4:-}

mkdir -p "$backup/checkpoints"
if [ -d "$checkpoints" ]; then
  find "$checkpoints" -maxdepth 1 -name '*.jws' -exec cp -p {} "$backup/checkpoints/" \;
fi
pg_dump --format=custom --no-owner ${schema:+--schema="$schema"} --file="$backup/prefill.dump.partial" --dbname="$database"
mv "$backup/prefill.dump.partial" "$backup/prefill.dump"
echo "backup: $(find "$backup/checkpoints" -name '*.jws' | wc -l) checkpoint(s) and $backup/prefill.dump"
