package io.github.relayai.sample.report.input;

/** One row of {@code devices.csv}. */
public record Device(String id, String name, DeviceType type, String vendor, String model, String mgmtIp,
		String location, String haRole, String businessSystem) {
}
