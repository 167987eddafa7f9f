package org.frontline.testing;

import java.util.List;

/**
 * Coverage of an area in a round, rolled up from its children: residents in scope, sampled, not sampled (neither
 * sampled nor exempted), exempted (counted apart), and the percent sampled of those not exempted.
 */
public record CoverageFigures(String area, String name, String level, long inScope, long sampled, long notSampled,
		long exempted, double percent, List<CoverageFigures> children) {
}
