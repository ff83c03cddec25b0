package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.core.model.Paper;
import org.scriptorium.core.model.Provenance;
import org.scriptorium.search.HighlightTerms;
import org.scriptorium.ui.internal.Messages;

/**
 * The details pane of the Papers view: title, authors, year, venue, identifiers as links to their pages, the
 * abstract with the filter's words highlighted, and where each field came from.
 */
final class PaperDetails {

	private final StyledText text;
	private HighlightTerms highlight = HighlightTerms.NONE;
	private Paper shown;

	PaperDetails(Composite parent) {
		text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		text.setMargins(6, 6, 6, 6);
		text.addListener(SWT.MouseUp, e -> {
			if (e.button == 1 && text.getSelectionCount() == 0) {
				String url = linkAt(new Point(e.x, e.y));
				if (url != null) {
					open(url);
				}
			}
		});
		text.addListener(SWT.MouseMove, e -> text.setCursor(linkAt(new Point(e.x, e.y)) == null
				? null
				: text.getDisplay().getSystemCursor(SWT.CURSOR_HAND)));
		// the theme's highlight colour changes with the theme: draw the details again
		IPropertyChangeListener themed = e -> {
			if (HighlightColors.MATCH_HIGHLIGHT.equals(e.getProperty()) && !text.isDisposed()) {
				text.getDisplay().asyncExec(() -> {
					if (!text.isDisposed()) {
						show(shown);
					}
				});
			}
		};
		JFaceResources.getColorRegistry().addListener(themed);
		text.addDisposeListener(e -> JFaceResources.getColorRegistry().removeListener(themed));
		show(null);
	}

	StyledText getControl() {
		return text;
	}

	/** Highlights these words (those of the filter's query) from now on. */
	void setHighlight(HighlightTerms terms) {
		highlight = terms;
		show(shown);
	}

	/** The URL of the link at a point of the text, or null. */
	String linkAt(Point point) {
		int offset = text.getOffsetAtPoint(point);
		if (offset < 0) {
			return null;
		}
		StyleRange r = text.getStyleRangeAtOffset(offset);
		return r != null && r.data instanceof String url ? url : null;
	}

	/** Opens {@code url} in the external web browser; failures go to the Error Log. */
	static void open(String url) {
		try {
			PlatformUI.getWorkbench().getBrowserSupport().getExternalBrowser().openURL(new java.net.URI(url).toURL());
		} catch (PartInitException | java.net.MalformedURLException | java.net.URISyntaxException e) {
			ILog.of(PaperDetails.class).error(org.eclipse.osgi.util.NLS.bind(Messages.PapersView_openFailed, url), e);
		}
	}

	void show(Paper paper) {
		shown = paper;
		if (paper == null) {
			text.setText(Messages.PapersView_noSelection);
			text.setStyleRanges(new StyleRange[0]);
			return;
		}
		StringBuilder b = new StringBuilder();
		List<StyleRange> styles = new ArrayList<>();
		if (paper.isIncomplete()) {
			append(b, styles, Messages.PapersView_incomplete, SWT.BOLD | SWT.ITALIC);
		} else {
			append(b, styles, paper.title(), SWT.BOLD);
		}
		b.append("\n\n"); //$NON-NLS-1$
		line(b, styles, Messages.PapersView_authors, paper.authorsDisplay());
		line(b, styles, Messages.PapersView_year,
				paper.year().map(String::valueOf).orElse(Messages.PapersView_unknown));
		line(b, styles, Messages.PapersView_venue, paper.venue().orElse(Messages.PapersView_unknown));
		paper.type().ifPresent(t -> line(b, styles, Messages.PapersView_type, t));
		// the other name lists (editors, translators, ...) and every other field of the source, in source order
		paper.names().forEach((role, names) -> line(b, styles, label(role),
				String.join(", ", names.stream().map(org.scriptorium.core.model.Author::displayName).toList()))); //$NON-NLS-1$
		paper.fields().forEach((name, value) -> line(b, styles, label(name), value));
		ids(b, styles, paper);
		b.append('\n');
		if (paper.abstractText().isPresent()) {
			int start = b.length();
			String abs = paper.abstractText().get();
			b.append(abs);
			Color background = HighlightColors.background();
			Color foreground = HighlightColors.foregroundOn(background, text.getDisplay());
			for (HighlightTerms.Range r : highlight.find(abs)) {
				StyleRange s = new StyleRange(start + r.start(), r.end() - r.start(), foreground, background);
				s.fontStyle = SWT.BOLD;
				styles.add(s);
			}
		} else {
			append(b, styles, paper.isReferenceOnly()
					? Messages.PapersView_noAbstract
					: Messages.PapersView_noAbstractImported, SWT.ITALIC);
		}
		provenance(b, styles, paper);
		text.setText(b.toString());
		styles.sort((x, y) -> Integer.compare(x.start, y.start));
		text.setStyleRanges(styles.toArray(StyleRange[]::new));
	}

	private static void ids(StringBuilder b, List<StyleRange> styles, Paper paper) {
		append(b, styles, Messages.PapersView_ids, SWT.BOLD);
		Map<String, String> links = PaperLinksText.urls(paper.ids());
		String citeKey = paper.ids().citeKey();
		if (links.isEmpty() && citeKey == null) {
			b.append(' ').append(Messages.PapersView_unknown).append('\n');
			return;
		}
		for (Map.Entry<String, String> link : links.entrySet()) {
			b.append(' ');
			StyleRange r = new StyleRange();
			r.start = b.length();
			r.length = link.getKey().length();
			r.underline = true;
			r.underlineStyle = SWT.UNDERLINE_LINK;
			r.data = link.getValue();
			styles.add(r);
			b.append(link.getKey());
		}
		if (citeKey != null) {
			b.append(' ').append(Messages.PapersView_citeKey).append(' ').append(citeKey);
		}
		b.append('\n');
	}

	private static void provenance(StringBuilder b, List<StyleRange> styles, Paper paper) {
		Map<String, Provenance> sources = paper.provenance();
		if (sources.isEmpty()) {
			return;
		}
		b.append("\n\n"); //$NON-NLS-1$
		append(b, styles, Messages.PapersView_sources, SWT.BOLD);
		b.append('\n');
		int start = b.length();
		sources.forEach((field, source) -> b.append(field).append(": ").append(source).append('\n')); //$NON-NLS-1$
		StyleRange r = new StyleRange();
		r.start = start;
		r.length = b.length() - start;
		r.foreground = JFaceResources.getColorRegistry()
				.get(org.eclipse.jface.preference.JFacePreferences.QUALIFIER_COLOR);
		styles.add(r);
	}

	/** A field name of the source as a label: {@code pages} -> "Pages:" (the name itself is kept as it is). */
	private static String label(String name) {
		return name.isEmpty() ? ":" : Character.toUpperCase(name.charAt(0)) + name.substring(1) + ':'; //$NON-NLS-1$
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
