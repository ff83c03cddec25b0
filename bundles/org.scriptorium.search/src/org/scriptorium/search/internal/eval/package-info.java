/** Evaluation on BEIR-format data with trec_eval semantics. */
package org.scriptorium.search.internal.eval;
