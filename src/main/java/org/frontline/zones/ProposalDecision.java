package org.frontline.zones;

import jakarta.validation.constraints.Size;

/**
 * The commander's answer to a proposal: confirm (LOCKDOWN on the building, or on the whole compound when
 * {@code wholeCompound}), by the notice {@code notice} or one published with it; or dismiss, with a reason.
 */
public record ProposalDecision(Boolean wholeCompound, Long notice, @Size(max = 500) String reason) {
}
