/** The search benchmark and its deterministic synthetic corpus. */
package org.scriptorium.search.internal.bench;
