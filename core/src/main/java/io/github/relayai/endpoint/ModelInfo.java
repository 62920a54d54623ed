package io.github.relayai.endpoint;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One entry of a gateway's {@code /v1/models} list.
 *
 * @param id the model id
 * @param ownedBy the {@code owned_by} field, or {@code null}
 * @param supportedEndpointTypes the gateway's {@code supported_endpoint_types} (new-api
 * and its forks), empty when the gateway does not report them
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
	 * The endpoints the reported types name: new-api's {@code openai} is chat completions
	 * and {@code openai-response} (or {@code openai-response-compact}) the Responses API;
	 * other types (anthropic, gemini, embeddings...) are not OpenAI chat endpoints and
	 * are left out.
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
