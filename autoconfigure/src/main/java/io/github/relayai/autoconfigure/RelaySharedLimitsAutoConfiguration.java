package io.github.relayai.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.relayai.error.ProviderErrorClassifier;
import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.RedissonSharedLimits;
import io.github.relayai.resilience.SharedLimiter;
import io.github.relayai.resilience.SharedLimits;
import org.redisson.api.RedissonClient;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shares the concurrency limit and the rate limit of the Relay chat model among all
 * instances of the application through Redis, when
 * {@code spring.ai.relay.resilience.shared.enabled=true}: a {@link SharedLimits} kept by
 * Redisson, connected from Spring Boot's {@code spring.data.redis.*} (or the
 * application's own {@link RedissonClient}), and a {@link SharedLimiter} added to the
 * {@link Resilience4jPolicy}. Its meters are published by
 * {@link RelayMetricsAutoConfiguration}.
 */
@AutoConfiguration(after = RelayErrorAutoConfiguration.class, before = RelayResilienceAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties({ RelaySharedLimitsProperties.class, RelayResilienceProperties.class,
		RelayConnectionProperties.class, RelayChatProperties.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelaySharedLimitsProperties.PREFIX, name = "enabled", havingValue = "true")
public class RelaySharedLimitsAutoConfiguration {

	/** The lease's margin over {@code spring.ai.relay.chat.deadline}. */
	static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

	/** The lease without a deadline. */
	static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

	@Bean
	@ConditionalOnMissingBean(name = "relaySharedLimiter")
	RelayResilienceCustomizer relaySharedLimiter(ObjectProvider<SharedLimits> limits,
			RelaySharedLimitsProperties shared, RelayResilienceProperties resilience,
			RelayConnectionProperties connection, RelayChatProperties chat,
			ObjectProvider<ProviderErrorClassifier> classifier) {
		SharedLimits store = store(limits);
		SharedLimiter limiter = limiter(
				() -> builder(store, shared, chat, classifier).key(shared.getKeyPrefix() + ":" + global(connection))
					.bulkhead(resilience.getBulkhead().toSettings())
					.rateLimiter(resilience.getRateLimiter().toSettings())
					.build());
		return builder -> builder.sharedLimiter(limiter);
	}

	/** The store of the shared limits, or a clear startup failure without Redis. */
	static SharedLimits store(ObjectProvider<SharedLimits> limits) {
		SharedLimits store = limits.getIfUnique();
		if (store == null) {
			throw new RelayConfigurationException(RelaySharedLimitsProperties.PREFIX + ".enabled",
					"shared limits are enabled but there is no Redis connection",
					"Add org.redisson:redisson and spring-boot-starter-data-redis to the application and set "
							+ "spring.data.redis.host (or url), or turn shared limits off; see docs/resilience.md.",
					null);
		}
		return store;
	}

	/**
	 * A limiter builder with the shared settings: the lease (by default the chat deadline
	 * plus {@link #LEASE_MARGIN}, or 10 minutes without a deadline), timeouts, the
	 * behaviour while Redis fails and the language of hints.
	 */
	static SharedLimiter.Builder builder(SharedLimits store, RelaySharedLimitsProperties shared,
			RelayChatProperties chat, ObjectProvider<ProviderErrorClassifier> classifier) {
		return SharedLimiter.builder(store)
			.lease(lease(shared, chat))
			.storeTimeout(shared.getRedisTimeout())
			.retryInterval(shared.getRetryInterval())
			.onStoreFailure(shared.getOnRedisFailure())
			.locale(classifier.getIfAvailable(ProviderErrorClassifier::new).locale());
	}

	/** Builds a limiter; a bad setting becomes a startup failure naming it. */
	static SharedLimiter limiter(Supplier<SharedLimiter> limiter) {
		try {
			return limiter.get();
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(RelaySharedLimitsProperties.PREFIX, ex.getMessage(),
					"Correct the property named above; see docs/resilience.md (Scaling out).", ex);
		}
	}

	static Duration lease(RelaySharedLimitsProperties shared, RelayChatProperties chat) {
		if (shared.getLease() != null) {
			return shared.getLease();
		}
		Duration deadline = chat.getDeadline();
		return (deadline != null && !deadline.isNegative() && !deadline.isZero()) ? deadline.plus(LEASE_MARGIN)
				: DEFAULT_LEASE;
	}

	/**
	 * The part of the global limits' keys that names the gateways: with
	 * {@code spring.ai.relay.base-url} alone, a hash of it and its API key; with
	 * upstreams, a hash of every upstream's name, base URL and API key.
	 */
	static String global(RelayConnectionProperties connection) {
		if (connection.getUpstreams().isEmpty()) {
			return hash(connection.getBaseUrl(), connection.getApiKey());
		}
		StringBuilder all = new StringBuilder(hash(connection.getBaseUrl(), connection.getApiKey()));
		new TreeMap<>(connection.getUpstreams()).forEach((name, upstream) -> all.append('\n')
			.append(name)
			.append('\n')
			.append(hash(upstream.getBaseUrl(), upstream.getApiKey())));
		return hash(all.toString(), null);
	}

	/**
	 * A hash of a base URL and an API key, so the key itself never reaches Redis: 16 hex
	 * digits of their SHA-256.
	 */
	static String hash(String baseUrl, String apiKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((Objects.toString(baseUrl, "") + "\n" + Objects.toString(apiKey, ""))
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * The store in Redis, through Redisson.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedissonClient.class, DataRedisAutoConfiguration.class })
	static class Redis {

		@Bean(destroyMethod = "shutdown")
		@ConditionalOnMissingBean(RedissonClient.class)
		@ConditionalOnBean(DataRedisConnectionDetails.class)
		RedissonClient relaySharedLimitsRedisson(DataRedisConnectionDetails connection,
				RelaySharedLimitsProperties shared) {
			return RelayRedisson.create(connection, shared.getRedisTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(RedissonClient.class)
		SharedLimits relaySharedLimits(RedissonClient redisson) {
			return RedissonSharedLimits.of(redisson);
		}

	}

}
