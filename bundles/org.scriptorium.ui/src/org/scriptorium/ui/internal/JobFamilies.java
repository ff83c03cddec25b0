package org.scriptorium.ui.internal;

/**
 * Families of the jobs the Scriptorium UI schedules; tests wait for them with
 * {@code Job.getJobManager().join(family, monitor)} or by polling {@code find(family)}.
 */
public final class JobFamilies {

	/** Loading a corpus into the Papers view. */
	public static final Object CORPUS_LOAD = new Object();

	/** Computing the rows of the Papers view for a filter and sort order. */
	public static final Object PAPERS_FILTER = new Object();

	/** Finding the papers related to the selected one. */
	public static final Object RELATED = new Object();

	/** Adding, deleting or merging papers of a corpus file. */
	public static final Object CORPUS_EDIT = new Object();

	/** Importing files into a corpus file (File &gt; Import &gt; Scriptorium &gt; Papers). */
	public static final Object CORPUS_IMPORT = new Object();

	/** Exporting papers to a file (File &gt; Export &gt; Scriptorium &gt; Papers). */
	public static final Object CORPUS_EXPORT = new Object();

	/** Computing the export wizard's preview of what will be written. */
	public static final Object EXPORT_PREVIEW = new Object();

	/** Computing the citation neighbourhood of the selected paper. */
	public static final Object NEIGHBOURHOOD = new Object();

	private JobFamilies() {
	}
}
