package org.scriptorium.bench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Figures every benchmark reports: the size of an index folder and the peak heap. */
public final class BenchFigures {

	private BenchFigures() {
	}

	/** Bytes of the regular files under a folder. */
	public static long directoryBytes(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
		}
	}

	/** The sum of the heap pools' peak usage since the JVM started. */
	public static long peakHeapBytes() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
				.map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
	}
}
