package org.scriptorium.sandbox.internal.runner;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Entry point of a worker child JVM, which trains the runs of a sweep one after another so that they share one JVM
 * start and one warm-up of the JIT: {@code java ... WorkerMain}. Standard input carries requests, one a line:
 * {@code run CONFIG RUN_ID} (tab-separated) runs one configuration as {@link ChildMain} would, with the same events on
 * standard output, then writes the line {@code {"event":"worker-end","runId":..,"exit":N}} (N: the exit code a child
 * of that run alone would have had) on standard output and {@value #STDERR_MARK} on standard error. {@code cancel}, or
 * the end of standard input, stops the current run at its next micro-batch; the worker then exits. It also exits
 * after a run that ran out of memory (its heap is not to be trusted), so the next run gets a fresh JVM.
 */
public final class WorkerMain {

	/** The worker's own stdout line after each run: not a protocol event. */
	public static final String END_EVENT = "worker-end";
	/** The worker's line on standard error after each run, so that the parent knows the run's stderr has ended. */
	public static final String STDERR_MARK = "scriptorium-worker-end";
	/** The exit code of a run (out of memory) after which the worker ends itself. */
	public static final int EXIT_AFTER = 3;
	static final String RUN = "run";
	static final String CANCEL = "cancel";

	private static volatile boolean cancelled;

	private WorkerMain() {
	}

	public static void main(String[] args) {
		System.exit(serve());
	}

	private static int serve() {
		PrintStream err = System.err;
		EventWriter events = new EventWriter(new FileOutputStream(FileDescriptor.out));
		System.setOut(err); // stdout belongs to the protocol
		BlockingQueue<String[]> requests = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> read(requests), "scriptorium-worker-stdin");
		reader.setDaemon(true);
		reader.start();
		while (true) {
			String[] request;
			try {
				request = requests.take();
			} catch (InterruptedException e) {
				return 0;
			}
			if (request.length == 0 || cancelled) {
				return 0; // end of input, or cancelled: nothing more to run
			}
			int exit = ChildMain.runFile(request[0], request[1], events, () -> cancelled);
			err.println(STDERR_MARK);
			err.flush();
			events.write(EventWriter.event(END_EVENT, "runId", request[1], "exit", exit));
			if (exit == EXIT_AFTER || cancelled) {
				return exit;
			}
		}
	}

	private static void read(BlockingQueue<String[]> requests) {
		try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				String[] parts = line.split("\t", -1);
				if (parts.length == 3 && RUN.equals(parts[0])) {
					requests.add(new String[]{parts[1], parts[2]});
				} else if (CANCEL.equals(line.trim())) {
					cancelled = true;
					requests.add(new String[0]);
					return;
				}
			}
		} catch (IOException e) {
			// the parent is gone: as the end of input
		}
		cancelled = true;
		requests.add(new String[0]);
	}
}
