package org.scriptorium.refs.ui.internal;

import java.util.OptionalInt;

import org.eclipse.osgi.util.NLS;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.Reference;
import org.scriptorium.refs.Resolution;

/** What a hover says of a reference: the paper's metadata, the start of its abstract, its citation counts. */
public final class PaperText {

	/** How many characters of the abstract a hover shows, cut at a word. */
	static final int ABSTRACT_CHARS = 320;

	private PaperText() {
	}

	/** The hover text of a reference resolved in {@code active}. */
	public static String of(Reference reference, Resolution resolution, ActiveCorpus.Loaded active) {
		if (!resolution.isKnown()) {
			String what = switch (reference.kind()) {
				case ARXIV -> "arXiv id"; //$NON-NLS-1$
				case DOI -> "DOI"; //$NON-NLS-1$
				case CITE_KEY -> "cite key"; //$NON-NLS-1$
			};
			return NLS.bind(Messages.Hover_unknown, new Object[]{written(reference), active.corpus().name(), what});
		}
		Paper p = resolution.paper();
		StringBuilder sb = new StringBuilder();
		sb.append(p.title()).append('\n');
		String authors = p.authorsDisplay();
		if (authors != null && !authors.isBlank()) {
			sb.append(authors).append('\n');
		}
		StringBuilder line = new StringBuilder();
		p.year().ifPresent(line::append);
		p.venue().ifPresent(v -> line.append(line.isEmpty() ? "" : ", ").append(v)); //$NON-NLS-1$ //$NON-NLS-2$
		if (p.ids().arxiv() != null) {
			line.append(line.isEmpty() ? "" : " \u00b7 ").append("arXiv:").append(p.ids().arxiv()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (p.ids().doi() != null) {
			line.append(line.isEmpty() ? "" : " \u00b7 ").append("doi:").append(p.ids().doi()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (!line.isEmpty()) {
			sb.append(line).append('\n');
		}
		if (resolution.status() == Resolution.Status.REFERENCE_ONLY) {
			sb.append(Messages.Hover_referenceOnly).append('\n');
		}
		p.abstractText().filter(a -> !a.isBlank()).ifPresent(a -> sb.append('\n').append(start(a)).append('\n'));
		OptionalInt node = active.graph().indexOf(p.id());
		if (node.isPresent()) {
			sb.append('\n').append(NLS.bind(Messages.Hover_counts, active.graph().citedByCount(node.getAsInt()),
					active.graph().referenceCount(node.getAsInt())));
		}
		sb.append('\n').append(NLS.bind(Messages.Hover_links, filterId(p)));
		return sb.toString();
	}

	/** The reference as a person reads it: {@code arXiv:2401.06066}, {@code doi:10.1/x}, {@code \cite{key}}. */
	public static String written(Reference reference) {
		return switch (reference.kind()) {
			case ARXIV -> "arXiv:" + reference.idWithVersion(); //$NON-NLS-1$
			case DOI -> "doi:" + reference.id(); //$NON-NLS-1$
			case CITE_KEY -> reference.isPandoc() ? "@" + reference.id() : reference.command() + "{" + reference.id() //$NON-NLS-1$ //$NON-NLS-2$
					+ "}"; //$NON-NLS-1$
		};
	}

	/** How the Papers filter names the paper: {@code arxiv:ID}, {@code doi:DOI}, else its id. */
	static String filterId(Paper p) {
		if (p.ids().arxiv() != null) {
			return "arxiv:" + p.ids().arxiv(); //$NON-NLS-1$
		}
		return p.ids().doi() != null ? "doi:" + p.ids().doi() : p.id(); //$NON-NLS-1$
	}

	/** The first {@value #ABSTRACT_CHARS} characters of an abstract, cut after a word, with an ellipsis if cut. */
	static String start(String text) {
		String t = text.strip().replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$
		if (t.length() <= ABSTRACT_CHARS) {
			return t;
		}
		int cut = t.lastIndexOf(' ', ABSTRACT_CHARS);
		return t.substring(0, cut > 0 ? cut : ABSTRACT_CHARS) + " \u2026"; //$NON-NLS-1$
	}
}
