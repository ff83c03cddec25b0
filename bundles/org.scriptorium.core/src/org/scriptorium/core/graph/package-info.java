/** The citation graph over a corpus: references, cited-by, similarity and paths. Plain Java. */
package org.scriptorium.core.graph;
