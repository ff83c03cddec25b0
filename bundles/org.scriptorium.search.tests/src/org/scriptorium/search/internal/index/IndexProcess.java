package org.scriptorium.search.internal.index;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.scriptorium.bench.internal.SyntheticPapers;
import org.scriptorium.search.ProgressMonitor;

/**
 * A child process that indexes a synthetic corpus and, after {@code stopAfter} papers, announces {@code STOPPED} on
 * standard output and blocks on standard input, so that a test can kill it at a known point of indexing. Usage:
 * {@code IndexProcess DIR PAPERS SEED STOP_AFTER}. With a complete index of another corpus in DIR, the child is
 * killed in the middle of an incremental update.
 */
public final class IndexProcess {

	private IndexProcess() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		int papers = Integer.parseInt(args[1]);
		long seed = Long.parseLong(args[2]);
		int stopAfter = Integer.parseInt(args[3]);
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		ProgressMonitor monitor = new ProgressMonitor() {
			int done;

			@Override
			public void worked(int units) {
				done += units;
				if (done == stopAfter) {
					out.println("STOPPED"); //$NON-NLS-1$
					try {
						// wait to be killed; a closed stdin ends the wait
						while (System.in.read() >= 0) {
							// ignore input
						}
					} catch (IOException e) {
						// parent gone
					}
					Runtime.getRuntime().halt(3);
				}
			}
		};
		try (IndexStore store = IndexStore.open(dir, new SyntheticPapers(papers, 10, seed), false, m -> out.println(m),
				monitor)) {
			out.println("DONE " + store.documentCount()); //$NON-NLS-1$
		}
	}
}
