package org.scriptorium.sandbox.ui.internal.papers;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.BaseLabelProvider;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.ILightweightLabelDecorator;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.core.model.Paper;
import org.scriptorium.sandbox.Methods;

/**
 * Marks the papers that define a strategy or loss of the sandbox: "Title [sandbox: top-p, entropy]" in the Papers
 * view (and any viewer that shows papers through the workbench's decorators). Its context menu then offers Run
 * Example Experiment. The decorator can be switched off in General &gt; Appearance &gt; Label Decorations.
 */
public final class SandboxMethodsDecorator extends BaseLabelProvider implements ILightweightLabelDecorator {

	/** The decorator's id in plugin.xml. */
	public static final String ID = "org.scriptorium.sandbox.ui.decorators.sandboxMethods"; //$NON-NLS-1$

	@Override
	public void decorate(Object element, IDecoration decoration) {
		if (element instanceof Paper paper) {
			List<Methods.Method> methods = ExampleExperiments.definedBy(paper);
			if (!methods.isEmpty()) {
				decoration.addSuffix(NLS.bind(Messages.Decorator_suffix,
						methods.stream().map(Methods.Method::type).distinct().collect(Collectors.joining(", ")))); //$NON-NLS-1$
			}
		}
	}
}
