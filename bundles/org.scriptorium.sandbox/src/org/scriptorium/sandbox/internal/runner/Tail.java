package org.scriptorium.sandbox.internal.runner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Keeps the last n lines (each cut to a maximum length). Thread-safe. */
public final class Tail {

	private static final int MAX_LINE = 2000;
	private final int capacity;
	private final ArrayDeque<String> lines = new ArrayDeque<>();

	public Tail(int capacity) {
		this.capacity = capacity;
	}

	public synchronized void add(String line) {
		if (line.length() > MAX_LINE) {
			line = line.substring(0, MAX_LINE) + "…";
		}
		if (lines.size() == capacity) {
			lines.removeFirst();
		}
		lines.addLast(line);
	}

	public synchronized List<String> lines() {
		return new ArrayList<>(lines);
	}
}
