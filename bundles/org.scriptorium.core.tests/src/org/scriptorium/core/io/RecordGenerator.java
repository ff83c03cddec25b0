package org.scriptorium.core.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

import com.google.gson.stream.JsonWriter;

/**
 * Generates random, valid bibliographic records (titles, names and abstracts in many scripts, XML and JSON special
 * characters, emoji) and writes them in each importable format, remembering the line each record starts on. A spec
 * with a {@code null} title is written as a record without a title, which every importer must refuse.
 */
final class RecordGenerator {

	/** What a record holds; optional parts are {@code null} or empty. */
	record Spec(String title, List<Author> authors, int year, String arxiv, String doi, String venue,
			String abstractText, List<String> keywords) {

		Spec withoutTitle() {
			return new Spec(null, authors, year, arxiv, doi, venue, abstractText, keywords);
		}
	}

	/** A written file and the 1-based line each record starts on (0 when the format does not tell). */
	record Rendered(String text, int[] lines) {
	}

	private static final int[][] SCRIPTS = {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0xC0, 0xFF}, {0x391, 0x3C9},
			{0x410, 0x44F}, {0x4E00, 0x4FFF}, {0x5D0, 0x5EA}, {0x1F600, 0x1F64F}, {0x1D400, 0x1D433}};
	/** Characters that need escaping in XML or JSON, or that a careless parser might take as syntax. */
	private static final String SPECIAL = "&<>\"'\\/{}[]$%#~^*+=|`:!?()-_."; //$NON-NLS-1$
	private static final Set<String> NOT_A_NAME = Set.of("and", "jr", "sr", "ii", "iii", "iv"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private final Random random;
	private int serial;

	RecordGenerator(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return random;
	}

	// ------------------------------------------------------------------ values

	/** Whether words avoid the characters that are syntax in LaTeX and BibTeX ({@code \\ { } $ % & # _ ~ ^}). */
	private boolean plain;

	/** A word of 1..10 code points, neither white space nor control characters, mostly letters. */
	String word() {
		StringBuilder b = new StringBuilder();
		int n = 1 + random.nextInt(10);
		int[] script = SCRIPTS[random.nextInt(SCRIPTS.length)];
		for (int i = 0; i < n; i++) {
			if (random.nextInt(12) == 0 && !plain) {
				b.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
			} else {
				b.appendCodePoint(script[0] + random.nextInt(script[1] - script[0] + 1));
			}
		}
		return b.toString();
	}

	private String name() {
		String w;
		do {
			w = word().replaceAll("[^\\p{L}\\p{N}'-]", ""); //$NON-NLS-1$ //$NON-NLS-2$
		} while (w.isEmpty() || NOT_A_NAME.contains(w.toLowerCase(Locale.ROOT)) || w.matches("[\\p{N}'-].*")); //$NON-NLS-1$
		return w;
	}

	private String words(int min, int max) {
		int n = min + random.nextInt(max - min + 1);
		List<String> w = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			w.add(word());
		}
		return String.join(" ", w); //$NON-NLS-1$
	}

	Spec spec() {
		serial++;
		int year = 2007 + random.nextInt(19);
		String arxiv = String.format(Locale.ROOT, "%02d%02d.%05d", year % 100, 1 + random.nextInt(12), serial); //$NON-NLS-1$
		List<Author> authors = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			String given = random.nextInt(4) == 0 ? "" : random.nextBoolean() ? name() : name() + " " + name(); //$NON-NLS-1$ //$NON-NLS-2$
			authors.add(new Author(given, name()));
		}
		Set<String> keywords = new LinkedHashSet<>();
		for (int i = random.nextInt(4); i > 0; i--) {
			keywords.add(word().replaceAll("[,;]", "") + "k"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return new Spec(words(1, 12) + " n" + serial, authors, year, arxiv, //$NON-NLS-1$
				random.nextBoolean()
						? "10." + (1000 + random.nextInt(9000)) + "/x" + serial + "-" + random.nextInt(1000) //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						: null,
				random.nextBoolean() ? words(1, 6) : null, random.nextInt(5) == 0 ? null : words(20, 120),
				List.copyOf(keywords));
	}

	/** A spec whose text has letters and digits of many scripts but no LaTeX or BibTeX syntax characters. */
	Spec plainSpec() {
		plain = true;
		try {
			return spec();
		} finally {
			plain = false;
		}
	}

	/** A spec the Hugging Face listing can carry: an abstract longer than the title (how the format is told apart). */
	Spec listingSpec() {
		Spec s = spec();
		String abs;
		do {
			abs = words(40, 120);
		} while (abs.length() < 100 || abs.length() <= s.title().length());
		return new Spec(s.title(), List.of(), s.year(), random.nextBoolean() ? s.arxiv() : null, null, null, abs,
				List.of());
	}

	// ------------------------------------------------------------------ writing

	Rendered render(Format format, List<Spec> specs) {
		return switch (format) {
			case CSL_JSON -> json(specs, this::csl, random.nextBoolean() ? Shape.ARRAY : Shape.ITEMS);
			case SEMANTIC_SCHOLAR -> json(specs, this::s2, Shape.values()[random.nextInt(3)]);
			case OPENALEX -> json(specs, this::openAlex, Shape.values()[random.nextInt(3)]);
			case ARXIV_SNAPSHOT -> json(specs, this::snapshot, random.nextBoolean() ? Shape.ARRAY : Shape.LINES);
			case JSONL -> corpusLines(specs);
			case ARXIV_ATOM -> atom(specs);
			case ARXIV_OAI -> oai(specs);
			case HF_LISTING -> listing(specs);
			case BIBTEX -> bibtex(specs);
			case RIS -> ris(specs);
			default -> throw new IllegalArgumentException("no generator for " + format); //$NON-NLS-1$
		};
	}

	/** The paper that reading a spec from a Scriptorium corpus file gives (the JSON Lines format keeps everything). */
	static Paper paperOf(Spec s) {
		PaperIds ids = new PaperIds(s.arxiv(), s.doi(), null, null, null, null);
		String title = s.title() == null ? "" : s.title(); //$NON-NLS-1$
		return Paper.builder(s.title() == null ? "" : PaperKey.idFor(ids, title), s.title()).authors(s.authors()) //$NON-NLS-1$
				.year(s.year()).venue(s.venue()).ids(ids).abstractText(s.abstractText()).keywords(s.keywords())
				.urls(List.of("https://arxiv.org/abs/" + s.arxiv())).build(); //$NON-NLS-1$
	}

	private enum Shape {
		ARRAY, LINES, ITEMS
	}

	@FunctionalInterface
	private interface JsonRecord {
		void write(JsonWriter w, Spec s) throws IOException;
	}

	private Rendered json(List<Spec> specs, JsonRecord record, Shape shape) {
		StringBuilder out = new StringBuilder();
		int[] lines = new int[specs.size()];
		String wrapper = shape == Shape.ITEMS ? List.of("data", "results", "items").get(random.nextInt(3)) : null; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (shape == Shape.ARRAY) {
			out.append("[\n"); //$NON-NLS-1$
		} else if (shape == Shape.ITEMS) {
			out.append("{\"").append(wrapper).append("\": [\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (int i = 0; i < specs.size(); i++) {
			lines[i] = shape == Shape.ITEMS ? 1 : (int) out.chars().filter(c -> c == '\n').count() + 1;
			StringWriter sw = new StringWriter();
			try (JsonWriter w = new JsonWriter(sw)) {
				w.setHtmlSafe(random.nextBoolean());
				record.write(w, specs.get(i));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			out.append(sw);
			out.append(shape != Shape.LINES && i < specs.size() - 1 ? ",\n" : "\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (shape == Shape.ARRAY) {
			out.append("]\n"); //$NON-NLS-1$
		} else if (shape == Shape.ITEMS) {
			out.append("]}\n"); //$NON-NLS-1$
		}
		return new Rendered(out.toString(), lines);
	}

	private static void optional(JsonWriter w, String name, String value) throws IOException {
		if (value != null) {
			w.name(name).value(value);
		}
	}

	private void csl(JsonWriter w, Spec s) throws IOException {
		w.beginObject().name("id").value("item" + serial++).name("type").value("article-journal"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		optional(w, "title", s.title()); //$NON-NLS-1$
		w.name("author").beginArray(); //$NON-NLS-1$
		for (Author a : s.authors()) {
			w.beginObject().name("family").value(a.family()); //$NON-NLS-1$
			if (!a.given().isEmpty()) {
				w.name("given").value(a.given()); //$NON-NLS-1$
			}
			w.endObject();
		}
		w.endArray();
		w.name("issued").beginObject().name("date-parts").beginArray().beginArray().value(s.year()) //$NON-NLS-1$//$NON-NLS-2$
				.value(1 + random.nextInt(12))
				.endArray().endArray().endObject();
		optional(w, "container-title", s.venue()); //$NON-NLS-1$
		optional(w, "DOI", s.doi()); //$NON-NLS-1$
		w.name("URL").value("https://arxiv.org/abs/" + s.arxiv()); //$NON-NLS-1$ //$NON-NLS-2$
		optional(w, "abstract", s.abstractText()); //$NON-NLS-1$
		if (!s.keywords().isEmpty()) {
			w.name("keyword").value(String.join(", ", s.keywords())); //$NON-NLS-1$ //$NON-NLS-2$
		}
		w.endObject();
	}

	static String s2Id(Spec s) {
		return String.format(Locale.ROOT, "%040x", Math.abs((long) s.arxiv().hashCode()) * 7919L); //$NON-NLS-1$
	}

	private void s2(JsonWriter w, Spec s) throws IOException {
		w.beginObject().name("paperId").value(s2Id(s)); //$NON-NLS-1$
		w.name("externalIds").beginObject().name("ArXiv").value(s.arxiv()); //$NON-NLS-1$ //$NON-NLS-2$
		optional(w, "DOI", s.doi()); //$NON-NLS-1$
		w.endObject();
		w.name("url").value("https://www.semanticscholar.org/paper/" + s2Id(s)); //$NON-NLS-1$ //$NON-NLS-2$
		optional(w, "title", s.title()); //$NON-NLS-1$
		optional(w, "abstract", s.abstractText()); //$NON-NLS-1$
		optional(w, "venue", s.venue()); //$NON-NLS-1$
		w.name("year").value(s.year()); //$NON-NLS-1$
		w.name("fieldsOfStudy").beginArray(); //$NON-NLS-1$
		for (String k : s.keywords()) {
			w.value(k);
		}
		w.endArray().name("authors").beginArray(); //$NON-NLS-1$
		for (Author a : s.authors()) {
			w.beginObject().name("authorId").value(String.valueOf(random.nextInt(1_000_000))).name("name") //$NON-NLS-1$ //$NON-NLS-2$
					.value(a.displayName()).endObject();
		}
		w.endArray().endObject();
	}

	static String openAlexId(Spec s) {
		return "W" + Math.abs((long) s.arxiv().hashCode()); //$NON-NLS-1$
	}

	private void openAlex(JsonWriter w, Spec s) throws IOException {
		w.beginObject().name("id").value("https://openalex.org/" + openAlexId(s)); //$NON-NLS-1$ //$NON-NLS-2$
		if (s.doi() != null) {
			w.name("doi").value("https://doi.org/" + s.doi()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		optional(w, "title", s.title()); //$NON-NLS-1$
		optional(w, "display_name", s.title()); //$NON-NLS-1$
		w.name("publication_year").value(s.year()); //$NON-NLS-1$
		w.name("authorships").beginArray(); //$NON-NLS-1$
		for (Author a : s.authors()) {
			w.beginObject().name("author").beginObject().name("display_name").value(a.displayName()).endObject() //$NON-NLS-1$ //$NON-NLS-2$
					.name("raw_author_name").value(a.displayName()).endObject(); //$NON-NLS-1$
		}
		w.endArray();
		w.name("primary_location").beginObject().name("landing_page_url").value("https://example.org/" + s.arxiv()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (s.venue() != null) {
			w.name("source").beginObject().name("display_name").value(s.venue()).endObject(); //$NON-NLS-1$ //$NON-NLS-2$
		}
		w.endObject();
		w.name("locations").beginArray().beginObject().name("landing_page_url") //$NON-NLS-1$ //$NON-NLS-2$
				.value("https://arxiv.org/abs/" + s.arxiv() + "v" + (1 + random.nextInt(3))).endObject().endArray(); //$NON-NLS-1$ //$NON-NLS-2$
		w.name("keywords").beginArray(); //$NON-NLS-1$
		for (String k : s.keywords()) {
			w.beginObject().name("display_name").value(k).name("score").value(random.nextDouble()).endObject(); //$NON-NLS-1$ //$NON-NLS-2$
		}
		w.endArray();
		if (s.abstractText() != null) {
			Map<String, List<Integer>> index = new LinkedHashMap<>();
			String[] words = s.abstractText().split(" "); //$NON-NLS-1$
			for (int i = 0; i < words.length; i++) {
				index.computeIfAbsent(words[i], k -> new ArrayList<>()).add(i);
			}
			w.name("abstract_inverted_index").beginObject(); //$NON-NLS-1$
			for (Map.Entry<String, List<Integer>> e : index.entrySet()) {
				w.name(e.getKey()).beginArray();
				for (int p : e.getValue()) {
					w.value(p);
				}
				w.endArray();
			}
			w.endObject();
		}
		w.name("referenced_works").beginArray().endArray();
		w.endObject();
	}

	private void snapshot(JsonWriter w, Spec s) throws IOException {
		w.beginObject().name("id").value(s.arxiv()).name("submitter").value(name()); //$NON-NLS-1$ //$NON-NLS-2$
		w.name("authors").value(String.join(", ", s.authors().stream().map(Author::displayName).toList())); //$NON-NLS-1$ //$NON-NLS-2$
		optional(w, "title", s.title()); //$NON-NLS-1$
		optional(w, "journal-ref", s.venue()); //$NON-NLS-1$
		optional(w, "doi", s.doi()); //$NON-NLS-1$
		w.name("categories").value(String.join(" ", s.keywords())); //$NON-NLS-1$ //$NON-NLS-2$
		optional(w, "abstract", s.abstractText() == null ? null : "  " + s.abstractText() + "\n"); //$NON-NLS-1$ //$NON-NLS-2$
		w.name("authors_parsed").beginArray(); //$NON-NLS-1$
		for (Author a : s.authors()) {
			w.beginArray().value(a.family()).value(a.given()).value("").endArray(); //$NON-NLS-1$
		}
		w.endArray().endObject();
	}

	private Rendered corpusLines(List<Spec> specs) {
		StringWriter out = new StringWriter();
		List<Paper> papers = new ArrayList<>();
		List<Integer> bad = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			if (specs.get(i).title() == null) {
				bad.add(i);
				papers.add(null);
			} else {
				papers.add(paperOf(specs.get(i)));
			}
		}
		try {
			Paper placeholder = Paper.builder("placeholder", "placeholder").build(); //$NON-NLS-1$ //$NON-NLS-2$
			JsonlCorpus.writeTo(out, papers.stream().map(p -> p == null ? placeholder : p).toList());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<String> lines = new ArrayList<>(out.toString().lines().toList());
		for (int i : bad) {
			lines.set(i + 1, "{\"id\":\"arxiv:" + specs.get(i).arxiv() + "\",\"year\":" + specs.get(i).year() + "}"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		int[] at = new int[specs.size()];
		for (int i = 0; i < at.length; i++) {
			at[i] = i + 2;
		}
		return new Rendered(String.join("\n", lines) + "\n", at); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String xml(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
	}

	/** Text content, sometimes as CDATA, sometimes wrapped over lines as arXiv does. */
	private String xmlText(String s) {
		if (random.nextInt(5) == 0 && !s.contains("]]>")) { //$NON-NLS-1$
			return "<![CDATA[" + s + "]]>"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		String escaped = xml(s);
		return random.nextBoolean() ? escaped.replace(" ", "\n  ") : escaped; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static int linesIn(CharSequence s) {
		int n = 1;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '\n') {
				n++;
			}
		}
		return n;
	}

	private Rendered atom(List<Spec> specs) {
		boolean perElement = random.nextBoolean(); // the 2019 layout declares the arxiv namespace on each element
		String ax = perElement ? " xmlns:arxiv=\"http://arxiv.org/schemas/atom\"" : ""; //$NON-NLS-1$ //$NON-NLS-2$
		StringBuilder out = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"" //$NON-NLS-1$
						+ (perElement ? "" : " xmlns:arxiv=\"http://arxiv.org/schemas/atom\"") + ">\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ "  <title type=\"html\">ArXiv Query: generated</title>\n  <id>http://arxiv.org/api/generated</id>\n"); //$NON-NLS-1$
		int[] lines = new int[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			Spec s = specs.get(i);
			lines[i] = linesIn(out);
			String v = version(s);
			out.append("  <entry>\n    <id>http://arxiv.org/abs/").append(s.arxiv()).append(v).append("</id>\n"); //$NON-NLS-1$ //$NON-NLS-2$
			out.append("    <published>").append(s.year()).append("-03-04T05:06:07Z</published>\n"); //$NON-NLS-1$ //$NON-NLS-2$
			if (s.title() != null) {
				out.append("    <title>").append(xmlText(s.title())).append("</title>\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (s.abstractText() != null) {
				out.append("    <summary>  ").append(xmlText(s.abstractText())).append("\n</summary>\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			for (Author a : s.authors()) {
				out.append("    <author>\n      <name>").append(xml(a.displayName())).append("</name>\n"); //$NON-NLS-1$ //$NON-NLS-2$
				if (random.nextBoolean()) {
					out.append("      <arxiv:affiliation").append(ax).append(">").append(xml(words(1, 4))) //$NON-NLS-1$ //$NON-NLS-2$
							.append("</arxiv:affiliation>\n"); //$NON-NLS-1$
				}
				out.append("    </author>\n"); //$NON-NLS-1$
			}
			if (s.doi() != null) {
				out.append("    <arxiv:doi").append(ax).append(">").append(s.doi()).append("</arxiv:doi>\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				out.append("    <link title=\"doi\" href=\"http://dx.doi.org/").append(xml(s.doi())) //$NON-NLS-1$
						.append("\" rel=\"related\"/>\n"); //$NON-NLS-1$
			}
			if (s.venue() != null) {
				out.append("    <arxiv:journal_ref").append(ax).append(">").append(xmlText(s.venue())) //$NON-NLS-1$//$NON-NLS-2$
						.append("</arxiv:journal_ref>\n"); //$NON-NLS-1$
			}
			out.append("    <arxiv:comment").append(ax).append(">").append(xml(words(1, 5))) //$NON-NLS-1$//$NON-NLS-2$
					.append("</arxiv:comment>\n"); //$NON-NLS-1$
			out.append("    <link href=\"http://arxiv.org/abs/").append(s.arxiv()).append(v) //$NON-NLS-1$
					.append("\" rel=\"alternate\" type=\"text/html\"/>\n"); //$NON-NLS-1$
			out.append("    <link title=\"pdf\" href=\"http://arxiv.org/pdf/").append(s.arxiv()).append(v) //$NON-NLS-1$
					.append("\" rel=\"related\" type=\"application/pdf\"/>\n"); //$NON-NLS-1$
			if (!s.keywords().isEmpty()) {
				out.append("    <arxiv:primary_category").append(ax).append(" term=\"").append(xml(s.keywords().get(0))) //$NON-NLS-1$ //$NON-NLS-2$
						.append("\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"); //$NON-NLS-1$
			}
			for (String k : s.keywords()) {
				out.append("    <category term=\"").append(xml(k)) //$NON-NLS-1$
						.append("\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"); //$NON-NLS-1$
			}
			out.append("  </entry>\n"); //$NON-NLS-1$
		}
		out.append("</feed>\n"); //$NON-NLS-1$
		return new Rendered(out.toString(), lines);
	}

	/** The version the Atom writer gives a spec's arXiv id. */
	static String version(Spec s) {
		return "v" + (1 + Math.abs(s.arxiv().hashCode() % 4)); //$NON-NLS-1$
	}

	/** The links the Atom writer gives a spec: its abstract page and PDF. */
	static List<String> atomUrls(Spec s) {
		return List.of("http://arxiv.org/abs/" + s.arxiv() + version(s), //$NON-NLS-1$
				"http://arxiv.org/pdf/" + s.arxiv() + version(s)); //$NON-NLS-1$
	}

	private Rendered oai(List<Spec> specs) {
		boolean raw = random.nextBoolean();
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" //$NON-NLS-1$
				+ "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n<responseDate>2015-01-06T20:49:59Z</responseDate>\n" //$NON-NLS-1$
				+ "<request verb=\"ListRecords\" metadataPrefix=\"" + (raw ? "arXivRaw" : "arXiv") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "\">http://export.arxiv.org/oai2</request>\n<ListRecords>\n"); //$NON-NLS-1$
		int[] lines = new int[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			Spec s = specs.get(i);
			lines[i] = linesIn(out);
			out.append("<record>\n<header>\n <identifier>oai:arXiv.org:").append(s.arxiv()) //$NON-NLS-1$
					.append("</identifier>\n <datestamp>2014-11-18</datestamp>\n <setSpec>cs</setSpec>\n</header>\n<metadata>\n"); //$NON-NLS-1$
			if (raw) {
				out.append(" <arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\">\n <id>").append(s.arxiv()) //$NON-NLS-1$
						.append("</id>") //$NON-NLS-1$
						.append("<submitter>").append(xml(name())).append("</submitter>") //$NON-NLS-1$ //$NON-NLS-2$
						.append("<version version=\"v1\"><date>Fri, 8 Feb ").append(s.year()) //$NON-NLS-1$
						.append(" 21:00:01 GMT</date><size>853kb</size></version>"); //$NON-NLS-1$
				if (s.title() != null) {
					out.append("<title>").append(xmlText(s.title())).append("</title>"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				List<String> names = s.authors().stream().map(Author::displayName).toList();
				String authors = names.size() <= 1
						? String.join("", names) //$NON-NLS-1$
						: String.join(", ", names.subList(0, names.size() - 1)) //$NON-NLS-1$
								+ (random.nextBoolean() ? ", and " : " and ") //$NON-NLS-1$ //$NON-NLS-2$
								+ names.get(names.size() - 1);
				out.append("<authors>").append(xml(authors)).append("</authors>"); //$NON-NLS-1$ //$NON-NLS-2$
				out.append("<categories>").append(xml(String.join(" ", s.keywords()))).append("</categories>"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			} else {
				out.append(" <arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\">\n <id>").append(s.arxiv()).append("</id>") //$NON-NLS-1$ //$NON-NLS-2$
						.append("<created>").append(s.year()).append("-02-08</created>"); //$NON-NLS-1$ //$NON-NLS-2$
				out.append("<authors>"); //$NON-NLS-1$
				for (Author a : s.authors()) {
					out.append("<author><keyname>").append(xml(a.family())).append("</keyname>"); //$NON-NLS-1$ //$NON-NLS-2$
					if (!a.given().isEmpty()) {
						out.append("<forenames>").append(xml(a.given())).append("</forenames>"); //$NON-NLS-1$ //$NON-NLS-2$
					}
					out.append("</author>"); //$NON-NLS-1$
				}
				out.append("</authors>"); //$NON-NLS-1$
				if (s.title() != null) {
					out.append("<title>").append(xmlText(s.title())).append("</title>"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				out.append("<categories>").append(xml(String.join(" ", s.keywords()))).append("</categories>"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			if (s.venue() != null) {
				out.append("<journal-ref>").append(xmlText(s.venue())).append("</journal-ref>"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (s.doi() != null) {
				out.append("<doi>").append(xml(s.doi())).append("</doi>"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (s.abstractText() != null) {
				out.append("<abstract>  ").append(xmlText(s.abstractText())).append("\n</abstract>"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.append(raw ? "</arXivRaw>\n" : "</arXiv>\n").append("</metadata>\n</record>\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		out.append(
				"<resumptionToken cursor=\"0\" completeListSize=\"58011\">726959|1001</resumptionToken>\n</ListRecords>\n</OAI-PMH>\n"); //$NON-NLS-1$
		return new Rendered(out.toString(), lines);
	}

	/** BibTeX entries with the fields the importer maps; each entry gets a cite key of its own. */
	private Rendered bibtex(List<Spec> specs) {
		StringBuilder out = new StringBuilder(
				random.nextBoolean() ? "% generated\n@string{gen = \"Generated\"}\n\n" : ""); //$NON-NLS-1$ //$NON-NLS-2$
		int[] lines = new int[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			Spec s = specs.get(i);
			lines[i] = linesIn(out);
			out.append(random.nextBoolean() ? "@article{" : "@Article{").append(citeKey(s)).append(serial++) //$NON-NLS-1$//$NON-NLS-2$
					.append(",\n"); //$NON-NLS-1$
			if (s.title() != null) {
				out.append("  title = {").append(s.title()).append("},\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (!s.authors().isEmpty()) {
				out.append("  author = {").append(String.join(" and ", s.authors().stream() //$NON-NLS-1$ //$NON-NLS-2$
						.map(a -> a.given().isEmpty() ? "{" + a.family() + "}" : a.family() + ", " + a.given()) //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						.toList()))
						.append("},\n"); //$NON-NLS-1$
			}
			out.append(random.nextBoolean() ? "  year = " + s.year() + ",\n" : "  year = {" + s.year() + "},\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			if (s.venue() != null) {
				out.append("  journal = {").append(s.venue()).append("},\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (s.doi() != null) {
				out.append("  doi = {").append(s.doi()).append("},\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.append("  eprint = {").append(s.arxiv()).append("}, archivePrefix = {arXiv},\n"); //$NON-NLS-1$ //$NON-NLS-2$
			out.append("  url = {https://arxiv.org/abs/").append(s.arxiv()).append("},\n"); //$NON-NLS-1$ //$NON-NLS-2$
			if (!s.keywords().isEmpty()) {
				out.append("  keywords = {").append(String.join(random.nextBoolean() ? ", " : "; ", s.keywords())) //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						.append("},\n"); //$NON-NLS-1$
			}
			if (s.abstractText() != null) {
				out.append("  abstract = {").append(s.abstractText()).append("}\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.append("}\n\n"); //$NON-NLS-1$
		}
		return new Rendered(out.toString(), lines);
	}

	/** RIS records, one tag a line, a blank line between records. */
	private Rendered ris(List<Spec> specs) {
		StringBuilder out = new StringBuilder();
		int[] lines = new int[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			Spec s = specs.get(i);
			lines[i] = linesIn(out);
			out.append("TY  - JOUR\n"); //$NON-NLS-1$
			if (s.title() != null) {
				out.append(random.nextBoolean() ? "TI  - " : "T1  - ").append(s.title()).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
			}
			for (Author a : s.authors()) {
				out.append("AU  - ").append(a.family()).append(a.given().isEmpty() ? "" : ", " + a.given()) //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						.append('\n');
			}
			out.append("PY  - ").append(s.year()).append(random.nextBoolean() ? "" : "///").append('\n'); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (s.venue() != null) {
				out.append(random.nextBoolean() ? "T2  - " : "JO  - ").append(s.venue()).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (s.doi() != null) {
				out.append("DO  - ").append(s.doi()).append('\n'); //$NON-NLS-1$
			}
			out.append("AN  - arXiv:").append(s.arxiv()).append('\n'); //$NON-NLS-1$
			out.append("UR  - https://arxiv.org/abs/").append(s.arxiv()).append('\n'); //$NON-NLS-1$
			for (String k : s.keywords()) {
				out.append("KW  - ").append(k).append('\n'); //$NON-NLS-1$
			}
			if (s.abstractText() != null) {
				out.append("AB  - ").append(s.abstractText()).append('\n'); //$NON-NLS-1$
			}
			out.append("ER  - \n\n"); //$NON-NLS-1$
		}
		return new Rendered(out.toString(), lines);
	}

	/** The cite key prefix of a spec's BibTeX entries (a number follows, unique per entry written). */
	static String citeKey(Spec s) {
		return "k" + s.arxiv().replace(".", "x") + "n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	/** A listing; a spec without a title is written as a title without its abstract, at the end of the file. */
	private Rendered listing(List<Spec> specs) {
		StringBuilder out = new StringBuilder(
				"new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 17\n\n"); //$NON-NLS-1$
		int[] lines = new int[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			Spec s = specs.get(i);
			lines[i] = linesIn(out);
			if (s.title() == null) {
				out.append("A Title Whose Abstract Was Cut Off n").append(i).append('\n'); //$NON-NLS-1$
				continue;
			}
			out.append(s.title()).append("\n\n"); //$NON-NLS-1$
			if (s.arxiv() != null) {
				out.append(random.nextBoolean() ? "arXiv:" + s.arxiv() : "https://arxiv.org/abs/" + s.arxiv()) //$NON-NLS-1$//$NON-NLS-2$
						.append("\n\n"); //$NON-NLS-1$
			}
			out.append(s.abstractText()).append("\n\n"); //$NON-NLS-1$
		}
		return new Rendered(out.toString(), lines);
	}
}
