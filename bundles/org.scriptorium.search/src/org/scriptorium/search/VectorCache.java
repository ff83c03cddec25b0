package org.scriptorium.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Document vectors of one {@link TextEncoder}, kept on disk by the SHA-256 of the embedded text, so that rebuilding
 * an index, or evaluating again, never re-embeds a text that was embedded before (embedding is by far the slowest
 * part of dense indexing). One file per model, {@code <dir>/<model>.vectors}: a header line naming the format, the
 * model and the dimension, then fixed-size records (32-byte hash, little-endian floats), appended as each batch is
 * embedded, so a canceled or killed run keeps what it finished.
 * <p>
 * A file that ends in a partial record (a killed writer) loses only that record. A file of another format, model
 * or dimension is moved aside to {@code <model>.vectors.unreadable} (reported through the warning callback) and a new
 * one started: the cache only saves time, it never holds data that cannot be recomputed. One process at a time
 * writes a cache file (a file lock); another one reads the whole records already there and keeps what it computes in
 * memory.
 */
public final class VectorCache implements AutoCloseable {

	/** Texts embedded per step; the cache file grows after each. */
	public static final int STEP = 256;
	private static final String FORMAT = "scriptorium-vectors 1"; //$NON-NLS-1$
	private static final int HASH = 32;

	private final Path file;
	private final String model;
	private final int dimension;
	private final Map<Key, float[]> vectors = new HashMap<>();
	private FileChannel channel;

	private VectorCache(Path file, String model, int dimension) {
		this.file = file;
		this.model = model;
		this.dimension = dimension;
	}

	/**
	 * Opens (or creates) the cache of a model in a directory.
	 *
	 * @param warnings receives a sentence when an unreadable cache file was moved aside or a partial record dropped
	 */
	public static VectorCache open(Path dir, String model, int dimension, Consumer<String> warnings)
			throws IOException {
		Files.createDirectories(dir);
		VectorCache c = new VectorCache(dir.resolve(model + ".vectors"), model, dimension); //$NON-NLS-1$
		c.load(warnings);
		return c;
	}

	/**
	 * Where command-line tools keep their vector caches: {@code $XDG_CACHE_HOME/scriptorium/vectors}, else
	 * {@code ~/.cache/scriptorium/vectors} (the workbench keeps its own in the plug-in's state location).
	 */
	public static Path defaultDirectory() {
		String xdg = System.getenv("XDG_CACHE_HOME"); //$NON-NLS-1$
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"); //$NON-NLS-1$ //$NON-NLS-2$
		return base.resolve("scriptorium").resolve("vectors"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The text a paper is embedded as: title and abstract, as BEIR's dense baselines do. */
	public static String documentText(String title, String abstractText) {
		String t = title == null ? "" : title.strip(); //$NON-NLS-1$
		String a = abstractText == null ? "" : abstractText.strip(); //$NON-NLS-1$
		return t.isEmpty() ? a : a.isEmpty() ? t : t + ' ' + a;
	}

	private String header() {
		return FORMAT + ' ' + model + ' ' + dimension + '\n';
	}

	private void load(Consumer<String> warnings) throws IOException {
		byte[] head = header().getBytes(StandardCharsets.UTF_8);
		FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		boolean locked;
		try {
			locked = ch.tryLock() != null;
		} catch (java.nio.channels.OverlappingFileLockException e) {
			locked = false; // open in this JVM already
		}
		try {
			long size = ch.size();
			if (size == 0 && locked) {
				ch.write(ByteBuffer.wrap(head));
				channel = ch;
				return;
			}
			ByteBuffer h = ByteBuffer.allocate(head.length);
			while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
				// read the header
			}
			if (h.hasRemaining() || !java.util.Arrays.equals(h.array(), head)) {
				if (!locked) {
					warnings.accept("The vector cache " + file + " is in use by another process and not readable " //$NON-NLS-1$ //$NON-NLS-2$
							+ "yet; vectors computed now are not cached."); //$NON-NLS-1$
					ch.close();
					return;
				}
				ch.close();
				Path aside = file.resolveSibling(file.getFileName() + ".unreadable"); //$NON-NLS-1$
				Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
				warnings.accept("The vector cache " + file + " is not a " + model + " cache of dimension " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ dimension + "; it was moved to " + aside + " and the vectors will be computed again."); //$NON-NLS-1$ //$NON-NLS-2$
				load(warnings);
				return;
			}
			int record = HASH + 4 * dimension;
			long whole = head.length + (size - head.length) / record * record;
			ByteBuffer buf = ByteBuffer.allocate(record * 1024).order(ByteOrder.LITTLE_ENDIAN);
			long pos = head.length;
			while (pos < whole) {
				buf.clear();
				buf.limit((int) Math.min(buf.capacity(), whole - pos));
				while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
					// fill the buffer
				}
				buf.flip();
				while (buf.remaining() >= record) {
					byte[] k = new byte[HASH];
					buf.get(k);
					float[] v = new float[dimension];
					buf.asFloatBuffer().get(v);
					buf.position(buf.position() + 4 * dimension);
					vectors.put(new Key(k), v);
				}
				pos += buf.limit();
			}
			if (!locked) {
				warnings.accept("The vector cache " + file + " is in use by another process: its " + vectors.size() //$NON-NLS-1$ //$NON-NLS-2$
						+ " vectors are used, vectors computed now are not cached."); //$NON-NLS-1$
				ch.close();
				return;
			}
			if (whole < size) {
				warnings.accept("The vector cache " + file + " ended in a partial record (an interrupted run); " //$NON-NLS-1$ //$NON-NLS-2$
						+ "that one vector will be computed again."); //$NON-NLS-1$
				ch.truncate(whole);
			}
			ch.position(whole);
			channel = ch;
		} catch (IOException | RuntimeException e) {
			ch.close();
			throw e;
		}
	}

