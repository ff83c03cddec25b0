package org.scriptorium.sandbox.internal.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm's own commands, as a user runs them on a login node: {@code sbatch}, {@code squeue}, {@code sacct},
 * {@code scontrol} and {@code scancel} from the PATH (and {@code SLURM_CONF} from the environment, if set). Nothing
 * else talks to the cluster. States of finished array tasks come from {@code sacct}; where accounting is off, from
 * {@code scontrol show job} (kept for {@code MinJobAge} seconds), then from the completion log
 * ({@code JobCompType=jobcomp/filetxt}).
 */
public final class Slurm {

	/** What a command printed. */
	public record Output(int exit, String out, String err) {
	}

	/** Where a task stands: Slurm's state (e.g. RUNNING, COMPLETED, TIMEOUT), its reason and exit code. */
	public record TaskState(String state, String reason, Integer exitCode, Integer signal) {

		/** True once the task will not run any more. */
		public boolean terminal() {
			return !(state.equals("PENDING") || state.equals("RUNNING") || state.equals("CONFIGURING")
					|| state.equals("COMPLETING") || state.equals("REQUEUED") || state.equals("RESIZING")
					|| state.equals("SUSPENDED") || state.equals("STAGE_OUT") || state.equals("SIGNALING")
					|| state.equals("REQUEUE_HOLD") || state.equals("REQUEUE_FED") || state.equals("STOPPED"));
		}
	}

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
	private static final Pattern TASK_ID = Pattern.compile("(\\d+)_(\\d+)");
	private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");

	private final Map<String, String> environment;
	private final Path commands;
	private volatile Boolean accounting;
	private Path completionLog;

	/** @param environment variables for the commands besides this process' own (e.g. SLURM_CONF); may be empty */
	public Slurm(Map<String, String> environment) {
		this(environment, null);
	}

	/**
	 * @param environment variables for the commands besides this process' own (e.g. SLURM_CONF); may be empty
	 * @param commands    the folder of Slurm's commands, or null to find them on the PATH
	 */
	public Slurm(Map<String, String> environment, Path commands) {
		this.environment = Map.copyOf(environment);
		this.commands = commands;
	}

