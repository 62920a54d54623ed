package io.github.relayai.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Fails start-up when a property that was renamed is still set (in any form Spring Boot
 * binds: properties, YAML, environment variables), naming its new name, so that an old
 * setting never passes silently. The renames are listed in CHANGELOG.md and in the
 * configuration metadata as deprecations with their replacement.
 */
final class RelayRenamedProperties implements InitializingBean {

	/** New names by old name. */
	static final Map<String, String> RENAMED = renamed();

	private final Environment environment;

	RelayRenamedProperties(Environment environment) {
		this.environment = environment;
	}

	private static Map<String, String> renamed() {
		Map<String, String> renamed = new LinkedHashMap<>();
		renamed.put("spring.ai.relay.images.max-per-request", "spring.ai.relay.input-images.max-per-request");
		renamed.put("spring.ai.relay.images.max-bytes", "spring.ai.relay.input-images.max-bytes");
		return renamed;
	}

	@Override
	public void afterPropertiesSet() {
		Binder binder = Binder.get(this.environment);
		RENAMED.forEach((old, replacement) -> {
			if (binder.bind(old, String.class).isBound()) {
				throw new RelayConfigurationException(old,
						old + " was renamed to " + replacement + " and is no longer read (" + old + " 已更名为 "
								+ replacement + "，旧名称不再生效).",
						"Rename " + old + " to " + replacement + " (see CHANGELOG.md). 请将 " + old + " 改为 " + replacement
								+ "（见 CHANGELOG.md）。",
						null);
			}
		});
	}

}
