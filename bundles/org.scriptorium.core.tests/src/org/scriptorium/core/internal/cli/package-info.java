/** Tests of the core command line. */
package org.scriptorium.core.internal.cli;
