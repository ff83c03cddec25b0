package org.scriptorium.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of entry types: a paper's {@link Paper#type() type} is a BibTeX/BibLaTeX entry type in lower case
 * (any type a file names is kept, known or not); this class maps it to and from the CSL-JSON and RIS types. The first
 * row naming a CSL or RIS type is the one it is read as; aliases read other names that writers use.
 */
public final class EntryTypes {

	/** One row: a BibTeX/BibLaTeX type, the CSL type and the RIS type it is written as. */
	public record Row(String bibtex, String csl, String ris) {
	}

	/** Rows in reading priority: the first row of a CSL or RIS type is the BibTeX type it is read as. */
	public static final List<Row> ROWS = List.of( //
			new Row("article", "article-journal", "JOUR"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("inproceedings", "paper-conference", "CONF"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("conference", "paper-conference", "CONF"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("book", "book", "BOOK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("incollection", "chapter", "CHAP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("inbook", "chapter", "CHAP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("bookinbook", "chapter", "CHAP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("proceedings", "book", "EDBOOK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("collection", "book", "EDBOOK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("mvbook", "book", "BOOK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("mvcollection", "book", "EDBOOK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("mvproceedings", "book", "EDBOOK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("phdthesis", "thesis", "THES"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("mastersthesis", "thesis", "THES"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("thesis", "thesis", "THES"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("techreport", "report", "RPRT"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("report", "report", "RPRT"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("manual", "report", "GEN"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("booklet", "pamphlet", "PAMP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("unpublished", "manuscript", "UNPB"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("misc", "document", "GEN"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("online", "webpage", "ELEC"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("electronic", "webpage", "ELEC"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("www", "webpage", "ELEC"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("patent", "patent", "PAT"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("periodical", "periodical", "JFULL"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("dataset", "dataset", "DATA"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("software", "software", "COMP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("standard", "standard", "STAND"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("legislation", "legislation", "STAT"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("jurisdiction", "legal_case", "CASE"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("letter", "personal_communication", "PCOMM"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("artwork", "graphic", "ART"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("audio", "song", "SOUND"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("music", "song", "MUSIC"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("video", "motion_picture", "VIDEO"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("movie", "motion_picture", "MPCT"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("map", "map", "MAP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("review", "review", "JOUR"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("performance", "performance", "GEN"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("suppbook", "chapter", "CHAP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("suppcollection", "chapter", "CHAP"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("suppperiodical", "article-journal", "JOUR"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("reference", "book", "ENCYC"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			new Row("inreference", "entry-encyclopedia", "ENCYC")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	/** CSL types that no row writes, and the BibTeX type each is read as. */
	private static final Map<String, String> CSL_ALIASES = Map.ofEntries(
			Map.entry("article", "article"), Map.entry("article-magazine", "article"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("article-newspaper", "article"), Map.entry("entry-dictionary", "inreference"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("entry", "inreference"), Map.entry("post", "online"), Map.entry("post-weblog", "online"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("speech", "unpublished"), Map.entry("interview", "misc"), Map.entry("broadcast", "video"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("bill", "legislation"), Map.entry("treaty", "legislation"), Map.entry("regulation", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
					"legislation"), //$NON-NLS-1$
			Map.entry("hearing", "legislation"), Map.entry("classic", "book"), Map.entry("collection", "book"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("event", "misc"), Map.entry("figure", "artwork")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	/** RIS types that no row writes, and the BibTeX type each is read as. */
	private static final Map<String, String> RIS_ALIASES = Map.ofEntries(Map.entry("MGZN", "article"), Map.entry("CPAPER", "inproceedings"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Map.entry("NEWS", "article"), Map.entry("EJOUR", "article"), Map.entry("INPR", "article"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
			Map.entry("ABST", "article"), Map.entry("EBOOK", "book"), Map.entry("ECHAP", "incollection"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("CTLG", "book"), Map.entry("SER", "book"), Map.entry("BLOG", "online"), Map.entry("WEB", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
					"online"), //$NON-NLS-1$
			Map.entry("ICOMM", "online"), Map.entry("DBASE", "dataset"), Map.entry("AGGR", "dataset"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("MANSCPT", "unpublished"), Map.entry("BILL", "legislation"), Map.entry("GOVDOC", "report"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("HEAR", "legislation"), Map.entry("SLIDE", "misc"), Map.entry("ADVS", "video"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("CHART", "artwork"), Map.entry("FIGURE", "artwork"), Map.entry("EQUA", "misc"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			Map.entry("DICT", "inreference"), Map.entry("PRESS", "article"), Map.entry("UNBILL", "legislation")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private static final Map<String, Row> BY_BIBTEX = new LinkedHashMap<>();
	private static final Map<String, String> BY_CSL = new LinkedHashMap<>();
	private static final Map<String, String> BY_RIS = new LinkedHashMap<>();
	static {
		for (Row r : ROWS) {
			BY_BIBTEX.putIfAbsent(r.bibtex(), r);
			BY_CSL.putIfAbsent(r.csl(), r.bibtex());
			BY_RIS.putIfAbsent(r.ris(), r.bibtex());
		}
		CSL_ALIASES.forEach(BY_CSL::putIfAbsent);
		RIS_ALIASES.forEach(BY_RIS::putIfAbsent);
	}

	private EntryTypes() {
	}

	/** A type as stored: lower case, or {@code null} for a blank one. */
	public static String normalize(String type) {
		return type == null || type.isBlank() ? null : type.strip().toLowerCase(Locale.ROOT);
	}

	/** Whether the BibTeX/BibLaTeX type is in the table. */
	public static boolean isKnown(String bibtexType) {
		return BY_BIBTEX.containsKey(normalize(bibtexType));
	}

	/** The CSL type of a BibTeX type ({@code document} for an unknown one). */
	public static String toCsl(String bibtexType) {
		Row r = BY_BIBTEX.get(normalize(bibtexType));
		return r == null ? "document" : r.csl(); //$NON-NLS-1$
	}

	/** The RIS type of a BibTeX type ({@code GEN} for an unknown one). */
	public static String toRis(String bibtexType) {
		Row r = BY_BIBTEX.get(normalize(bibtexType));
		return r == null ? "GEN" : r.ris(); //$NON-NLS-1$
	}

	/** The BibTeX type a CSL type is read as ({@code misc} for an unknown one). */
	public static String fromCsl(String cslType) {
		String t = cslType == null ? null : BY_CSL.get(cslType.strip().toLowerCase(Locale.ROOT));
		return t == null ? "misc" : t; //$NON-NLS-1$
	}

	/** The BibTeX type a RIS type is read as ({@code misc} for an unknown one). */
	public static String fromRis(String risType) {
		String t = risType == null ? null : BY_RIS.get(risType.strip().toUpperCase(Locale.ROOT));
		return t == null ? "misc" : t; //$NON-NLS-1$
	}

	/** Whether a CSL type is read back as itself after {@link #fromCsl} and {@link #toCsl}. */
	public static boolean cslRoundTrips(String cslType) {
		return cslType != null && cslType.strip().equals(toCsl(fromCsl(cslType)));
	}

	/** Whether a RIS type is read back as itself after {@link #fromRis} and {@link #toRis}. */
	public static boolean risRoundTrips(String risType) {
		return risType != null && risType.strip().equals(toRis(fromRis(risType)));
	}

	/** Whether papers of this type sit in a container named by {@code booktitle} (a book or proceedings). */
	public static boolean hasBooktitle(String bibtexType) {
		String t = normalize(bibtexType);
		return t != null && (t.startsWith("in") || t.equals("bookinbook") || t.startsWith("supp") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				|| t.equals("conference")); //$NON-NLS-1$
	}
}
