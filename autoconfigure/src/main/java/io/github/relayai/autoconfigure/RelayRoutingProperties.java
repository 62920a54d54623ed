package io.github.relayai.autoconfigure;

import io.github.relayai.endpoint.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-model settings: {@code spring.ai.relay.models[<model>].endpoint}. Model ids
 * containing dots need the bracket form in properties files
 * ({@code spring.ai.relay.models[gpt-5.2-pro].endpoint}) and quoted brackets in YAML
 * ({@code "[gpt-5.2-pro]":}).
 */
@ConfigurationProperties(RelayConnectionProperties.PREFIX)
public class RelayRoutingProperties {

	/**
	 * Settings by model id as the gateway names it.
	 */
	private Map<String, Model> models = new LinkedHashMap<>();

	public Map<String, Model> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Model> models) {
		this.models = models;
	}

	/**
	 * The pinned endpoints.
	 * @return endpoint by model id, for the models that pin one
	 */
	public Map<String, Endpoint> endpoints() {
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		this.models.forEach((model, settings) -> {
			if (settings.getEndpoint() != null) {
				endpoints.put(model, settings.getEndpoint());
			}
		});
		return endpoints;
	}

	/**
	 * Settings of one model.
	 */
	public static class Model {

		/**
		 * Endpoint that serves the model (chat, completions or responses); used without a
		 * probe request. Unset lets Relay choose and fall back.
		 */
		private Endpoint endpoint;

		public Endpoint getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(Endpoint endpoint) {
			this.endpoint = endpoint;
		}

	}

}
