/** UI tests that drive the real workbench: the product perspective and the Papers view. */
package org.scriptorium.ui.tests;
