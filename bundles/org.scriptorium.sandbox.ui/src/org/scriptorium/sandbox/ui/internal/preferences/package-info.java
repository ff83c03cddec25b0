/** Preferences &gt; Scriptorium &gt; Sandbox: the limits of experiment runs (the launching bundle's node). */
package org.scriptorium.sandbox.ui.internal.preferences;
