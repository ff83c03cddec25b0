package org.scriptorium.sandbox.ui.internal.papers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.ISelectionService;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.menus.IWorkbenchContribution;
import org.eclipse.ui.services.IServiceLocator;
import org.scriptorium.core.model.Paper;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.Methods;
import org.scriptorium.sandbox.ui.SandboxUI;

/**
 * The Papers view's context menu items for a paper that defines sandbox strategies or losses: one "Run Example
 * Experiment" per shipped example that uses them, naming the strategies and losses.
 */
public final class RunExampleItems extends CompoundContributionItem implements IWorkbenchContribution {

	private IServiceLocator locator;

	@Override
	public void initialize(IServiceLocator serviceLocator) {
		this.locator = serviceLocator;
	}

	@Override
	protected IContributionItem[] getContributionItems() {
		ISelectionService selections = locator == null ? null : locator.getService(ISelectionService.class);
		ISelection selection = selections == null ? null : selections.getSelection();
		if (!(selection instanceof IStructuredSelection s) || s.size() != 1
				|| !(s.getFirstElement() instanceof Paper paper)) {
			return new IContributionItem[0];
		}
		List<IContributionItem> items = new ArrayList<>();
		for (Map.Entry<String, List<Methods.Method>> e : ExampleExperiments.examplesFor(paper).entrySet()) {
			String example = e.getKey().substring(0, e.getKey().length() - Experiment.EXTENSION.length());
			String methods = e.getValue().stream().map(Methods.Method::type).collect(Collectors.joining(", ")); //$NON-NLS-1$
			CommandContributionItemParameter p = new CommandContributionItemParameter(locator,
					SandboxUI.RUN_EXAMPLE_COMMAND_ID + '.' + example, SandboxUI.RUN_EXAMPLE_COMMAND_ID,
					CommandContributionItem.STYLE_PUSH);
			p.parameters = Map.of(SandboxUI.RUN_EXAMPLE_PARAMETER, e.getKey());
			p.label = NLS.bind(Messages.RunExample_label, example, methods);
			p.tooltip = NLS.bind(Messages.RunExample_tooltip, e.getKey(), methods);
			items.add(new CommandContributionItem(p));
		}
		return items.toArray(IContributionItem[]::new);
	}
}
