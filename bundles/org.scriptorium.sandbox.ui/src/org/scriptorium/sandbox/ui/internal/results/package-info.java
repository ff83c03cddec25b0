/** The Results view: the history of routing experiment launches, their runs, charts and exports. */
package org.scriptorium.sandbox.ui.internal.results;
