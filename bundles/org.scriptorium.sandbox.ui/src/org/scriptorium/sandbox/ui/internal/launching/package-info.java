/** The Routing Experiment launch tabs and the Run As shortcut. */
package org.scriptorium.sandbox.ui.internal.launching;
