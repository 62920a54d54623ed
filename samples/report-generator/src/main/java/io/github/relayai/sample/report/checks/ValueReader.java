package io.github.relayai.sample.report.checks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

import io.github.relayai.sample.report.i18n.LocalizedException;
import io.github.relayai.sample.report.i18n.Message;
import io.github.relayai.sample.report.input.CheckRow;
import io.github.relayai.sample.report.input.Notation;

/**
 * Reads an exported check value by its item's {@link ValueType}, whatever the spelling:
 * {@code 126天}, {@code 126 days}, {@code 126} with unit {@code d}; {@code 1,250台};
 * {@code true/false}, {@code 1/0}, {@code yes/no}, {@code 是/否}, {@code 正常/异常};
 * {@code block} or {@code 阻断}; full-width digits. A value that cannot be read as its
 * type, or a unit that contradicts it, is refused with a message saying what is accepted.
 */
public final class ValueReader {

	private static final Set<String> NO_VALUE = Set.of("", "n/a", "na", "-", "--", "—", "null", "none", "unknown", "无",
			"未知", "无数据", "未采集");

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "正常", "ok", "on", "enabled", "enable",
			"启用", "开启", "已启用", "已开启", "已同步", "同步", "normal");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "异常", "故障", "fail", "failed", "fault",
			"off", "disabled", "disable", "禁用", "关闭", "已禁用", "已关闭", "未同步", "未启用", "abnormal");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
		.withResolverStyle(ResolverStyle.STRICT);

	private ValueReader() {
	}

	/**
	 * Reads {@code value} (with {@code unit}, possibly empty) of {@code item}.
	 * @throws LocalizedException saying what is accepted when it cannot be read
	 */
	public static CheckValue read(String item, String value, String unit) {
		ValueType type = CheckCatalogue.type(item);
		String raw = unit.isBlank() || value.strip().endsWith(unit.strip()) ? value.strip()
				: value.strip() + unit.strip();
		String v = Notation.plain(value).toLowerCase(Locale.ROOT);
		String u = Notation.plain(unit).toLowerCase(Locale.ROOT);
		if (NO_VALUE.contains(v)) {
			return CheckValue.none(type, raw);
		}
		return switch (type) {
			case PERCENT, COUNT, DAYS, CELSIUS -> new CheckValue(type, number(type, v, u, raw), null, null, raw);
			case DATE -> new CheckValue(type, null, date(v, raw), null, raw);
			case HEALTH, YES_NO -> new CheckValue(type, null, null, bool(v, raw), raw);
			case WORD -> new CheckValue(type, null, null, CheckCatalogue.word(item, v), raw);
			case TEXT -> new CheckValue(type, null, null, raw, raw);
		};
	}

	/**
	 * The value of {@code row} for rating: a value the reader refuses counts as no value
	 * (the input reader has already reported it with its line and column).
	 */
	static CheckValue lenient(CheckRow row) {
		try {
			return read(row.item(), row.value(), row.unit());
		}
		catch (IllegalArgumentException unreadable) {
			return CheckValue.none(CheckCatalogue.type(row.item()), row.value());
		}
	}

	private static BigDecimal number(ValueType type, String v, String u, String raw) {
		String suffix = type.units()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.filter(v::endsWith)
			.findFirst()
			.orElse("");
		BigDecimal n = Notation.decimal(v.substring(0, v.length() - suffix.length()));
		boolean unitOk = u.isEmpty() || type.units().contains(u);
		if (n == null || !unitOk) {
			throw new LocalizedException(Message.of("error.value.units", raw, Message.of("expected." + type),
					String.join(" ", type.units().stream().sorted().toList())));
		}
		return n;
	}

	private static LocalDate date(String v, String raw) {
		String iso = v.replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-").replace("日", "");
		try {
			return LocalDate.parse(iso, DATE);
		}
		catch (DateTimeParseException e) {
			throw notA(raw, "expected.checkDate");
		}
	}

	private static String bool(String v, String raw) {
		if (TRUE.contains(v)) {
			return "true";
		}
		if (FALSE.contains(v)) {
			return "false";
		}
		throw notA(raw, "expected.yesNo");
	}

	private static LocalizedException notA(String raw, String expected) {
		return new LocalizedException(Message.of("error.value.notA", raw, Message.of(expected)));
	}

}
