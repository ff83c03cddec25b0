package org.scriptorium.cite.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scriptorium.cite.CitationStyle;

/** The shipped CSL files: present in the bundle, independent styles, with their license beside them. */
class CslResourcesTest {

	@ParameterizedTest
	@EnumSource(CitationStyle.class)
	void eachStyleIsAnIndependentCslStyle(CitationStyle style) {
		String xml = CslResources.style(style);
		assertTrue(xml.contains("<style xmlns=\"http://purl.org/net/xbiblio/csl\""), style.fileName());
		assertTrue(xml.contains("<bibliography"), style.fileName());
		assertTrue(xml.contains("<citation"), style.fileName());
		assertFalse(xml.contains("independent-parent"), style.fileName());
		assertTrue(xml.contains("creativecommons.org/licenses/by-sa/3.0"), style.fileName());
	}

	@Test
	void theEnglishLocaleIsShipped() {
		String xml = CslResources.LOCALES.retrieveLocale("en-US");
		assertTrue(xml.contains("xml:lang=\"en-US\""));
	}

	@Test
	void everyShippedLocaleIsInTheBundleAndNoOtherIsGiven() {
		for (String locale : CslResources.SHIPPED) {
			assertTrue(CslResources.LOCALES.retrieveLocale(locale).contains("xml:lang=\"" + locale + "\""), locale); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			CslResources.LOCALES.retrieveLocale("de"); // citeproc-java asks for the primary dialect too //$NON-NLS-1$
			org.junit.jupiter.api.Assertions.fail("a locale not shipped is refused"); //$NON-NLS-1$
		} catch (IllegalArgumentException expected) {
			// citeproc-java skips it
		}
	}

	@Test
	void theLicenseIsBesideTheFiles() throws IOException {
		try (InputStream in = CslResources.class.getResourceAsStream("csl/LICENSE.txt")) {
			assertNotNull(in);
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(text.contains("CC BY-SA 3.0"));
			for (CitationStyle s : CitationStyle.values()) {
				assertTrue(text.contains(s.fileName()), s.fileName());
			}
		}
	}
}