	/**
	 * Runs a Slurm command; a command that is not installed gives exit 127 and says so. Its output goes to files, not
	 * pipes: a pipe reaches its end only when every process holding it has closed it, and waiting for that after the
	 * command has answered timed out in CI (a sweep submitted while another was being cancelled).
	 */
	public Output run(List<String> command) throws IOException {
		if (commands != null) {
			command = new ArrayList<>(command);
			command.set(0, commands.resolve(command.get(0)).toString());
		}
		Path out = Files.createTempFile("scriptorium-slurm-", ".out"); //$NON-NLS-1$ //$NON-NLS-2$
		Path err = Files.createTempFile("scriptorium-slurm-", ".err"); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			ProcessBuilder pb = new ProcessBuilder(command);
			pb.environment().putAll(environment);
			pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))); //$NON-NLS-1$
			pb.redirectOutput(out.toFile());
			pb.redirectError(err.toFile());
			Process p;
			try {
				p = pb.start();
			} catch (IOException e) {
				return new Output(127, "", command.get(0) + ": cannot run (" + e.getMessage() //$NON-NLS-1$ //$NON-NLS-2$
						+ "); are Slurm's commands on the PATH?"); //$NON-NLS-1$
			}
			try {
				if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					p.destroyForcibly();
					throw new IOException(String.join(" ", command) + " did not answer within " //$NON-NLS-1$ //$NON-NLS-2$
							+ COMMAND_TIMEOUT.toSeconds() + " s"); //$NON-NLS-1$
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				p.destroyForcibly();
				throw new IOException("interrupted while running " + command.get(0), e); //$NON-NLS-1$
			}
			return new Output(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
					new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
		} finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** Submits a batch script; returns the job id. */
	public String submit(List<String> options, Path script) throws IOException {
		List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
		cmd.addAll(options);
		cmd.add(script.toString());
		Output o = run(cmd);
		String id = o.out().strip();
		int semicolon = id.indexOf(';');
		if (semicolon >= 0) {
			id = id.substring(0, semicolon); // "id;cluster"
		}
		if (o.exit() != 0 || !id.matches("\\d+")) {
			throw new IOException(
					"sbatch failed (exit " + o.exit() + "): " + oneLine(o.err().isBlank() ? o.out() : o.err()));
		}
		return id;
	}

	/** Cancels the job (every task of the array). */
	public void cancel(String job) throws IOException {
		Output o = run(List.of("scancel", job));
		if (o.exit() != 0) {
			throw new IOException("scancel " + job + " failed: " + oneLine(o.err()));
		}
	}

	/** The array tasks still known to the queue (pending, running, completing), by task index. */
	public Map<Integer, TaskState> queued(String job) throws IOException {
		Output o = run(List.of("squeue", "-h", "-r", "-j", job, "-o", "%K|%T|%r"));
		Map<Integer, TaskState> out = new LinkedHashMap<>();
		if (o.exit() != 0) {
			if (o.err().contains("Invalid job id")) {
				return out; // the whole job is gone from the queue
			}
			throw new IOException("squeue failed: " + oneLine(o.err()));
		}
		for (String line : o.out().split("\n")) {
			String[] f = line.strip().split("\\|", -1);
			if (f.length >= 3 && f[0].matches("\\d+")) {
				out.put(Integer.parseInt(f[0]), new TaskState(f[1], f[2], null, null));
			}
		}
		return out;
	}

	/**
	 * The states of the job's array tasks that Slurm still knows: from {@code sacct}, else {@code scontrol}, else the
	 * completion log. Tasks not found are missing from the map.
	 */
	public Map<Integer, TaskState> states(String job) throws IOException {
		Map<Integer, TaskState> out = new LinkedHashMap<>();
		if (!Boolean.FALSE.equals(accounting)) {
			Output o = run(List.of("sacct", "-n", "-P", "-X", "-j", job, "-o", "JobID,State,ExitCode"));
			if (o.exit() == 0 && !o.err().contains("disabled")) {
				accounting = true;
				for (String line : o.out().split("\n")) {
					String[] f = line.strip().split("\\|", -1);
					Matcher m = f.length >= 3 ? TASK_ID.matcher(f[0]) : null;
					if (m != null && m.matches() && m.group(1).equals(job)) {
						String state = f[1].split(" ")[0]; // "CANCELLED by 0"
						Integer[] code = exitCode(f[2]);
						out.put(Integer.parseInt(m.group(2)), new TaskState(state, f[1], code[0], code[1]));
					}
				}
				return out;
			}
			accounting = false;
		}
		Output o = run(List.of("scontrol", "-o", "show", "job", job));
		if (o.exit() == 0) {
			for (String line : o.out().split("\n")) {
				Map<String, String> f = fields(line);
				String task = f.get("ArrayTaskId");
				if (task != null && task.matches("\\d+") && job.equals(f.get("ArrayJobId"))) {
					Integer[] code = exitCode(f.getOrDefault("ExitCode", ""));
					out.put(Integer.parseInt(task), new TaskState(f.getOrDefault("JobState", "UNKNOWN"),
							f.getOrDefault("Reason", "None"), code[0], code[1]));
				}
			}
		}
		Path log = completionLog();
		if (log != null && Files.isReadable(log)) {
			for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
				Map<String, String> f = fields(line);
				String task = f.get("ArrayTaskId");
				if (task != null && task.matches("\\d+") && job.equals(f.get("ArrayJobId"))) {
					Integer[] code = exitCode(f.getOrDefault("ExitCode", ""));
					out.putIfAbsent(Integer.parseInt(task),
							new TaskState(f.getOrDefault("JobState", "UNKNOWN"), "completion log", code[0], code[1]));
				}
			}
		}
		return out;
	}

	/** The completion log of {@code jobcomp/filetxt}, from {@code scontrol show config}; null if there is none. */
	private synchronized Path completionLog() throws IOException {
		if (completionLog == null) {
			Output o = run(List.of("scontrol", "show", "config"));
			String type = "";
			String loc = "";
			for (String line : o.out().split("\n")) {
				String[] kv = line.split("=", 2);
				if (kv.length == 2 && kv[0].strip().equals("JobCompType")) {
					type = kv[1].strip();
				} else if (kv.length == 2 && kv[0].strip().equals("JobCompLoc")) {
					loc = kv[1].strip();
				}
			}
			completionLog = type.equals("jobcomp/filetxt") && loc.startsWith("/") ? Path.of(loc) : Path.of("");
		}
		return completionLog.toString().isEmpty() ? null : completionLog;
	}

	static Map<String, String> fields(String line) {
		Map<String, String> out = new LinkedHashMap<>();
		Matcher m = FIELD.matcher(line);
		while (m.find()) {
			out.putIfAbsent(m.group(1), m.group(2));
		}
		return out;
	}

	/** {@code "3:0"} to {3, 0}; unknown parts are null. */
	static Integer[] exitCode(String s) {
		String[] p = s.strip().split(":");
		Integer[] out = new Integer[2];
		for (int i = 0; i < 2 && i < p.length; i++) {
			if (p[i].matches("\\d+")) {
				out[i] = Integer.parseInt(p[i]);
			}
		}
		return out;
	}

	static String oneLine(String s) {
		String t = s.strip().replace('\n', ' ');
		return t.length() > 300 ? t.substring(0, 300) + "…" : t;
	}
}
