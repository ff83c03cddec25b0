/**
 * Launch fixtures for tests that run experiments through the debug framework (headless or in the workbench):
 * projects with files, waiting for a launch's process, clean-up.
 */
package org.scriptorium.tests.common.launch;
