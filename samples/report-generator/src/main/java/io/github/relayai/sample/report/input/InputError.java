package io.github.relayai.sample.report.input;

/**
 * One problem in an input file, located by 1-based line and column (column 0 when the
 * whole line or file is meant).
 */
public record InputError(String file, int line, int column, String message) {

	@Override
	public String toString() {
		return column > 0 ? file + ":" + line + ":" + column + ": " + message : file + ":" + line + ": " + message;
	}
}
