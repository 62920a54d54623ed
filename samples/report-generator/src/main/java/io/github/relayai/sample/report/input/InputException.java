package io.github.relayai.sample.report.input;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a client's input folder does not validate; carries every error found, not
 * just the first.
 */
public class InputException extends RuntimeException {

	private final transient List<InputError> errors;

	/** Creates the exception for a non-empty list of errors. */
	public InputException(List<InputError> errors) {
		super(errors.stream().map(InputError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	/** The errors, in file and line order. */
	public List<InputError> errors() {
		return errors;
	}

}
