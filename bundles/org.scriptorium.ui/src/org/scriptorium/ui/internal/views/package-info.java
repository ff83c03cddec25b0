/**
 * The Scriptorium views: the Papers view (wiring its parts: the table, the tabs below it, its actions and its corpus
 * loader) and the Citation Neighbourhood view.
 */
package org.scriptorium.ui.internal.views;
