package org.scriptorium.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and vector folders that earlier versions kept in the UI bundle's state location move with the service. */
class SearchServiceStateTest {

	@Test
	void theFoldersOfAnEarlierVersionMoveWhereTheServiceHasNone(@TempDir Path plugins) throws IOException {
		Path earlier = plugins.resolve("org.scriptorium.ui"); //$NON-NLS-1$
		Path state = plugins.resolve("org.scriptorium.search"); //$NON-NLS-1$
		Files.createDirectories(earlier.resolve("index/default")); //$NON-NLS-1$
		Files.writeString(earlier.resolve("index/default/segments_1"), "index"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.createDirectories(earlier.resolve("vectors")); //$NON-NLS-1$
		Files.writeString(earlier.resolve("vectors/minilm.bin"), "vectors"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.createDirectories(state.resolve("vectors")); // the service has vectors of its own: they stay //$NON-NLS-1$

		SearchService.moveEarlierState(earlier, state);

		assertEquals("index", Files.readString(state.resolve("index/default/segments_1"))); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(Files.exists(earlier.resolve("index")), "moved, not copied"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(Files.exists(earlier.resolve("vectors/minilm.bin")), "not moved over the service's own folder"); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(Files.exists(state.resolve("vectors/minilm.bin"))); //$NON-NLS-1$

		SearchService.moveEarlierState(earlier, state); // nothing left to move: nothing changes
		assertEquals("index", Files.readString(state.resolve("index/default/segments_1"))); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
