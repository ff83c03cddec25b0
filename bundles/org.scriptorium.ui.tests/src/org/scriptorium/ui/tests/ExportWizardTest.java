package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.io.Format;
import org.scriptorium.core.io.Importer;
import org.scriptorium.core.model.Paper;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.papers.ExportPapersWizard;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/** File &gt; Export &gt; Scriptorium &gt; Papers writes the papers selected in the Papers view in a chosen format. */
@ExtendWith(NoErrorLoggedExtension.class)
class ExportWizardTest {

	private PapersViewTester papers;

	@BeforeEach
	void open() throws Exception {
		papers = PapersViewTester.open();
	}

	@AfterEach
	void close() {
		papers.close();
	}

	@Test
	void theSelectedPapersAreWrittenInEveryFormatTheExporterWritesAndReadBack(@TempDir Path dir) throws Exception {
		List<Paper> seeds = DefaultCorpus.get().seedPapers();
		papers.selectRows(papers.rowOf(seeds.get(0).title()), papers.rowOf(seeds.get(1).title()));
		papers.activate();
		for (Format format : Exporter.supportedFormats()) {
			Path file = dir.resolve("export." + format.extension()); //$NON-NLS-1$
			WizardTester.runExport(ExportPapersWizard.ID, wizard -> {
				Combo formats = wizard.widget(ExportPapersWizard.FORMAT_ID, Combo.class);
				List<String> names = new java.util.ArrayList<>(
						Exporter.supportedFormats().stream().map(Format::displayName).toList());
				names.addAll(List.of("Formatted bibliography (text)", "Formatted bibliography (HTML page)")); //$NON-NLS-1$ //$NON-NLS-2$
				assertEquals(names, Arrays.asList(formats.getItems()));
				Button selection = wizard.widget(ExportPapersWizard.SELECTION_ID, Button.class);
				assertTrue(selection.getSelection(), "the selection is exported by default"); //$NON-NLS-1$
				assertEquals("The 2 papers selected in the Papers view", selection.getText().replace("&", "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				formats.select(Exporter.supportedFormats().indexOf(format));
				formats.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
				wizard.widget(ExportPapersWizard.FILE_ID, Text.class).setText(file.toString());
				wizard.finish();
			});
			UiWait.jobs(JobFamilies.CORPUS_EXPORT);
			assertTrue(Files.size(file) > 0, file.toString());
			// what was written reads back as the same two papers
			List<Paper> back = Importer.importFiles(List.of(file), false).papers();
			assertEquals(List.of(seeds.get(0).title(), seeds.get(1).title()), back.stream().map(Paper::title).toList(),
					format.displayName());
		}
	}
}
