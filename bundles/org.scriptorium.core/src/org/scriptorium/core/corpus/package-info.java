/** Corpora: the built-in default corpus and user corpus files. */
package org.scriptorium.core.corpus;
