package org.scriptorium.launching.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.internal.launch.LaunchMain;

import com.google.gson.Gson;

/**
 * The command line of an experiment launch: the Java of the running JVM starts the sandbox's launch process
 * ({@code LaunchMain FILE --json ...}, what {@code scriptorium run} runs), which validates the file, starts one child
 * JVM per run and prints every event as a JSON line; the classpath of both is the files of the sandbox, core (its run
 * directories are written with core's {@code AtomicFile}) and Gson bundles, plus the bundles that provide sandbox
 * tasks and everything they are wired to ({@link #classpath()}).
 *
 * @param file          the experiment file (local path)
 * @param outputFolder  where the run directories go
 * @param timeoutSeconds wall-clock limit of each run
 * @param heapMb        heap of each run's JVM
 * @param parallel      runs at once
 * @param seed          the only seed to run, or null for the file's seeds
 * @param overrides     JSON path to value
 * @param allowExternal whether an external command named by the file may run
 */
public record ChildCommand(Path file, Path outputFolder, int timeoutSeconds, int heapMb, int parallel, Integer seed,
		Map<String, String> overrides, boolean allowExternal) {

	/** The main class of the sandbox's launch process. */
	public static final String MAIN_CLASS = LaunchMain.class.getName();

	/** Heap of the CLI process itself, which only reads events (the runs get {@link #heapMb()}). */
	static final String CLI_HEAP = "-Xmx256m"; //$NON-NLS-1$

	/** The command line. */
	public List<String> toCommandLine() throws CoreException {
		String classpath = String.join(File.pathSeparator, classpath().stream().map(Path::toString).toList());
		List<String> cmd = new ArrayList<>();
		cmd.add(javaExecutable().toString());
		cmd.add(CLI_HEAP);
		cmd.add("-Dfile.encoding=UTF-8"); //$NON-NLS-1$
		cmd.add("-Dstdout.encoding=UTF-8"); //$NON-NLS-1$
		cmd.add("-Dstderr.encoding=UTF-8"); //$NON-NLS-1$
		cmd.add("-cp"); //$NON-NLS-1$
		cmd.add(classpath);
		cmd.add(MAIN_CLASS);
		cmd.add(file.toString());
		cmd.add("--json"); //$NON-NLS-1$
		cmd.add("--out"); //$NON-NLS-1$
		cmd.add(outputFolder.toString());
		cmd.add("--timeout"); //$NON-NLS-1$
		cmd.add(Integer.toString(timeoutSeconds));
		cmd.add("--heap"); //$NON-NLS-1$
		cmd.add(Integer.toString(heapMb));
		cmd.add("--parallel"); //$NON-NLS-1$
		cmd.add(Integer.toString(parallel));
		cmd.add("--classpath"); //$NON-NLS-1$
		cmd.add(classpath);
		if (seed != null) {
			cmd.add("--seed"); //$NON-NLS-1$
			cmd.add(seed.toString());
		}
		for (var e : overrides.entrySet()) {
			cmd.add("--set"); //$NON-NLS-1$
			cmd.add(e.getKey() + '=' + e.getValue());
		}
		if (allowExternal) {
			cmd.add("--allow-external"); //$NON-NLS-1$
		}
		return cmd;
	}

	/** The {@code java} of the running JVM. */
	public static Path javaExecutable() throws CoreException {
		Path home = Path.of(System.getProperty("java.home")); //$NON-NLS-1$
		for (String name : new String[]{"java", "java.exe"}) { //$NON-NLS-1$ //$NON-NLS-2$
			Path java = home.resolve("bin").resolve(name); //$NON-NLS-1$
			if (Files.isExecutable(java)) {
				return java;
			}
		}
		throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.EXEC_FAILED,
				NLS.bind(Messages.Launch_noJava, home.resolve("bin"))));//$NON-NLS-1$
	}

	/** The service file through which a bundle provides sandbox tasks (see org.scriptorium.sandbox.task). */
	static final String TASK_SERVICE = "META-INF/services/org.scriptorium.sandbox.task.ExperimentTask"; //$NON-NLS-1$

	/**
	 * The files of the sandbox, core and Gson bundles (jars, or class folders when run from a workspace), then those of
	 * every resolved bundle that provides sandbox tasks (for example org.scriptorium.dense, when the dense retrieval
	 * feature is installed) and of every bundle it is wired to, transitively, as the framework resolved them: the
	 * child runs without OSGi on a flat class path and finds the tasks with ServiceLoader.
	 */
	public static List<Path> classpath() throws CoreException {
		Set<Path> entries = new LinkedHashSet<>();
		for (Class<?> c : new Class<?>[]{Experiment.class, AtomicFile.class, Gson.class}) {
			Bundle bundle = FrameworkUtil.getBundle(c);
			if (bundle == null) {
				throw new CoreException(ExperimentLaunching.error(ExperimentLaunching.EXEC_FAILED,
						NLS.bind(Messages.Launch_noBundle, c.getPackageName())));
			}
			addFiles(bundle, entries);
		}
		Set<Bundle> seen = new HashSet<>();
		Deque<Bundle> todo = new ArrayDeque<>(taskProviders());
		while (!todo.isEmpty()) {
			Bundle bundle = todo.pop();
			if (bundle.getBundleId() == 0 || !seen.add(bundle)) {
				continue; // the framework itself is not needed outside OSGi
			}
			addFiles(bundle, entries);
			BundleWiring wiring = bundle.adapt(BundleWiring.class);
			if (wiring != null) {
				for (BundleWire wire : wiring.getRequiredWires(null)) {
					todo.add(wire.getProvider().getBundle());
				}
			}
		}
		return List.copyOf(entries);
	}

	/** The resolved bundles that provide sandbox tasks ({@value #TASK_SERVICE}), by symbolic name. */
	static List<Bundle> taskProviders() {
		Bundle self = FrameworkUtil.getBundle(ChildCommand.class);
		if (self == null || self.getBundleContext() == null) {
			return List.of();
		}
		List<Bundle> out = new ArrayList<>();
		for (Bundle b : self.getBundleContext().getBundles()) {
			if (b.getEntry(TASK_SERVICE) != null && b.adapt(BundleWiring.class) != null) {
				out.add(b);
			}
		}
		out.sort(Comparator.comparing(Bundle::getSymbolicName));
		return out;
	}

	private static void addFiles(Bundle bundle, Set<Path> entries) throws CoreException {
		File location = FileLocator.getBundleFileLocation(bundle)
				.orElseThrow(() -> new CoreException(ExperimentLaunching
						.error(ExperimentLaunching.EXEC_FAILED,
								NLS.bind(Messages.Launch_noBundle, bundle.getSymbolicName()))));
		Path path = location.toPath().toAbsolutePath();
		if (Files.isDirectory(path)) {
			// a bundle in development: its classes are in an output folder
			for (String output : new String[]{"target/classes", "bin"}) { //$NON-NLS-1$ //$NON-NLS-2$
				Path dir = path.resolve(output);
				if (Files.isDirectory(dir)) {
					entries.add(dir);
				}
			}
		}
		entries.add(path);
	}
}
