package io.github.relayai.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Assumptions;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A real {@code redis-server} (Debian's package, installed by {@code .ci/run}) started on
 * a free loopback port, without persistence, and stopped by {@link #close()}. With
 * {@code CI=true} a missing {@code redis-server} fails the test; elsewhere the test is
 * skipped with a message.
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration READY = Duration.ofSeconds(10);

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	/**
	 * Starts a server on a free loopback port.
	 * @return the running server
	 */
	public static RedisServer start() {
		String binary = binary();
		if (binary == null) {
			String message = "redis-server is not installed (apt-get install redis-server); Redis tests skipped";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message.replace("skipped", "must run with CI=true"));
			}
			Assumptions.abort(message);
		}
		RedisServer server = new RedisServer(freePort());
		server.resume();
		return server;
	}

	/** The address for a Redis client, {@code redis://127.0.0.1:port}. */
	public String address() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * A Redisson client of this server whose commands time out after 1 s, without
	 * retries; the caller shuts it down.
	 */
	public RedissonClient client() {
		Config config = new Config();
		config.useSingleServer()
			.setAddress(address())
			.setTimeout(1000)
			.setConnectTimeout(5000)
			.setRetryAttempts(0)
			.setConnectionMinimumIdleSize(1)
			.setConnectionPoolSize(8)
			.setSubscriptionConnectionMinimumIdleSize(1);
		config.setNettyThreads(4);
		return Redisson.create(config);
	}

	/** The port. */
	public int port() {
		return this.port;
	}

	/** Stops the server (its data are lost); {@link #resume()} starts it again. */
	public void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/** Starts the server again on the same port, empty, and waits until it answers. */
	public void resume() {
		try {
			this.process = new ProcessBuilder(binary(), "--port", String.valueOf(this.port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--protected-mode", "yes")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("redis-server did not start", ex);
		}
		long deadline = System.nanoTime() + READY.toNanos();
		while (!answers()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				stop();
				throw new IllegalStateException(
						"redis-server did not answer on port " + this.port + " within " + READY);
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	@Override
	public void close() {
		stop();
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, 7);
			return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String binary() {
		for (String directory : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
			Path candidate = Path.of(directory, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port", ex);
		}
	}

}
