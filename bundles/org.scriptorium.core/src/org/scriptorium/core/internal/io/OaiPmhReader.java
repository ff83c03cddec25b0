package org.scriptorium.core.internal.io;

import java.io.IOException;
import java.io.Reader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.scriptorium.core.model.Author;

/**
 * An OAI-PMH response of arXiv's harvesting interface ({@code export.arxiv.org/oai2}): {@code GetRecord} or
 * {@code ListRecords} with records in the {@code arXivRaw} or {@code arXiv} metadata format. Read in a stream with
 * {@link XmlInput}; each record's line is that of its {@code <record>} tag. Deleted records (no metadata) are
 * passed over; an OAI-PMH error answer refuses the file with the server's message, except {@code noRecordsMatch},
 * which is an empty result.
 */
public final class OaiPmhReader implements FormatReader {

	static final String OAI = "http://www.openarchives.org/OAI/2.0/"; //$NON-NLS-1$
	static final String ARXIV_RAW = "http://arxiv.org/OAI/arXivRaw/"; //$NON-NLS-1$
	static final String ARXIV = "http://arxiv.org/OAI/arXiv/"; //$NON-NLS-1$

	@Override
	public void read(Reader in, ImportContext ctx) throws IOException, ImportContext.Fatal {
		XMLStreamReader r = XmlInput.open(in);
		try {
			if (!"OAI-PMH".equals(r.getLocalName()) || !OAI.equals(r.getNamespaceURI())) { //$NON-NLS-1$
				throw new ImportContext.Fatal(XmlInput.line(r), 0,
						"this XML is not an OAI-PMH response: its root element is <" + r.getLocalName() + ">"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			while (r.hasNext()) {
				if (r.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = r.getLocalName();
				if (!OAI.equals(r.getNamespaceURI())) {
					XmlInput.skip(r);
					continue;
				}
				switch (name) {
					case "error" -> error(r); //$NON-NLS-1$
					case "GetRecord", "ListRecords" -> records(r, ctx); //$NON-NLS-1$ //$NON-NLS-2$
					case "Identify", "ListIdentifiers", "ListSets", "ListMetadataFormats" -> //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						throw new ImportContext.Fatal(XmlInput.line(r), 0, "this OAI-PMH response answers " + name //$NON-NLS-1$
								+ ", which holds no paper metadata; harvest with ListRecords or GetRecord"); //$NON-NLS-1$
					default -> XmlInput.skip(r); // responseDate, request
				}
			}
		} catch (XMLStreamException e) {
			XmlInput.rethrowIo(e);
			throw XmlInput.fatal(e);
		} finally {
			XmlInput.close(r);
		}
	}

	private static void error(XMLStreamReader r) throws XMLStreamException, ImportContext.Fatal {
		int line = XmlInput.line(r);
		String code = r.getAttributeValue(null, "code"); //$NON-NLS-1$
		String message = new XmlArxivPaper().text(r);
		if ("noRecordsMatch".equals(code)) { //$NON-NLS-1$
			return; // a harvest that found nothing: no papers, and nothing wrong
		}
		throw new ImportContext.Fatal(line, 0, "the OAI-PMH server answered with an error, not records (" + code + "): " //$NON-NLS-1$ //$NON-NLS-2$
				+ (message == null ? "(no message)" : message)); //$NON-NLS-1$
	}

	private static void records(XMLStreamReader r, ImportContext ctx) throws XMLStreamException {
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if ("record".equals(r.getLocalName()) && OAI.equals(r.getNamespaceURI())) { //$NON-NLS-1$
				record(r, ctx);
			} else {
				XmlInput.skip(r); // resumptionToken: the next page is another file
			}
		}
	}

	private static void record(XMLStreamReader r, ImportContext ctx) throws XMLStreamException {
		int line = XmlInput.line(r);
		boolean deleted = false;
		String identifier = null;
		XmlArxivPaper paper = new XmlArxivPaper();
		boolean hasMetadata = false;
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (OAI.equals(r.getNamespaceURI()) && "header".equals(r.getLocalName())) { //$NON-NLS-1$
				deleted = "deleted".equals(r.getAttributeValue(null, "status")); //$NON-NLS-1$ //$NON-NLS-2$
				identifier = childText(r, paper, "identifier"); // not datestamp, setSpec //$NON-NLS-1$
			} else if (OAI.equals(r.getNamespaceURI()) && "metadata".equals(r.getLocalName())) { //$NON-NLS-1$
				hasMetadata = true;
				metadata(r, paper);
			} else {
				XmlInput.skip(r); // about
			}
		}
		if (deleted && !hasMetadata) {
			return;
		}
		if (!hasMetadata) {
			paper.problem("the record " + (identifier == null ? "" : identifier + " ") + "has no metadata"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		if (paper.arxiv == null && identifier != null) {
			paper.arxiv = identifier.replaceFirst("^oai:arXiv\\.org:", ""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		try {
			ctx.paper(paper.toPaper("the record"), line); //$NON-NLS-1$
		} catch (ImportContext.BadRecord bad) {
			ctx.problem(line, 0, bad.getMessage());
		}
	}

	/** The text of the child element {@code name} of the current element (the other children are skipped). */
	private static String childText(XMLStreamReader r, XmlArxivPaper p, String name) throws XMLStreamException {
		String text = null;
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
				if (name.equals(r.getLocalName())) {
					text = p.text(r);
				} else {
					XmlInput.skip(r);
				}
			}
		}
		return text;
	}

	/** Reads a {@code <metadata>} element, which holds one element in the harvested format, into {@code p}. */
	private static void metadata(XMLStreamReader r, XmlArxivPaper p) throws XMLStreamException {
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String ns = r.getNamespaceURI();
			String name = r.getLocalName();
			if (ARXIV_RAW.equals(ns) && "arXivRaw".equals(name)) { //$NON-NLS-1$
				arxivRaw(r, p);
			} else if (ARXIV.equals(ns) && "arXiv".equals(name)) { //$NON-NLS-1$
				arxiv(r, p);
			} else {
				XmlInput.skip(r);
				p.problem("the metadata format <" + name + "> (" + ns //$NON-NLS-1$ //$NON-NLS-2$
						+ ") is not supported; harvest with metadataPrefix=arXivRaw or metadataPrefix=arXiv"); //$NON-NLS-1$
			}
		}
	}

	/** {@code arXivRaw}: flat fields; authors as one string; the versions with their dates. */
	private static void arxivRaw(XMLStreamReader r, XmlArxivPaper p) throws XMLStreamException {
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "id" -> p.arxiv = p.text(r); //$NON-NLS-1$
				case "title" -> p.title = p.text(r); //$NON-NLS-1$
				case "authors" -> p.authorList(p.text(r)); //$NON-NLS-1$
				case "abstract" -> p.abstractText = p.text(r); //$NON-NLS-1$
				case "categories" -> p.categoryList(p.text(r)); //$NON-NLS-1$
				case "doi" -> p.doi = p.text(r); //$NON-NLS-1$
				case "journal-ref" -> p.journalRef = p.text(r); //$NON-NLS-1$
				case "version" -> { //$NON-NLS-1$
					String date = childText(r, p, "date"); // not size, source_type //$NON-NLS-1$
					if (p.date == null) {
						p.date = date;
					}
				}
				default -> XmlInput.skip(r); // submitter, comments, license, msc-class, report-no, ...
			}
		}
	}

	/** {@code arXiv}: authors split into keyname, forenames and suffix; {@code created} is the first version's date. */
	private static void arxiv(XMLStreamReader r, XmlArxivPaper p) throws XMLStreamException {
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "id" -> p.arxiv = p.text(r); //$NON-NLS-1$
				case "title" -> p.title = p.text(r); //$NON-NLS-1$
				case "authors" -> authors(r, p); //$NON-NLS-1$
				case "abstract" -> p.abstractText = p.text(r); //$NON-NLS-1$
				case "categories" -> p.categoryList(p.text(r)); //$NON-NLS-1$
				case "doi" -> p.doi = p.text(r); //$NON-NLS-1$
				case "journal-ref" -> p.journalRef = p.text(r); //$NON-NLS-1$
				case "created" -> p.date = p.text(r); //$NON-NLS-1$
				default -> XmlInput.skip(r); // updated, comments, license, msc-class, report-no, ...
			}
		}
	}

	private static void authors(XMLStreamReader r, XmlArxivPaper p) throws XMLStreamException {
		while (r.next() != XMLStreamConstants.END_ELEMENT) {
			if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (!"author".equals(r.getLocalName())) { //$NON-NLS-1$
				XmlInput.skip(r);
				continue;
			}
			String keyname = null, forenames = null, suffix = null;
			while (r.next() != XMLStreamConstants.END_ELEMENT) {
				if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
					switch (r.getLocalName()) {
						case "keyname" -> keyname = p.text(r); //$NON-NLS-1$
						case "forenames" -> forenames = p.text(r); //$NON-NLS-1$
						case "suffix" -> suffix = p.text(r); //$NON-NLS-1$
						default -> XmlInput.skip(r); // affiliation
					}
				}
			}
			if (keyname != null) {
				p.authors.add(new Author(forenames, suffix == null ? keyname : keyname + " " + suffix)); //$NON-NLS-1$
			}
		}
	}
}
