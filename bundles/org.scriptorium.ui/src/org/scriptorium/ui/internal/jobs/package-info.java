/** The one way the Scriptorium UI bundles make their jobs ({@link org.scriptorium.ui.internal.jobs.JobUtil}). */
package org.scriptorium.ui.internal.jobs;
