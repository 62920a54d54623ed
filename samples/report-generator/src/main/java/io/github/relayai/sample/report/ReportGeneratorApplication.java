package io.github.relayai.sample.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The report generator:
 * {@code java -jar report-generator.jar generate --input <folder> [--month YYYY-MM]
 * --output <folder> [--lang zh|en] [--llm] [--mask]}. {@code --mask} sends placeholders
 * instead of client names and IP addresses to the model. {@code --llm} switches the model
 * on (Relay starter, configured by {@code SPRING_AI_RELAY_BASE_URL} /
 * {@code SPRING_AI_RELAY_API_KEY}); by default everything runs offline.
 */
@SpringBootApplication
public class ReportGeneratorApplication {

	/** Starts the app and exits with the command's code. */
	public static void main(String[] args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (all.remove("--llm")) {
			all.add("--spring.ai.model.chat=relay");
		}
		if (all.remove("--mask")) {
			all.add("--report.mask=true");
		}
		System.exit(SpringApplication
			.exit(SpringApplication.run(ReportGeneratorApplication.class, all.toArray(String[]::new))));
	}

}
