/** Internal helpers of the Scriptorium UI: job families, tracing, messages. */
package org.scriptorium.ui.internal;
