package org.scriptorium.refs.internal.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.core.corpus.DefaultCorpus;
import org.scriptorium.core.corpus.JsonlCorpus;
import org.scriptorium.core.preferences.CorePreferences;
import org.scriptorium.core.io.Exporter;
import org.scriptorium.core.model.Paper;
import org.scriptorium.refs.ReferenceKind;
import org.scriptorium.refs.ReferenceMarkers;
import org.scriptorium.refs.RefsPreferences;
import org.scriptorium.search.CitedIn;

/**
 * The reference checks in a real (headless) workspace: saving a file sets a marker per unresolved reference, a fixed
 * file loses it, the preference switches the checks; {@code citedin:} on workspace paths.
 */
class ReferenceChecksTest {

	private IProject project;

	@BeforeEach
	void project() throws Exception {
		ReferenceChecks.start();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("refs-checks");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void delete() throws Exception {
		InstanceScope.INSTANCE.getNode(RefsPreferences.QUALIFIER).remove(RefsPreferences.CHECK_REFERENCES);
		InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).remove(CorePreferences.DEFAULT_CORPUS);
		project.delete(true, null);
		settle();
	}

	private static void settle() throws InterruptedException {
		// the change's listener has scheduled the check (100 ms later) before the workspace operation returned; a
		// join waits for the family's sleeping jobs too
		Job.getJobManager().join(ReferenceChecks.FAMILY, null);
	}

