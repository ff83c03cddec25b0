/**
 * UI tests of references in editors, in the real workbench of the IDE product (with the Generic Editor and JDT).
 */
package org.scriptorium.refs.ui.tests;
