package org.scriptorium.ui.internal.papers;

import org.scriptorium.core.model.Paper;

/** Where cite keys come from: the paper's own key (replaced by the core's cite keys once they exist). */
final class CiteKeySource {

	private CiteKeySource() {
	}

	static String key(Paper paper) {
		return paper.ids().citeKey() != null ? paper.ids().citeKey() : paper.id();
	}
}
