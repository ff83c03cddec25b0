package org.scriptorium.sandbox.tests.children;

import java.lang.reflect.Field;

/**
 * Sends a metric, then crashes the JVM for real: writes to address 0 with sun.misc.Unsafe (SIGSEGV, the
 * JVM aborts with an hs_err report). If Unsafe is unavailable it halts with code 134 like an abort.
 */
public final class CrashingChild {

	private CrashingChild() {
	}

	public static void main(String[] args) {
		ChildSupport.started();
		ChildSupport.metric("train.ce", 1, 0.5);
		try {
			Class<?> c = Class.forName("sun.misc.Unsafe");
			Field f = c.getDeclaredField("theUnsafe");
			f.setAccessible(true);
			Object unsafe = f.get(null);
			c.getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 42L);
		} catch (ReflectiveOperationException | RuntimeException e) {
			System.err.println("Unsafe unavailable: " + e);
		}
		Runtime.getRuntime().halt(134);
	}
}
