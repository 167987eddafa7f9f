package org.frontline.supplies.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Raises and clears the module's alerts by kind: every check names all the conditions of its kind that hold now;
 * those not raised yet are raised, those raised before and gone are cleared. Raising again is harmless.
 */
@Component
public class SuppliesAlerts {

	public static final String SOURCE = "supplies";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SuppliesAlerts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** One alert that holds now. */
	public record Condition(String key, AlertSeverity severity, String area, String titleKey, List<String> args,
			String href, Instant deadline) {
	}

	/** Makes the raised alerts whose key starts with {@code kind} exactly {@code holding}; how many were raised anew. */
	public int reconcile(String kind, List<Condition> holding) {
		Instant now = clock.instant();
		Set<String> raised = new HashSet<>(jdbc.sql("SELECT key FROM supplies_alert WHERE key LIKE :kind || '%'")
			.param("kind", kind)
			.query(String.class)
			.list());
		Map<String, Condition> byKey = new LinkedHashMap<>();
		holding.forEach(condition -> byKey.put(condition.key(), condition));
		int fresh = 0;
		for (Condition condition : byKey.values()) {
			if (raised.remove(condition.key())) {
				continue;
			}
			jdbc.sql("INSERT INTO supplies_alert (key, raised_at) VALUES (:key, :at) ON CONFLICT (key) DO NOTHING")
				.param("key", condition.key())
				.param("at", java.sql.Timestamp.from(now))
				.update();
			events.publishEvent(new AlertRaised(SOURCE, condition.key(), condition.severity(), condition.area(),
					condition.titleKey(), condition.args(), condition.href(), condition.deadline(), now));
			fresh++;
		}
		for (String gone : raised) {
			jdbc.sql("DELETE FROM supplies_alert WHERE key = :key").param("key", gone).update();
			events.publishEvent(new AlertCleared(SOURCE, gone, now));
		}
		return fresh;
	}
}
