/**
 * The workbench side of paper search: the Paper Search page of the Search dialog and its results in the Search view
 * (the engines, their jobs and the search preferences are the search bundle's {@code org.scriptorium.search.service}).
 */
package org.scriptorium.ui.internal.search;
