/**
 * References to papers where researchers write: the content types of LaTeX, Markdown and Python files (opened
 * in the Generic Editor) and the identifiers of the editor contributions ({@code RefsUI}).
 */
package org.scriptorium.refs.ui;
