package org.scriptorium.core.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scriptorium.core.internal.corpus.CorpusAssembler;
import org.scriptorium.core.internal.corpus.SeedListing;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.Citation;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;
import org.scriptorium.core.model.Provenance;
import org.scriptorium.core.model.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The built-in, read-only corpus: the 76 seed papers of the project with their verified metadata, then the
 * reference-only papers known from the seeds' reference lists and survey paper lists, and the citation edges between
 * them. The data files are resources of this bundle (see {@code corpus/SOURCES.md}); loading needs no OSGi.
 */
public final class DefaultCorpus implements ICorpus {

	private static final String RESOURCES = "/corpus/"; //$NON-NLS-1$
	private static final String SEED_SOURCE = "seed-metadata.json (built-in)"; //$NON-NLS-1$

	private static final String NAME = "Default corpus"; //$NON-NLS-1$

	private static volatile DefaultCorpus instance;

	/** The papers, their id index and the edges. */
	private final ICorpus all;
	private final List<Paper> seeds;

	private DefaultCorpus(List<Paper> papers, int seedCount, List<Citation> citations) {
		this.all = ICorpus.of(NAME, papers, citations);
		this.seeds = all.papers().subList(0, seedCount);
	}

	/** The default corpus, loaded once from the bundle's resources. */
	public static DefaultCorpus get() {
		DefaultCorpus c = instance;
		if (c == null) {
			synchronized (DefaultCorpus.class) {
				c = instance;
				if (c == null) {
					try {
						c = instance = load();
					} catch (IOException | RuntimeException e) {
						throw new UncheckedIOException("The built-in default corpus could not be read: " //$NON-NLS-1$
								+ e.getMessage(), e instanceof IOException io ? io : new IOException(e));
					}
				}
			}
		}
		return c;
	}

