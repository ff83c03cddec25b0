package org.scriptorium.ui.internal.papers;

import java.util.List;
import java.util.Locale;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.handlers.HandlerUtil;
import org.scriptorium.cite.CitationStyle;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.internal.papers.FormattedCitations.Kind;

/**
 * Copy As &gt; Formatted Citation / Formatted Bibliography &gt; style: the selected papers formatted in a citation style,
 * on the clipboard as text and HTML ({@link FormattedCitations}). The command's {@link #KIND_PARAMETER} is
 * {@code citation} (the default) or {@code bibliography}; its {@link #STYLE_PARAMETER} a style id
 * ({@link CitationStyle#id()}), the style last used when left out.
 */
public class CopyFormattedHandler extends AbstractHandler {

	/** The command. */
	public static final String COMMAND_ID = "org.scriptorium.ui.commands.copyFormatted"; //$NON-NLS-1$

	/** The command's parameter: {@code citation} or {@code bibliography}. */
	public static final String KIND_PARAMETER = "org.scriptorium.ui.commands.copyFormatted.kind"; //$NON-NLS-1$

	/** The command's parameter: the style's id. */
	public static final String STYLE_PARAMETER = "org.scriptorium.ui.commands.copyFormatted.style"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		List<Paper> papers = CopyCitationHandler.papers(HandlerUtil.getCurrentSelection(event));
		if (papers.isEmpty()) {
			return null;
		}
		String styleId = event.getParameter(STYLE_PARAMETER);
		CitationStyle style = styleId == null
				? FormattedCitations.lastStyle()
				: CitationStyle.byId(styleId).orElseThrow(() -> new ExecutionException("no citation style " + styleId //$NON-NLS-1$
						+ " (" + CitationStyle.ids() + ")")); //$NON-NLS-1$ //$NON-NLS-2$
		String kindName = event.getParameter(KIND_PARAMETER);
		Kind kind;
		try {
			kind = kindName == null ? Kind.CITATION : Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new ExecutionException("no kind of formatted citation " + kindName, e); //$NON-NLS-1$
		}
		FormattedCitations.copy(Display.getCurrent(), papers, kind, style);
		return null;
	}
}
