/**
 * {@code org.scriptorium.cite.check}: the formatted citations work where this runs (the install test runs it in an
 * installed Eclipse). The application class is the bundle's only OSGi-aware code.
 */
package org.scriptorium.cite.internal.check;
