package org.scriptorium.sandbox.internal.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sweep goes to Slurm: {@code scriptorium run FILE --executor slurm [--partition P] [--time T] [--cpus C]
 * [--mem M] [--sbatch-arg A]...}. Null fields are left to the cluster's defaults.
 *
 * @param partition  {@code sbatch --partition}
 * @param time       {@code sbatch --time} (e.g. {@code 30}, {@code 2:00:00}); null: the run timeout rounded up to
 *                   minutes, if one is given
 * @param cpus       {@code sbatch --cpus-per-task}
 * @param memory     {@code sbatch --mem} (e.g. {@code 2G})
 * @param sbatchArgs further {@code sbatch} arguments, as given
 */
public record SlurmOptions(String partition, String time, Integer cpus, String memory, List<String> sbatchArgs) {

	public SlurmOptions {
		sbatchArgs = List.copyOf(sbatchArgs);
	}

	/** The {@code sbatch} options these stand for, with the run timeout (seconds, or null) as the default time. */
	public List<String> sbatchOptions(Long timeoutSeconds) {
		List<String> out = new ArrayList<>();
		if (partition != null) {
			out.add("--partition=" + partition);
		}
		if (time != null) {
			out.add("--time=" + time);
		} else if (timeoutSeconds != null) {
			out.add("--time=" + Math.max(1, (timeoutSeconds + 59) / 60));
		}
		if (cpus != null) {
			out.add("--cpus-per-task=" + cpus);
		}
		if (memory != null) {
			out.add("--mem=" + memory);
		}
		out.addAll(sbatchArgs);
		return out;
	}
}
