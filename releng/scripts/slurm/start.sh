#!/bin/bash
# Starts a single-node Slurm cluster on this machine for the Slurm executor's tests (and for trying the executor):
# munged, slurmctld and slurmd from Debian's packages (slurmctld slurmd slurm-client munge), without systemd, all
# state under $SLURM_DIR (default /tmp/scriptorium-slurm). Idempotent: daemons already running are kept.
# Prints "slurm ready" and the SLURM_CONF to export; exit 3 if the packages are missing, 4 if a daemon does not come
# up (its log is named). Must run as root (the daemons run as root). Stop with stop.sh.
set -euo pipefail
DIR=${SLURM_DIR:-/tmp/scriptorium-slurm}
NODE=$(hostname -s)
CONF=$DIR/etc/slurm.conf
SOCKET=$DIR/munge/munge.socket.2
export SLURM_CONF=$CONF

for c in munged munge slurmctld slurmd sbatch squeue scontrol scancel sinfo; do
  command -v "$c" >/dev/null || { echo "slurm: $c is not installed (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 3; }
done
[ "$(id -u)" = 0 ] || { echo "slurm: start.sh must run as root (the daemons run as root)" >&2; exit 3; }

# alive <pid file> <command name>
alive() { local pid; pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = "$2" ]; }

mkdir -p "$DIR"/etc "$DIR"/state "$DIR"/spool "$DIR"/log "$DIR"/run "$DIR"/munge
chmod 755 "$DIR" "$DIR/munge"          # munged refuses a socket folder others cannot enter

# munge: a key of our own, its own socket
[ -s "$DIR/munge/munge.key" ] || dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1 count=128 status=none
chmod 600 "$DIR/munge/munge.key"
if ! alive "$DIR/munge/munged.pid" munged; then
  rm -f "$SOCKET" "$SOCKET.lock"
  munged --socket="$SOCKET" --key-file="$DIR/munge/munge.key" --pid-file="$DIR/munge/munged.pid" \
         --log-file="$DIR/munge/munged.log" --seed-file="$DIR/munge/munged.seed"
fi
munge -n -S "$SOCKET" | unmunge -S "$SOCKET" >/dev/null || { echo "slurm: munge does not work, see $DIR/munge/munged.log" >&2; exit 4; }

# slurm.conf: the node as slurmd -C sees it (CPUs alone make slurmd complain about sockets and cores), 1 GiB less
# memory; no cgroups (proctrack/linuxproc, task/none); no accounting database: finished jobs in the completion log
MEMORY=$(( $(awk '/^MemTotal:/{print int($2/1024)}' /proc/meminfo) - 1024 ))
NODELINE=$(slurmd -C | head -1 | sed -E "s/^NodeName=[^ ]+/NodeName=$NODE NodeAddr=127.0.0.1/; s/RealMemory=[0-9]+/RealMemory=$MEMORY/")
cat > "$CONF.new" <<CONF
ClusterName=scriptorium
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool/slurmd-%n
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd-%n.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd-%n.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$DIR/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=300
KillWait=5
$NODELINE State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
if cmp -s "$CONF.new" "$CONF"; then
  rm -f "$CONF.new"
else
  mv "$CONF.new" "$CONF"
  for d in "slurmd:$DIR/run/slurmd-$NODE.pid" "slurmctld:$DIR/run/slurmctld.pid"; do  # restart on a new config
    if alive "${d#*:}" "${d%%:*}"; then
      pid=$(cat "${d#*:}"); kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
  done
fi
mkdir -p "$DIR/spool/slurmd-$NODE"

# the daemons in foreground mode, detached; they write their pid files
if ! alive "$DIR/run/slurmctld.pid" slurmctld; then
  setsid nohup slurmctld -D -f "$CONF" >>"$DIR/log/slurmctld.out" 2>&1 </dev/null &
fi
for _ in $(seq 60); do scontrol ping 2>/dev/null | grep -q 'is UP' && break; sleep 0.5; done
scontrol ping 2>/dev/null | grep -q 'is UP' || { echo "slurm: slurmctld is not up, see $DIR/log/slurmctld.log" >&2; exit 4; }
if ! alive "$DIR/run/slurmd-$NODE.pid" slurmd; then
  setsid nohup slurmd -D -N "$NODE" -f "$CONF" >>"$DIR/log/slurmd.out" 2>&1 </dev/null &
fi
state=""
for _ in $(seq 120); do
  state=$(sinfo -h -n "$NODE" -o %T 2>/dev/null || true)
  case "$state" in
    idle|mixed|allocated|completing) break ;;
    down*|drain*) scontrol update NodeName="$NODE" State=RESUME 2>/dev/null || true ;;
  esac
  sleep 0.5
done
case "$state" in idle|mixed|allocated|completing) ;;
  *) echo "slurm: node $NODE is '$state', see $DIR/log/slurmd-$NODE.log" >&2; exit 4 ;; esac
echo "export SLURM_CONF=$CONF" > "$DIR/env.sh"
echo "slurm ready: export SLURM_CONF=$CONF"
