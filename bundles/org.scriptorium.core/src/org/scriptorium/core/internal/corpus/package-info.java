/** Corpus implementation details. */
package org.scriptorium.core.internal.corpus;
