package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.scriptorium.core.model.Author;

/**
 * An arXiv API response ({@code export.arxiv.org/api/query}): an Atom feed whose entries are papers, in the 2019
 * layout (the {@code arxiv} namespace declared on each element) and the 2025 one (declared on the feed). Read in a
 * stream with {@link XmlInput}; each entry is one record whose line is that of its {@code <entry>} tag. An error
 * answer of the API (an entry whose id is under {@code /api/errors}) refuses the file with the API's message.
 */
public final class AtomFeedReader implements FormatReader {

	static final String ATOM = "http://www.w3.org/2005/Atom"; //$NON-NLS-1$
	static final String ARXIV = "http://arxiv.org/schemas/atom"; //$NON-NLS-1$

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		XMLStreamReader r = XmlInput.open(in);
		try {
			if (!"feed".equals(r.getLocalName()) || !ATOM.equals(r.getNamespaceURI())) { //$NON-NLS-1$
				throw new ImportContext.Fatal(XmlInput.line(r), 0,
						"this XML is not an Atom feed: its root element is <" + r.getLocalName() + ">"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			while (r.hasNext()) {
				if (r.next() == XMLStreamConstants.START_ELEMENT) {
					if ("entry".equals(r.getLocalName()) && ATOM.equals(r.getNamespaceURI())) { //$NON-NLS-1$
						entry(r, ctx);
					} else {
						XmlInput.skip(r);
					}
				}
			}
		} catch (XMLStreamException e) {
			XmlInput.rethrowIo(e);
			throw XmlInput.fatal(e);
		} finally {
			XmlInput.close(r);
		}
	}

	private static void entry(XMLStreamReader r, ImportContext ctx) throws XMLStreamException, ImportContext.Fatal {
		int line = XmlInput.line(r);
		XmlArxivPaper p = new XmlArxivPaper();
		String id = null;
		String primary = null;
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String ns = r.getNamespaceURI();
			if (ATOM.equals(ns)) {
				switch (r.getLocalName()) {
					case "id" -> id = p.text(r); //$NON-NLS-1$
					case "title" -> p.title = p.text(r); //$NON-NLS-1$
					case "summary" -> p.abstractText = p.text(r); //$NON-NLS-1$
					case "published" -> p.date = p.text(r); //$NON-NLS-1$
					case "author" -> author(r, p); //$NON-NLS-1$
					case "link" -> link(r, p); //$NON-NLS-1$
					case "category" -> { //$NON-NLS-1$
						p.categoryList(r.getAttributeValue(null, "term")); //$NON-NLS-1$
						XmlInput.skip(r);
					}
					default -> XmlInput.skip(r); // updated, rights, ...
				}
			} else if (ARXIV.equals(ns)) {
				switch (r.getLocalName()) {
					case "doi" -> p.doi = p.text(r); //$NON-NLS-1$
					case "journal_ref" -> p.journalRef = p.text(r); //$NON-NLS-1$
					case "primary_category" -> { //$NON-NLS-1$
						primary = r.getAttributeValue(null, "term"); //$NON-NLS-1$
						XmlInput.skip(r);
					}
					default -> XmlInput.skip(r); // comment, ...
				}
			} else {
				XmlInput.skip(r);
			}
		}
		if (id != null && id.matches("https?://arxiv\\.org/api/errors.*")) { //$NON-NLS-1$
			throw new ImportContext.Fatal(line, 0, "the arXiv API answered with an error, not papers: " //$NON-NLS-1$
					+ (p.abstractText == null ? "(no message)" : p.abstractText)); //$NON-NLS-1$
		}
		if (primary != null && !primary.isBlank()) {
			List<String> rest = new ArrayList<>(p.categories);
			p.categories.clear();
			p.categories.add(primary.strip());
			p.categories.addAll(rest);
		}
		if (id != null && !id.matches("(?i)https?://arxiv\\.org/abs/.*")) { //$NON-NLS-1$
			p.problem("the entry's <id> is \"" + abbreviate(id) //$NON-NLS-1$
					+ "\", not an arXiv abstract address (https://arxiv.org/abs/...)"); //$NON-NLS-1$
		}
		p.arxiv = id;
		try {
			ctx.paper(p.toPaper("the entry"), line); //$NON-NLS-1$
		} catch (ImportContext.BadRecord bad) {
			ctx.problem(line, 0, bad.getMessage());
		}
	}

	private static String abbreviate(String s) {
		return s.length() <= 80 ? s : s.substring(0, 80) + "..."; //$NON-NLS-1$
	}

	private static void author(XMLStreamReader r, XmlArxivPaper p) throws XMLStreamException {
		String name = null;
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
				if ("name".equals(r.getLocalName()) && ATOM.equals(r.getNamespaceURI())) { //$NON-NLS-1$
					name = p.text(r);
				} else {
					XmlInput.skip(r); // arxiv:affiliation
				}
			}
		}
		if (name != null) {
			p.authors.add(Author.parse(name));
		}
	}

	private static void link(XMLStreamReader r, XmlArxivPaper p) throws XMLStreamException {
		String href = r.getAttributeValue(null, "href"); //$NON-NLS-1$
		String rel = r.getAttributeValue(null, "rel"); //$NON-NLS-1$
		String title = r.getAttributeValue(null, "title"); //$NON-NLS-1$
		XmlInput.skip(r);
		// the abstract page and the PDF; the DOI link repeats <arxiv:doi>
		if (href != null && !href.isBlank() && ("alternate".equals(rel) || "pdf".equals(title))) { //$NON-NLS-1$ //$NON-NLS-2$
			p.urls.add(href.strip());
		}
	}
}
