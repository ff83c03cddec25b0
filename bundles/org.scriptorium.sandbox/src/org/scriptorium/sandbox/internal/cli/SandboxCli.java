package org.scriptorium.sandbox.internal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;
import org.scriptorium.sandbox.RunListener;
import org.scriptorium.sandbox.RunResult;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.RunStatus;
import org.scriptorium.sandbox.SandboxEvent;
import org.scriptorium.sandbox.SandboxRunner;
import org.scriptorium.sandbox.SweepResult;
import org.scriptorium.sandbox.internal.runner.EventWriter;
import org.scriptorium.sandbox.internal.runner.SummaryTable;

import com.google.gson.JsonObject;

/**
 * Command line: {@code SandboxCli run FILE [--seed N] [--out DIR] [--json] [--timeout S] [--allow-external]
 * [--set PATH=VALUE]... [--heap MB] [--parallel N] [--classpath CP]} and {@code SandboxCli validate FILE}. Exit codes:
 * {@value #OK} success, {@value #INVALID} invalid experiment file, {@value #FAILED} a run failed,
 * {@value #TIMEOUT} a run timed out, {@value #CANCELLED} cancelled, {@value #USAGE} bad command line,
 * {@value #INTERNAL} internal error.
 */
public final class SandboxCli {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int INVALID = 2;
    public static final int FAILED = 3;
    public static final int TIMEOUT = 4;
    public static final int CANCELLED = 5;
    public static final int USAGE = 64;

    private static final System.Logger LOG = System.getLogger(SandboxCli.class.getName());
    private static final String USAGE_TEXT = "usage: scriptorium run FILE [--seed N] [--out DIR] [--json] [--timeout S]"
            + " [--allow-external] [--set PATH=VALUE]... [--heap MB] [--parallel N] [--classpath CP]\n"
            + "       scriptorium validate FILE";

    private SandboxCli() {
    }

