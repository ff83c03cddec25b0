package org.scriptorium.search.service;

/**
 * Families of the jobs the search service schedules; tests wait for them with
 * {@code Job.getJobManager().join(family, monitor)}.
 */
public final class JobFamilies {

	/** Opening (building, checking, repairing), rebuilding or reconfiguring a paper index. */
	public static final Object INDEX = new Object();

	private JobFamilies() {
	}
}
