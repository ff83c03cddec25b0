/**
 * Slurm as an executor of launches: a sweep becomes one job array, each task runs its run's child on the cluster
 * writing its events to the run directory on the shared file system, and the parent follows those files and Slurm's
 * states through Slurm's own commands ({@code sbatch}, {@code squeue}, {@code sacct}/{@code scontrol},
 * {@code scancel}).
 */
package org.scriptorium.sandbox.internal.slurm;
