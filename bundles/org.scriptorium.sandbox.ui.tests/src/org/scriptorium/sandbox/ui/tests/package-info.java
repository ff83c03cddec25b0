/** UI tests of Run As &gt; Routing Experiment and the launch tabs, in the real workbench. */
package org.scriptorium.sandbox.ui.tests;
