#!/bin/bash
# Stops the cluster started by start.sh: cancels its jobs, then stops slurmd, slurmctld and munged by the process
# ids in their pid files (nothing else is touched). Prints "slurm stopped".
set -uo pipefail
DIR=${SLURM_DIR:-/tmp/scriptorium-slurm}
NODE=$(hostname -s)
export SLURM_CONF=$DIR/etc/slurm.conf

alive() { local pid; pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = "$2" ]; }

stop() {  # stop <pid file> <command name>
  if alive "$1" "$2"; then
    local pid; pid=$(cat "$1")
    kill -TERM "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$1"
}

if alive "$DIR/run/slurmctld.pid" slurmctld; then
  jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
  if [ -n "${jobs// }" ]; then
    scancel $jobs
    for _ in $(seq 60); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  fi
fi
stop "$DIR/run/slurmd-$NODE.pid" slurmd
stop "$DIR/run/slurmctld.pid" slurmctld
stop "$DIR/munge/munged.pid" munged
echo "slurm stopped"
