package org.scriptorium.core.io;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Cells and rows of comma-separated values as RFC 4180 writes them. The one CSV writer of Scriptorium: the sandbox's
 * summary tables, the Experiment Results view's export and the retrieval-routing task's tables use it.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * {@code value} as one field: quoted when it holds a comma, a double quote, a carriage return or a line feed
	 * (inner double quotes doubled), else as it is; null is the empty field.
	 */
	public static String field(String value) {
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return '"' + value.replace("\"", "\"\"") + '"'; //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return value;
	}

	/** The fields of one row, each as {@link #field(String)} writes it, separated by commas (no line end). */
	public static String row(List<String> values) {
		return values.stream().map(Csv::field).collect(Collectors.joining(",")); //$NON-NLS-1$
	}

	/** A number with four decimals and a dot ({@code 0.7444}); NaN (no value) is the empty field. */
	public static String decimal(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
