package io.github.relayai.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Relay health indicator (with Spring Boot Actuator): how often it asks the gateway
 * for its models.
 */
@ConfigurationProperties(RelayHealthProperties.PREFIX)
public class RelayHealthProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "spring.ai.relay.health";

	/**
	 * How long the gateway's /v1/models list is reused by the health indicator before it
	 * is fetched again; a failed fetch is retried after a minute.
	 */
	private Duration cacheTtl = Duration.ofMinutes(5);

	/**
	 * Longest a health check waits for the gateway's model list before reporting DOWN
	 * with TIMEOUT.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * Health status when the gateway is reachable but does not list the configured model
	 * (by id or alias) at /v1/models: UP (with a warning detail), DOWN, OUT_OF_SERVICE or
	 * UNKNOWN. Servers such as llama.cpp answer to any model name, so the default is UP.
	 */
	private String modelNotListedStatus = "UP";

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public String getModelNotListedStatus() {
		return this.modelNotListedStatus;
	}

	public void setModelNotListedStatus(String modelNotListedStatus) {
		this.modelNotListedStatus = modelNotListedStatus;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
