package org.scriptorium.core.corpus;

import java.nio.file.Path;
import java.util.List;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.core.model.Paper;

/**
 * The child process of {@link AtomicSaveCrashTest}: saves corpus A and corpus B alternately to the file given as
 * argument, forever, printing a line on stdout after each paper written and after each save, so that the parent can
 * kill it at a random point of a write.
 */
public final class CorpusWriterChild {

	private CorpusWriterChild() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		List<Paper> all = DefaultCorpus.get().papers();
		List<Paper> a = all.subList(0, all.size() / 2);
		List<Paper> b = all;
		System.out.println("ready"); //$NON-NLS-1$
		System.out.flush();
		for (int i = 0;; i++) {
			List<Paper> papers = i % 2 == 0 ? b : a;
			AtomicFile.write(file, out -> {
				java.io.StringWriter buf = new java.io.StringWriter();
				JsonlCorpus.writeTo(buf, papers);
				String text = buf.toString();
				int step = Math.max(1, text.length() / 8);
				for (int off = 0; off < text.length(); off += step) {
					out.write(text, off, Math.min(step, text.length() - off));
					out.flush();
					System.out.println("wrote"); //$NON-NLS-1$
					System.out.flush();
				}
			});
			System.out.println("saved"); //$NON-NLS-1$
			System.out.flush();
		}
	}
}
