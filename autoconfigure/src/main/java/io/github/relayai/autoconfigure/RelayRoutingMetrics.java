package io.github.relayai.autoconfigure;

import io.github.relayai.routing.EndpointRouter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Gives the endpoint router the application's {@link MeterRegistry} when Micrometer is on
 * the class path; kept apart so that Micrometer stays optional.
 */
final class RelayRoutingMetrics {

	private static final boolean PRESENT = ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry",
			RelayRoutingMetrics.class.getClassLoader());

	private RelayRoutingMetrics() {
	}

	static void apply(EndpointRouter.Builder builder, BeanFactory beanFactory) {
		if (PRESENT) {
			Registry.apply(builder, beanFactory);
		}
	}

	/** Only loaded when Micrometer is present. */
	private static final class Registry {

		static void apply(EndpointRouter.Builder builder, BeanFactory beanFactory) {
			beanFactory.getBeanProvider(MeterRegistry.class).ifUnique(builder::meterRegistry);
		}

	}

}
