package io.github.relayai.endpoint;

import io.github.relayai.http.RelayHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.EnumSet;

/**
 * The models a gateway lists at {@code /v1/models}, fetched on first use and cached.
 * Gateways built on new-api report {@code supported_endpoint_types} per model, which
 * {@code EndpointRouter} (package {@code routing}) uses to pick an endpoint without a
 * probe request.
 * <p>
 * Thread-safe; concurrent callers share one request.
 */
public final class RelayModels {

	/** The models path. */
	public static final String PATH = "/v1/models";

	/** How long a fetched list is kept by default. */
	public static final Duration DEFAULT_TTL = Duration.ofHours(1);

	private static final Duration FAILURE_TTL = Duration.ofMinutes(1);

	private final RelayHttpClient http;

	private final JsonMapper json;

	private final Mono<List<ModelInfo>> cached;

	/**
	 * Creates the list for a gateway, kept for {@link #DEFAULT_TTL}.
	 * @param http the transport
	 */
	public RelayModels(RelayHttpClient http) {
		this(http, DEFAULT_TTL);
	}

	/**
	 * Creates the list for a gateway.
	 * @param http the transport
	 * @param ttl how long a fetched list is kept; a failed fetch is retried after a
	 * minute
	 */
	public RelayModels(RelayHttpClient http, Duration ttl) {
		this.http = http;
		this.json = JsonMapper.builder().build();
		this.cached = Mono.defer(this::fetch).cache(models -> ttl, failure -> FAILURE_TTL, () -> FAILURE_TTL);
	}

	/**
	 * The gateway's models, from the cache when fresh.
	 * @return the models; fails with a typed exception when the gateway cannot list them
	 */
	public Mono<List<ModelInfo>> list() {
		return this.cached;
	}

	/**
	 * The endpoints the gateway reports for a model.
	 * @param model the model id
	 * @return the endpoints; empty when the gateway reports none for it, does not list
	 * it, or cannot be asked (this never fails)
	 */
	public Mono<Set<Endpoint>> endpoints(String model) {
		return list()
			.map(models -> models.stream()
				.filter(info -> info.answersTo(model))
				.findFirst()
				.map(ModelInfo::endpoints)
				.orElse(Set.of()))
			.onErrorReturn(Set.of());
	}

	private Mono<List<ModelInfo>> fetch() {
		return this.http.get(PATH).map(this::parse);
	}

	private List<ModelInfo> parse(byte[] body) {
		JsonNode root = ChatCompletionParser.readJson(this.json, this.http.classifier(), body, null, PATH);
		List<ModelInfo> models = new ArrayList<>();
		for (JsonNode entry : root.path("data")) {
			String id = ChatResponses.text(entry.get("id"));
			if (id == null) {
				continue;
			}
			models.add(new ModelInfo(id, ChatResponses.text(entry.get("owned_by")),
					strings(entry.path("supported_endpoint_types")), strings(entry.path("aliases"))));
		}
		return List.copyOf(models);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		for (JsonNode element : array) {
			if (element.isString()) {
				strings.add(element.stringValue());
			}
		}
		return strings;
	}

	/**
	 * One entry of a gateway's {@code /v1/models} list.
	 *
	 * @param id the model id
	 * @param ownedBy the {@code owned_by} field, or {@code null}
	 * @param supportedEndpointTypes the gateway's {@code supported_endpoint_types}
	 * (new-api and its forks), empty when the gateway does not report them
	 * @param aliases the other names the model answers to ({@code aliases} of llama.cpp's
	 * {@code llama-server}), empty when the gateway reports none
	 */
	public record ModelInfo(String id, String ownedBy, List<String> supportedEndpointTypes, List<String> aliases) {

		public ModelInfo {
			supportedEndpointTypes = (supportedEndpointTypes != null) ? List.copyOf(supportedEndpointTypes) : List.of();
			aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		}

		/**
		 * Whether the entry is the model of that name: its id or one of its aliases.
		 * @param model the model name
		 * @return whether it answers to the name
		 */
		public boolean answersTo(String model) {
			return this.id.equals(model) || this.aliases.contains(model);
		}

		/**
		 * The endpoints the reported types name: new-api's {@code openai} is chat
		 * completions and {@code openai-response} (or {@code openai-response-compact})
		 * the Responses API; other types (anthropic, gemini, embeddings...) are not
		 * OpenAI chat endpoints and are left out.
		 * @return the endpoints, empty when none are reported
		 */
		public Set<Endpoint> endpoints() {
			Set<Endpoint> endpoints = EnumSet.noneOf(Endpoint.class);
			for (String type : this.supportedEndpointTypes) {
				switch (type) {
					case "openai" -> endpoints.add(Endpoint.CHAT);
					case "openai-response", "openai-response-compact" -> endpoints.add(Endpoint.RESPONSES);
					default -> {
						// not an OpenAI chat endpoint
					}
				}
			}
			return endpoints;
		}

	}

}
