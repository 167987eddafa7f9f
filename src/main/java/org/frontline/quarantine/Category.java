package org.frontline.quarantine;

import java.util.List;

/** A category of people in quarantine (密接, 次密接, ...) and its rule versions, newest first. */
public record Category(long id, String code, String name, List<Rule> rules) {
}
