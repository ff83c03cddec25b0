/** The experiment editor: the Generic Editor's colours, completion, hover and quick fixes for experiment files. */
package org.scriptorium.sandbox.ui.internal.editor;
