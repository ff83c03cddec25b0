package org.scriptorium.ui.internal.papers;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.Importer;
import org.scriptorium.ui.ScriptoriumUI;

/** The import wizard's first page: the files, their format, the target corpus file and what to do with bad records. */
public final class ImportSourcePage extends WizardPage {

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String SOURCES_ID = "import.sources", FORMAT_ID = "import.format", //$NON-NLS-1$ //$NON-NLS-2$
			TARGET_ID = "import.target", STRICT_ID = "import.strict", //$NON-NLS-1$ //$NON-NLS-2$
			ENCODING_ID = "import.encoding"; //$NON-NLS-1$
	/**
	 * The encodings offered by name (any other that Java knows can be typed, as {@code import --encoding} takes it);
	 * the first item of the field is "recognise", what {@code import} does without {@code --encoding}.
	 */
	public static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"UTF-16", "UTF-16LE", "UTF-16BE", "x-MacRoman", "Shift_JIS", "GB18030", "Big5", "EUC-KR", "KOI8-R"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$
	/** Widget ids of the corpus file's Workspace... and File System... buttons. */
	public static final String BROWSE_WORKSPACE_ID = "import.target.workspace", //$NON-NLS-1$
			BROWSE_FILE_SYSTEM_ID = "import.target.fileSystem"; //$NON-NLS-1$

	private final List<Path> sources = new ArrayList<>();
	private final IFile initialTarget;
	private final List<Format> formats = Importer.supportedFormats();
	private org.eclipse.swt.widgets.List sourceList;
	private Combo formatCombo;
	private Combo encodingCombo;
	private Combo targetCombo;
	private Button strictButton;

	ImportSourcePage(List<Path> initialSources, IFile initialTarget) {
		super("source"); //$NON-NLS-1$
		this.initialTarget = initialTarget;
		sources.addAll(initialSources);
		setTitle(Messages.Import_sourceTitle);
		setDescription(Messages.Import_sourceDescription);
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);

