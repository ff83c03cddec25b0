/** A deterministic test embedding model contributed to the search engine's text encoder extension point. */
package org.scriptorium.ui.tests.dense;
