package org.scriptorium.sandbox;

import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One run of an experiment: a sweep point and a seed, with the resolved single-run configuration that
 * the child receives.
 *
 * @param runId      unique within the experiment, e.g. {@code p0003-s2}
 * @param experiment experiment name
 * @param point      sweep values of this run (path → value); empty without a sweep
 * @param seed       the seed
 * @param config     resolved configuration (no {@code sweep}, {@code seeds} = [seed])
 */
public record RunSpec(String runId, String experiment, Map<String, JsonElement> point, long seed, JsonObject config) {
}
