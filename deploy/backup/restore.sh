#!/usr/bin/env bash
# Restores a backup of deploy/backup/backup.sh into an empty database (created beforehand, e.g.
# `createdb -O prefill prefill_restored`) and puts its checkpoints where the gateway reads them. Then
# start one gateway on it and ask GET /actuator/auditchain (operators): valid, through every checkpoint.
#
#   deploy/backup/restore.sh BACKUP_DIR DATABASE_URI CHECKPOINT_DIR
set -euo pipefail
[ $# -ge 3 ] || { sed -n '6p' "$0" >&2; exit 2; }
backup=$1 database=$2 checkpoints=$3

[ -f "$backup/prefill.dump" ] || { echo "restore: $backup/prefill.dump does not exist" >&2; exit 1; }
pg_restore --exit-on-error --no-owner --single-transaction --dbname="$database" "$backup/prefill.dump"
mkdir -p "$checkpoints"
find "$backup/checkpoints" -maxdepth 1 -name '*.jws' -exec cp -p {} "$checkpoints/" \;
echo "restore: $backup/prefill.dump restored; $(find "$checkpoints" -name '*.jws' | wc -l) checkpoint(s) in $checkpoints"
