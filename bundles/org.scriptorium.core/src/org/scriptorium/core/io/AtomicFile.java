package org.scriptorium.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file atomically: the content goes to a temporary file in the same directory, which is forced to disk and
 * then renamed over the target; the directory is forced too. A crash or {@code kill -9} at any point leaves either
 * the previous file or the new one, never a torn file (only a stray temporary file, removed by the next write). The
 * one atomic writer of Scriptorium: corpus files, exports, and the sandbox's run directories use it.
 */
public final class AtomicFile {

	private static final System.Logger LOG = System.getLogger(AtomicFile.class.getName());
	private static final String TEMP_INFIX = ".tmp-"; //$NON-NLS-1$

	/** Writes the new content. */
	@FunctionalInterface
	public interface Content {
		void write(Writer out) throws IOException;
	}

	private AtomicFile() {
	}

	/** Writes {@code text} as UTF-8 to {@code target}, atomically. */
	public static void write(Path target, String text) throws IOException {
		write(target, out -> out.write(text));
	}

	/** Writes {@code content} as UTF-8 to {@code target}, atomically. */
	public static void write(Path target, Content content) throws IOException {
		Path abs = target.toAbsolutePath();
		if (Files.isDirectory(abs)) {
			throw new IOException("cannot write " + target + ": it is a folder; give a file name"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			replace(abs, content);
		} catch (FileSystemException e) {
			// Java names the temporary file; the user knows the target
			throw new IOException("cannot write " + target + " (" + FileProblems.describe(e) + ")", e); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private static void replace(Path abs, Content content) throws IOException {
		Path dir = abs.getParent();
		Files.createDirectories(dir);
		removeStaleTemporaries(dir, abs.getFileName().toString());
		Path temp = dir.resolve("." + abs.getFileName() + TEMP_INFIX //$NON-NLS-1$
				+ Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
		boolean done = false;
		try {
			try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				Writer w = new BufferedWriter(
						new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8),
						1 << 16);
				content.write(w);
				w.flush();
				ch.force(true);
			}
			try {
				Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				throw new IOException("this file system cannot replace " + abs + " atomically", e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			done = true;
			forceDirectory(dir);
		} finally {
			if (!done) {
				Files.deleteIfExists(temp);
			}
		}
	}

	private static void forceDirectory(Path dir) {
		try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
			ch.force(true);
		} catch (IOException e) {
			// some platforms (Windows) cannot open a directory; the rename itself is still atomic there
			LOG.log(System.Logger.Level.DEBUG, "could not force directory " + dir, e); //$NON-NLS-1$
		}
	}

	private static void removeStaleTemporaries(Path dir, String name) {
		try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + globEscape(name) + TEMP_INFIX + "*")) { //$NON-NLS-1$ //$NON-NLS-2$
			for (Path p : stale) {
				Files.deleteIfExists(p);
			}
		} catch (IOException e) {
			LOG.log(System.Logger.Level.DEBUG, "could not remove stale temporary files in " + dir, e); //$NON-NLS-1$
		}
	}

	private static String globEscape(String s) {
		return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
