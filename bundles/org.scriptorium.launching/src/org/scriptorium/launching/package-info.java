/**
 * Launching routing experiments in the workbench: the "Routing Experiment" launch configuration type, its
 * attributes and the validation of experiment files in the workspace.
 */
package org.scriptorium.launching;
