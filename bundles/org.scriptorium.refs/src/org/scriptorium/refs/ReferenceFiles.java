package org.scriptorium.refs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which files hold paper references and how they are read: the one rule the {@code refs} command, {@code citedin:}
 * and the reference checks share.
 */
public final class ReferenceFiles {

	/**
	 * The file name extensions whose files are searched for references when a folder is given: LaTeX, Markdown (and
	 * Quarto, R Markdown), reStructuredText, plain text, Python, notebooks, Java, Scala, Kotlin, Julia, R, C/C++,
	 * shell, YAML, TOML, JSON (experiment files' {@code reproduces} lists). BibTeX files ({@code .bib}) are not: they
	 * are the bibliography itself.
	 */
	public static final Set<String> EXTENSIONS = Set.of("tex", "ltx", "sty", "md", "markdown", "qmd", "rmd", "rst", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			"txt", "org", "py", "ipynb", "java", "scala", "kt", "jl", "r", "c", "cc", "cpp", "h", "hpp", "cu", "sh", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$ //$NON-NLS-13$ //$NON-NLS-14$ //$NON-NLS-15$ //$NON-NLS-16$
			"yaml", "yml", "toml", "json"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/** Files larger than this are not read (data, not writing): 8 MiB. */
	public static final long MAX_SIZE = 8L << 20;

	private ReferenceFiles() {
	}

	/** Whether a file of this name is searched when its folder is given (by extension, case ignored). */
	public static boolean isReferenceFile(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/**
	 * The text of a file to search, or {@code null} when it is no text: larger than {@link #MAX_SIZE}, or holding a
	 * NUL byte. UTF-8, with malformed bytes replaced (offsets stay those of the decoded text).
	 */
	public static String read(Path file) throws IOException {
		if (Files.size(file) > MAX_SIZE) {
			return null;
		}
		return text(Files.readAllBytes(file));
	}

	/** The text of a file's bytes, or {@code null} when they hold a NUL byte (a binary file). */
	public static String text(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return null;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, StandardCharsets.UTF_8); // not with REPLACE
		}
	}

	/**
	 * The files to search at a path: the file itself (whatever its name), or the {@link #isReferenceFile reference
	 * files} under a folder, in name order, leaving out hidden files and folders ({@code .git}) and symbolic links to
	 * folders.
	 */
	public static List<Path> files(Path path) throws IOException {
		if (!Files.isDirectory(path)) {
			return List.of(path);
		}
		List<Path> out = new ArrayList<>();
		Files.walkFileTree(path, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return !dir.equals(path) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (attrs.isRegularFile() && !hidden(file) && isReferenceFile(file.getFileName().toString())) {
					out.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) {
				return FileVisitResult.CONTINUE; // an unreadable entry of a folder is left out
			}
		});
		out.sort(null);
		return out;
	}

	private static boolean hidden(Path p) {
		Path name = p.getFileName();
		return name != null && name.toString().startsWith("."); //$NON-NLS-1$
	}
}
