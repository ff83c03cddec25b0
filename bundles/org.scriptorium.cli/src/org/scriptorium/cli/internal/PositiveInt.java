package org.scriptorium.cli.internal;

import org.scriptorium.sandbox.internal.launch.LaunchOptions;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A whole number above zero, for options such as {@code --limit N}; subclasses narrow the range. A value out of range
 * is refused with the range, never wrapped or cut.
 */
public class PositiveInt implements ITypeConverter<Integer> {

	private final int max;
	private final String unit;

	public PositiveInt() {
		this(Integer.MAX_VALUE, "");
	}

	protected PositiveInt(int max, String unit) {
		this.max = max;
		this.unit = unit;
	}

	@Override
	public Integer convert(String value) {
		String v = value.strip();
		if (!v.matches("[+-]?\\d+")) {
			throw new TypeConversionException("needs a positive whole number, not '" + value + "'");
		}
		long n;
		try {
			n = Long.parseLong(v);
		} catch (NumberFormatException e) {
			n = v.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE; // beyond a long: out of range all the same
		}
		if (n < 1 || n > max) {
			throw new TypeConversionException(
					"needs a whole number from 1 to " + max + unit + ", not '" + value + "'");
		}
		return (int) n;
	}

	/** Megabytes of a JVM heap: 1 MB to 1 TiB. */
	public static final class HeapMb extends PositiveInt {
		public HeapMb() {
			super(LaunchOptions.MAX_HEAP_MB, " (MB)");
		}
	}

	/** Runs at once. */
	public static final class Parallel extends PositiveInt {
		public Parallel() {
			super(LaunchOptions.MAX_PARALLEL, "");
		}
	}
}
