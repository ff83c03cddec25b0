package org.scriptorium.ui.internal.views;

/**
 * What the Papers view lists: the papers matching the filter text (a query of the search language, run through the
 * index), reference-only papers only when they are asked for.
 */
public final class PaperFilter {

	/** An immutable snapshot of the settings, safe to hand to a job. */
	public record Settings(String text, boolean referenceOnly) {
	}

	private String text = ""; //$NON-NLS-1$
	private boolean referenceOnly;

	/** Sets the filter text; returns whether it changed (ignoring surrounding white space). */
	public boolean setText(String value) {
		String t = value.strip();
		if (t.equals(text)) {
			return false;
		}
		text = t;
		return true;
	}

	public void setShowReferenceOnly(boolean show) {
		referenceOnly = show;
	}

	public boolean isShowReferenceOnly() {
		return referenceOnly;
	}

	public Settings snapshot() {
		return new Settings(text, referenceOnly);
	}
}
