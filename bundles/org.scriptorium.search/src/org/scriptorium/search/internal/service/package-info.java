/** The OSGi side of the search service: the bundle's activator, tracing, messages and preference defaults. */
package org.scriptorium.search.internal.service;
