package org.frontline.area;

/** One area of the hierarchy. */
public record Area(String code, String name, String nameEn, AreaLevel level, String parentCode) {
}
