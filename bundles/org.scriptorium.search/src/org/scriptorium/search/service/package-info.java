/**
 * The workspace's search engines as an OSGi-aware service (no UI): one {@link org.scriptorium.search.PaperSearchEngine}
 * per corpus with its index in this bundle's state location, opened, updated and reconfigured in jobs (family
 * {@link org.scriptorium.search.service.JobFamilies#INDEX}), the embedding models contributed to the extension point
 * {@code org.scriptorium.search.textEncoders}, and the search preferences. Closed when the bundle stops. The rest of
 * the bundle is plain Java and runs without OSGi.
 */
package org.scriptorium.search.service;
