package io.github.relayai.autoconfigure;

import io.github.relayai.chat.RelayChatModel;
import io.github.relayai.exchange.RequestListener;
import io.github.relayai.image.RelayImageModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RelayMetricsAutoConfiguration}: which meters exist for which parts, and how they
 * back off.
 */
class RelayMetricsAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
						RelaySharedLimitsAutoConfiguration.class, RelayResilienceAutoConfiguration.class,
						RelayUpstreamAutoConfiguration.class, RelayChatAutoConfiguration.class,
						RelayImageAutoConfiguration.class, RelayMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.ai.relay.base-url=https://gateway.example.com/v1",
				"spring.ai.relay.chat.options.model=m");

	@Test
	void withOneGatewayTheRequestRoutingAndResilienceMetersExist() {
		this.runner.run(context -> assertThat(context).hasBean("relayRequestMetrics")
			.hasBean("relayEndpointRouterMetrics")
			.hasBean("relayFailureCounter")
			.hasBean("relayQueueMeterBinder")
			.hasBean("relayResilienceMeterBinder")
			.doesNotHaveBean("relayUpstreamFailureCounter")
			.doesNotHaveBean("relayUpstreamMeterBinder")
			.doesNotHaveBean("relaySharedLimitsMeterBinder"));
	}

	@Test
	void upstreamsAddTheirMeters() {
		this.runner.withPropertyValues("spring.ai.relay.upstreams.b.base-url=https://b.example.com/v1")
			.run(context -> assertThat(context).hasBean("relayUpstreamFailureCounter")
				.hasBean("relayUpstreamMeterBinder"));
	}

	@Test
	void withoutTheChatModelOnlyTheRequestMetersRemain() {
		this.runner
			.withPropertyValues("spring.ai.model.chat=openai",
					"spring.ai.relay.image.options.model=gemini-3-pro-image-preview")
			.run(context -> assertThat(context).hasSingleBean(RelayImageModel.class)
				.hasBean("relayRequestMetrics")
				.doesNotHaveBean("relayFailureCounter")
				.doesNotHaveBean("relayQueueMeterBinder")
				.doesNotHaveBean("relayResilienceMeterBinder"));
	}

	@Test
	void withoutMicrometerThereAreNoMetersAndTheModelStillWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run(context -> assertThat(context).hasSingleBean(RelayChatModel.class)
				.doesNotHaveBean("relayRequestMetrics")
				.doesNotHaveBean("relayQueueMeterBinder"));
	}

	@Test
	void aBeanOfTheSameNameReplacesAMeter() {
		RequestListener own = record -> {
		};
		this.runner.withBean("relayRequestMetrics", RequestListener.class, () -> own)
			.run(context -> assertThat(context.getBean("relayRequestMetrics")).isSameAs(own));
	}

}
