/** Page objects ("testers") for Scriptorium views, in the style of SWTBot's page objects. */
package org.scriptorium.ui.tests.pages;
