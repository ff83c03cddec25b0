/** Command handlers of the Scriptorium UI. */
package org.scriptorium.ui.internal.handlers;
