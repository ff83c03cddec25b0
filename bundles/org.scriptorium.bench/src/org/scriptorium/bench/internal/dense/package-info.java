/**
 * The embedding and dense-search benchmark behind {@code ./scriptorium bench dense}; needs the optional bundle
 * org.scriptorium.dense.
 */
package org.scriptorium.bench.internal.dense;
