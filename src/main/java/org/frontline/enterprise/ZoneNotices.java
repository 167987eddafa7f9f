package org.frontline.enterprise;

import org.frontline.zones.ClosedLoopLifted;
import org.frontline.zones.ClosedLoopOrdered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A control notice ordering an enterprise into closed loop starts its loop (from the notice's time, naming the
 * notice); one letting it out lifts the loop. An enterprise already in a loop stays in it (a notice extending the
 * order changes nothing here).
 */
@Component
class ZoneNotices {

	private final Loops loops;

	ZoneNotices(Loops loops) {
		this.loops = loops;
	}

	@ApplicationModuleListener
	void on(ClosedLoopOrdered ordered) {
		loops.ordered(ordered.enterpriseId(), ordered.from(), "第" + ordered.noticeNumber() + "号通告");
	}

	@ApplicationModuleListener
	void on(ClosedLoopLifted lifted) {
		loops.lifted(lifted.enterpriseId(), lifted.at(), "第" + lifted.noticeNumber() + "号通告");
	}
}
