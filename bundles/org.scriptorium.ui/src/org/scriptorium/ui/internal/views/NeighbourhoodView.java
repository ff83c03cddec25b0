package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.IPapersView;
import org.scriptorium.ui.ScriptoriumUI;
import org.scriptorium.ui.internal.JobFamilies;
import org.scriptorium.ui.internal.Messages;
import org.scriptorium.ui.internal.jobs.JobUtil;

/**
 * The citation neighbourhood of the paper selected in the Papers view, as trees grouped by relation (references,
 * cited by, co-cited, coupled), two levels deep; computed in a job; double-click selects a paper in the Papers view.
 * (No maintained SWT graph-drawing library is published on Maven Central, so it is drawn as trees.)
 */
public class NeighbourhoodView extends ViewPart {

	/** The view's id. */
	public static final String ID = "org.scriptorium.ui.views.neighbourhood"; //$NON-NLS-1$

	/** Widget ids (see {@link ScriptoriumUI#WIDGET_ID_KEY}). */
	public static final String TREE_ID = "neighbourhood.tree", PAPER_ID = "neighbourhood.paper"; //$NON-NLS-1$ //$NON-NLS-2$

	/** A "and N more" line under a group or paper that lists only the first ones. */
	record More(int count) {
	}

	private Label paperLabel;
	private TreeViewer tree;
	private Job job;
	private Paper shown;
	private final ISelectionListener listener = this::selectionChanged;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(parent, ScriptoriumUI.HELP_NEIGHBOURHOOD_VIEW);
		paperLabel = new Label(parent, SWT.WRAP);
		paperLabel.setData(ScriptoriumUI.WIDGET_ID_KEY, PAPER_ID);
		paperLabel.setText(Messages.Neighbourhood_none);
		GridDataFactory.fillDefaults().grab(true, false).indent(2, 2).applyTo(paperLabel);
		tree = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		tree.getTree().setData(ScriptoriumUI.WIDGET_ID_KEY, TREE_ID);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tree.getControl());
		tree.setContentProvider(new ContentProvider());
		tree.setLabelProvider(new Labels());
		tree.addOpenListener(e -> {
			Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
			if (first instanceof Neighbourhood.Node n) {
				open(n.paper());
			} else if (first != null) {
				tree.setExpandedState(first, !tree.getExpandedState(first));
			}
		});
		getSite().getPage().addPostSelectionListener(ScriptoriumUI.PAPERS_VIEW_ID, listener);
		IViewPart papers = getSite().getPage().findView(ScriptoriumUI.PAPERS_VIEW_ID);
		if (papers != null) {
			selectionChanged(papers, papers.getSite().getSelectionProvider().getSelection());
		}
	}

	private void selectionChanged(IWorkbenchPart part, org.eclipse.jface.viewers.ISelection selection) {
		LoadedCorpus corpus = Adapters.adapt(part, LoadedCorpus.class);
		if (corpus != null && selection instanceof IStructuredSelection s
				&& s.getFirstElement() instanceof Paper paper) {
			show(corpus, paper);
		}
	}

	/** The paper whose neighbourhood is shown (or being computed), or null. */
	public Paper paper() {
		return shown;
	}

	private void show(LoadedCorpus corpus, Paper paper) {
		if (paper.equals(shown)) {
			return;
		}
		shown = paper;
		paperLabel.setText(NLS.bind(Messages.Neighbourhood_of, paper.title()));
		paperLabel.getParent().layout();
		if (job != null) {
			job.cancel();
		}
		Display display = tree.getControl().getDisplay();
		job = JobUtil.create(NLS.bind(Messages.Neighbourhood_job, paper.title()), JobFamilies.NEIGHBOURHOOD,
				monitor -> {
					try {
						List<Neighbourhood.Group> groups = new Neighbourhood(corpus).of(paper, monitor);
						display.asyncExec(() -> {
							if (!tree.getControl().isDisposed() && paper.equals(shown)) {
								tree.setInput(groups);
								tree.expandToLevel(2);
							}
						});
						return Status.OK_STATUS;
					} catch (OperationCanceledException e) {
						return Status.CANCEL_STATUS;
					}
				});
		job.setSystem(true);
		job.schedule();
	}

	private void open(Paper paper) {
		try {
			IPapersView.show(getSite().getPage()).reveal(paper.id());
		} catch (PartInitException e) {
			StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
		}
	}

	@Override
	public void setFocus() {
		tree.getControl().setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(ScriptoriumUI.PAPERS_VIEW_ID, listener);
		if (job != null) {
			job.cancel();
		}
		super.dispose();
	}

	private static final class ContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof List<?> l ? l.toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			if (parent instanceof Neighbourhood.Group g) {
				return withMore(g.nodes(), g.total());
			}
			if (parent instanceof Neighbourhood.Node n) {
				return withMore(n.children(), n.total());
			}
			return new Object[0];
		}

		private static Object[] withMore(List<Neighbourhood.Node> nodes, int total) {
			List<Object> out = new ArrayList<>(nodes);
			if (total > nodes.size()) {
				out.add(new More(total - nodes.size()));
			}
			return out.toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof Neighbourhood.Group g
					? g.total() > 0
					: element instanceof Neighbourhood.Node n && n.total() > 0;
		}
	}

	private static final class Labels extends PaperLabels {
		@Override
		public String getText(Object element) {
			if (element instanceof Neighbourhood.Group g) {
				return g.label();
			}
			if (element instanceof Neighbourhood.Node n) {
				return super.getText(n.paper());
			}
			return element instanceof More m ? NLS.bind(Messages.Neighbourhood_more, m.count()) : ""; //$NON-NLS-1$
		}

		@Override
		public Font getFont(Object element) {
			return element instanceof Neighbourhood.Node n ? super.getFont(n.paper()) : null;
		}

		@Override
		public Color getForeground(Object element) {
			return element instanceof Neighbourhood.Node n ? super.getForeground(n.paper()) : null;
		}
	}
}
