package org.scriptorium.sandbox;

/**
 * One problem found in an experiment file.
 *
 * @param source  file name (or another label for the source)
 * @param path    JSON path of the offending value, e.g. {@code strategy.capacityFactor} or {@code losses[0].weight}
 * @param message what is wrong, starting with the path
 * @param line    1-based line, 0 if unknown
 * @param column  1-based column, 0 if unknown
 */
public record Problem(String source, String path, String message, int line, int column) {

	/** {@code "e1.moe.json: strategy.p must be in (0, 1], got 2 (line 12, col 24)"}. */
	@Override
	public String toString() {
		String where = line > 0 ? " (line " + line + ", col " + column + ")" : "";
		return (source == null ? "" : source + ": ") + message + where;
	}
}
