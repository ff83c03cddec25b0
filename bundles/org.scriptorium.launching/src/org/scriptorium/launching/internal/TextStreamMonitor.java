package org.scriptorium.launching.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IFlushableStreamMonitor;

/**
 * A stream monitor fed with text by its owner: buffers what was appended (until flushed, as the Console does) and
 * tells listeners. Thread-safe.
 */
final class TextStreamMonitor implements IFlushableStreamMonitor {

	private final List<IStreamListener> listeners = new CopyOnWriteArrayList<>();
	private final StringBuilder contents = new StringBuilder();
	private boolean buffered = true;

	/**
	 * Appends text and tells the listeners, holding this monitor's lock like the platform's stream monitors, so a
	 * Console that takes the buffered contents and then listens (synchronized on the monitor) misses nothing.
	 */
	synchronized void append(String text) {
		if (text.isEmpty()) {
			return;
		}
		if (buffered) {
			contents.append(text);
		}
		for (IStreamListener l : listeners) {
			try {
				l.streamAppended(text, this);
			} catch (RuntimeException e) {
				ILog.of(TextStreamMonitor.class).error(e.getMessage(), e);
			}
		}
	}

	@Override
	public void addListener(IStreamListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(IStreamListener listener) {
		listeners.remove(listener);
	}

	@Override
	public synchronized String getContents() {
		return contents.toString();
	}

	@Override
	public synchronized void flushContents() {
		contents.setLength(0);
	}

	@Override
	public synchronized void setBuffered(boolean buffer) {
		buffered = buffer;
	}

	@Override
	public synchronized boolean isBuffered() {
		return buffered;
	}
}