    /** How long the shutdown hook waits for a cancelled launch to record its end. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /**
     * Stops the runs politely and lets the launch record its end ({@code CANCELLED} with partial metrics in every
     * {@code summary.json}) on SIGTERM or Ctrl+C (a shutdown hook) or on a line {@code cancel} on stdin.
     */
    public static void main(String[] args) {
        Stopper stopper = new Stopper();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopper.cancelAndAwait(SHUTDOWN_WAIT), "scriptorium-shutdown"));
        if (args.length > 0 && args[0].equals("run")) {
            stopper.watch(System.in);
        }
        int code;
        try {
            code = run(args, System.out, System.err, stopper);
        } finally {
            stopper.done();
        }
        System.exit(code);
    }

    /**
     * Cancels the launch of a {@code run} command from another thread: the running children are stopped politely (see
     * docs/sandbox-protocol.md), runs not started are skipped, and every run and the launch record {@code CANCELLED}.
     */
    public static final class Stopper {
        private final CountDownLatch done = new CountDownLatch(1);
        private SandboxRunner runner;
        private boolean cancelled;

        synchronized void attach(SandboxRunner r) {
            runner = r;
            if (cancelled) {
                r.cancel();
            }
        }

        /** Requests the cancellation; may come before the runs start. */
        public synchronized void cancel() {
            cancelled = true;
            if (runner != null) {
                runner.cancel();
            }
        }

        void done() {
            done.countDown();
        }

        /** Cancels, then waits until the command has written its results (or {@code max} has passed). */
        void cancelAndAwait(Duration max) {
            if (done.getCount() == 0) {
                return;
            }
            cancel();
            try {
                done.await(max.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Cancels when a line {@code cancel} arrives on {@code in} (read on a daemon thread; its end does nothing). */
        void watch(InputStream in) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.strip().equals("cancel")) {
                            cancel();
                            return;
                        }
                    }
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "stdin closed", e);
                }
            }, "scriptorium-cancel-watcher");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Options of the run command. */
    private static final class Options {
        String command;
        Path file;
        Long seed;
        Path out = Path.of("runs");
        boolean json;
        Long timeoutSeconds;
        boolean allowExternal;
        Map<String, String> sets = new LinkedHashMap<>();
        Integer heapMb;
        Integer parallel;
        List<Path> classpath;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Stopper());
    }

    /** Runs a command; {@code stopper} may cancel a {@code run} from another thread. */
    public static int run(String[] args, PrintStream out, PrintStream err, Stopper stopper) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("scriptorium: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            return execute(o, out, err, stopper);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error", e);
            err.println("scriptorium: internal error: " + e);
            return INTERNAL;
        }
    }

    private static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        Options o = new Options();
        o.command = args[0];
        if (!o.command.equals("run") && !o.command.equals("validate")) {
            throw new IllegalArgumentException("unknown command \"" + o.command + "\"");
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--seed" -> o.seed = parseLong(a, value(args, ++i, a));
                case "--out" -> o.out = Path.of(value(args, ++i, a));
                case "--json" -> o.json = true;
                case "--timeout" -> {
                    o.timeoutSeconds = parseLong(a, value(args, ++i, a));
                    if (o.timeoutSeconds <= 0) {
                        throw new IllegalArgumentException("--timeout must be > 0 seconds");
                    }
                }
                case "--allow-external" -> o.allowExternal = true;
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set needs PATH=VALUE, got \"" + kv + "\"");
                    }
                    o.sets.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--heap" -> o.heapMb = (int) parseLong(a, value(args, ++i, a));
                case "--parallel" -> o.parallel = (int) parseLong(a, value(args, ++i, a));
                case "--classpath" -> o.classpath = java.util.Arrays.stream(value(args, ++i, a).split(java.io.File.pathSeparator))
                        .map(Path::of).toList();
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (o.file != null) {
                        throw new IllegalArgumentException("only one FILE may be given");
                    }
                    o.file = Path.of(a);
                }
            }
        }
        if (o.file == null) {
            throw new IllegalArgumentException("missing FILE");
        }
        return o;
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) {
            throw new IllegalArgumentException(opt + " needs a value");
        }
        return args[i];
    }

    private static long parseLong(String opt, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs an integer, got \"" + v + "\"");
        }
    }

    private static int execute(Options o, PrintStream out, PrintStream err, Stopper stopper) {
        if (!Files.isRegularFile(o.file)) {
            err.println("scriptorium: " + o.file + ": no such file");
            return INVALID;
        }
        Experiment exp;
        try {
            exp = Experiment.load(o.file);
            if (!o.sets.isEmpty()) {
                exp = exp.withOverrides(o.sets);
            }
            if (o.seed != null) {
                exp = exp.withSeeds(List.of(o.seed));
            }
        } catch (ExperimentException e) {
            for (Problem p : e.problems()) {
                String where = p.line() > 0 ? " (line " + p.line() + ", col " + p.column() + ")" : "";
                err.println("scriptorium: " + o.file + ": " + p.message() + where);
            }
            return INVALID;
        }
        if (o.command.equals("validate")) {
            out.println(o.file + ": valid, " + exp.runs().size() + " run(s)");
            return OK;
        }
        SandboxRunner.Builder b = SandboxRunner.builder().outputDirectory(o.out).allowExternal(o.allowExternal)
                .listener(listener(o, out));
        if (o.timeoutSeconds != null) {
            b.timeout(Duration.ofSeconds(o.timeoutSeconds));
        }
        if (o.heapMb != null) {
            b.maxHeapMb(o.heapMb);
        }
        if (o.parallel != null) {
            b.parallelism(o.parallel);
        }
        if (o.classpath != null) {
            b.classpath(o.classpath);
        }
        SandboxRunner runner = b.build();
        stopper.attach(runner);
        if (!o.json) {
            out.println("running " + exp.name() + ": " + exp.runs().size() + " run(s)"
                    + (exp.expected().isEmpty() ? "" : "\nexpected: " + exp.expected()));
        }
        SweepResult result;
        try {
            result = runner.runAll(exp);
        } catch (IOException e) {
            err.println("scriptorium: cannot write results under " + o.out + ": " + e.getMessage());
            return FAILED;
        }
        if (o.json) {
            JsonObject done = EventWriter.event("summary");
            done.addProperty("directory", result.directory().toString());
            done.add("runs", com.google.gson.JsonParser.parseString(SummaryTable.json(exp, result.runs()))
                    .getAsJsonObject().get("runs"));
            out.println(EventWriter.toJson(done, false));
            out.flush();
        } else {
            printTable(exp, result, out);
        }
        for (RunResult r : result.runs()) {
            if (!r.succeeded()) {
                err.println("scriptorium: " + o.file + ": run " + r.runId() + " " + r.status() + " (" + r.failureKind()
                        + "): " + r.message());
                List<String> tail = r.stderrTail();
                for (String line : tail.subList(Math.max(0, tail.size() - 5), tail.size())) {
                    err.println("  | " + line);
                }
            }
        }
        if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.TIMED_OUT)) {
            return TIMEOUT;
        }
        if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.CANCELLED)) {
            return CANCELLED;
        }
        if (result.runs().stream().anyMatch(r -> r.status() == RunStatus.FAILED)) {
            return FAILED;
        }
        return OK;
    }

    private static RunListener listener(Options o, PrintStream out) {
        Map<String, Integer> lastQuarter = new ConcurrentHashMap<>();
        return new RunListener() {
            @Override
            public void onEvent(SandboxEvent e) {
                if (o.json) {
                    if (e.type().equals("artifact")) {
                        return;
                    }
                    JsonObject copy = e.data().deepCopy();
                    copy.addProperty("run", e.runId());
                    if (!copy.has("event")) {
                        copy.addProperty("event", e.type());
                    }
                    synchronized (out) {
                        out.println(EventWriter.toJson(copy, false));
                    }
                    return;
                }
                if (e.type().equals("progress")) {
                    long step = e.data().get("step").getAsLong();
                    long total = Math.max(1, e.data().get("total").getAsLong());
                    int quarter = (int) (4 * step / total);
                    Integer prev = lastQuarter.put(e.runId(), quarter);
                    if (prev == null || quarter > prev) {
                        synchronized (out) {
                            out.printf("[%s] %d%% (step %d/%d)%n", e.runId(), 25 * quarter, step, total);
                        }
                    }
                }
            }

            @Override
            public void onLaunch(Path directory, List<RunSpec> runs) {
                if (o.json) {
                    JsonObject launch = EventWriter.event("launch");
                    launch.addProperty("directory", directory.toAbsolutePath().toString());
                    com.google.gson.JsonArray ids = new com.google.gson.JsonArray();
                    runs.forEach(r -> ids.add(r.runId()));
                    launch.add("runs", ids);
                    synchronized (out) {
                        out.println(EventWriter.toJson(launch, false));
                        out.flush();
                    }
                }
            }

            @Override
            public void onFinished(RunResult r) {
                if (!o.json) {
                    synchronized (out) {
                        out.printf("[%s] %s in %.1f s%n", r.runId(), r.status(), r.wallTime().toMillis() / 1000.0);
                    }
                }
            }
        };
    }

    private static void printTable(Experiment exp, SweepResult result, PrintStream out) {
        List<String> header = SummaryTable.header(exp);
        List<List<String>> rows = new ArrayList<>(SummaryTable.rows(exp, result.runs()));
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, w);
        StringBuilder rule = new StringBuilder();
        for (int x : w) {
            rule.append("-".repeat(x)).append("  ");
        }
        sb.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> r : rows) {
            appendRow(sb, r, w);
        }
        out.print(sb);
        out.println("results: " + result.directory());
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(String.format("%-" + w[i] + "s  ", cells.get(i)));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
