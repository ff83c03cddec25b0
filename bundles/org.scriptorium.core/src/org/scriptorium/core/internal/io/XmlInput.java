package org.scriptorium.core.internal.io;

import java.io.Reader;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened streaming XML input for the XML importers (the JDK's own StAX parser, whatever else is on the class
 * path): document type declarations are refused outright, so there are no external entities, no DTD fetches and no
 * entity expansion (XXE and "billion laughs" inputs are refused with a sentence saying why); the JDK's processing
 * limits are set low as a second line of defence; element text is read with a length bound.
 */
public final class XmlInput {

	/** The longest text one element may hold (an abstract is a few thousand characters). */
	public static final int MAX_TEXT = 1 << 20;

	private static final int MAX_DEPTH = 64;

	private XmlInput() {
	}

	/**
	 * A reader positioned on the root element.
	 *
	 * @throws ImportContext.Fatal if the input is not well-formed XML up to its root element or declares a document
	 *                             type
	 */
	public static XMLStreamReader open(Reader in) throws ImportContext.Fatal {
		XMLInputFactory f = XMLInputFactory.newDefaultFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
		f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.TRUE);
		f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
		f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
		f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, ""); //$NON-NLS-1$
		f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""); //$NON-NLS-1$
		f.setXMLResolver((publicId, systemId, base, ns) -> {
			throw new XMLStreamException("external resources are not read: " + systemId); //$NON-NLS-1$
		});
		// the JDK's limits (see java.xml's module documentation), should a DTD ever get through
		// (0 would mean "no limit")
		f.setProperty("jdk.xml.entityExpansionLimit", "100"); //$NON-NLS-1$ //$NON-NLS-2$
		f.setProperty("jdk.xml.totalEntitySizeLimit", "100000"); //$NON-NLS-1$ //$NON-NLS-2$
		f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "10000"); //$NON-NLS-1$ //$NON-NLS-2$
		f.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH)); //$NON-NLS-1$
		f.setProperty("jdk.xml.elementAttributeLimit", "1000"); //$NON-NLS-1$ //$NON-NLS-2$
		f.setProperty("jdk.xml.maxXMLNameLimit", "1000"); //$NON-NLS-1$ //$NON-NLS-2$
		try {
			XMLStreamReader r = f.createXMLStreamReader(in);
			while (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				if (r.getEventType() == XMLStreamConstants.DTD) {
					throw new ImportContext.Fatal(line(r), 0,
							"the XML declares a document type (<!DOCTYPE ...>); Scriptorium refuses document types in " //$NON-NLS-1$
									+ "imported XML because their entities can read local files or expand without bound " //$NON-NLS-1$
									+ "(XXE, \"billion laughs\"); arXiv's responses never have one"); //$NON-NLS-1$
				}
				if (!r.hasNext()) {
					throw new ImportContext.Fatal("the file holds no XML element"); //$NON-NLS-1$
				}
				r.next();
			}
			return r;
		} catch (XMLStreamException e) {
			throw fatal(e);
		}
	}

	/** Closes the parser (not the underlying reader, which its opener closes). */
	public static void close(XMLStreamReader r) {
		try {
			r.close();
		} catch (XMLStreamException e) {
			// nothing was written and nothing is lost
		}
	}

	/** The current event's 1-based line, or 0. */
	public static int line(XMLStreamReader r) {
		Location l = r.getLocation();
		return l == null ? 0 : Math.max(0, l.getLineNumber());
	}

	/**
	 * The text of the current element (the reader is on its start tag), with the text of nested elements, every run
	 * of white space folded to one space; the reader ends on its end tag.
	 */
	public static String text(XMLStreamReader r) throws XMLStreamException, ImportContext.BadRecord {
		String name = r.getLocalName();
		StringBuilder b = new StringBuilder();
		boolean tooLong = false;
		int depth = 1;
		while (depth > 0) {
			int e = r.next();
			switch (e) {
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (!tooLong) {
						b.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
						tooLong = b.length() > MAX_TEXT;
					}
				}
				default -> {
					// comments and processing instructions carry no text
				}
			}
		}
		if (tooLong) {
			// thrown only once the element is consumed, so that the caller can go on with the next record
			throw new ImportContext.BadRecord("the <" + name + "> element is longer than " + MAX_TEXT //$NON-NLS-1$ //$NON-NLS-2$
					+ " characters"); //$NON-NLS-1$
		}
		return fold(b);
	}

	/** Skips the current element (the reader is on its start tag) and ends on its end tag. */
	public static void skip(XMLStreamReader r) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int e = r.next();
			if (e == XMLStreamConstants.START_ELEMENT) {
				depth++;
			} else if (e == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** Runs of white space folded to one space, trimmed; {@code null} when nothing is left. */
	static String fold(CharSequence s) {
		StringBuilder b = new StringBuilder(s.length());
		boolean space = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c)) {
				space = b.length() > 0;
			} else {
				if (space) {
					b.append(' ');
					space = false;
				}
				b.append(c);
			}
		}
		return b.length() == 0 ? null : b.toString();
	}

	/** Throws the I/O error (e.g. an encoding error of the file) that caused this parse error, if there is one. */
	public static void rethrowIo(XMLStreamException e) throws java.io.IOException {
		Throwable c = e.getNestedException() != null ? e.getNestedException() : e.getCause();
		if (c instanceof java.io.IOException io) {
			throw io;
		}
	}

	/** A parse error as a fatal problem with its line and column, in words. */
	public static ImportContext.Fatal fatal(XMLStreamException e) {
		Location l = e.getLocation();
		String m = String.valueOf(e.getMessage());
		int at = m.indexOf("Message: "); //$NON-NLS-1$
		if (at >= 0) {
			m = m.substring(at + "Message: ".length()); //$NON-NLS-1$
		}
		m = m.strip();
		String text;
		if (m.startsWith("XML document structures must start and end within the same entity") //$NON-NLS-1$
				|| m.contains("end of file") || m.contains("Premature end")) { //$NON-NLS-1$ //$NON-NLS-2$
			text = "the XML ends in the middle of the document (is the file truncated?)"; //$NON-NLS-1$
		} else if (m.matches("(?s)JAXP\\d+:.*")) { //$NON-NLS-1$
			// one of the limits set in open(): say which, without the parser's property names
			text = "the XML exceeds a safety limit of the importer: " //$NON-NLS-1$
					+ m.replaceFirst("^JAXP\\d+:\\s*", "") //$NON-NLS-1$//$NON-NLS-2$
							.replaceFirst("\\s*(,\\s*\"[^\"]*\" is the limit)? set by \"jdk\\.xml\\.[^\"]*\"\\.?$", ""); //$NON-NLS-1$ //$NON-NLS-2$
		} else if (m.contains("was referenced, but not declared")) { //$NON-NLS-1$
			text = "malformed XML: " + m //$NON-NLS-1$
					+ " (only the five predefined XML entities and character references are allowed)"; //$NON-NLS-1$
		} else {
			text = "malformed XML: " + m; //$NON-NLS-1$
		}
		return new ImportContext.Fatal(l == null ? 0 : Math.max(0, l.getLineNumber()),
				l == null ? 0 : Math.max(0, l.getColumnNumber()), text);
	}
}
