package org.scriptorium.cli.internal;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number above zero, for options such as {@code --limit N}. */
public final class PositiveInt implements ITypeConverter<Integer> {

	@Override
	public Integer convert(String value) {
		try {
			int n = Integer.parseInt(value);
			if (n > 0) {
				return n;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw new TypeConversionException("needs a positive whole number, not '" + value + "'");
	}
}