		new Label(c, SWT.NONE).setText(Messages.Import_files);
		sourceList = new org.eclipse.swt.widgets.List(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		sourceList.setData(ScriptoriumUI.WIDGET_ID_KEY, SOURCES_ID);
		GridDataFactory.fillDefaults().grab(true, true).hint(400, 100).applyTo(sourceList);
		Composite buttons = new Composite(c, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		Button add = new Button(buttons, SWT.PUSH);
		add.setText(Messages.Import_addFiles);
		GridDataFactory.fillDefaults().applyTo(add);
		add.addListener(SWT.Selection, e -> chooseFiles());
		Button remove = new Button(buttons, SWT.PUSH);
		remove.setText(Messages.Import_removeFiles);
		GridDataFactory.fillDefaults().applyTo(remove);
		remove.addListener(SWT.Selection, e -> {
			int[] chosen = sourceList.getSelectionIndices();
			for (int i = chosen.length - 1; i >= 0; i--) {
				sources.remove(chosen[i]);
			}
			refreshSources();
		});

		new Label(c, SWT.NONE).setText(Messages.Import_format);
		formatCombo = new Combo(c, SWT.READ_ONLY);
		formatCombo.setData(ScriptoriumUI.WIDGET_ID_KEY, FORMAT_ID);
		formatCombo.add(Messages.Import_formatDetect);
		formats.forEach(f -> formatCombo.add(f.displayName()));
		formatCombo.select(0);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(formatCombo);

		new Label(c, SWT.NONE).setText(Messages.Import_encoding);
		encodingCombo = new Combo(c, SWT.DROP_DOWN);
		encodingCombo.setData(ScriptoriumUI.WIDGET_ID_KEY, ENCODING_ID);
		encodingCombo.setToolTipText(Messages.Import_encodingTooltip);
		encodingCombo.add(Messages.Import_encodingDetect);
		ENCODINGS.forEach(encodingCombo::add);
		encodingCombo.select(0);
		encodingCombo.addModifyListener(e -> validate());
		encodingCombo.addListener(SWT.Selection, e -> validate());
		GridDataFactory.fillDefaults().span(2, 1).applyTo(encodingCombo);

		new Label(c, SWT.NONE).setText(Messages.Import_target);
		targetCombo = new Combo(c, SWT.DROP_DOWN);
		targetCombo.setData(ScriptoriumUI.WIDGET_ID_KEY, TARGET_ID);
		targetCombo.setToolTipText(Messages.Import_targetTooltip);
		CorpusFileChooser.offered().forEach(targetCombo::add);
		if (initialTarget != null) {
			targetCombo.setText(initialTarget.getFullPath().toString());
		} else if (targetCombo.getItemCount() > 0) {
			targetCombo.select(0);
		}
		GridDataFactory.fillDefaults().grab(true, false).applyTo(targetCombo);
		targetCombo.addModifyListener(e -> validate());
		// Escape closes the field's list, never the wizard (which would lose the files chosen)
		targetCombo.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_ESCAPE) {
				e.doit = false;
				e.detail = SWT.TRAVERSE_NONE;
				if (targetCombo.getListVisible()) {
					targetCombo.setListVisible(false);
				}
			}
		});
		Composite browse = new Composite(c, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(browse);
		Button workspace = new Button(browse, SWT.PUSH);
		workspace.setText(Messages.Import_browseWorkspace);
		workspace.setData(ScriptoriumUI.WIDGET_ID_KEY, BROWSE_WORKSPACE_ID);
		workspace.addListener(SWT.Selection, e -> {
			String chosen = CorpusFileChooser.browseWorkspace(getShell(), targetCombo.getText());
			if (chosen != null) {
				targetCombo.setText(chosen);
			}
		});
		Button fileSystem = new Button(browse, SWT.PUSH);
		fileSystem.setText(Messages.Import_browseFileSystem);
		fileSystem.setData(ScriptoriumUI.WIDGET_ID_KEY, BROWSE_FILE_SYSTEM_ID);
		fileSystem.addListener(SWT.Selection, e -> {
			Path chosen = CorpusFileChooser.browseFileSystem(getShell());
			if (chosen != null) {
				chooseTargetFile(chosen);
			}
		});

		// lenient by default, as "scriptorium import" and the reference managers are; strict as "import --strict"
		strictButton = new Button(c, SWT.CHECK);
		strictButton.setText(Messages.Import_strict);
		strictButton.setData(ScriptoriumUI.WIDGET_ID_KEY, STRICT_ID);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(strictButton);

		refreshSources();
		setControl(c);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(c, ScriptoriumUI.HELP_IMPORT_WIZARD);
	}

	private void chooseFiles() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
		dialog.setText(Messages.Import_addFiles);
		if (dialog.open() != null) {
			List<Path> chosen = new ArrayList<>();
			for (String name : dialog.getFileNames()) {
				chosen.add(Path.of(dialog.getFilterPath(), name));
			}
			addSources(chosen);
		}
	}

	/**
	 * Makes a file of the file system the corpus file (what File System... does once it is chosen); a file outside
	 * the workspace's projects is refused with a message.
	 */
	public void chooseTargetFile(Path file) {
		String path = CorpusFileChooser.workspacePath(file);
		if (path == null) {
			setErrorMessage(NLS.bind(Messages.Import_outsideWorkspace, file));
		} else {
			targetCombo.setText(path);
		}
	}

	/** Adds files to import (what Add Files... does once the files are chosen). */
	public void addSources(List<Path> files) {
		for (Path f : files) {
			if (!sources.contains(f)) {
				sources.add(f);
			}
		}
		refreshSources();
	}

	private void refreshSources() {
		sourceList.setItems(sources.stream().map(Path::toString).toArray(String[]::new));
		validate();
	}

	private void validate() {
		String error = null;
		if (sources.isEmpty()) {
			error = Messages.Import_noFiles;
		} else {
			error = targetProblem();
		}
		if (error == null && encodingCombo != null && !sources.isEmpty()) {
			error = encodingProblem();
		}
		setErrorMessage(sources.isEmpty() ? null : error);
		if (sources.isEmpty()) {
			setMessage(error, INFORMATION);
		} else {
			setMessage(null);
		}
		setPageComplete(error == null);
	}

	/** Why the encoding typed is not one that can be used, or null. */
	private String encodingProblem() {
		String name = encodingCombo.getText().strip();
		if (encodingCombo.getSelectionIndex() == 0 || name.equals(Messages.Import_encodingDetect)) {
			return null;
		}
		try {
			Charset.forName(name);
			return null;
		} catch (IllegalArgumentException e) { // unknown or not a legal name
			return NLS.bind(Messages.Import_badEncoding, name);
		}
	}

	/** Why the target is not a corpus file that can be written, or null. */
	private String targetProblem() {
		String text = targetCombo.getText().strip();
		if (text.isEmpty()) {
			return Messages.Import_noTarget;
		}
		IPath path = IPath.fromPortableString(text);
		if (!path.isAbsolute() || path.segmentCount() < 2 || !CorpusFiles.EXTENSION.equals(path.getFileExtension())) {
			return NLS.bind(Messages.Import_badTarget, text);
		}
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		IProject project = root.getProject(path.segment(0));
		if (!project.isAccessible()) {
			return NLS.bind(Messages.Import_noProject, path.segment(0));
		}
		if (path.segmentCount() > 2 && !root.getFolder(path.removeLastSegments(1)).exists()) {
			return NLS.bind(Messages.Import_noFolder, path.removeLastSegments(1));
		}
		return null;
	}

	List<Path> sources() {
		return List.copyOf(sources);
	}

	/** The format the user chose, or null to recognise each file's. */
	Format format() {
		int i = formatCombo.getSelectionIndex();
		return i <= 0 ? null : formats.get(i - 1);
	}

	/**
	 * The encoding chosen for the files to import, or null to recognise each file's (byte order mark, JabRef's
	 * {@code % Encoding} line, UTF-8, else windows-1252), as {@code import} does without {@code --encoding}.
	 */
	Charset encoding() {
		String name = encodingCombo.getText().strip();
		if (encodingCombo.getSelectionIndex() == 0 || name.isEmpty() || name.equals(Messages.Import_encodingDetect)) {
			return null;
		}
		return Charset.forName(name); // checked by validate(): Next and Finish are disabled for an unknown name
	}

	IFile target() {
		return ResourcesPlugin.getWorkspace().getRoot()
				.getFile(IPath.fromPortableString(targetCombo.getText().strip()));
	}

	Path targetLocation() {
		return target().getLocation().toPath();
	}

	/** Whether records with problems are skipped (the default) rather than refusing the import (Strict checked). */
	boolean skipInvalid() {
		return !strictButton.getSelection();
	}
}
