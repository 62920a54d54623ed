package io.github.relayai.sample.report.checks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.relayai.sample.report.input.CheckRow;
import io.github.relayai.sample.report.input.Device;

/**
 * Rates every device: the latest reading of each item (in the order items first appear)
 * is rated by the catalogue; a device's status is the worst of its items
 * ({@link CheckStatus#REVIEW} when it has no rated item at all).
 */
public final class DeviceInspector {

	private final Thresholds thresholds;

	private final LocalDate reference;

	/** {@code reference} is the last day of the period. */
	public DeviceInspector(Thresholds thresholds, LocalDate reference) {
		this.thresholds = thresholds;
		this.reference = reference;
	}

	/** Rates {@code devices} in their given order. */
	public List<DeviceResult> inspect(List<Device> devices, List<CheckRow> checks) {
		return devices.stream().map(d -> inspect(d, checks)).toList();
	}

	private DeviceResult inspect(Device device, List<CheckRow> checks) {
		Map<String, CheckRow> latest = new LinkedHashMap<>();
		for (CheckRow c : checks) {
			CheckRow seen = latest.get(c.item());
			if (c.deviceId().equals(device.id()) && (seen == null || !c.collectedAt().isBefore(seen.collectedAt()))) {
				latest.put(c.item(), c);
			}
		}
		List<ItemResult> items = latest.values().stream().map(c -> rate(c, latest)).toList();
		CheckStatus status = items.stream()
			.map(ItemResult::status)
			.filter(s -> s != CheckStatus.INFO)
			.reduce(CheckStatus::worse)
			.orElse(CheckStatus.REVIEW);
		return new DeviceResult(device, items, status);
	}

	private ItemResult rate(CheckRow row, Map<String, CheckRow> latest) {
		return CheckCatalogue.rule(row.item())
			.map(rule -> rule.rate(row, latest, thresholds, reference))
			.orElseGet(() -> ItemResult.of(row.item(), ValueReader.lenient(row),
					CheckCatalogue.isInformational(row.item()) ? CheckStatus.INFO : CheckStatus.REVIEW, row.note()));
	}

}
