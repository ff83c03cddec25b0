package org.scriptorium.search.internal.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;

/**
 * Where an index may live, and the folder made private to the user. An index folder is refused (an
 * {@link UnusableException} saying why and what to do) when it is a symbolic link, not a folder, owned by another user,
 * or holds a symbolic link or a file that is not part of an index; such a folder is never followed, written or
 * emptied. A folder that is used gets a marker file ({@value #MARKER}); folders created here are readable by their
 * owner only (700) and every file Lucene writes into them gets 600.
 * <p>
 * The command line's default index folders live in the per-user cache folder ({@link #userCacheRoot()}); the IDE's in
 * the workspace's metadata (the search bundle's state location).
 */
public final class IndexFolder {

	/** The file that marks a folder as a Scriptorium index (it holds a sentence saying so). */
	public static final String MARKER = ".scriptorium-index"; //$NON-NLS-1$

	private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$
	private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------"); //$NON-NLS-1$
	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix"); //$NON-NLS-1$

	/** An index folder that cannot be used: the message says why and what to do. */
	public static final class UnusableException extends IOException {

		private static final long serialVersionUID = 1L;

		UnusableException(String message) {
			super(message);
		}
	}

	private IndexFolder() {
	}

	/** {@code $XDG_CACHE_HOME/scriptorium}, else {@code ~/.cache/scriptorium}: the user's cache folder. */
	public static Path userCacheRoot() {
		String xdg = System.getenv("XDG_CACHE_HOME"); //$NON-NLS-1$
		Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
				? Path.of(xdg)
				: Path.of(System.getProperty("user.home"), ".cache"); //$NON-NLS-1$ //$NON-NLS-2$
		return base.resolve("scriptorium"); //$NON-NLS-1$
	}

	/**
	 * The command line's default index folder {@code name} under {@link #userCacheRoot()}{@code /index}; the
	 * {@code scriptorium} and {@code index} folders are created (or made) private (700), and refused if they are a
	 * link or another user's.
	 */
	public static Path defaultIndex(String name) throws IOException {
		Path root = userCacheRoot();
		Path index = root.resolve("index"); //$NON-NLS-1$
		for (Path own : new Path[]{root, index}) {
			if (!Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
				createPrivate(own);
			}
			checkOwnFolder(own, "cache folder"); //$NON-NLS-1$
			if (POSIX) {
				Files.setPosixFilePermissions(own, PRIVATE_DIR);
			}
		}
		return index.resolve(name);
	}

	/**
	 * Makes {@code path} ready to hold an index: created private if missing, marked; refused if it is a link, not a
	 * folder, another user's, holds a link, or is unmarked and holds anything but an index's files.
	 */
	public static void prepare(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			createPrivate(path);
		}
		checkOwnFolder(path, "index folder"); //$NON-NLS-1$
		Path marker = path.resolve(MARKER);
		boolean marked = false;
		String foreign = null;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
			for (Path e : entries) {
				String name = e.getFileName().toString();
				if (Files.isSymbolicLink(e)) {
					throw new UnusableException("The index folder " + path + " holds a symbolic link (" + name //$NON-NLS-1$ //$NON-NLS-2$
							+ "), which Scriptorium does not follow: remove it, or choose another index folder."); //$NON-NLS-1$
				}
				if (name.equals(MARKER) && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
					marked = true;
				} else if (foreign == null && (!IndexStore.LUCENE_FILE.matcher(name).matches()
						|| !Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS))) {
					foreign = name;
				}
			}
		}
		// a folder of Scriptorium's own (marked) keeps files put beside the index, untouched; any other folder must
		// hold nothing but an index (one of an earlier version, before the marker)
		if (!marked && foreign != null) {
			throw new UnusableException("The index folder " + path + " holds '" + foreign //$NON-NLS-1$ //$NON-NLS-2$
					+ "', which is not part of a search index; Scriptorium writes and deletes files in its index " //$NON-NLS-1$
					+ "folder, so it uses only an empty folder or one of its own: choose another index folder " //$NON-NLS-1$
					+ "(an empty or new one)."); //$NON-NLS-1$
		}
		if (!marked) {
			Files.writeString(marker, "A Scriptorium search index: Scriptorium rewrites and deletes the files of this " //$NON-NLS-1$
					+ "folder; it can be deleted (it is rebuilt from its corpus).\n", StandardCharsets.UTF_8); //$NON-NLS-1$
			privateFile(marker);
		}
	}

	/** Lucene's directory over {@code path} ({@link #prepare prepared}), whose new files are private (600). */
	public static Directory open(Path path) throws IOException {
		FSDirectory fs = FSDirectory.open(path);
		if (!POSIX) {
			return fs;
		}
		return new FilterDirectory(fs) {
			@Override
			public IndexOutput createOutput(String name, IOContext context) throws IOException {
				IndexOutput o = super.createOutput(name, context);
				privateFile(path.resolve(name));
				return o;
			}

			@Override
			public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
				IndexOutput o = super.createTempOutput(prefix, suffix, context);
				privateFile(path.resolve(o.getName()));
				return o;
			}

			@Override
			public Lock obtainLock(String name) throws IOException {
				Lock lock = super.obtainLock(name);
				privateFile(path.resolve(name));
				return lock;
			}
		};
	}

	private static void createPrivate(Path dir) throws IOException {
		Path parent = dir.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (POSIX) {
			Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
			Files.setPosixFilePermissions(dir, PRIVATE_DIR);
		} else {
			Files.createDirectory(dir);
		}
	}

	private static void privateFile(Path file) throws IOException {
		if (POSIX && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			Files.setPosixFilePermissions(file, PRIVATE_FILE);
		}
	}

	/** {@code dir} exists, is a real folder (not a link to one) and belongs to the user running Scriptorium. */
	private static void checkOwnFolder(Path dir, String what) throws IOException {
		BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (a.isSymbolicLink()) {
			throw new UnusableException("The " + what + " " + dir + " is a symbolic link (to " //$NON-NLS-1$ //$NON-NLS-2$
					+ Files.readSymbolicLink(dir) + "), which Scriptorium does not follow: remove the link, or " //$NON-NLS-1$
					+ "choose another index folder (a real folder)."); //$NON-NLS-1$
		}
		if (!a.isDirectory()) {
			throw new UnusableException("The " + what + " " + dir + " is a file, not a folder: choose another " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ "index folder (a new or empty one)."); //$NON-NLS-1$
		}
		UserPrincipal me = currentUser();
		if (me != null) {
			UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
			if (!owner.equals(me)) {
				throw new UnusableException("The " + what + " " + dir + " belongs to " + owner.getName() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ ", not to " + me.getName() + ": Scriptorium keeps indexes only in the user's own folders; " //$NON-NLS-1$ //$NON-NLS-2$
						+ "choose another index folder."); //$NON-NLS-1$
			}
		}
	}

	/** The user running this JVM, or null where the file system cannot say. */
	private static UserPrincipal currentUser() {
		try {
			return FileSystems.getDefault().getUserPrincipalLookupService()
					.lookupPrincipalByName(System.getProperty("user.name")); //$NON-NLS-1$
		} catch (IOException | UnsupportedOperationException e) {
			return null;
		}
	}
}
