package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.help.IToc;
import org.eclipse.help.ITopic;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.tests.common.ui.UiWait;
import org.scriptorium.tests.common.ui.Widgets;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.papers.ImportPapersWizard;
import org.scriptorium.ui.internal.papers.ImportSourcePage;
import org.scriptorium.ui.tests.pages.Menus;
import org.scriptorium.ui.tests.pages.PapersViewTester;
import org.scriptorium.ui.tests.pages.WizardTester;

/**
 * What an Eclipse user expects (issue 16): the Error Log view, the user guide in the help and F1 context help, a
 * content type for corpus files (so other JSON Lines files do not open as corpora), and view menu items that say what
 * they do.
 */
@ExtendWith(NoErrorLoggedExtension.class)
class EclipseConventionsTest {

	/** The key under which the workbench's help system keeps a control's context id (WorkbenchHelpSystem). */
	private static final String HELP_KEY = "org.eclipse.ui.help"; //$NON-NLS-1$

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@Test
	void thePapersViewMenuSaysImportPapersAndExportPapersAndImportOpensTheWizard() throws Exception {
		PapersViewTester papers = PapersViewTester.open();
		try {
			Shell shell = papers.part().getSite().getShell();
			MenuManager manager = (MenuManager) papers.part().getViewSite().getActionBars().getMenuManager();
			// the workbench adds the plugin.xml items of a view menu when it renders the menu (the view's chevron);
			// the test fills it the same way before showing it
			papers.part().getSite().getService(org.eclipse.ui.menus.IMenuService.class)
					.populateContributionManager(manager, "menu:" + papers.part().getSite().getId()); //$NON-NLS-1$
			Menu menu = manager.createContextMenu(shell);
			List<String> labels = Menus.labels(menu);
			assertTrue(labels.contains("Import Papers..."), labels.toString()); //$NON-NLS-1$
			assertTrue(labels.contains("Export Papers..."), labels.toString()); //$NON-NLS-1$
			List<String> named = labels.stream().filter(l -> !l.isEmpty()).toList();
			assertEquals(named.size(), new HashSet<>(named).size(), "no two items alike: " + labels); //$NON-NLS-1$

			// choosing Import Papers... opens the import wizard on its first page; Cancel closes it. The choice is
			// posted, so the modal wizard's event loop runs inside it; a poller that never blocks (it posts itself
			// again) finds the wizard there and presses Cancel, so no wait ever runs inside the modal loop
			Display display = shell.getDisplay();
			AtomicReference<String> firstPage = new AtomicReference<>();
			AtomicReference<String> problem = new AtomicReference<>();
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
			Runnable[] poll = new Runnable[1];
			poll[0] = () -> {
				Shell wizard = wizardShell(display);
				if (wizard != null && ((WizardDialog) wizard.getData()).getCurrentPage() != null) {
					firstPage.set(((WizardDialog) wizard.getData()).getCurrentPage().getClass().getName());
					Button cancel = Widgets.all(wizard, Button.class).stream()
							.filter(b -> IDialogConstants.CANCEL_LABEL.equals(b.getText())).findFirst().orElse(null);
					if (cancel == null) {
						problem.set("the wizard has no Cancel button"); //$NON-NLS-1$
						wizard.close();
					} else {
						cancel.notifyListeners(SWT.Selection, new Event()); // as SWTBotButton.click does
					}
				} else if (System.nanoTime() > deadline) {
					problem.set("no wizard opened within 60 s"); //$NON-NLS-1$
				} else {
					display.timerExec(50, poll[0]);
				}
			};
			AtomicReference<Boolean> chosen = new AtomicReference<>(false);
			display.asyncExec(() -> {
				try {
					Menus.choose(menu, "Import Papers..."); //$NON-NLS-1$
				} catch (RuntimeException | AssertionError e) {
					problem.set(String.valueOf(e));
				} finally {
					chosen.set(true);
				}
			});
			display.timerExec(50, poll[0]);
			UiWait.until("the wizard opened and was cancelled", //$NON-NLS-1$
					() -> problem.get() != null || chosen.get() && firstPage.get() != null);
			assertEquals(null, problem.get());
			assertEquals(ImportSourcePage.class.getName(), firstPage.get(), "the wizard's first page"); //$NON-NLS-1$
			UiWait.until("the wizard is closed", () -> wizardShell(display) == null); //$NON-NLS-1$
			menu.dispose();
		} finally {
			papers.close();
		}
	}

