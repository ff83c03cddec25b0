/** The {@code search} and {@code eval} commands. */
package org.scriptorium.search.internal.cli;
