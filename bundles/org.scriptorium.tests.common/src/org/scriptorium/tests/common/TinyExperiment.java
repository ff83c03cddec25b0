package org.scriptorium.tests.common;

/**
 * The tests' tiny experiment file: small but real (SynthDomains, a MoE-MLP with four experts, two epochs), it trains
 * in well under a second. The one copy of this fixture, used by the sandbox, launching and sandbox UI tests.
 */
public final class TinyExperiment {

	private TinyExperiment() {
	}

	/** The experiment {@code name} with the given strategy and losses (JSON texts). */
	public static String json(String name, String strategyJson, String lossesJson) {
		return "{\n" //$NON-NLS-1$
				+ "  \"name\": \"" + name + "\",\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "  \"data\": { \"train\": 640, \"test\": 320, \"domains\": 3 },\n" //$NON-NLS-1$
				+ "  \"model\": { \"hidden\": 16, \"experts\": 4, \"expertHidden\": 8 },\n" //$NON-NLS-1$
				+ "  \"strategy\": " + strategyJson + ",\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "  \"losses\": " + lossesJson + ",\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "  \"training\": { \"epochs\": 2, \"sequencesPerMicroBatch\": 2 },\n" //$NON-NLS-1$
				+ "  \"evaluation\": { \"bootstrap\": 50 },\n" //$NON-NLS-1$
				+ "  \"seeds\": [7]\n" //$NON-NLS-1$
				+ "}\n"; //$NON-NLS-1$
	}

	/**
	 * An experiment {@code name} like E4, at the tiny size: two variants ({@code top1}: top-1 routing,
	 * {@code top2}: top-2) times two seeds, with the metrics of its question listed.
	 */
	public static String variants(String name) {
		return json(name).replace("  \"seeds\": [7]\n", //$NON-NLS-1$
				"  \"seeds\": [1, 2],\n" //$NON-NLS-1$
						+ "  \"metrics\": [\"test.accuracy\", \"test.avgK\", \"trainTestGap\"],\n" //$NON-NLS-1$
						+ "  \"variants\": [\n" //$NON-NLS-1$
						+ "    { \"name\": \"top1\", \"set\": { \"strategy.k\": 1 } },\n" //$NON-NLS-1$
						+ "    { \"name\": \"top2\", \"set\": { \"strategy.k\": 2 } }\n" //$NON-NLS-1$
						+ "  ]\n"); //$NON-NLS-1$
	}

	/** The experiment {@code name}: top-2 routing with the Switch balance loss. */
	public static String json(String name) {
		return json(name, "{ \"type\": \"top-k\", \"k\": 2 }", "[ { \"type\": \"switch-balance\" } ]"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