	static DefaultCorpus load() throws IOException {
		List<SeedListing.Entry> entries;
		try (BufferedReader r = open("seeds.txt")) { //$NON-NLS-1$
			entries = SeedListing.read(r);
		}
		Map<String, JsonObject> metadata = new HashMap<>();
		try (BufferedReader r = open("seed-metadata.json")) { //$NON-NLS-1$
			for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
				JsonObject o = e.getAsJsonObject();
				metadata.put(o.get("title").getAsString(), o); //$NON-NLS-1$
			}
		}
		List<Paper.Builder> seeds = new ArrayList<>(entries.size());
		Map<String, Paper.Builder> byTitle = new HashMap<>();
		for (SeedListing.Entry entry : entries) {
			JsonObject meta = metadata.get(entry.title());
			if (meta == null) {
				throw new IOException("seeds.txt line " + entry.line() + ": no metadata record has the title \"" //$NON-NLS-1$ //$NON-NLS-2$
						+ entry.title() + "\""); //$NON-NLS-1$
			}
			Paper.Builder b = toPaper(entry, meta);
			seeds.add(b);
			byTitle.put(entry.title(), b);
		}
		readReferences(byTitle);
		List<Paper> built = new ArrayList<>(seeds.size());
		seeds.forEach(b -> built.add(b.build()));
		CorpusAssembler.Result result = CorpusAssembler.assemble(built);
		return new DefaultCorpus(result.papers(), built.size(), result.citations());
	}

	/** Attaches each list of {@code references.jsonl} to its citing seed paper. */
	private static void readReferences(Map<String, Paper.Builder> seedsByTitle) throws IOException {
		try (BufferedReader r = open("references.jsonl")) { //$NON-NLS-1$
			int line = 0;
			for (String s = r.readLine(); s != null; s = r.readLine()) {
				line++;
				if (s.isBlank()) {
					continue;
				}
				JsonObject list = JsonParser.parseString(s).getAsJsonObject();
				String citing = string(list, "citing"); //$NON-NLS-1$
				Paper.Builder seed = seedsByTitle.get(citing);
				if (seed == null) {
					throw new IOException("references.jsonl line " + line + ": the citing paper \"" + citing //$NON-NLS-1$ //$NON-NLS-2$
							+ "\" is not a seed paper"); //$NON-NLS-1$
				}
				Citation.Kind kind = "survey-list".equals(string(list, "kind")) //$NON-NLS-1$//$NON-NLS-2$
						? Citation.Kind.SURVEY_LIST
						: Citation.Kind.REFERENCE_LIST;
				List<Reference> refs = new ArrayList<>();
				for (JsonElement e : list.getAsJsonArray("references")) { //$NON-NLS-1$
					refs.add(toReference(e.getAsJsonObject(), kind, seedsByTitle));
				}
				seed.references(refs).provenance(Paper.REFERENCES,
						new Provenance(string(list, "source") + " (references.jsonl, built-in)", null)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	private static Reference toReference(JsonObject o, Citation.Kind kind, Map<String, Paper.Builder> seedsByTitle) {
		String seedMatch = string(o, "seedMatch"); //$NON-NLS-1$
		String target = null;
		if (seedMatch != null) {
			Paper.Builder seed = seedsByTitle.get(seedMatch);
			if (seed == null) {
				throw new IllegalStateException(
						"references.jsonl: seedMatch \"" + seedMatch + "\" is not a seed title"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			target = seed.id();
		}
		List<Author> authors = new ArrayList<>();
		JsonArray names = o.getAsJsonArray("authors"); //$NON-NLS-1$
		if (names != null) {
			names.forEach(n -> authors.add(Author.parse(n.getAsString())));
		}
		JsonElement year = o.get("year"); //$NON-NLS-1$
		PaperIds ids = new PaperIds(string(o, "arxivId"), string(o, "doi"), null, null, null, null); //$NON-NLS-1$ //$NON-NLS-2$
		return new Reference(target, ids, string(o, "title"), authors, //$NON-NLS-1$
				year == null || year.isJsonNull() ? null : year.getAsInt(), string(o, "venue"), string(o, "raw"), //$NON-NLS-1$ //$NON-NLS-2$
				kind, null, null);
	}

	private static Paper.Builder toPaper(SeedListing.Entry entry, JsonObject meta) {
		PaperIds ids = new PaperIds(string(meta, "arxivId"), string(meta, "doi"), null, null, null, null); //$NON-NLS-1$ //$NON-NLS-2$
		List<Author> authors = new ArrayList<>();
		JsonArray names = meta.getAsJsonArray("authors"); //$NON-NLS-1$
		if (names != null) {
			names.forEach(n -> authors.add(Author.parse(n.getAsString())));
		}
		JsonElement year = meta.get("year"); //$NON-NLS-1$
		Provenance seedMeta = new Provenance(SEED_SOURCE, null);
		return Paper.builder(PaperKey.idFor(ids, entry.title()), entry.title()) //
				.authors(authors) //
				.year(year == null || year.isJsonNull() ? null : year.getAsInt()) //
				.venue(string(meta, "venue")) //$NON-NLS-1$
				.ids(ids) //
				.abstractText(entry.abstractText()) //
				.urls(ids.arxiv() == null ? List.of() : List.of("https://arxiv.org/abs/" + ids.arxiv())) //$NON-NLS-1$
				.provenanceForSetFields(seedMeta) //
				.provenance(Paper.TITLE, new Provenance("seeds.txt line " + entry.line() + " (built-in)", null)) //$NON-NLS-1$ //$NON-NLS-2$
				.provenance(Paper.ABSTRACT, new Provenance("seeds.txt (built-in)", null)); //$NON-NLS-1$
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}

	private static BufferedReader open(String name) throws IOException {
		InputStream in = DefaultCorpus.class.getResourceAsStream(RESOURCES + name);
		if (in == null) {
			throw new IOException("missing resource " + RESOURCES + name); //$NON-NLS-1$
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
	}

	@Override
	public String name() {
		return NAME;
	}

	/** The 76 seed papers first, in seed order, then the reference-only papers in order of first mention. */
	@Override
	public List<Paper> papers() {
		return all.papers();
	}

	/** Only the seed papers, in seed order. */
	public List<Paper> seedPapers() {
		return seeds;
	}

	@Override
	public Optional<Paper> find(String id) {
		return all.find(id);
	}

	/** Every edge: seed to seed and seed to reference-only paper, with its list kind. */
	@Override
	public List<Citation> citations() {
		return all.citations();
	}

	@Override
	public boolean isReadOnly() {
		return true;
	}
}
