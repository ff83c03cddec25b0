/** {@code scriptorium search}, {@code related} and {@code eval}: the Lucene index of a corpus, ranking, evaluation. */
package org.scriptorium.cli.internal.search;
