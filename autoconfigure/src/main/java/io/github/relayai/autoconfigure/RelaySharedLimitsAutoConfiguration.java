package io.github.relayai.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

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
		RelayConnectionProperties.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = RelayChatAutoConfiguration.MODEL_ID,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelayChatProperties.PREFIX, name = "enabled", havingValue = "true",
		matchIfMissing = true)
@ConditionalOnProperty(prefix = RelaySharedLimitsProperties.PREFIX, name = "enabled", havingValue = "true")
public class RelaySharedLimitsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "relaySharedLimiter")
	RelayResilienceCustomizer relaySharedLimiter(ObjectProvider<SharedLimits> limits,
			RelaySharedLimitsProperties shared, RelayResilienceProperties resilience,
			RelayConnectionProperties connection, ObjectProvider<ProviderErrorClassifier> classifier) {
		SharedLimits store = limits.getIfUnique();
		if (store == null) {
			throw new RelayConfigurationException(RelaySharedLimitsProperties.PREFIX + ".enabled",
					"shared limits are enabled but there is no Redis connection",
					"Add org.redisson:redisson and spring-boot-starter-data-redis to the application and set "
							+ "spring.data.redis.host (or url), or turn shared limits off; see docs/resilience.md.",
					null);
		}
		try {
			SharedLimiter limiter = SharedLimiter.builder(store)
				.key(shared.getKeyPrefix() + ":" + upstream(connection))
				.bulkhead(resilience.getBulkhead().toSettings())
				.rateLimiter(resilience.getRateLimiter().toSettings())
				.lease(shared.getLease())
				.storeTimeout(shared.getRedisTimeout())
				.retryInterval(shared.getRetryInterval())
				.onStoreFailure(shared.getOnRedisFailure())
				.locale(classifier.getIfAvailable(ProviderErrorClassifier::new).locale())
				.build();
			return builder -> builder.sharedLimiter(limiter);
		}
		catch (IllegalArgumentException ex) {
			throw new RelayConfigurationException(RelaySharedLimitsProperties.PREFIX, ex.getMessage(),
					"Correct the property named above; see docs/resilience.md (Scaling out).", ex);
		}
	}

	/**
	 * The upstream's part of the keys: a hash of the base URL and API key, so the key
	 * itself never reaches Redis.
	 */
	static String upstream(RelayConnectionProperties connection) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((Objects.toString(connection.getBaseUrl(), "") + "\n"
					+ Objects.toString(connection.getApiKey(), ""))
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
