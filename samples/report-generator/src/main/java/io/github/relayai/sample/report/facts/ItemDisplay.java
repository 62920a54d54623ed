package io.github.relayai.sample.report.facts;

import java.math.BigDecimal;

import io.github.relayai.sample.report.checks.CheckValue;
import io.github.relayai.sample.report.checks.ItemResult;
import io.github.relayai.sample.report.i18n.Texts;

/**
 * Shows a check item's value as a reader of the report's language expects, by the item's
 * type and never as the export's raw token: 126天 / 126 days, 3个, 1,250台, 是/否 or 正常/异常 as
 * the item means, 阻断 / Block; and names a rated item with its meaning for the findings
 * ("特征库已59天未更新").
 */
public final class ItemDisplay {

	private final Texts t;

	/** Values in the language of {@code texts}. */
	public ItemDisplay(Texts texts) {
		this.t = texts;
	}

	/**
	 * The value as the device tables show it, e.g. {@code 2026-09-02（59天前）} or
	 * {@code 1,180台 / 1,250台（94.4%）}.
	 */
	public String value(ItemResult i) {
		if (i.ratioPct() != null) {
			return t.t("fmt.ratio", plain(i.item(), i.value()), plain(i.item(), i.total()), percent(i.ratioPct()));
		}
		String v = plain(i.item(), i.value());
		if (i.days() == null) {
			return v;
		}
		if (!i.item().endsWith("_expiry")) {
			return v + t.t("fmt.daysOld", i.days());
		}
		return v + (i.days() < 0 ? t.t("fmt.expired", -i.days()) : t.t("fmt.daysLeft", i.days()));
	}

	/**
	 * What a rated item says, e.g. "特征库已59天未更新（最近更新2026-09-02）"; the label and value for
	 * items without a phrase of their own.
	 */
	public String phrase(ItemResult i) {
		String v = plain(i.item(), i.value());
		String days = i.days() == null ? "" : String.valueOf(Math.abs(i.days()));
		String key = "phrase." + i.item();
		if (i.item().endsWith("_expiry") && i.days() != null) {
			key += i.days() < 0 ? ".expired" : ".left";
		}
		String total = i.total() == null ? "" : plain(i.item(), i.total());
		String pct = i.ratioPct() == null ? "" : percent(i.ratioPct());
		String fallback = t.tOr("item." + i.item(), i.item()) + t.t("fmt.colon") + v;
		String phrase = t.tOr(key, fallback);
		return phrase.replace("{0}", v).replace("{1}", days).replace("{2}", total).replace("{3}", pct);
	}

	/** The value alone in the report's words. */
	private String plain(String item, CheckValue v) {
		if (!v.usable()) {
			return t.t("value.none");
		}
		return switch (v.type()) {
			case PERCENT -> percent(v.number());
			case COUNT -> t.t("fmt.count", grouped(v.number()), t.tOr("countUnit." + item, t.t("countUnit.default")));
			case DAYS -> t.t("fmt.days", grouped(v.number()));
			case CELSIUS -> t.t("fmt.celsius", grouped(v.number()));
			case DATE -> t.date(v.date());
			case HEALTH, YES_NO -> t.t("value." + v.type() + "." + v.word());
			case WORD -> t.tOr("word." + item + "." + v.word(), v.raw());
			case TEXT -> v.raw();
		};
	}

	private static String percent(BigDecimal pct) {
		return pct.stripTrailingZeros().toPlainString() + "%";
	}

	private String grouped(BigDecimal n) {
		BigDecimal plain = n.stripTrailingZeros();
		return plain.scale() <= 0 ? t.number(plain.longValueExact()) : plain.toPlainString();
	}

}
