package org.scriptorium.refs.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.CompletionContext;
import org.scriptorium.refs.ReferenceKind;
import org.scriptorium.refs.References;
import org.scriptorium.refs.ui.internal.ActiveCorpus;
import org.scriptorium.refs.ui.internal.Messages;
import org.scriptorium.search.SearchHit;
import org.scriptorium.search.SearchRequest;
import org.scriptorium.search.SearchResult;
import org.scriptorium.search.service.SearchPreferences;
import org.scriptorium.search.service.SearchService;

/**
 * Content assist in {@code \cite{...}}, {@code [@...} and after {@code arXiv:} (Generic Editor, LaTeX, Markdown and
 * Python files): papers of the active corpus whose cite key starts with what was typed, then those the search engine
 * of the Papers filter finds for it in the titles and authors (the last word typed as a prefix). A cite key proposal
 * inserts the key the BibTeX exporter writes; an arXiv one inserts the id followed by the title in parentheses. The
 * Generic Editor's content assistant is asynchronous: this runs off the UI thread, and refuses to search on it.
 */
public final class CitationContentAssist implements IContentAssistProcessor {

	/** How many papers a completion lists at most. */
	static final int LIMIT = 30;

	private String error;

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		IDocument document = viewer.getDocument();
		int start = Math.max(0, offset - 2000); // a cite command's key list is short
		String before = document.get().substring(start, offset);
		Optional<CompletionContext> context = References.completionAt(before, before.length());
		if (context.isEmpty() || Display.getCurrent() != null) {
			return new ICompletionProposal[0];
		}
		CompletionContext c = context.get();
		int replaceFrom = start + c.prefixOffset();
		try {
			List<ICompletionProposal> out = new ArrayList<>();
			ActiveCorpus.Loaded active = ActiveCorpus.get();
			for (Paper p : papers(active, c.kind(), c.prefix())) {
				out.add(proposal(active, p, c, replaceFrom, offset - replaceFrom));
			}
			return out.toArray(ICompletionProposal[]::new);
		} catch (Exception e) {
			error = NLS.bind(Messages.Completion_failed, e.getMessage());
			ILog.of(CitationContentAssist.class).error(error, e);
			return new ICompletionProposal[0];
		}
	}

	/** Papers for a typed prefix: cite keys starting with it first, then the search engine's matches. */
	static List<Paper> papers(ActiveCorpus.Loaded active, ReferenceKind kind, String prefix) throws Exception {
		Map<String, Paper> found = new LinkedHashMap<>();
		String lower = prefix.toLowerCase(Locale.ROOT);
		for (Paper p : active.corpus().papers()) {
			if (found.size() >= LIMIT) {
				break;
			}
			String key = kind == ReferenceKind.ARXIV ? p.ids().arxiv() : active.resolver().citeKey(p);
			if (!p.isReferenceOnly() && key != null && key.toLowerCase(Locale.ROOT).startsWith(lower)) {
				found.put(p.id(), p);
			}
		}
		String query = query(prefix);
		if (!query.isEmpty() && found.size() < LIMIT) {
			SearchRequest request = SearchRequest.of(query).withLimit(LIMIT * 2)
					.withRanking(SearchPreferences.ranking()).withHighlight(false);
			SearchResult result = SearchService.get().search(active.corpus(), request, new NullProgressMonitor());
			if (result.ok()) {
				for (SearchHit hit : result.hits()) {
					if (found.size() >= LIMIT) {
						break;
					}
					active.corpus().papers().stream()
							.filter(p -> p.id().equals(hit.paperId()) && !p.isReferenceOnly()
									&& (kind != ReferenceKind.ARXIV || p.ids().arxiv() != null))
							.findFirst().ifPresent(p -> found.putIfAbsent(p.id(), p));
				}
			}
		}
		return List.copyOf(found.values());
	}

	/**
	 * The query for a typed prefix: each of its words in the title or an author (a word of the abstract does not
	 * make a paper a proposal: its label would not show why), all of them, the last one as a prefix. The words:
	 * letters and digits apart, {@code dai2024deep} is {@code dai 2024 deep}; numbers left out (a year is no word of a
	 * title). {@code deep} gives {@code (title:deep* OR author:deep*)}; empty if no word was typed.
	 */
	static String query(String prefix) {
		String spaced = prefix.replaceAll("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})", " ") //$NON-NLS-1$ //$NON-NLS-2$
				.replaceAll("[^\\p{L}\\p{N}]+", " ").replaceAll("(^| )\\p{N}+(?= |$)", " ").strip(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		if (spaced.isEmpty()) {
			return ""; //$NON-NLS-1$
		}
		String[] words = spaced.toLowerCase(Locale.ROOT).split(" "); //$NON-NLS-1$
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < words.length; i++) {
			String word = words[i] + (i == words.length - 1 ? "*" : ""); //$NON-NLS-1$ //$NON-NLS-2$
			query.append(i == 0 ? "" : " AND ").append("(title:").append(word).append(" OR author:").append(word) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					.append(')');
		}
		return query.toString();
	}

	private static ICompletionProposal proposal(ActiveCorpus.Loaded active, Paper p, CompletionContext c, int from,
			int length) {
		String year = p.year().map(String::valueOf).orElse(""); //$NON-NLS-1$
		String who = p.firstAuthorFamily() == null ? "" : p.firstAuthorFamily(); //$NON-NLS-1$
		String describe = p.title() + " (" + who + (who.isEmpty() || year.isEmpty() ? "" : ", ") + year + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		if (c.kind() == ReferenceKind.ARXIV) {
			String id = p.ids().arxiv() == null ? "" : p.ids().arxiv(); //$NON-NLS-1$
			String insert = id + " (" + p.title() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
			return new PaperProposal(insert, from, length, id, NLS.bind(Messages.Completion_arxiv, id, describe),
					p.abstractText().orElse(null));
		}
		String key = active.resolver().citeKey(p);
		return new PaperProposal(key, from, length, key, key + " \u2014 " + describe, p.abstractText().orElse(null)); //$NON-NLS-1$
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[]{'{', '@', ','};
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
