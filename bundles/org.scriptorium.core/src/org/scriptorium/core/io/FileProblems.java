package org.scriptorium.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One readable sentence for a file error: which file and what went wrong, in words (Java's own messages are often
 * only a path, or a reason without one: {@code c-file}, {@code Is a directory}). The one place that turns an
 * {@link IOException} into words for the user.
 */
public final class FileProblems {

	private FileProblems() {
	}

	/** {@code FILE: what went wrong} (or the exception's own message when it already says more). */
	public static String describe(IOException e) {
		if (e instanceof NoSuchFileException n) {
			return n.getFile() + ": no such file or folder" //$NON-NLS-1$
					+ (n.getOtherFile() != null ? " (" + n.getOtherFile() + ")" : ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (e instanceof AccessDeniedException a) {
			return a.getFile() + ": permission denied (check its permissions, or choose another location)"; //$NON-NLS-1$
		}
		if (e instanceof FileAlreadyExistsException f) {
			return f.getFile() + ": already exists and is in the way (a file where a folder is needed, or the " //$NON-NLS-1$
					+ "other way round)"; //$NON-NLS-1$
		}
		if (e instanceof NotDirectoryException n) {
			return n.getFile() + ": not a folder"; //$NON-NLS-1$
		}
		if (e instanceof DirectoryNotEmptyException d) {
			return d.getFile() + ": a folder that is not empty"; //$NON-NLS-1$
		}
		if (e instanceof FileSystemException f) {
			String reason = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
			String file = f.getFile() == null ? "" : f.getFile() + ": "; //$NON-NLS-1$ //$NON-NLS-2$
			if ("Is a directory".equals(reason)) { //$NON-NLS-1$
				return file + "a folder, where a file is needed"; //$NON-NLS-1$
			}
			return file + lowerFirst(reason);
		}
		if (e instanceof CharacterCodingException) {
			return "not valid text in the expected encoding (UTF-8)"; //$NON-NLS-1$
		}
		String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
	}

	private static String lowerFirst(String s) {
		return s.isEmpty() || Character.isLowerCase(s.charAt(0)) || s.length() > 1 && Character.isUpperCase(s.charAt(1))
				? s
				: Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}
}
