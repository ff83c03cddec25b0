/** {@code scriptorium refs}: the paper references of files, resolved to a corpus. */
package org.scriptorium.cli.internal.refs;