	private static void write(IFile file, String text) throws CoreException {
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			file.create(in, true, null);
		}
	}

	private static List<IMarker> markers(IResource r) throws CoreException {
		List<IMarker> m = Arrays.asList(r.findMarkers(ReferenceMarkers.TYPE, true, IResource.DEPTH_INFINITE));
		return m.stream().sorted((a, b) -> Integer.compare(a.getAttribute(IMarker.CHAR_START, 0),
				b.getAttribute(IMarker.CHAR_START, 0))).toList();
	}

	private static String key(String paperId) {
		List<Paper> papers = DefaultCorpus.get().papers();
		Paper p = DefaultCorpus.get().find(paperId).orElseThrow();
		return Exporter.citeKeys(papers).get(papers.indexOf(p));
	}

	@Test
	void savingAFileMarksEachUnresolvedReferenceAndAFixClearsIt() throws Exception {
		IFile tex = project.getFile("draft.tex");
		String text = "Intro.\nShared experts \\cite{" + key("arxiv:2401.06066") + ", nobody2099}.\n"
				+ "# see arXiv:2912.99999\n";
		write(tex, text);
		settle();
		List<IMarker> m = markers(tex);
		assertEquals(2, m.size(), m.toString());
		IMarker key = m.get(0);
		assertEquals("CITE_KEY", key.getAttribute(ReferenceMarkers.KIND, ""));
		assertEquals("nobody2099", key.getAttribute(ReferenceMarkers.ID, ""));
		assertEquals(ReferenceMarkers.UNKNOWN, key.getAttribute(ReferenceMarkers.RESOLUTION, ""));
		assertEquals(2, key.getAttribute(IMarker.LINE_NUMBER, 0));
		assertEquals(text.indexOf("nobody2099"), key.getAttribute(IMarker.CHAR_START, -1));
		assertEquals(text.indexOf("nobody2099") + 10, key.getAttribute(IMarker.CHAR_END, -1));
		assertEquals(IMarker.SEVERITY_WARNING, key.getAttribute(IMarker.SEVERITY, -1));
		assertTrue(key.isSubtypeOf(IMarker.PROBLEM));
		assertTrue(key.getAttribute(IMarker.MESSAGE, "").contains("nobody2099"));
		assertEquals("ARXIV", m.get(1).getAttribute(ReferenceMarkers.KIND, ""));
		assertEquals("2912.99999", m.get(1).getAttribute(ReferenceMarkers.ID, ""));

		write(tex, "Shared experts \\cite{" + key("arxiv:2401.06066") + "} and arXiv:2101.03961.\n");
		settle();
		assertEquals(List.of(), markers(tex));
	}

	@Test
	void thePreferenceSwitchesTheChecksAndOtherFilesAreNotRead() throws Exception {
		IFolder folder = project.getFolder("notes");
		folder.create(true, true, null);
		IFile md = folder.getFile("notes.md");
		write(md, "Unknown [@nobody2099].\n");
		IFile bib = folder.getFile("refs.bib");
		write(bib, "@article{nobody2099, doi = {10.9999/none}}\n");
		settle();
		assertEquals(1, markers(project).size(), markers(project).toString());
		assertEquals(List.of(), markers(bib));

		InstanceScope.INSTANCE.getNode(RefsPreferences.QUALIFIER).putBoolean(RefsPreferences.CHECK_REFERENCES, false);
		settle();
		assertEquals(List.of(), markers(project), "switching the checks off removes the markers");
		write(md, "Still unknown [@nobody2098].\n");
		settle();
		assertEquals(List.of(), markers(project), "no check while off");

		InstanceScope.INSTANCE.getNode(RefsPreferences.QUALIFIER).putBoolean(RefsPreferences.CHECK_REFERENCES, true);
		settle();
		assertEquals(1, markers(project).size(), "switching them on checks the workspace");
		assertEquals("nobody2098", markers(project).get(0).getAttribute(ReferenceMarkers.ID, ""));
	}

	@Test
	void citedinOnAWorkspacePathListsThePapersItsFilesReference() throws Exception {
		IFolder folder = project.getFolder("paper");
		folder.create(true, true, null);
		write(folder.getFile("draft.tex"), "\\citep{" + key("arxiv:2401.06066") + "}\n");
		write(project.getFile("train.py"), "# arXiv:2101.03961\n");
		CitedIn citedIn = new WorkspaceCitedIn();
		Collection<String> all = citedIn.paperIds("/refs-checks", DefaultCorpus.get());
		Set<String> expected = new TreeSet<>(Set.of("arxiv:2401.06066"));
		assertEquals(expected, new TreeSet<>(citedIn.paperIds("refs-checks/paper", DefaultCorpus.get())));
		assertEquals(2, all.size(), all.toString());
		assertTrue(all.contains("arxiv:2401.06066"));
		CitedIn.UnknownLocationException e = org.junit.jupiter.api.Assertions
				.assertThrows(CitedIn.UnknownLocationException.class,
						() -> citedIn.paperIds("/refs-checks/nothing", DefaultCorpus.get()));
		assertTrue(e.getMessage().contains("/refs-checks/nothing"), e.getMessage());
	}

	@Test
	void anIgnoredReferenceLosesItsMarkerUntilTheProjectNoLongerIgnoresIt() throws Exception {
		IFile md = project.getFile("notes.md");
		write(md, "Unknown [@nobody2099] and arXiv:2912.99999.\n");
		settle();
		assertEquals(2, markers(md).size(), markers(md).toString());

		// the Ignore quick fix: a project preference, in the project's .settings (its change re-checks the project)
		IgnoredReferences.add(project, IgnoredReferences.entry(ReferenceKind.CITE_KEY, "nobody2099"));
		settle();
		assertTrue(project.getFile(".settings/org.scriptorium.refs.prefs").exists());
		assertEquals(List.of("2912.99999"),
				markers(md).stream().map(m -> m.getAttribute(ReferenceMarkers.ID, "")).toList());
		write(md, "Unknown [@nobody2099] and arXiv:2912.99999, saved again.\n");
		settle();
		assertEquals(1, markers(md).size(), "it stays ignored after a save");
		assertEquals(Set.of("cite:nobody2099"), IgnoredReferences.of(project));

		IgnoredReferences.set(project, List.of());
		settle();
		assertEquals(2, markers(md).size(), "no longer ignored, it is marked again");
	}

	@Test
	void papersAddedToTheActiveCorpusFileInTheWorkspaceResolveTheMarkers() throws Exception {
		Paper dynamicRouting = DefaultCorpus.get().papers().stream()
				.filter(p -> "2403.07652".equals(p.ids().arxiv())).findFirst().orElseThrow();
		Paper deepSeekMoE = DefaultCorpus.get().find("arxiv:2401.06066").orElseThrow();
		IFile corpus = project.getFile("mine.jsonl");
		JsonlCorpus.write(corpus.getLocation().toPath(), List.of(deepSeekMoE));
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
		InstanceScope.INSTANCE.getNode(CorePreferences.QUALIFIER).put(CorePreferences.DEFAULT_CORPUS,
				corpus.getLocation().toOSString());
		IFile py = project.getFile("train.py");
		write(py, "# arXiv:2401.06066, after arXiv:2403.07652\n");
		settle();
		List<IMarker> m = markers(py);
		assertEquals(1, m.size(), m.toString());
		assertEquals(ReferenceMarkers.IN_DEFAULT_CORPUS, m.get(0).getAttribute(ReferenceMarkers.RESOLUTION, ""));
		assertEquals(dynamicRouting.id(), m.get(0).getAttribute(ReferenceMarkers.DEFAULT_CORPUS_PAPER, ""));

		// what the "Add to corpus" quick fix does: the corpus file changes in the workspace; the files are re-checked
		JsonlCorpus.write(corpus.getLocation().toPath(), List.of(deepSeekMoE, dynamicRouting));
		corpus.refreshLocal(IResource.DEPTH_ZERO, null);
		settle();
		assertEquals(List.of(), markers(py));
	}
}
