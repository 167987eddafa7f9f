package org.frontline.zones.internal;

import java.util.Locale;

import org.frontline.shared.Message;
import org.frontline.zones.ZoneLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The names levels are shown by, a setting ({@code frontline.zones.level-names}): {@code zone} for 封控区, 管控区,
 * 防范区 (the names of early 2022), {@code risk} for 高风险区, 中风险区, 低风险区 (the protocol's 9th edition, June
 * 2022). Pages write {@code #{${@zoneNames.key(level)}}}.
 */
@Component("zoneNames")
public class ZoneNames {

	private final String scheme;

	ZoneNames(@Value("${frontline.zones.level-names:zone}") String scheme) {
		String chosen = scheme == null ? "zone" : scheme.strip().toLowerCase(Locale.ROOT);
		if (!chosen.equals("zone") && !chosen.equals("risk")) {
			throw new IllegalArgumentException("frontline.zones.level-names is 'zone' or 'risk', not '" + scheme + "'");
		}
		this.scheme = chosen;
	}

	/** The message key of a level's display name; an empty key for no level. */
	public String key(ZoneLevel level) {
		return level == null ? "zones.level.none" : "zones.level." + scheme + "." + level.name();
	}

	public Message name(ZoneLevel level) {
		return Message.of(key(level));
	}
}
