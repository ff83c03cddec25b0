package org.scriptorium.sandbox.ui.internal.launching;

import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.scriptorium.launching.ExperimentLaunching;
import org.scriptorium.launching.internal.SlurmLaunches;

/**
 * Keeps Slurm launches alive across workbench sessions: when the workbench closes, the launches running on Slurm
 * stop being followed but their jobs keep running; at the next start, every launch of the workspace still running on
 * Slurm is followed again (Console, Progress and Results as before).
 */
public final class SlurmStartup implements IStartup {

	@Override
	public void earlyStartup() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.addWorkbenchListener(new IWorkbenchListener() {
			@Override
			public boolean preShutdown(IWorkbench w, boolean forced) {
				ExperimentLaunching.detachSlurmLaunches();
				return true;
			}

			@Override
			public void postShutdown(IWorkbench w) {
				// nothing
			}
		});
		Job job = Job.create(Messages.SlurmStartup_job, monitor -> {
			for (Path dir : SlurmLaunches.unfinished()) {
				try {
					SlurmLaunches.attach(dir, monitor);
				} catch (CoreException e) {
					ILog.of(SlurmStartup.class).log(e.getStatus());
				}
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}
}
