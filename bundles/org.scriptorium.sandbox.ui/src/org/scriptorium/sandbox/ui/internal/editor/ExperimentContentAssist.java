package org.scriptorium.sandbox.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.scriptorium.sandbox.ExperimentSchema;
import org.scriptorium.sandbox.JsonContext;

/**
 * Completion in experiment files (Ctrl+Space in the Generic Editor): where a key goes, the keys the schema allows
 * there (e.g. {@code k}, {@code capacityFactor} inside {@code strategy}), each with its type, default and description;
 * where a value goes, the values the schema lists (e.g. the strategy types, the loss types) or the key's default.
 */
public final class ExperimentContentAssist implements IContentAssistProcessor {

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		JsonContext context = JsonContext.at(text, offset);
		ExperimentSchema schema = ExperimentSchema.get();
		String prefix = context.prefix().toLowerCase(Locale.ROOT);
		List<ICompletionProposal> out = new ArrayList<>();
		int start = context.quoted() ? context.prefixStart() - 1 : context.prefixStart();
		int length = offset - start;
		if (context.keyPosition()) {
			for (ExperimentSchema.Key key : schema.keys(context.path())) {
				if (key.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
					String insert = '"' + key.name() + "\": "; //$NON-NLS-1$
					out.add(new CompletionProposal(insert, start, length + closingQuote(text, offset, context),
							insert.length(), null, key.name() + (key.type().isEmpty() ? "" : " - " + key.type()), //$NON-NLS-1$ //$NON-NLS-2$
							null, key.summary()));
				}
			}
		} else {
			ExperimentSchema.Key key = context.key().isEmpty() ? null
					: schema.key(context.path(), context.key());
			List<String> inserts = new ArrayList<>(); // JSON texts
			if (key != null) {
				for (String value : key.values()) {
					inserts.add(value.matches("-?[0-9][0-9.eE+-]*|true|false|null") ? value : '"' + value + '"'); //$NON-NLS-1$
				}
				if (inserts.isEmpty() && !key.defaultText().isEmpty()) {
					inserts.add(key.defaultText());
				}
			}
			for (String insert : inserts) {
				String bare = insert.startsWith("\"") ? insert.substring(1, insert.length() - 1) : insert; //$NON-NLS-1$
				if (bare.toLowerCase(Locale.ROOT).startsWith(prefix)) {
					String description = schema.valueDescription(context.path(), context.key(), bare);
					out.add(new CompletionProposal(insert, start, length + closingQuote(text, offset, context),
							insert.length(), null, bare, null, description.isEmpty() ? key.summary() : description));
				}
			}
		}
		return out.toArray(ICompletionProposal[]::new);
	}

	/** 1 if the caret is inside a string whose closing quote directly follows it (the proposal replaces it too). */
	private static int closingQuote(String text, int offset, JsonContext context) {
		return context.quoted() && offset < text.length() && text.charAt(offset) == '"' ? 1 : 0;
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[]{'"'};
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
