package org.scriptorium.search.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.scriptorium.search.IndexMessages;

/** Collects index messages. */
public final class Messages implements IndexMessages {

	public final List<String> all = new CopyOnWriteArrayList<>();

	@Override
	public void message(String text) {
		all.add(text);
	}

	public String joined() {
		return String.join("\n", all);
	}
}
