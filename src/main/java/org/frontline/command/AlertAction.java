package org.frontline.command;

import jakarta.validation.constraints.Size;

/** A person's action on an alert: the user to assign it to (for an assignment) and a note (any action). */
public record AlertAction(@Size(max = 64) String assignee, @Size(max = 2000) String note) {
}
