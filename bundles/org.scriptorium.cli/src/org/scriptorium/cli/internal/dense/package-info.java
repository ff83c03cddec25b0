/** {@code scriptorium dense-check}: the optional dense-retrieval bundle's embedding models, checked. */
package org.scriptorium.cli.internal.dense;
