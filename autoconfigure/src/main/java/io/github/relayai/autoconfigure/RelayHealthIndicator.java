package io.github.relayai.autoconfigure;

import io.github.relayai.error.ErrorCategory;
import io.github.relayai.endpoint.RelayModels.ModelInfo;
import io.github.relayai.error.RelayAiException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.Exceptions;
import io.github.relayai.http.RelayHttpClient;
import io.github.relayai.endpoint.RelayModels;
import java.time.Duration;

/**
 * Whether the gateway is reachable and lists the configured model at {@code /v1/models}
 * (by id or alias): the list is fetched at most once per
 * {@code spring.ai.relay.health.cache-ttl} (a failed fetch once a minute), so a health
 * check spends no tokens and rarely a request. A gateway that cannot be asked is DOWN,
 * with the error {@code category} and a {@code hint}. A model missing from the list is a
 * {@code warning} detail with a configurable status, UP by default: servers such as
 * llama.cpp's answer to any model name. No detail ever shows the API key.
 */
public final class RelayHealthIndicator implements HealthIndicator {

	private final RelayModels models;

	private final String gateway;

	private final String model;

	private final Duration timeout;

	private final Status notListed;

	/**
	 * Creates the indicator.
	 * @param http the transport of the chat model
	 * @param model the configured model, may be {@code null}
	 * @param cacheTtl how long a fetched model list is kept
	 * @param timeout the longest a health check waits for the gateway
	 * @param notListed the status when the gateway does not list the model
	 */
	public RelayHealthIndicator(RelayHttpClient http, String model, Duration cacheTtl, Duration timeout,
			Status notListed) {
		this.notListed = notListed;
		this.models = new RelayModels(http, positive(cacheTtl, "cache-ttl"));
		java.net.URI root = http.baseUrl().root();
		this.gateway = root.getScheme() + "://" + root.getHost() + ((root.getPort() >= 0) ? ":" + root.getPort() : "");
		this.model = model;
		this.timeout = positive(timeout, "timeout");
	}

	private static Duration positive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("spring.ai.relay.health." + property
					+ " must be a positive duration, such as 5m or 10s, but was " + duration);
		}
		return duration;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.unknown().withDetail("gateway", this.gateway);
		if (this.model != null) {
			health.withDetail("model", this.model);
		}
		List<ModelInfo> listed;
		try {
			listed = this.models.list().timeout(this.timeout).block();
		}
		catch (RelayAiException ex) {
			return health.down()
				.withDetail("category", ex.error().category().name())
				.withDetail("hint", ex.error().hint())
				.build();
		}
		catch (RuntimeException ex) {
			if (!(Exceptions.unwrap(ex) instanceof TimeoutException)) {
				throw ex;
			}
			return health.down()
				.withDetail("category", ErrorCategory.TIMEOUT.name())
				.withDetail("hint",
						"The gateway did not list its models within " + this.timeout
								+ "; check that it is up and reachable from here.")
				.build();
		}
		health.withDetail("models", listed.size());
		if (this.model == null || this.model.isBlank()) {
			return health.withDetail("hint", "No model is configured: set spring.ai.relay.chat.options.model.").build();
		}
		if (listed.stream().noneMatch(info -> info.answersTo(this.model))) {
			return health.status(this.notListed)
				.withDetail("category", ErrorCategory.MODEL_NOT_FOUND.name())
				.withDetail("warning", "The gateway does not list model '" + this.model + "' at /v1/models (by id or "
						+ "alias). Some servers (llama.cpp) answer to any name; if calls fail, check "
						+ "spring.ai.relay.chat.options.model and the gateway's channels for it." + similar(listed))
				.build();
		}
		return health.up().build();
	}

	private String similar(List<ModelInfo> listed) {
		return listed.stream()
			.flatMap(info -> java.util.stream.Stream.concat(java.util.stream.Stream.of(info.id()),
					info.aliases().stream()))
			.filter(id -> id.equalsIgnoreCase(this.model))
			.findFirst()
			.map(id -> " It does list '" + id + "'.")
			.orElse("");
	}

}
