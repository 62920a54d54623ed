package io.github.relayai.autoconfigure;

import io.github.relayai.exchange.RequestListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operating Relay: Micrometer request metrics ({@link RelayMetrics}) and, with Actuator,
 * a {@link SanitizingFunction} that masks Relay's secrets. Each part is active only when
 * its library is on the class path; the health indicator is in
 * {@link RelayHealthAutoConfiguration}.
 */
@AutoConfiguration(before = RelayChatAutoConfiguration.class)
public class RelayActuatorAutoConfiguration {

	/** Request metrics, given to the chat model as a {@link RequestListener}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class Metrics {

		@Bean
		@ConditionalOnMissingBean(name = "relayRequestMetrics")
		RequestListener relayRequestMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
			MeterRegistry meters = meterRegistry.getIfUnique();
			return (meters != null) ? new RelayMetrics(meters) : record -> {
			};
		}

	}

	/** Masks the API key and credential headers in actuator endpoints. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class Sanitizing {

		@Bean
		@ConditionalOnMissingBean(name = "relaySanitizingFunction")
		SanitizingFunction relaySanitizingFunction() {
			return new RelaySanitizingFunction();
		}

	}

}
