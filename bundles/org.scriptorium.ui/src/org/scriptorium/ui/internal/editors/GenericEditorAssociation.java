package org.scriptorium.ui.internal.editors;

import java.util.Arrays;
import java.util.Set;

import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IEditorAssociationOverride;

/**
 * Opens Scriptorium's text formats in the platform's Generic Editor when it is installed, and in the text editor
 * when it is not. A plain {@code editorContentTypeBinding} to the Generic Editor would make the update site depend on
 * it (the workbench logs an error for a binding to an editor that is not installed), so the association is made
 * here, where a missing editor is simply not offered. A default the user chose for the file type (File
 * Associations preferences, Open With) other than the plain text editor is kept.
 */
public final class GenericEditorAssociation implements IEditorAssociationOverride {

	/** The Generic Editor's id (org.eclipse.ui.genericeditor). */
	public static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor"; //$NON-NLS-1$

	/** The plain text editor's id, the default this override replaces. */
	private static final String TEXT_EDITOR = "org.eclipse.ui.DefaultTextEditor"; //$NON-NLS-1$

	/** The content types (and their kinds) that open in the Generic Editor. */
	private static final Set<String> CONTENT_TYPES = Set.of("org.scriptorium.launching.experiment"); //$NON-NLS-1$

	@Override
	public IEditorDescriptor[] overrideEditors(IEditorInput input, IContentType type, IEditorDescriptor[] editors) {
		return withGeneric(type, editors);
	}

	@Override
	public IEditorDescriptor[] overrideEditors(String fileName, IContentType type, IEditorDescriptor[] editors) {
		return withGeneric(type, editors);
	}

	@Override
	public IEditorDescriptor overrideDefaultEditor(IEditorInput input, IContentType type, IEditorDescriptor editor) {
		return preferGeneric(type, editor);
	}

	@Override
	public IEditorDescriptor overrideDefaultEditor(String fileName, IContentType type, IEditorDescriptor editor) {
		return preferGeneric(type, editor);
	}

	private static IEditorDescriptor preferGeneric(IContentType type, IEditorDescriptor editor) {
		if (editor != null && !TEXT_EDITOR.equals(editor.getId())) {
			return editor;
		}
		IEditorDescriptor generic = generic(type);
		return generic != null ? generic : editor;
	}

	private static IEditorDescriptor[] withGeneric(IContentType type, IEditorDescriptor[] editors) {
		IEditorDescriptor generic = generic(type);
		if (generic == null || Arrays.stream(editors).anyMatch(e -> GENERIC_EDITOR.equals(e.getId()))) {
			return editors;
		}
		IEditorDescriptor[] result = new IEditorDescriptor[editors.length + 1];
		result[0] = generic;
		System.arraycopy(editors, 0, result, 1, editors.length);
		return result;
	}

	/** The Generic Editor when it is installed and {@code type} is one of ours, else null. */
	private static IEditorDescriptor generic(IContentType type) {
		for (IContentType t = type; t != null; t = t.getBaseType()) {
			if (CONTENT_TYPES.contains(t.getId())) {
				return PlatformUI.getWorkbench().getEditorRegistry().findEditor(GENERIC_EDITOR);
			}
		}
		return null;
	}
}
