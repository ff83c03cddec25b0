package org.scriptorium.core.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scriptorium.core.internal.corpus.SeedListing;
import org.scriptorium.core.model.Author;
import org.scriptorium.core.model.ICorpus;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.PaperIds;
import org.scriptorium.core.model.PaperKey;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The built-in, read-only corpus: the 76 seed papers of the project, with their verified metadata. The data files
 * are resources of this bundle (see {@code corpus/SOURCES.md}); loading needs no OSGi.
 */
public final class DefaultCorpus implements ICorpus {

	private static final String RESOURCES = "/corpus/"; //$NON-NLS-1$

	private static volatile DefaultCorpus instance;

	private final List<Paper> papers;
	private final Map<String, Paper> byId;

	private DefaultCorpus(List<Paper> papers) {
		this.papers = List.copyOf(papers);
		Map<String, Paper> m = new LinkedHashMap<>();
		papers.forEach(p -> m.put(p.id(), p));
		this.byId = m;
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
					} catch (IOException e) {
						throw new UncheckedIOException("The built-in default corpus could not be read: " //$NON-NLS-1$
								+ e.getMessage(), e);
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
		List<Paper> papers = new ArrayList<>(entries.size());
		for (SeedListing.Entry entry : entries) {
			JsonObject meta = metadata.get(entry.title());
			if (meta == null) {
				throw new IOException("seeds.txt line " + entry.line() + ": no metadata record has the title \"" //$NON-NLS-1$ //$NON-NLS-2$
						+ entry.title() + "\""); //$NON-NLS-1$
			}
			papers.add(toPaper(entry, meta));
		}
		return new DefaultCorpus(papers);
	}

	private static Paper toPaper(SeedListing.Entry entry, JsonObject meta) {
		PaperIds ids = new PaperIds(string(meta, "arxivId"), string(meta, "doi"), null, null, null, null); //$NON-NLS-1$ //$NON-NLS-2$
		List<Author> authors = new ArrayList<>();
		JsonArray names = meta.getAsJsonArray("authors"); //$NON-NLS-1$
		if (names != null) {
			names.forEach(n -> authors.add(Author.parse(n.getAsString())));
		}
		JsonElement year = meta.get("year"); //$NON-NLS-1$
		return Paper.builder(PaperKey.idFor(ids, entry.title()), entry.title()) //
				.authors(authors) //
				.year(year == null || year.isJsonNull() ? null : year.getAsInt()) //
				.venue(string(meta, "venue")) //$NON-NLS-1$
				.ids(ids) //
				.abstractText(entry.abstractText()) //
				.urls(ids.arxiv() == null ? List.of() : List.of("https://arxiv.org/abs/" + ids.arxiv())) //$NON-NLS-1$
				.build();
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
		return "Default corpus"; //$NON-NLS-1$
	}

	@Override
	public List<Paper> papers() {
		return papers;
	}

	@Override
	public Optional<Paper> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	@Override
	public boolean isReadOnly() {
		return true;
	}
}
