/**
 * The reference checks in the workbench: starting them with the workbench, their quick fixes and their preference
 * page.
 */
package org.scriptorium.refs.ui.internal.checks;
