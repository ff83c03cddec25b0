/**
 * Formatted citations and bibliographies of papers in CSL styles (APA, IEEE, ACM, Chicago author-date, Nature), as
 * plain text or HTML, with citeproc-java. Plain Java: runs in OSGi and on a plain class path.
 */
package org.scriptorium.cite;
