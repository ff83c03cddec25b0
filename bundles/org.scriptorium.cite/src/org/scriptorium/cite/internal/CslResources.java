package org.scriptorium.cite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scriptorium.cite.CitationStyle;

import de.undercouch.citeproc.LocaleProvider;

/**
 * The shipped CSL styles and the en-US locale, read from this bundle's folder {@code csl} (beside this class) through
 * the class loader, so the same code works inside OSGi and on a plain class path. Read once, then cached.
 */
public final class CslResources {

	/** The one locale shipped (and the one the styles are formatted in). */
	public static final String LOCALE = "en-US"; //$NON-NLS-1$

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	/** Gives citeproc-java the shipped locale (it asks for en-US, the style's own locales are merged in by it). */
	static final LocaleProvider LOCALES = lang -> {
		if (!LOCALE.equals(lang)) {
			// citeproc-java asks for the primary dialect too and skips it on this exception
			throw new IllegalArgumentException("Scriptorium ships only the CSL locale " + LOCALE + ", not " + lang); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return read("locales-" + LOCALE + ".xml"); //$NON-NLS-1$ //$NON-NLS-2$
	};

	private CslResources() {
	}

	/** The CSL XML of a style. */
	public static String style(CitationStyle style) {
		return read(style.fileName());
	}

	private static String read(String fileName) {
		return CACHE.computeIfAbsent(fileName, name -> {
			try (InputStream in = CslResources.class.getResourceAsStream("csl/" + name)) { //$NON-NLS-1$
				if (in == null) {
					throw new IllegalStateException("The CSL file " + name //$NON-NLS-1$
							+ " is missing from org.scriptorium.cite (a broken build: the build unpacks it into the bundle)"); //$NON-NLS-1$
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			} catch (IOException e) {
				throw new UncheckedIOException("Cannot read the CSL file " + name + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
			}
		});
	}
}
