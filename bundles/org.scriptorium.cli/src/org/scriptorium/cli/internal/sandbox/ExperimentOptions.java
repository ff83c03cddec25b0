package org.scriptorium.cli.internal.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The changes to an experiment file, as {@code run} and {@code validate} take them; each command declares the FILE
 * itself ({@code run --attach} takes none), with {@link #FILE_DESCRIPTION}.
 */
final class ExperimentOptions {

	static final String FILE_DESCRIPTION = "The experiment file (*.moe.json, see docs/experiment-format.md).";

	@Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change a value of the file first (a JSON path "
			+ "such as training.epochs or losses[0].weight, the value as JSON); may be repeated.")
	Map<String, String> sets = new LinkedHashMap<>();

	@Option(names = "--seed", paramLabel = "N", description = "Run only this seed instead of the file's seeds.")
	Long seed;

	@Option(names = "--json", description = "Print JSON: one event per line (run), or the outcome (validate).")
	boolean json;
}
