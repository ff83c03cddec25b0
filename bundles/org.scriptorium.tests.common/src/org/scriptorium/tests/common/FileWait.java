package org.scriptorium.tests.common;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waits until a file that another process writes holds what a test expects (a pid file, a line of output), woken by
 * the file system's change notices on its folder (a {@link WatchService}), never by sleeping and looking again.
 */
public final class FileWait {

	private FileWait() {
	}

	/**
	 * Blocks until {@code file} exists and its text satisfies {@code condition}, and returns that text. Fails (an
	 * {@link AssertionError} naming {@code description}) after {@code timeout}, or as soon as {@code writer} has
	 * completed without the file holding it (the process that should write it ended first); {@code writer} may be
	 * null.
	 */
	public static String until(String description, Path file, Predicate<String> condition, Duration timeout,
			CompletableFuture<?> writer) throws IOException, InterruptedException {
		Path folder = file.toAbsolutePath().getParent();
		long deadline = System.nanoTime() + timeout.toNanos();
		try (WatchService watcher = folder.getFileSystem().newWatchService()) {
			folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY); // before the first look: no change is missed
			if (writer != null) {
				writer.whenComplete((result, failure) -> close(watcher));
			}
			while (true) {
				String text = read(file);
				if (text != null && condition.test(text)) {
					return text;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " //$NON-NLS-1$ //$NON-NLS-2$
							+ description + "; " + file + (text == null ? " does not exist" : " holds: " + text)); //$NON-NLS-1$ //$NON-NLS-2$
				}
				WatchKey key;
				try {
					key = watcher.poll(left, TimeUnit.NANOSECONDS);
				} catch (ClosedWatchServiceException e) {
					String last = read(file);
					if (last != null && condition.test(last)) {
						return last;
					}
					throw new AssertionError("the writer ended before " + description + "; " + file //$NON-NLS-1$ //$NON-NLS-2$
							+ (last == null ? " does not exist" : " holds: " + last)); //$NON-NLS-1$ //$NON-NLS-2$
				}
				if (key != null) {
					key.pollEvents();
					key.reset();
				}
			}
		}
	}

	private static String read(Path file) throws IOException {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // a half-written character is no error
		} catch (NoSuchFileException e) {
			return null;
		}
	}

	private static void close(WatchService watcher) {
		try {
			watcher.close();
		} catch (IOException e) {
			// the waiting thread then times out
		}
	}
}
