package io.github.relayai.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Validates JSON request bodies against a component schema of OpenAI's published OpenAPI
 * document, a copy of which (MIT licence beside it) is a test resource of this module:
 * {@value #RESOURCE}. The tests need nothing outside the repository, so every spec test
 * runs everywhere.
 *
 * <p>
 * The document is read once, normalised (see below), and each named component schema is
 * compiled once with a JSON Schema <b>2020-12</b> validator
 * ({@code com.networknt:json-schema-validator}). {@code $ref: '#/components/schemas/...'}
 * references resolve against the whole document, which is registered in memory under
 * {@value #DOC_URI}; {@code additionalProperties} is honoured where the spec sets it.
 * Format assertions are off (2020-12 default: {@code format} is an annotation).
 *
 * <p>
 * <b>Normalisation.</b> The document declares {@code openapi: 3.1.0} but (as of spec
 * 2.3.0) still uses several OpenAPI 3.0 / draft-2019 idioms that a strict 2020-12
 * validator would ignore or misread. Before compiling, every schema under
 * {@code components.schemas} is rewritten:
 * <ul>
 * <li>{@code nullable: true} with a plain {@code type} becomes {@code type: [T, "null"]}
 * (and {@code null} is added to an {@code enum} if present); {@code nullable: true} on a
 * schema that uses {@code $ref}/{@code allOf}/{@code anyOf}/{@code oneOf} becomes
 * {@code anyOf: [{type: null}, <schema>]}; the 3.0 idiom {@code allOf: [{$ref: X},
 * {nullable: true}]} is treated as "X or null"; {@code nullable: false} is dropped.</li>
 * <li>Boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} (3.0 style) become the
 * numeric 2020-12 form.</li>
 * <li>{@code $recursiveRef: "#"} (draft 2019-09, only used by {@code CompoundFilter})
 * becomes a {@code $ref} to the enclosing component schema; {@code $recursiveAnchor} is
 * dropped.</li>
 * <li>OpenAPI-only keywords are dropped so they neither fail nor log "unknown keyword":
 * {@code discriminator} (validation falls back to plain {@code oneOf}, whose branches
 * already pin the property with an {@code enum}), {@code example}, {@code xml},
 * {@code externalDocs} and every {@code x-*} extension ({@code x-oaiMeta},
 * {@code x-stainless-const}, ...).</li>
 * </ul>
 * Keywords are only rewritten in schema positions, never inside {@code properties} maps
 * (a property called {@code example} stays), {@code enum}, {@code const} or
 * {@code default} values.
 */
public final class OpenAiSpec {

	/** Classpath location of the OpenAPI document (its licence is beside it). */
	public static final String RESOURCE = "/openapi/openai-openapi.json";

	/**
	 * In-memory URI under which the normalised document is registered with the validator.
	 */
	static final String DOC_URI = "https://relayai.invalid/openai-openapi.json";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Keywords whose value is a single subschema. */
	private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "additionalProperties", "not", "if", "then",
			"else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems");

	/** Keywords whose value is an array of subschemas. */
	private static final Set<String> SCHEMA_ARRAY_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

	/** Keywords whose value is a map of name to subschema. */
	private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties", "$defs",
			"definitions", "dependentSchemas");

	/** OpenAPI-only / draft-2019 keywords dropped from schemas. */
	private static final Set<String> DROPPED_KEYWORDS = Set.of("discriminator", "example", "xml", "externalDocs",
			"$recursiveAnchor");

	/**
	 * Keywords that only annotate, so a schema made of them (plus nullable) is a
	 * "nullable marker".
	 */
	private static final Set<String> ANNOTATION_KEYWORDS = Set.of("description", "title", "default", "deprecated",
			"readOnly", "writeOnly", "examples");

	private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

	private static volatile Loaded loaded;

	private OpenAiSpec() {
	}

	/**
	 * Opens the OpenAPI document on the test classpath.
	 * @return a stream of the document, to be closed by the caller
	 * @throws IllegalStateException if the resource is missing from the classpath
	 */
	public static InputStream open() {
		InputStream in = OpenAiSpec.class.getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("OpenAI OpenAPI document " + RESOURCE + " is not on the test classpath");
		}
		return in;
	}

	/** The names of all component schemas in the document. */
	public static Set<String> schemaNames() {
		Set<String> names = new LinkedHashSet<>();
		load().schemas().fieldNames().forEachRemaining(names::add);
		return names;
	}

	/**
	 * Validates {@code json} against {@code #/components/schemas/<schemaName>}.
	 * @return one human-readable line per violation
	 * ({@code "/json/pointer: message  [schema #/components/schemas/...]"}); empty if
	 * valid
	 * @throws IllegalArgumentException if the JSON does not parse or the schema name is
	 * unknown
	 * @throws IllegalStateException if the document is missing from the classpath
	 */
	public static Set<String> violations(String schemaName, String json) {
		JsonNode instance;
		try {
			instance = MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		Set<ValidationMessage> messages = schema(schemaName).validate(instance);
		return messages.stream()
			.map(m -> m.getMessage() + "  [schema " + schemaPointer(m) + "]")
			.sorted()
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * Fails (JUnit {@code AssertionFailedError}) listing every violation if {@code json}
	 * is not valid.
	 */
	public static void assertValid(String schemaName, String json) {
		Set<String> violations = violations(schemaName, json);
		if (!violations.isEmpty()) {
			fail("Request body does not conform to OpenAI schema " + schemaName + " (" + violations.size()
					+ " violation(s)):\n  " + String.join("\n  ", violations) + "\nbody: " + json);
		}
	}

	// ---------------------------------------------------------------------------------------------

	private static String schemaPointer(ValidationMessage message) {
		String location = String.valueOf(message.getSchemaLocation());
		return location.startsWith(DOC_URI) ? location.substring(DOC_URI.length()) : location;
	}

	private static JsonSchema schema(String schemaName) {
		Loaded doc = load();
		if (!doc.schemas().has(schemaName)) {
			throw new IllegalArgumentException("No component schema '" + schemaName + "' in " + RESOURCE);
		}
		return COMPILED.computeIfAbsent(schemaName, name -> {
			SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
			JsonSchema compiled = doc.factory()
				.getSchema(SchemaLocation.of(DOC_URI + "#/components/schemas/" + name), config);
			compiled.initializeValidators();
			return compiled;
		});
	}

	private static Loaded load() {
		Loaded current = loaded;
		if (current == null) {
			synchronized (OpenAiSpec.class) {
				current = loaded;
				if (current == null) {
					current = read();
					loaded = current;
				}
			}
		}
		return current;
	}

	private static Loaded read() {
		JsonNode root;
		try (InputStream in = open()) {
			root = MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
		if (schemas.isMissingNode() || schemas.isEmpty()) {
			throw new IllegalStateException("No components.schemas in " + RESOURCE);
		}
		ObjectNode normalisedSchemas = NODES.objectNode();
		schemas.fields().forEachRemaining(e -> normalisedSchemas.set(e.getKey(), normalise(e.getValue(), e.getKey())));
		ObjectNode doc = NODES.objectNode();
		doc.putObject("components").set("schemas", normalisedSchemas);
		String text;
		try {
			text = MAPPER.writeValueAsString(doc);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		// The 2020-12 dialect, plus "components" (the document root's only key) as a
		// known, inert keyword.
		JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
			.keyword(new NonValidationKeyword("components"))
			.build();
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
				builder -> builder.metaSchema(dialect)
					.schemaLoaders(loaders -> loaders.schemas(Map.of(DOC_URI, text))));
		return new Loaded(normalisedSchemas, factory);
	}

	/** Returns a normalised copy of {@code schema} (see class comment). */
	static JsonNode normalise(JsonNode schema, String componentName) {
		if (!schema.isObject()) {
			return schema.deepCopy(); // boolean schema
		}
		ObjectNode in = (ObjectNode) schema;
		ObjectNode out = NODES.objectNode();
		boolean nullable = in.path("nullable").asBoolean(false);

		for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> e = it.next();
			String key = e.getKey();
			JsonNode value = e.getValue();
			if (key.equals("nullable") || DROPPED_KEYWORDS.contains(key) || key.startsWith("x-")) {
				continue;
			}
			if (key.equals("$recursiveRef")) {
				out.put("$ref", "#/components/schemas/" + componentName);
			}
			else if (SCHEMA_KEYWORDS.contains(key)) {
				out.set(key, normalise(value, componentName));
			}
			else if (SCHEMA_ARRAY_KEYWORDS.contains(key) && value.isArray()) {
				ArrayNode items = NODES.arrayNode();
				for (JsonNode item : value) {
					// 3.0 idiom: allOf: [{$ref: X}, {nullable: true}] means "X or null".
					if (key.equals("allOf") && isNullableMarker(item)) {
						nullable = true;
						continue;
					}
					items.add(normalise(item, componentName));
				}
				out.set(key, items);
			}
			else if (SCHEMA_MAP_KEYWORDS.contains(key) && value.isObject()) {
				ObjectNode map = NODES.objectNode();
				value.fields().forEachRemaining(p -> map.set(p.getKey(), normalise(p.getValue(), componentName)));
				out.set(key, map);
			}
			else if ((key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum")) && value.isBoolean()) {
				String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
				if (value.asBoolean() && in.has(bound)) {
					out.set(key, in.get(bound).deepCopy());
					out.remove(bound);
				}
			}
			else if ((key.equals("minimum") || key.equals("maximum"))
					&& in.path(key.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum").asBoolean(false)) {
				continue; // folded into the numeric exclusive bound
			}
			else {
				out.set(key, value.deepCopy());
			}
		}
		if (out.has("allOf") && out.get("allOf").isEmpty()) {
			out.remove("allOf");
		}
		return nullable ? makeNullable(out) : out;
	}

	private static boolean isNullableMarker(JsonNode item) {
		if (!item.isObject() || !item.path("nullable").asBoolean(false)) {
			return false;
		}
		for (Iterator<String> names = item.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!name.equals("nullable") && !ANNOTATION_KEYWORDS.contains(name) && !name.startsWith("x-")) {
				return false;
			}
		}
		return true;
	}

	private static ObjectNode makeNullable(ObjectNode schema) {
		boolean composite = schema.has("$ref") || schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf")
				|| schema.has("not");
		JsonNode type = schema.get("type");
		if (!composite && type != null && type.isTextual()) {
			schema.set("type", NODES.arrayNode().add(type.asText()).add("null"));
			addNullToEnum(schema);
			return schema;
		}
		if (!composite && type != null && type.isArray()) {
			if (!containsText(type, "null")) {
				((ArrayNode) type).add("null");
			}
			addNullToEnum(schema);
			return schema;
		}
		if (!composite && type == null && !schema.has("enum") && !schema.has("const")) {
			return schema; // no type constraint at all: null is already allowed
		}
		// Wrap: keep annotations outside, everything else as the non-null branch.
		ObjectNode wrapper = NODES.objectNode();
		ObjectNode inner = NODES.objectNode();
		List<String> keys = new ArrayList<>();
		schema.fieldNames().forEachRemaining(keys::add);
		for (String key : keys) {
			if (ANNOTATION_KEYWORDS.contains(key)) {
				wrapper.set(key, schema.get(key));
			}
			else {
				inner.set(key, schema.get(key));
			}
		}
		wrapper.putArray("anyOf").add(NODES.objectNode().put("type", "null")).add(inner);
		return wrapper;
	}

	private static void addNullToEnum(ObjectNode schema) {
		JsonNode values = schema.get("enum");
		if (values != null && values.isArray() && !containsNull(values)) {
			((ArrayNode) values).addNull();
		}
	}

	private static boolean containsNull(JsonNode array) {
		for (JsonNode n : array) {
			if (n.isNull()) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsText(JsonNode array, String text) {
		for (JsonNode n : array) {
			if (text.equals(n.asText(null))) {
				return true;
			}
		}
		return false;
	}

	private record Loaded(ObjectNode schemas, JsonSchemaFactory factory) {
	}

}
