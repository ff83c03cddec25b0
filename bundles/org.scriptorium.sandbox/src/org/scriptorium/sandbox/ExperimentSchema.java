package org.scriptorium.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What the experiment file's JSON schema ({@code schema/moe-experiment.schema.json}, shipped with this bundle) says
 * about the keys and values at a place of a file: for an editor's completion and hover. The engine's validator stays
 * authoritative; the schema documents the same rules.
 */
public final class ExperimentSchema {

	/** The schema's path inside this bundle. */
	public static final String RESOURCE = "/schema/moe-experiment.schema.json";

	/** The path segment of an array's element (indices do not matter to the schema). */
	public static final String ITEM = "[]";

	/**
	 * One key of an object as the schema describes it.
	 *
	 * @param name        the key
	 * @param type        its JSON type(s), e.g. {@code integer} or {@code number | string}; "" if not said
	 * @param description what it is, or ""
	 * @param values      the values it may take when they are listed ({@code enum}, {@code const}), else empty
	 * @param defaultText its default as JSON text, or ""
	 * @param range       its bounds, e.g. {@code >= 1} or {@code > 0, <= 1}, or ""
	 */
	public record Key(String name, String type, String description, List<String> values, String defaultText,
			String range) {

		/** A one-paragraph description for a hover: type, bounds, default, values and what it is. */
		public String summary() {
			StringBuilder text = new StringBuilder(name);
			if (!type.isEmpty()) {
				text.append(" (").append(type).append(')');
			}
			if (!description.isEmpty()) {
				text.append(": ").append(description);
			}
			if (!range.isEmpty()) {
				text.append("\nvalues ").append(range);
			}
			if (!values.isEmpty()) {
				text.append("\none of: ").append(String.join(", ", values));
			}
			if (!defaultText.isEmpty()) {
				text.append("\ndefault: ").append(defaultText);
			}
			return text.toString();
		}
	}

	private static ExperimentSchema shared;

	private final JsonObject root;

	private ExperimentSchema(JsonObject root) {
		this.root = root;
	}

