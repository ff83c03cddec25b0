/** Links from papers to the example experiments that use their methods (Run Example, the decorator). */
package org.scriptorium.sandbox.ui.internal.papers;
