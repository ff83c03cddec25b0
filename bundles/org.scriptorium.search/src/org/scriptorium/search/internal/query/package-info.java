/** The query language: Lucene syntax with readable fields, year ranges and citation graph operators. */
package org.scriptorium.search.internal.query;
