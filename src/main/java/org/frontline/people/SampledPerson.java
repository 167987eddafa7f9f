package org.frontline.people;

/** The person a sampling code or an ID number stands for, as a scanning device may see them: masked. */
public record SampledPerson(long id, String maskedName, String area) {
}
