/**
 * Implementation of the formatted citations: papers to CSL items through the core's CSL-JSON writer, the shipped
 * styles and locale (folder {@code csl}, with their license), the citeproc-java calls.
 */
package org.scriptorium.cite.internal;