	/** The schema shipped with the engine (read once). */
	public static synchronized ExperimentSchema get() {
		if (shared == null) {
			try (InputStream in = ExperimentSchema.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The experiment schema " + RESOURCE + " is missing");
				}
				try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
					shared = new ExperimentSchema(JsonParser.parseReader(reader).getAsJsonObject());
				}
			} catch (IOException e) {
				throw new IllegalStateException("Cannot read the experiment schema " + RESOURCE, e);
			}
		}
		return shared;
	}

	/**
	 * The keys the object at {@code path} may have (keys from the root, {@link #ITEM} for an array's element), in
	 * schema order; where the schema allows several shapes ({@code oneOf}, e.g. one per strategy type) the keys of
	 * all of them, their listed values merged. Empty for an unknown path.
	 */
	public List<Key> keys(List<String> path) {
		Map<String, Key> out = new LinkedHashMap<>();
		for (JsonObject node : nodes(path)) {
			for (JsonObject shape : shapes(node)) {
				if (shape.get("properties") instanceof JsonObject properties) {
					for (var e : properties.entrySet()) {
						if (e.getValue() instanceof JsonObject p) {
							Key key = key(e.getKey(), p);
							out.merge(e.getKey(), key, ExperimentSchema::merge);
						}
					}
				}
			}
		}
		return List.copyOf(out.values());
	}

	/** The key {@code name} of the object at {@code path}, or null if the schema does not know it. */
	public Key key(List<String> path, String name) {
		return keys(path).stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * The description of the value {@code value} of the key {@code name} of the object at {@code path} where the
	 * schema describes it (e.g. a strategy type's {@code oneOf} branch: {@code GShard top-k, renormalised (arXiv
	 * 2006.16668)}), or "".
	 */
	public String valueDescription(List<String> path, String name, String value) {
		for (JsonObject node : nodes(path)) {
			for (JsonObject shape : shapes(node)) {
				if (shape.get("properties") instanceof JsonObject properties
						&& properties.get(name) instanceof JsonObject p && key(name, p).values().contains(value)
						&& shape.has("description")) {
					return shape.get("description").getAsString();
				}
			}
		}
		return "";
	}

	/** The schema nodes the value at {@code path} may match. */
	private List<JsonObject> nodes(List<String> path) {
		List<JsonObject> current = List.of(root);
		for (String segment : path) {
			List<JsonObject> next = new ArrayList<>();
			for (JsonObject node : current) {
				for (JsonObject shape : shapes(node)) {
					if (ITEM.equals(segment)) {
						if (shape.get("items") instanceof JsonObject items) {
							next.add(items);
						}
					} else if (shape.get("properties") instanceof JsonObject properties
							&& properties.get(segment) instanceof JsonObject p) {
						next.add(p);
					}
				}
			}
			current = next;
		}
		return current;
	}

	/** {@code node} itself and its {@code oneOf} / {@code anyOf} / {@code allOf} branches, resolving {@code $ref}. */
	private List<JsonObject> shapes(JsonObject node) {
		List<JsonObject> out = new ArrayList<>();
		JsonObject resolved = resolve(node);
		out.add(resolved);
		for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
			if (resolved.get(combinator) != null && resolved.get(combinator).isJsonArray()) {
				for (JsonElement branch : resolved.getAsJsonArray(combinator)) {
					if (branch instanceof JsonObject b) {
						out.addAll(shapes(b));
					}
				}
			}
		}
		return out;
	}

	private JsonObject resolve(JsonObject node) {
		if (node.get("$ref") != null && node.get("$ref").getAsString().startsWith("#/")) {
			JsonElement target = root;
			for (String part : node.get("$ref").getAsString().substring(2).split("/")) {
				target = target instanceof JsonObject o ? o.get(part) : null;
			}
			if (target instanceof JsonObject o) {
				return o;
			}
		}
		return node;
	}

	private Key key(String name, JsonObject property) {
		List<String> types = new ArrayList<>();
		List<String> values = new ArrayList<>();
		String description = "";
		String defaultText = "";
		List<String> range = new ArrayList<>();
		for (JsonObject shape : shapes(property)) {
			if (shape.get("type") != null) {
				if (shape.get("type").isJsonArray()) {
					shape.getAsJsonArray("type").forEach(t -> addOnce(types, t.getAsString()));
				} else {
					addOnce(types, shape.get("type").getAsString());
				}
			}
			if (shape.get("const") != null) {
				addOnce(values, text(shape.get("const")));
			}
			if (shape.get("enum") != null && shape.get("enum").isJsonArray()) {
				shape.getAsJsonArray("enum").forEach(v -> addOnce(values, text(v)));
			}
			if (description.isEmpty() && shape.get("description") != null) {
				description = shape.get("description").getAsString(); // the property's own first, then a branch's
			}
			if (defaultText.isEmpty() && shape.get("default") != null) {
				defaultText = shape.get("default").toString();
			}
			bound(shape, "minimum", ">= ", range);
			bound(shape, "exclusiveMinimum", "> ", range);
			bound(shape, "maximum", "<= ", range);
			bound(shape, "exclusiveMaximum", "< ", range);
		}
		return new Key(name, String.join(" | ", types), description, List.copyOf(values), defaultText,
				String.join(", ", range));
	}

	private static void bound(JsonObject shape, String keyword, String prefix, List<String> out) {
		if (shape.get(keyword) != null && shape.get(keyword).isJsonPrimitive()) {
			addOnce(out, prefix + shape.get(keyword).getAsString());
		}
	}

	private static Key merge(Key a, Key b) {
		List<String> values = new ArrayList<>(a.values());
		b.values().forEach(v -> addOnce(values, v));
		List<String> types = new ArrayList<>(List.of(a.type().split(" \\| ")));
		for (String t : b.type().split(" \\| ")) {
			addOnce(types, t);
		}
		types.removeIf(String::isEmpty);
		return new Key(a.name(), String.join(" | ", types), a.description().isEmpty() ? b.description() : a.description(),
				List.copyOf(values), a.defaultText().isEmpty() ? b.defaultText() : a.defaultText(),
				a.range().isEmpty() ? b.range() : a.range());
	}

	private static void addOnce(List<String> list, String value) {
		if (!list.contains(value)) {
			list.add(value);
		}
	}

	private static String text(JsonElement value) {
		return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
				: value.toString().toLowerCase(Locale.ROOT);
	}
}
