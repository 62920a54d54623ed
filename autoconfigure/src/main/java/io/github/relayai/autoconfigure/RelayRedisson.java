package io.github.relayai.autoconfigure;

import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;

/**
 * Creates the Redisson client of the shared limits from Spring Boot's Redis connection
 * ({@code spring.data.redis.*}: standalone, sentinel or cluster, with username, password
 * and database). Commands time out after {@code redis-timeout}; Redisson retries a
 * command twice, a tenth of that apart, so a pooled connection broken by a Redis restart
 * is replaced instead of failing the call (the shared limiter bounds each operation as a
 * whole anyway).
 */
final class RelayRedisson {

	private RelayRedisson() {
	}

	static RedissonClient create(DataRedisConnectionDetails connection, Duration timeout) {
		Config config = new Config();
		String scheme = (connection.getSslBundle() != null) ? "rediss://" : "redis://";
		BaseConfig<?> servers;
		if (connection.getCluster() != null) {
			var cluster = config.useClusterServers();
			connection.getCluster().getNodes().forEach(node -> cluster.addNodeAddress(address(scheme, node)));
			servers = cluster;
		}
		else if (connection.getSentinel() != null) {
			DataRedisConnectionDetails.Sentinel sentinel = connection.getSentinel();
			var sentinels = config.useSentinelServers()
				.setMasterName(sentinel.getMaster())
				.setDatabase(sentinel.getDatabase())
				.setSentinelUsername(sentinel.getUsername())
				.setSentinelPassword(sentinel.getPassword())
				.setCheckSentinelsList(false);
			sentinel.getNodes().forEach(node -> sentinels.addSentinelAddress(address(scheme, node)));
			servers = sentinels;
		}
		else {
			DataRedisConnectionDetails.Standalone standalone = connection.getStandalone();
			servers = config.useSingleServer()
				.setAddress(scheme + standalone.getHost() + ":" + standalone.getPort())
				.setDatabase(standalone.getDatabase())
				.setConnectionMinimumIdleSize(1)
				.setSubscriptionConnectionMinimumIdleSize(1);
		}
		int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		servers.setUsername(connection.getUsername())
			.setPassword(connection.getPassword())
			.setTimeout(millis)
			.setConnectTimeout(millis)
			.setRetryAttempts(2)
			.setRetryInterval(Math.max(1, millis / 10));
		return Redisson.create(config);
	}

	private static String address(String scheme, Node node) {
		return scheme + node.host() + ":" + node.port();
	}

}
