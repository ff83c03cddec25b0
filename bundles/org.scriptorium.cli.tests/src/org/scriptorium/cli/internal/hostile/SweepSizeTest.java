package org.scriptorium.cli.internal.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;

/**
 * Generated experiments of every shape (issue 15): variants x sweep points x seeds is counted exactly, so any file
 * over the limit of 10,000 runs is refused with its exact size (however large the product), and any file under it
 * is valid with exactly that many runs.
 */
class SweepSizeTest {

	private static final String[][] REAL = {{"training.lr", "0.001", "0.002", "0.003", "0.004"},
			{"training.epochs", "1", "2", "3", "4"}, {"data.train", "200", "300", "400", "500"},
			{"model.hidden", "8", "16", "24", "32"}, {"data.test", "100", "200", "300", "400"}};

	@Test
	void theRunCountIsExactAndLimited() throws Exception {
		Random random = new Random(5);
		int refused = 0, valid = 0;
		for (int i = 0; i < 150; i++) {
			List<String> sweep = new ArrayList<>();
			BigInteger points = BigInteger.ONE;
			for (String[] key : REAL) {
				if (random.nextBoolean()) {
					int n = 1 + random.nextInt(key.length - 1);
					sweep.add("\"" + key[0] + "\":[" + String.join(",", List.of(key).subList(1, 1 + n)) + "]");
					points = points.multiply(BigInteger.valueOf(n));
				}
			}
			int fake = random.nextInt(4) == 0 ? random.nextInt(80) : 0;
			for (int k = 0; k < fake; k++) {
				int n = 2 + random.nextInt(3);
				StringBuilder values = new StringBuilder();
				for (int v = 0; v < n; v++) {
					values.append(v == 0 ? "" : ",").append(v);
				}
				sweep.add("\"x" + k + ".v\":[" + values + "]");
				points = points.multiply(BigInteger.valueOf(n));
			}
			int variants = random.nextInt(4);
			int seeds = 1 + random.nextInt(random.nextBoolean() ? 3 : 20_000);
			StringBuilder json = new StringBuilder(HostileInputTest.TINY);
			json.append(",\"sweep\":{").append(String.join(",", sweep)).append('}');
			if (variants > 0) {
				json.append(",\"variants\":[");
				for (int v = 0; v < variants; v++) {
					json.append(v == 0 ? "" : ",").append("{\"name\":\"v").append(v)
							.append("\",\"set\":{\"strategy.k\":").append(1 + v % 2).append("}}");
				}
				json.append(']');
			}
			json.append(",\"seeds\":[");
			for (int s = 0; s < seeds; s++) {
				json.append(s == 0 ? "" : ",").append(s + 1);
			}
			json.append("]}");
			BigInteger runs = points.multiply(BigInteger.valueOf(Math.max(1, variants)))
					.multiply(BigInteger.valueOf(seeds));
			if (runs.compareTo(BigInteger.valueOf(10_000)) > 0) {
				ExperimentException e = assertThrows(ExperimentException.class,
						() -> Experiment.parse(json.toString(), "gen.moe.json"), runs.toString());
				String size = String.format(Locale.ROOT, "= %,d runs", runs);
				assertTrue(e.problems().get(0).message().contains(size), e.problems() + " should say " + size);
				refused++;
			} else if (fake == 0) {
				Experiment x = Experiment.parse(json.toString(), "gen.moe.json");
				assertEquals(runs.intValueExact(), x.runs().size(), json.toString());
				valid++;
			}
		}
		assertTrue(refused > 10 && valid > 10, refused + " refused, " + valid + " valid");
	}
}
