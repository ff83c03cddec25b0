/** Analyzers: Anserini's default English analyzer and a name analyzer for authors and venues. */
package org.scriptorium.search.internal.analysis;
