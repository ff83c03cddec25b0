package org.scriptorium.sandbox.internal.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.scriptorium.core.io.AtomicFile;
import org.scriptorium.sandbox.internal.math.Rng;

import com.google.gson.JsonObject;

/**
 * Writes the SynthDomains data of one run to files for an external trainer (docs/sandbox-protocol.md, "Inputs"):
 * exactly the examples the built-in trainer generates for the same data configuration and seed (the same derived
 * random streams as {@code Trainer}), as {@code meta.json} plus little-endian binary arrays per split:
 * {@code <split>.x.f64} (rows x features, row-major), {@code <split>.label.i32}, {@code .domain.i32},
 * {@code .difficulty.i32}, {@code .token.i32}. Read by {@code scriptorium_sandbox.data} in Python.
 */
public final class SynthDomainsFiles {

	/** Version of the layout, in {@code meta.json}. */
	public static final int FORMAT = 1;
	/** The folder name under a run's inputs folder. */
	public static final String NAME = "synth-domains";

	private SynthDomainsFiles() {
	}

	/** The training split of the built-in trainer for {@code seed}. */
	public static Dataset[] generate(DataConfig dc, long seed) {
		SynthDomains gen = new SynthDomains(dc, Rng.derive(seed, "data-params"));
		return new Dataset[]{gen.generate(dc.trainSize(), Rng.derive(seed, "train")),
				gen.generate(dc.testSize(), Rng.derive(seed, "test"))};
	}

	/** Writes the train and test splits of {@code seed} into {@code dir} (created if needed). */
	public static void write(DataConfig dc, long seed, Path dir) throws IOException {
		Files.createDirectories(dir);
		Dataset[] splits = generate(dc, seed);
		JsonObject meta = new JsonObject();
		meta.addProperty("format", FORMAT);
		meta.addProperty("generator", NAME);
		meta.addProperty("seed", seed);
		meta.addProperty("domains", dc.domains());
		meta.addProperty("classes", dc.classes());
		meta.addProperty("vocab", dc.vocab());
		meta.addProperty("features", dc.featureDim());
		meta.addProperty("sequenceLength", dc.sequenceLength());
		JsonObject info = new JsonObject();
		String[] names = {"train", "test"};
		for (int s = 0; s < 2; s++) {
			Dataset d = splits[s];
			JsonObject split = new JsonObject();
			split.addProperty("rows", d.size());
			info.add(names[s], split);
			writeDoubles(dir.resolve(names[s] + ".x.f64"), d.x());
			writeInts(dir.resolve(names[s] + ".label.i32"), d.label());
			writeInts(dir.resolve(names[s] + ".domain.i32"), d.domain());
			writeInts(dir.resolve(names[s] + ".difficulty.i32"), d.difficulty());
			writeInts(dir.resolve(names[s] + ".token.i32"), d.tokenId());
		}
		meta.add("splits", info);
		AtomicFile.write(dir.resolve("meta.json"), meta + "\n");
	}

	private static void writeDoubles(Path file, double[][] rows) throws IOException {
		int cols = rows.length == 0 ? 0 : rows[0].length;
		ByteBuffer buf = ByteBuffer.allocate(8 * cols).order(ByteOrder.LITTLE_ENDIAN);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			for (double[] row : rows) {
				buf.clear();
				for (double v : row) {
					buf.putDouble(v);
				}
				out.write(buf.array(), 0, buf.position());
			}
		}
	}

	private static void writeInts(Path file, int[] values) throws IOException {
		ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (int v : values) {
			buf.putInt(v);
		}
		Files.write(file, buf.array());
	}
}
