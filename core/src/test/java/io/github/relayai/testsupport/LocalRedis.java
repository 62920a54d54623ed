package io.github.relayai.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * A {@link RedisServer} and a Redisson client of it for all tests of a class, stopped
 * after them. Register with
 * {@code @RegisterExtension static final LocalRedis redis = new LocalRedis();}.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback {

	private RedisServer server;

	private RedissonClient client;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = RedisServer.start();
		this.client = this.server.client();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.client != null) {
			this.client.shutdown();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	/** The server, from {@link #beforeAll} on. */
	public RedisServer server() {
		return this.server;
	}

	/** The client, from {@link #beforeAll} on. */
	public RedissonClient client() {
		return this.client;
	}

}
