package io.github.relayai.autoconfigure;

/**
 * A {@code spring.ai.relay.*} property is missing or unusable; reported at start-up by
 * {@link RelayConfigurationFailureAnalyzer} with the property to fix and an example.
 */
public class RelayConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property at fault, such as {@code spring.ai.relay.base-url}
	 * @param problem what is wrong; builder parameters it names (core's messages name
	 * those) are replaced by their {@code spring.ai.relay.*} properties
	 * @param action what to do, with an example
	 * @param cause the underlying failure, may be {@code null}
	 */
	public RelayConfigurationException(String property, String problem, String action, Throwable cause) {
		super(PropertyNames.translate(problem), cause);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
