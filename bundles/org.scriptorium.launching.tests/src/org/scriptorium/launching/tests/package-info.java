/** Headless tests of the Routing Experiment launch configuration type and its delegate. */
package org.scriptorium.launching.tests;
