package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.internal.Messages;

/** The details pane of the Papers view: title, authors, year, venue, identifiers and abstract of one paper. */
final class PaperDetails {

	private final StyledText text;

	PaperDetails(Composite parent) {
		text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		text.setMargins(6, 6, 6, 6);
		show(null);
	}

	StyledText getControl() {
		return text;
	}

	void show(Paper paper) {
		if (paper == null) {
			text.setText(Messages.PapersView_noSelection);
			text.setStyleRanges(new StyleRange[0]);
			return;
		}
		StringBuilder b = new StringBuilder();
		List<StyleRange> styles = new ArrayList<>();
		append(b, styles, paper.title(), SWT.BOLD);
		b.append("\n\n"); //$NON-NLS-1$
		line(b, styles, Messages.PapersView_authors, paper.authorsDisplay());
		line(b, styles, Messages.PapersView_year, paper.year().map(String::valueOf).orElse(Messages.PapersView_unknown));
		line(b, styles, Messages.PapersView_venue, paper.venue().orElse(Messages.PapersView_unknown));
		StringBuilder ids = new StringBuilder();
		for (Map.Entry<String, String> e : paper.ids().asMap().entrySet()) {
			if (!ids.isEmpty()) {
				ids.append(", "); //$NON-NLS-1$
			}
			ids.append(e.getKey()).append(' ').append(e.getValue());
		}
		line(b, styles, Messages.PapersView_ids, ids.isEmpty() ? Messages.PapersView_unknown : ids.toString());
		b.append('\n');
		if (paper.abstractText().isPresent()) {
			b.append(paper.abstractText().get());
		} else {
			append(b, styles, Messages.PapersView_noAbstract, SWT.ITALIC);
		}
		text.setText(b.toString());
		text.setStyleRanges(styles.toArray(StyleRange[]::new));
	}

	private static void line(StringBuilder b, List<StyleRange> styles, String label, String value) {
		append(b, styles, label, SWT.BOLD);
		b.append(' ').append(value).append('\n');
	}

	private static void append(StringBuilder b, List<StyleRange> styles, String s, int fontStyle) {
		StyleRange r = new StyleRange();
		r.start = b.length();
		r.length = s.length();
		r.fontStyle = fontStyle;
		styles.add(r);
		b.append(s);
	}
}
