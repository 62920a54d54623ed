package io.github.relayai.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link RelayConfigurationException} into a start-up report that names the
 * property and shows how to set it.
 */
class RelayConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RelayConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RelayConfigurationException cause) {
		return new FailureAnalysis("Relay AI cannot start: " + cause.getMessage(), cause.getAction(), cause);
	}

}
