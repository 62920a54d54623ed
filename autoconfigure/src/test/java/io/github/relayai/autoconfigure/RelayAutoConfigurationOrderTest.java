package io.github.relayai.autoconfigure;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Relay auto-configuration is listed in {@code AutoConfiguration.imports}, and
 * Spring Boot sorts them as their {@code before}/{@code after} say, whatever order they
 * come in.
 */
class RelayAutoConfigurationOrderTest {

	@Test
	void everyAutoConfigurationIsListed() throws Exception {
		MetadataReaderFactory readers = new CachingMetadataReaderFactory();
		Set<String> declared = new HashSet<>();
		for (Resource type : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + getClass().getPackageName().replace('.', '/') + "/*.class")) {
			AnnotationMetadata metadata = readers.getMetadataReader(type).getAnnotationMetadata();
			if (metadata.hasAnnotation(AutoConfiguration.class.getName())) {
				declared.add(metadata.getClassName());
			}
		}
		List<String> listed = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter(name -> name.startsWith(getClass().getPackageName()))
			.toList();
		assertThat(declared).hasSize(9);
		assertThat(listed).containsExactlyInAnyOrderElementsOf(declared);
	}

	@Test
	void theyAreSortedByConcern() {
		List<Class<?>> reversed = List.of(RelayActuatorAutoConfiguration.class, RelayMetricsAutoConfiguration.class,
				RelayImageAutoConfiguration.class, RelayChatAutoConfiguration.class,
				RelayUpstreamAutoConfiguration.class, RelayResilienceAutoConfiguration.class,
				RelaySharedLimitsAutoConfiguration.class, RelayConnectionAutoConfiguration.class,
				RelayErrorAutoConfiguration.class);
		List<Class<?>> sorted = Arrays
			.asList(Configurations.getClasses(AutoConfigurations.of(reversed.toArray(Class<?>[]::new))));
		assertBefore(sorted, RelayErrorAutoConfiguration.class, RelayConnectionAutoConfiguration.class);
		assertBefore(sorted, RelayConnectionAutoConfiguration.class, RelayChatAutoConfiguration.class);
		assertBefore(sorted, RelayConnectionAutoConfiguration.class, RelayImageAutoConfiguration.class);
		assertBefore(sorted, RelayConnectionAutoConfiguration.class, RelayUpstreamAutoConfiguration.class);
		assertBefore(sorted, RelaySharedLimitsAutoConfiguration.class, RelayResilienceAutoConfiguration.class);
		assertBefore(sorted, RelayResilienceAutoConfiguration.class, RelayUpstreamAutoConfiguration.class);
		assertBefore(sorted, RelayResilienceAutoConfiguration.class, RelayImageAutoConfiguration.class);
		assertBefore(sorted, RelayUpstreamAutoConfiguration.class, RelayChatAutoConfiguration.class);
		assertBefore(sorted, RelayUpstreamAutoConfiguration.class, RelayMetricsAutoConfiguration.class);
		assertBefore(sorted, RelayResilienceAutoConfiguration.class, RelayMetricsAutoConfiguration.class);
		assertBefore(sorted, RelayChatAutoConfiguration.class, RelayActuatorAutoConfiguration.class);
	}

	private static void assertBefore(List<Class<?>> sorted, Class<?> first, Class<?> then) {
		assertThat(sorted.indexOf(first)).as(first.getSimpleName() + " before " + then.getSimpleName())
			.isLessThan(sorted.indexOf(then));
	}

}