	/** The file. */
	public Path file() {
		return file;
	}

	/** Vectors held. */
	public synchronized int size() {
		return vectors.size();
	}

	/** The cached vector of a text. */
	public synchronized Optional<float[]> get(String text) {
		return Optional.ofNullable(vectors.get(Key.of(text)));
	}

	/** Caches a vector (written to disk at once). */
	public synchronized void put(String text, float[] vector) throws IOException {
		if (vector.length != dimension) {
			throw new IllegalArgumentException("vector of length " + vector.length + ", expected " + dimension); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Key k = Key.of(text);
		if (vectors.containsKey(k)) {
			return;
		}
		if (channel == null) { // another process holds the file: keep the vector for this session only
			vectors.put(k, vector.clone());
			return;
		}
		ByteBuffer b = ByteBuffer.allocate(HASH + 4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
		b.put(k.bytes);
		for (float f : vector) {
			b.putFloat(f);
		}
		b.flip();
		while (b.hasRemaining()) {
			channel.write(b);
		}
		vectors.put(k, vector.clone());
	}

	/**
	 * The vectors of texts, in order: cached ones are looked up, the others embedded by the encoder in steps of
	 * {@link #STEP} distinct texts and cached after each step. Reports one unit per text; a canceled monitor stops
	 * between steps with a {@link CancellationException}, keeping the finished steps in the cache.
	 *
	 * @return how many texts had to be embedded, and the vectors
	 */
	public Encoded encode(TextEncoder encoder, List<String> texts, ProgressMonitor monitor) throws IOException {
		if (!encoder.id().equals(model) || encoder.dimension() != dimension) {
			throw new IllegalArgumentException("a cache of " + model + " cannot hold vectors of " + encoder.id()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Map<Key, String> missing = new LinkedHashMap<>();
		synchronized (this) {
			for (String t : texts) {
				Key k = Key.of(t);
				if (!vectors.containsKey(k)) {
					missing.putIfAbsent(k, t);
				}
			}
		}
		monitor.worked(texts.size() - missing.size());
		List<String> todo = new ArrayList<>(missing.values());
		for (int from = 0; from < todo.size(); from += STEP) {
			if (monitor.isCanceled()) {
				throw new CancellationException();
			}
			List<String> step = todo.subList(from, Math.min(todo.size(), from + STEP));
			List<float[]> v = encoder.encodeDocuments(step, monitor);
			for (int i = 0; i < step.size(); i++) {
				put(step.get(i), v.get(i));
			}
		}
		List<float[]> out = new ArrayList<>(texts.size());
		synchronized (this) {
			for (String t : texts) {
				out.add(vectors.get(Key.of(t)));
			}
		}
		return new Encoded(todo.size(), out);
	}

	/** The result of {@link #encode}: how many distinct texts were embedded now, and every text's vector. */
	public record Encoded(int embedded, List<float[]> vectors) {
	}

	@Override
	public synchronized void close() throws IOException {
		if (channel != null) {
			channel.force(false);
			channel.close();
			channel = null;
		}
	}

	private record Key(byte[] bytes) {
		static Key of(String text) {
			try {
				return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))); //$NON-NLS-1$
			} catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
		}

		@Override
		public int hashCode() {
			return java.util.Arrays.hashCode(bytes);
		}
	}
}
