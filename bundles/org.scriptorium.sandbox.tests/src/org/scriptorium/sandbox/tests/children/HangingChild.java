package org.scriptorium.sandbox.tests.children;

import java.util.concurrent.CountDownLatch;

/**
 * Sends one event, then blocks forever and ignores stdin and SIGTERM-free cancellation: it must be killed.
 * A shutdown hook that also blocks makes SIGTERM ineffective, so the parent has to use SIGKILL.
 */
public final class HangingChild {

	private HangingChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		CountDownLatch never = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				never.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		ChildSupport.started();
		ChildSupport.metric("train.ce", 1, 0.25);
		never.await();
	}
}
