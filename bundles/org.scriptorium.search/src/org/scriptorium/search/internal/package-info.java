/** Implementation of the search engine; friends only (the UI and the tests). */
package org.scriptorium.search.internal;
