package org.frontline.quarantine;

/** A category the command centre defines, with its first rule. */
public record NewCategory(String code, String name, NewRule rule) {
}
