package org.frontline.testing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A tube with its members, its result (null until posted) and the follow-up of its members. */
public record TubeReport(@JsonUnwrapped Tube tube, TubeResult result, List<RetestTask> followUp) {
}
