/** {@code scriptorium import}, {@code export} and {@code graph}: papers, corpus files and the citation graph. */
package org.scriptorium.cli.internal.papers;
