package org.scriptorium.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scriptorium.sandbox.internal.config.ExperimentConfig;
import org.scriptorium.sandbox.internal.config.Experiments;
import org.scriptorium.sandbox.internal.config.PositionedJson;
import org.scriptorium.sandbox.internal.config.Utf8Text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A validated experiment file: what to train and measure, with which seeds and which sweep. Load with
 * {@link #load(Path)}; an invalid file raises {@link ExperimentException} listing every problem with its
 * JSON path and line/column. The recommended extension is {@code .moe.json}.
 */
public final class Experiment {

	/** Largest experiment file read (experiments are small; this bounds the memory a wrong file can take). */
	public static final long MAX_FILE_BYTES = 16L << 20;

	/** Recommended file extension. */
	public static final String EXTENSION = ".moe.json";

	private final String source;
	private final JsonObject root;
	private final Map<String, PositionedJson.Pos> positions;
	/** The directory of the file (relative task data paths are resolved against it); null when parsed from text. */
	private Path baseDir;

	private Experiment(String source, JsonObject root, Map<String, PositionedJson.Pos> positions) {
		this.source = source;
		this.root = root;
		this.positions = positions;
	}

	public static Experiment load(Path file) throws ExperimentException {
		String text;
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw new ExperimentException(List.of(new Problem(file.toString(), "", String.format(Locale.ROOT,
						"the file has %,d bytes, more than the limit of %,d for an experiment file", Files.size(file),
						MAX_FILE_BYTES), 0, 0)));
			}
			text = Utf8Text.decode(Files.readAllBytes(file), file.toString());
		} catch (IOException e) {
			throw new ExperimentException(List.of(new Problem(file.toString(), "",
					"cannot read the file (" + Utf8Text.describe(e) + ")", 0, 0)));
		}
		Experiment x = parse(text, file.getFileName().toString());
		x.baseDir = file.toAbsolutePath().getParent();
		return x;
	}

	public static Experiment parse(String json, String source) throws ExperimentException {
		PositionedJson pj;
		try {
			pj = PositionedJson.parse(json);
		} catch (PositionedJson.SyntaxError e) {
			throw new ExperimentException(List.of(new Problem(source, e.path, e.getMessage(),
					e.pos == null ? 0 : e.pos.line(), e.pos == null ? 0 : e.pos.column())));
		}
		if (!pj.root().isJsonObject()) {
			throw new ExperimentException(
					List.of(new Problem(source, "", "the top level must be a JSON object", 1, 1)));
		}
		Experiment x = new Experiment(source, pj.root().getAsJsonObject(), new HashMap<>(pj.positions()));
		Experiments.validate(x.source, x.root, x.positions);
		return x;
	}

	/**
	 * Returns a copy with values replaced at JSON paths (e.g. {@code training.epochs} → {@code 2}); values
	 * are JSON text, and plain words are taken as strings. The result is validated again.
	 */
	public Experiment withOverrides(Map<String, String> overrides) throws ExperimentException {
		JsonObject copy = root.deepCopy();
		List<Problem> problems = new ArrayList<>();
		for (var e : overrides.entrySet()) {
			String err = Experiments.setLiteral(copy, e.getKey(), e.getValue());
			if (err != null) {
				problems.add(new Problem(source, e.getKey(), "override " + e.getKey() + " " + err, 0, 0));
			}
		}
		if (!problems.isEmpty()) {
			throw new ExperimentException(problems);
		}
		Map<String, PositionedJson.Pos> pos = new HashMap<>(positions);
		for (String k : overrides.keySet()) {
			pos.keySet().removeIf(p -> p.equals(k) || p.startsWith(k + ".") || p.startsWith(k + "["));
		}
		Experiment x = new Experiment(source, copy, pos);
		Experiments.validate(source, copy, pos);
		x.baseDir = baseDir;
		return x;
	}

	/** Returns a copy whose seeds are replaced. */
	public Experiment withSeeds(List<Long> seeds) throws ExperimentException {
		JsonObject copy = root.deepCopy();
		com.google.gson.JsonArray a = new com.google.gson.JsonArray();
		seeds.forEach(a::add);
		copy.add("seeds", a);
		Experiment x = new Experiment(source, copy, positions);
		x.baseDir = baseDir;
		return x;
	}

	public String source() {
		return source;
	}

	public String name() {
		return root.get("name").getAsString();
	}

	public String description() {
		return root.has("description") ? root.get("description").getAsString() : "";
	}

	/** The expected qualitative outcome stated in the file. */
	public String expected() {
		return root.has("expected") ? root.get("expected").getAsString() : "";
	}

	public List<Long> seeds() {
		return Experiments.seeds(root);
	}

	/** Metric names the summary table shows. */
	public List<String> summaryMetrics() {
		return Experiments.summaryMetrics(root);
	}

	/** True if the file has a {@code task} section: it runs a task provider instead of the built-in training. */
	public boolean isTask() {
		return root.has("task");
	}

	/** True if the file names an external command (which only runs when explicitly allowed). */
	public boolean isExternal() {
		return root.has("external");
	}

	public List<String> externalCommand() {
		return Experiments.externalCommand(root);
	}

	/** The sweep grid: path → values, in file order. */
	public Map<String, List<JsonElement>> sweep() {
		return Experiments.sweep(root);
	}

	/** Named variants: name → path/value settings. */
	public Map<String, Map<String, JsonElement>> variants() {
		return Experiments.variants(root);
	}

	/** Columns that identify a point in summary tables: "variant" (if any), then the sweep paths. */
	public List<String> pointColumns() {
		return Experiments.columns(root);
	}

	/** The original (overridden) tree, a copy. */
	public JsonObject json() {
		return root.deepCopy();
	}

	/** All runs: every sweep point × every seed, in a fixed order. */
	public List<RunSpec> runs() {
		List<RunSpec> out = new ArrayList<>();
		List<Map<String, JsonElement>> points = Experiments.points(root);
		int i = 0;
		List<Long> seeds = seeds();
		for (Map<String, JsonElement> point : points) {
			for (long seed : seeds) {
				JsonObject cfg = Experiments.resolve(root, point, seed);
				if (cfg.has("task")) {
					// the child runs in its run directory: give it the data directory as an absolute path
					JsonObject task = cfg.getAsJsonObject("task");
					Path base = baseDir != null ? baseDir : Path.of("").toAbsolutePath();
					String dir = task.has("dataDir") ? task.get("dataDir").getAsString() : ".";
					task.addProperty("dataDir", base.resolve(dir).normalize().toString());
				}
				String id = (points.size() > 1 ? String.format("p%04d-", i) : "") + "s" + seed;
				out.add(new RunSpec(id, name(), Collections.unmodifiableMap(new LinkedHashMap<>(point)), seed, cfg));
			}
			i++;
		}
		return out;
	}

	/** Binds a resolved single-run configuration (as given to a child). */
	public static ExperimentConfig bindResolved(JsonObject resolved, String source) throws ExperimentException {
		return Experiments.bind(resolved, source);
	}
}
