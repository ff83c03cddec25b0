/**
 * Editing papers from the workbench: copying citations, importing and exporting corpus files, adding, deleting and
 * merging papers of a user corpus as undoable operations.
 */
package org.scriptorium.ui.internal.papers;
