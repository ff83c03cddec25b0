package org.scriptorium.launching.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy2;
import org.scriptorium.sandbox.SandboxEvent;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The streams of an experiment process: reads the sandbox CLI's JSON-lines events from stdout, hands each to the
 * event listeners (replaying earlier ones to late listeners) and shows it readably on the output monitor; lines
 * that are not events and stderr pass through unchanged.
 */
final class EventStreamsProxy implements IStreamsProxy2 {

	/** Events kept for late listeners; beyond this only the newest are kept. */
	private static final int MAX_KEPT_EVENTS = 200_000;

	private final TextStreamMonitor out = new TextStreamMonitor();
	private final TextStreamMonitor err = new TextStreamMonitor();
	private final OutputStream stdin;
	private final CountDownLatch closed = new CountDownLatch(2);
	private final List<SandboxEvent> events = new ArrayList<>();
	private final List<Consumer<SandboxEvent>> listeners = new ArrayList<>();
	private final EventFormatter formatter = new EventFormatter();

	EventStreamsProxy(Process process, String name) {
		this.stdin = process.getOutputStream();
		start(process.getInputStream(), this::stdoutLine, name + " stdout"); //$NON-NLS-1$
		start(process.getErrorStream(), line -> err.append(line + '\n'), name + " stderr"); //$NON-NLS-1$
	}

	private void start(InputStream stream, Consumer<String> lines, String threadName) {
		Thread t = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = r.readLine()) != null) {
					lines.accept(line);
				}
			} catch (IOException e) {
				// the process ended or was killed: nothing more to read
			} finally {
				closed.countDown();
			}
		}, threadName);
		t.setDaemon(true);
		t.start();
	}

	private void stdoutLine(String line) {
		JsonObject event = null;
		if (line.startsWith("{")) { //$NON-NLS-1$
			try {
				var parsed = JsonParser.parseString(line);
				if (parsed.isJsonObject() && parsed.getAsJsonObject().has("event")) { //$NON-NLS-1$
					event = parsed.getAsJsonObject();
				}
			} catch (JsonParseException | IllegalStateException e) {
				// not an event: shown as it is
			}
		}
		if (event == null) {
			out.append(line + '\n');
			return;
		}
		if ("launch".equals(event.get("event").getAsString()) && event.has("directory")) { //$NON-NLS-1$ //$NON-NLS-2$
			try {
				launchDirectory = java.nio.file.Path.of(event.get("directory").getAsString()); //$NON-NLS-1$
			} catch (RuntimeException e) {
				// not a path: the launch cannot be recorded by the workbench
			}
		}
		String run = event.has("run") && event.get("run").isJsonPrimitive() ? event.get("run").getAsString() : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		SandboxEvent e = new SandboxEvent(run, event.get("event").getAsString(), event); //$NON-NLS-1$
		List<Consumer<SandboxEvent>> current;
		synchronized (this) {
			if (events.size() >= MAX_KEPT_EVENTS) {
				events.subList(0, MAX_KEPT_EVENTS / 2).clear();
			}
			events.add(e);
			current = List.copyOf(listeners);
		}
		for (Consumer<SandboxEvent> l : current) {
			l.accept(e);
		}
		out.append(formatter.format(event));
	}

	/** Adds a listener and replays the events received so far to it (on the caller's thread). */
	void addListener(Consumer<SandboxEvent> listener) {
		List<SandboxEvent> past;
		synchronized (this) {
			listeners.add(listener);
			past = List.copyOf(events);
		}
		past.forEach(listener);
	}

	synchronized void removeListener(Consumer<SandboxEvent> listener) {
		listeners.remove(listener);
	}

	private volatile java.nio.file.Path launchDirectory;

	/** The directory of the launch as the sandbox CLI announced it, or null before that. */
	java.nio.file.Path launchDirectory() {
		return launchDirectory;
	}

	/** Shows a line of the workbench's own in the output. */
	void note(String line) {
		out.append(line + '\n');
	}

	/** Waits until both output streams have been read to their end. */
	boolean awaitClosed(long millis) throws InterruptedException {
		return closed.await(millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public IStreamMonitor getErrorStreamMonitor() {
		return err;
	}

	@Override
	public IStreamMonitor getOutputStreamMonitor() {
		return out;
	}

	@Override
	public void write(String input) throws IOException {
		synchronized (stdin) {
			stdin.write(input.getBytes(StandardCharsets.UTF_8));
			stdin.flush();
		}
	}

	@Override
	public void closeInputStream() throws IOException {
		synchronized (stdin) {
			stdin.close();
		}
	}
}
