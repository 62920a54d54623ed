package io.github.relayai.sample.report.checks;

import java.util.List;

import io.github.relayai.sample.report.input.Device;

/**
 * A device with its rated items (catalogue order, then the rest) and its overall status,
 * the worst of them.
 */
public record DeviceResult(Device device, List<ItemResult> items, CheckStatus status) {
}
