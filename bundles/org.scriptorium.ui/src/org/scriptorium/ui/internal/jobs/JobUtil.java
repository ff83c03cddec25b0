package org.scriptorium.ui.internal.jobs;

import java.util.Objects;

import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The jobs of the Scriptorium UI, made from a name, a family and the work (as EGit's {@code JobUtil}), so that no
 * view or wizard writes its own {@link Job} subclass. The family is what tests join and {@code belongsTo} answers; it
 * may be null for a job nobody waits for.
 */
public final class JobUtil {

	private JobUtil() {
	}

	/**
	 * A job named {@code name} of {@code family} that does {@code work}; not scheduled, so that the caller can make it
	 * a system job, set a rule, keep it to cancel or schedule it again.
	 */
	public static Job create(String name, Object family, IJobFunction work) {
		return new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return work.run(monitor);
			}

			@Override
			public boolean belongsTo(Object f) {
				return family != null && Objects.equals(family, f);
			}
		};
	}

	/** Schedules a job that runs in the background (the Progress view shows it). */
	public static Job schedule(String name, Object family, IJobFunction work) {
		Job job = create(name, family, work);
		job.schedule();
		return job;
	}

	/** Schedules a job the user started: the workbench may show its progress in a dialog. */
	public static Job scheduleUser(String name, Object family, IJobFunction work) {
		Job job = create(name, family, work);
		job.setUser(true);
		job.schedule();
		return job;
	}

	/**
	 * Schedules a workspace job the user started: its resource changes are reported at once when it ends; a
	 * {@link CoreException} of {@code work} becomes the job's result.
	 */
	public static Job scheduleUserWorkspace(String name, Object family, ICoreRunnable work) {
		WorkspaceJob job = new WorkspaceJob(name) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				work.run(monitor);
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object f) {
				return family != null && Objects.equals(family, f);
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}
}
