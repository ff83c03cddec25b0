/** The command-line entry points of the core ({@code ./scriptorium import|export|graph}). */
package org.scriptorium.core.internal.cli;
