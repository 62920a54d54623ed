package io.github.relayai.autoconfigure;

import java.time.Duration;

import io.github.relayai.resilience.Resilience4jPolicy;
import io.github.relayai.resilience.ResiliencePolicy;
import io.github.relayai.resilience.SharedLimiter.OnStoreFailure;
import io.github.relayai.resilience.SharedLimits;
import io.github.relayai.testsupport.RedisServer;
import io.github.relayai.upstream.UpstreamPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RelaySharedLimitsAutoConfiguration}: off unless enabled, connected from
 * {@code spring.data.redis.*}, a clear startup failure without a Redis connection, and
 * its meters.
 */
class RelaySharedLimitsAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RelayErrorAutoConfiguration.class,
				RelayConnectionAutoConfiguration.class, RelaySharedLimitsAutoConfiguration.class,
				RelayResilienceAutoConfiguration.class, RelayUpstreamAutoConfiguration.class,
				RelayChatAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
		.withPropertyValues("spring.ai.relay.base-url=http://localhost:1", "spring.ai.relay.api-key=sk-secret-key",
				"spring.ai.relay.chat.options.model=m");

	@Test
	void offByDefaultTheLocalLimitsApplyAndNoRedisClientIsCreated() {
		this.runner.run(context -> {
			assertThat(context).doesNotHaveBean(SharedLimits.class).doesNotHaveBean(RedissonClient.class);
			assertThat(((Resilience4jPolicy) context.getBean(ResiliencePolicy.class)).sharedLimiter()).isNull();
		});
	}

	@Test
	void enabledWithoutRedissonTheApplicationDoesNotStart() {
		this.runner.withClassLoader(new FilteredClassLoader(RedissonClient.class))
			.withPropertyValues("spring.ai.relay.resilience.shared.enabled=true")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(RelayConfigurationException.class)
				.hasMessageContaining("no Redis connection"));
	}

	@Test
	void enabledWithRedisTheLimitsAreSharedAndMetered() {
		try (RedisServer redis = RedisServer.start()) {
			this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
				.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
						"spring.ai.relay.resilience.shared.enabled=true",
						"spring.ai.relay.resilience.shared.on-redis-failure=reject",
						"spring.ai.relay.resilience.shared.lease=2m")
				.run(context -> {
					assertThat(context).hasSingleBean(SharedLimits.class).hasSingleBean(RedissonClient.class);
					// base-url alone: no upstreams, no per-upstream limits, the key as
					// before
					assertThat(context).doesNotHaveBean(UpstreamPool.class)
						.doesNotHaveBean(RelaySharedLimitsUpstreams.class);
					assertThat(context.getBean(RelaySharedLimitsProperties.class).getOnRedisFailure())
						.isEqualTo(OnStoreFailure.REJECT);
					Resilience4jPolicy policy = (Resilience4jPolicy) context.getBean(ResiliencePolicy.class);
					assertThat(policy.sharedLimiter()).isNotNull();
					assertThat(policy.sharedLimiter().maxConcurrentCalls()).isEqualTo(16);
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					context.getBean("relaySharedLimitsMeterBinder", MeterBinder.class).bindTo(meters);
					assertThat(meters.get(RelaySharedLimitsMetrics.PERMITS).tag("scope", "cluster").gauge().value())
						.isZero();
					assertThat(meters.get(RelaySharedLimitsMetrics.PERMITS).tag("scope", "local").gauge().value())
						.isZero();
					assertThat(meters.get(RelaySharedLimitsMetrics.REDIS_UP).gauge().value()).isEqualTo(1);
					assertThat(meters.get(RelaySharedLimitsMetrics.REJECTIONS).functionCounter().count()).isZero();
					assertThat(meters.get(RelaySharedLimitsMetrics.REDIS_FAILURES).functionCounter().count()).isZero();
					assertThat(meters.get(RelaySharedLimitsMetrics.WAIT).functionTimer().count()).isZero();
				});
		}
	}

	@Test
	void theApiKeyNeverReachesRedisKeys() {
		RelayConnectionProperties connection = new RelayConnectionProperties();
		connection.setBaseUrl("https://gateway.example/v1");
		connection.setApiKey("sk-secret-key");
		String upstream = RelaySharedLimitsAutoConfiguration.hash(connection.getBaseUrl(), connection.getApiKey());
		assertThat(upstream).hasSize(16).doesNotContain("secret");
		connection.setApiKey("sk-other-key");
		assertThat(RelaySharedLimitsAutoConfiguration.hash(connection.getBaseUrl(), connection.getApiKey()))
			.isNotEqualTo(upstream);
	}

	@Test
	void theLeaseCoversTheDeadlineWithAMarginUnlessSet() {
		RelaySharedLimitsProperties shared = new RelaySharedLimitsProperties();
		RelayChatProperties chat = new RelayChatProperties();
		assertThat(RelaySharedLimitsAutoConfiguration.lease(shared, chat)).isEqualTo(Duration.ofMinutes(10));
		chat.setDeadline(Duration.ofMinutes(3));
		assertThat(RelaySharedLimitsAutoConfiguration.lease(shared, chat)).isEqualTo(Duration.ofMinutes(4));
		shared.setLease(Duration.ofSeconds(90));
		assertThat(RelaySharedLimitsAutoConfiguration.lease(shared, chat)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void theGlobalKeyOfBaseUrlAloneIsAsBeforeAndUpstreamsChangeIt() {
		RelayConnectionProperties connection = new RelayConnectionProperties();
		connection.setBaseUrl("https://gateway.example/v1");
		connection.setApiKey("sk-secret-key");
		String alone = RelaySharedLimitsAutoConfiguration.global(connection);
		assertThat(alone)
			.isEqualTo(RelaySharedLimitsAutoConfiguration.hash("https://gateway.example/v1", "sk-secret-key"));
		RelayConnectionProperties.UpstreamSettings other = new RelayConnectionProperties.UpstreamSettings();
		other.setBaseUrl("https://backup.example/v1");
		other.setApiKey("sk-other-secret");
		connection.getUpstreams().put("backup", other);
		String withUpstreams = RelaySharedLimitsAutoConfiguration.global(connection);
		assertThat(withUpstreams).hasSize(16).isNotEqualTo(alone).doesNotContain("secret");
		other.setApiKey("sk-third-secret");
		assertThat(RelaySharedLimitsAutoConfiguration.global(connection)).isNotEqualTo(withUpstreams);
	}

}
