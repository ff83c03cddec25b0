/** UI tests of the help system in the Scriptorium IDE: F1 context help and the user guide in the Help Contents. */
package org.scriptorium.help.tests;
