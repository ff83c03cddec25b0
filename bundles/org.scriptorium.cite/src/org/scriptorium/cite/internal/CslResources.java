package org.scriptorium.cite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scriptorium.cite.CitationStyle;

import de.undercouch.citeproc.LocaleProvider;

/**
 * The shipped CSL styles and locales, read from this bundle's folder {@code csl} (beside this class) through
 * the class loader, so the same code works inside OSGi and on a plain class path. Read once, then cached.
 */
public final class CslResources {

	/** The default locale (the one the styles are written for). */
	public static final String LOCALE = "en-US"; //$NON-NLS-1$

	/**
	 * The shipped CSL locales (the build unpacks them from {@code org.citationstyles:locales}; see the bundle's
	 * pom.xml), the default first.
	 */
	public static final List<String> SHIPPED = List.of(LOCALE, "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"pt-PT", "nl-NL", "pl-PL", "ru-RU", "sv-SE", "zh-CN", "ja-JP", "ko-KR"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	/** Gives citeproc-java a shipped locale (the style's own locale terms are merged in by it). */
	static final LocaleProvider LOCALES = lang -> {
		if (!SHIPPED.contains(lang)) {
			// citeproc-java asks for the primary dialect too and skips it on this exception
			throw new IllegalArgumentException("Scriptorium does not ship the CSL locale " + lang); //$NON-NLS-1$
		}
		return read("locales-" + lang + ".xml"); //$NON-NLS-1$ //$NON-NLS-2$
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