	private static Shell wizardShell(Display display) {
		for (Shell s : display.getShells()) {
			if (s.isVisible() && s.getData() instanceof WizardDialog) {
				return s;
			}
		}
		return null;
	}

	@Test
	void theErrorLogViewListsWhatIsLogged() throws Exception {
		IViewPart log = page().showView("org.eclipse.pde.runtime.LogView"); //$NON-NLS-1$
		try {
			String message = "Scriptorium error log test " + UUID.randomUUID(); //$NON-NLS-1$
			ILog.of(getClass()).warn(message);
			UiWait.until("the Error Log lists the warning", () -> Widgets //$NON-NLS-1$
					.all((Composite) log.getSite().getShell(), Tree.class).stream()
					.anyMatch(t -> !t.isDisposed() && itemTexts(t).stream().anyMatch(s -> s.contains(message))));
		} finally {
			page().hideView(log);
		}
	}

	private static List<String> itemTexts(Tree tree) {
		List<String> out = new ArrayList<>();
		for (TreeItem item : tree.getItems()) {
			out.add(item.getText());
		}
		return out;
	}

	@Test
	void onlyCorpusFilesOpenInThePapersView() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("content-type-test"); //$NON-NLS-1$
		project.create(null);
		project.open(null);
		PapersViewTester papers = PapersViewTester.open();
		try {
			Path dir = project.getLocation().toPath();
			JsonlCorpus.write(dir.resolve("papers.jsonl"), DefaultCorpus.get().seedPapers().subList(0, 4)); //$NON-NLS-1$
			Files.writeString(dir.resolve("queries.jsonl"), //$NON-NLS-1$
					"{\"_id\":\"1\",\"text\":\"0-dimensional biomaterials show inductive properties.\"}\n"); //$NON-NLS-1$
			Files.createDirectories(dir.resolve("runs")); //$NON-NLS-1$
			Files.writeString(dir.resolve("runs/metrics.jsonl"), "{\"epoch\":1,\"loss\":0.5}\n"); //$NON-NLS-1$ //$NON-NLS-2$
			project.refreshLocal(IResource.DEPTH_INFINITE, null);
			IFile corpus = project.getFile("papers.jsonl"); //$NON-NLS-1$

			assertEquals(ScriptoriumUI.CORPUS_CONTENT_TYPE_ID, corpus.getContentDescription().getContentType().getId());
			for (IFile other : List.of(project.getFile("queries.jsonl"), project.getFile("runs/metrics.jsonl"))) { //$NON-NLS-1$ //$NON-NLS-2$
				IContentDescription d = other.getContentDescription();
				assertTrue(d == null || !ScriptoriumUI.CORPUS_CONTENT_TYPE_ID.equals(d.getContentType().getId()),
						other + " is not a corpus file"); //$NON-NLS-1$
				IEditorDescriptor editor = IDE.getDefaultEditor(other);
				assertTrue(editor == null || !"org.scriptorium.ui.corpusFile".equals(editor.getId()), //$NON-NLS-1$
						other + " does not open in the Papers view"); //$NON-NLS-1$
			}
			assertEquals("org.scriptorium.ui.corpusFile", IDE.getDefaultEditor(corpus).getId()); //$NON-NLS-1$

			// opened as from the Project Explorer: the Papers view shows the corpus file
			IDE.openEditor(page(), corpus);
			UiWait.until("the Papers view shows the corpus file", //$NON-NLS-1$
					() -> corpus.getLocation().toPath().equals(papers.view().corpusFile()));
			UiWait.until("its 4 papers are listed", () -> papers.rowCount() == 4); //$NON-NLS-1$
		} finally {
			papers.close();
			project.delete(true, true, null);
		}
	}

	@Test
	void theUserGuideIsInTheHelpContentsAndEachViewAndWizardHasContextHelp() throws Exception {
		IToc guide = null;
		for (IToc toc : HelpSystem.getTocs()) {
			if ("Scriptorium User Guide".equals(toc.getLabel())) { //$NON-NLS-1$
				guide = toc;
			}
		}
		assertNotNull(guide, "Help Contents lists the Scriptorium User Guide"); //$NON-NLS-1$
		assertTrue(guide.getTopics().length >= 6, "its chapters"); //$NON-NLS-1$
		assertPage(guide.getTopic(null));
		for (ITopic topic : guide.getTopics()) {
			assertPage(topic);
		}

		PapersViewTester papers = PapersViewTester.open();
		try {
			assertContextHelp(papers.filter(), ScriptoriumUI.HELP_PAPERS_VIEW);
			IViewPart neighbourhood = page().showView("org.scriptorium.ui.views.neighbourhood"); //$NON-NLS-1$
			assertContextHelp(Widgets.all((Composite) neighbourhood.getSite().getShell(), Control.class).stream()
					.filter(c -> ScriptoriumUI.HELP_NEIGHBOURHOOD_VIEW.equals(c.getData(HELP_KEY))).findFirst()
					.orElseThrow(() -> new AssertionError("no control with the neighbourhood's help")), //$NON-NLS-1$
					ScriptoriumUI.HELP_NEIGHBOURHOOD_VIEW);
			page().hideView(neighbourhood);
		} finally {
			papers.close();
		}
		WizardTester.runImport(ImportPapersWizard.ID, wizard -> {
			try {
				assertContextHelp(wizard.widget(ImportSourcePage.TARGET_ID, Control.class),
						ScriptoriumUI.HELP_IMPORT_WIZARD);
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			wizard.cancel();
		});
		for (String id : List.of(ScriptoriumUI.HELP_SEARCH_PAGE, ScriptoriumUI.HELP_EXPORT_WIZARD,
				"org.scriptorium.sandbox.ui.results_view", "org.scriptorium.sandbox.ui.experiment_wizard")) { //$NON-NLS-1$ //$NON-NLS-2$
			assertContext(id);
		}
	}

	/** F1 on {@code control} shows context {@code id}: the control or a parent carries it, and it has help. */
	private static void assertContextHelp(Control control, String id) throws IOException {
		Control c = control;
		while (c != null && c.getData(HELP_KEY) == null) {
			c = c.getParent();
		}
		assertNotNull(c, "F1 help is set on " + control + " or a parent"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(id, c.getData(HELP_KEY));
		assertContext(id);
	}

	private static void assertContext(String id) throws IOException {
		IContext context = HelpSystem.getContext(id);
		assertNotNull(context, "help context " + id); //$NON-NLS-1$
		assertFalse(context.getText().isBlank(), id);
		assertTrue(context.getRelatedTopics().length > 0, id);
		for (IHelpResource topic : context.getRelatedTopics()) {
			assertPage(topic);
		}
	}

	/** The topic's page is in the help bundle and is a page with a title. */
	private static void assertPage(IHelpResource topic) throws IOException {
		String href = topic.getHref();
		assertNotNull(href, topic.getLabel());
		String path = href.replaceFirst("^/org\\.scriptorium\\.help/", "").replaceFirst("#.*$", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		URL url = Platform.getBundle("org.scriptorium.help").getEntry(path); //$NON-NLS-1$
		assertNotNull(url, href + " is in org.scriptorium.help"); //$NON-NLS-1$
		try (InputStream in = FileLocator.toFileURL(url).openStream()) {
			String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(html.contains("<title>") && html.contains("<h1>"), href); //$NON-NLS-1$ //$NON-NLS-2$
		}
		assertNotEquals("", topic.getLabel()); //$NON-NLS-1$
	}
}
