/**
 * The workbench side of paper search: the index service for the default corpus, the Paper Search page of the
 * Search dialog and its results in the Search view.
 */
package org.scriptorium.ui.internal.search;
