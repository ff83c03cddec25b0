/**
 * The Scriptorium UI's API: the public identifiers of its workbench contributions ({@code ScriptoriumUI}), the Papers
 * view as other parts use it ({@code IPapersView}) and links to its papers ({@code PaperLinks}).
 */
package org.scriptorium.ui;
