package org.frontline.area;

import java.util.List;

/** An area with the areas under it, as the tree API answers it. */
public record AreaNode(String code, String name, String nameEn, AreaLevel level, List<AreaNode> children) {
}
