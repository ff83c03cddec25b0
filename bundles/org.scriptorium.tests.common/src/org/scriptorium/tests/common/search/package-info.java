/** Test support for the search layer: the deterministic test embedding model {@link org.scriptorium.tests.common.search.HashEncoder}. */
package org.scriptorium.tests.common.search;
