package org.scriptorium.sandbox.internal.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.scriptorium.sandbox.SandboxRunner;

/**
 * Cancels a launch from another thread: the running children are stopped politely (see docs/sandbox-protocol.md),
 * runs not started are skipped, and every run and the launch record {@code CANCELLED}.
 */
public final class Stopper {

	private static final System.Logger LOG = System.getLogger(Stopper.class.getName());

	/** How long the shutdown hook waits for a cancelled launch to record its end. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private final CountDownLatch done = new CountDownLatch(1);
	private Runnable canceller;
	private boolean cancelled;

	synchronized void attach(SandboxRunner r) {
		attach(r::cancel);
	}

	/** What cancels the launch (the local runner's or the Slurm executor's cancel). */
	synchronized void attach(Runnable cancel) {
		canceller = cancel;
		if (cancelled) {
			cancel.run();
		}
	}

	/** Requests the cancellation; may come before the runs start. */
	public synchronized void cancel() {
		cancelled = true;
		if (canceller != null) {
			canceller.run();
		}
	}

	/** Says that the launch has written its results: a shutdown from now on waits for nothing. */
	public void done() {
		done.countDown();
	}

	/**
	 * Stops the launch politely and lets it record its end ({@code CANCELLED} with partial metrics in every
	 * {@code summary.json}) when this JVM is asked to stop (SIGTERM, Ctrl+C), and, with {@code in}, on a line
	 * {@code cancel} there (read on a daemon thread; the stream's end does nothing).
	 */
	public Stopper onShutdownAndCancelLine(InputStream in) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> cancelAndAwait(SHUTDOWN_WAIT), "scriptorium-shutdown"));
		if (in != null) {
			watch(in);
		}
		return this;
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

	private void watch(InputStream in) {
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
