/**
 * Test support shared by the Scriptorium test bundles: JUnit 5 extensions for the Eclipse runtime, and the tiny
 * experiment file.
 */
package org.scriptorium.tests.common;
