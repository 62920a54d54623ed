package io.github.relayai.sample.report.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One client's validated input for one month: everything the facts are computed from. */
public record InspectionData(Path folder, ReportMeta meta, List<Device> devices, List<CheckRow> checks,
		List<Alert> alerts, Optional<List<Vuln>> vulns, List<Issue> issues) {

	/** The device with {@code id}; callers pass ids the validator has already checked. */
	public Device device(String id) {
		return devices.stream()
			.filter(d -> d.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown device " + id));
	}
}
