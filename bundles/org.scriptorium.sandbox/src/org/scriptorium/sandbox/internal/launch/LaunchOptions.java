package org.scriptorium.sandbox.internal.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scriptorium.sandbox.internal.slurm.SlurmOptions;

/**
 * What to run and how: the options of {@code scriptorium run} and of the workbench's launch.
 *
 * @param file           the experiment file (with {@code attach}: unused)
 * @param seed           the only seed to run, or null for the file's seeds
 * @param out            where the launch directories go
 * @param json           print every event as a JSON line instead of a readable summary
 * @param timeoutSeconds wall-clock limit of each run, or null for the runner's default
 * @param allowExternal  whether an external command named by the file may run
 * @param sets           JSON path to value, applied to the file before it is validated
 * @param heapMb         heap of each run's JVM, or null for the runner's default
 * @param parallel       runs at once, or null for the runner's default
 * @param classpath      class path of the runs' JVMs, or null to find it from the sandbox's classes
 * @param slurm          run the launch as a Slurm job array with these options; null: run on this machine
 * @param attach         follow again the Slurm launch in this directory instead of starting one; null: start
 */
public record LaunchOptions(Path file, Long seed, Path out, boolean json, Long timeoutSeconds, boolean allowExternal,
		Map<String, String> sets, Integer heapMb, Integer parallel, List<Path> classpath, SlurmOptions slurm,
		Path attach) {

	/** Largest heap of a run's JVM, in MB (1 TiB): larger values are refused, not wrapped. */
	public static final int MAX_HEAP_MB = 1 << 20;
	/** Most runs at once. */
	public static final int MAX_PARALLEL = 1024;

	/** The folder the launch directories go to when none is given. */
	public static final Path DEFAULT_OUT = Path.of("runs");

	public LaunchOptions {
		sets = Map.copyOf(sets);
		classpath = classpath == null ? null : List.copyOf(classpath);
	}

	/** A launch on this machine. */
	public LaunchOptions(Path file, Long seed, Path out, boolean json, Long timeoutSeconds, boolean allowExternal,
			Map<String, String> sets, Integer heapMb, Integer parallel, List<Path> classpath) {
		this(file, seed, out, json, timeoutSeconds, allowExternal, sets, heapMb, parallel, classpath, null, null);
	}
}
