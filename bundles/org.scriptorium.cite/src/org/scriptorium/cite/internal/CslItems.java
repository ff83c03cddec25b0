package org.scriptorium.cite.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scriptorium.cite.CitationException;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.model.Paper;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;

/**
 * Papers as citeproc-java's items: each paper is written by the core's CSL-JSON exporter (the one mapping of the model
 * to CSL, so every field it writes is formatted) and read back as a {@link CSLItemData}. The item ids are the
 * papers' positions ({@code item1}, {@code item2}, ...): cite keys can be missing or repeated.
 */
public final class CslItems {

	/** The type citeproc-java gets for a CSL type it does not know. */
	static final String FALLBACK_TYPE = "article"; //$NON-NLS-1$

	private CslItems() {
	}

	/** The item id of the paper at {@code index} (0-based). */
	public static String id(int index) {
		return "item" + (index + 1); //$NON-NLS-1$
	}

	/** One item per paper, in the same order, with ids {@link #id(int)}. */
	public static List<CSLItemData> of(List<Paper> papers) {
		List<CSLItemData> items = new ArrayList<>(papers.size());
		for (int i = 0; i < papers.size(); i++) {
			items.add(of(papers.get(i), id(i)));
		}
		return items;
	}

	/**
	 * The item of one paper under {@code id}.
	 *
	 * @throws CitationException if the CSL-JSON of the paper is not what citeproc-java reads
	 */
	@SuppressWarnings("unchecked")
	public static CSLItemData of(Paper paper, String id) {
		String json = Exporter.toString(List.of(paper), Format.CSL_JSON);
		try {
			List<Object> array = new JsonParser(new JsonLexer(new StringReader(json))).parseArray();
			if (array.size() != 1 || !(array.get(0) instanceof Map<?, ?>)) {
				throw new IllegalArgumentException("the CSL-JSON export of the paper is not one object"); //$NON-NLS-1$
			}
			Map<String, Object> item = (Map<String, Object>) array.get(0);
			item.put("id", id); //$NON-NLS-1$
			Object type = item.get("type"); //$NON-NLS-1$
			if (type == null || !isKnownType(type.toString())) {
				item.put("type", FALLBACK_TYPE); //$NON-NLS-1$
			}
			return CSLItemData.fromJson(item);
		} catch (IOException | RuntimeException e) {
			throw new CitationException("Cannot format the paper " + paper.id() + " \"" + paper.title() + "\": " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ e.getMessage(), e);
		}
	}

	private static boolean isKnownType(String type) {
		try {
			CSLType.fromString(type);
			return true;
		} catch (IllegalArgumentException e) {
			return false;
		}
	}
}
